package dev.opengallery.payments;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.opengallery.core.Currencies;
import dev.opengallery.core.Money;
import dev.opengallery.core.ProblemException;
import io.smallrye.mutiny.Uni;
import dev.opengallery.core.Tx;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Every movement of a customer's money: the balance changes only here, in the caller's transaction, by one
 * conditional UPDATE (so concurrent movements cannot overdraw) and one ledger row with the balance after it.
 * The balance is therefore always the sum of the ledger. Large runs (the hourly billing of pay-per-use images) post
 * through {@link #chargeAll}: one set-based statement for all accounts of the run.
 */
@ApplicationScoped
public class Ledger {

    @Inject
    Currencies currencies;

    /** The minor digits of every currency, for {@link #chargeAll} (built once). */
    private volatile Digits minorDigits;

    @Schema(name = "LedgerEntryKind")
    public enum Kind {
        TOP_UP, PAYMENT, REFUND, CHARGE, SETTLEMENT
    }

    /** How far a debit may take the balance: not below zero, or not below minus the credit limit. */
    public enum Floor {
        NONE, ZERO, CREDIT_LIMIT
    }

    public record Entry(UUID id, BigDecimal balanceAfter) {
    }

    public Uni<Entry> post(Tx conn, UUID accountId, Kind kind, BigDecimal amount, Floor floor,
            UUID orderId, String reference, String note, Instant now) {
        return conn.preparedQuery("""
                update account set balance = balance + $2
                where id = $1 and ($3::text = 'NONE' or ($3::text = 'ZERO' and balance + $2 >= 0)
                                  or ($3::text = 'CREDIT_LIMIT' and balance + $2 >= -credit_limit))
                returning balance""").execute(Tuple.of(accountId, amount, floor.name()))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().failure(ProblemException.unprocessable(floor == Floor.CREDIT_LIMIT
                                ? "The amount exceeds your available credit"
                                : "Your balance does not cover the amount; top up or pay on credit"));
                    }
                    BigDecimal after = rows.iterator().next().getBigDecimal("balance");
                    UUID id = UUID.randomUUID();
                    return conn.preparedQuery("""
                            insert into ledger_entry (id, account_id, kind, amount, balance_after, order_id, reference,
                                note, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)""")
                            .execute(Tuple.tuple().addValue(id).addValue(accountId).addValue(kind.name())
                                    .addValue(amount).addValue(after).addValue(orderId).addValue(reference)
                                    .addValue(note).addValue(now.atOffset(ZoneOffset.UTC)))
                            .replaceWith(new Entry(id, after));
                });
    }

    /**
     * What the caller of {@link #chargeAll} gets to work with: the relation {@code posted(account_id, amount, posted,
     * debited)} (one row per account of the source: the amount asked, the part of it posted (rounded down to the
     * account currency's minor unit), and the part debited: what the balance and credit covered).
     */
    public static final String POSTED = "posted";

    /** The default continuation of {@link #chargeAll}: answers the posted relation, one row per account. */
    public static final String ANSWER_POSTED = "select account_id, amount, posted, debited from posted order by account_id";

    /**
     * Charges many accounts at once, in the caller's transaction and in ONE statement (no account row passes through
     * the JVM). {@code source} is a SELECT (with the caller's parameters {@code $1..$n} of {@code params}) answering
     * one row per account: {@code account_id}, {@code amount} (what is due, positive, any scale), {@code reference}
     * and {@code note}. Per account, locked in id order (as {@link #post} locks one): the amount is rounded DOWN to
     * the minor unit of the account's currency ({@link Money#minorDigits}; the rest is the caller's to carry); what
     * the balance and the credit limit cover is debited (never below {@code -credit_limit}), with one CHARGE ledger
     * row carrying the balance after it (its note says what was not covered). {@code then} continues the statement
     * (a SELECT, or more {@code , name as (...)} CTEs followed by a SELECT) over the relation {@link #POSTED}: it
     * may use the caller's parameters; null answers {@link #ANSWER_POSTED}.
     */
    public Uni<RowSet<Row>> chargeAll(Tx tx, String source, Tuple params, String then, Instant now) {
        int n = params.size();
        Digits digits = minorDigits;
        if (digits == null) {
            digits = minorDigits = digits(currencies);
        }
        Tuple all = Tuple.tuple();
        for (int i = 0; i < n; i++) {
            all.addValue(params.getValue(i));
        }
        all.addValue(now.atOffset(ZoneOffset.UTC)).addArrayOfString(digits.codes()).addArrayOfInteger(digits.digits());
        return tx.preparedQuery(chargeAllSql(source, n, then)).execute(all);
    }

    static String chargeAllSql(String source, int callerParams, String then) {
        String at = "$" + (callerParams + 1);
        String codes = "$" + (callerParams + 2);
        String digits = "$" + (callerParams + 3);
        return """
                with src as (
                %s
                ), minor as (
                    select * from unnest(%s::text[], %s::int[]) as m(code, digits)
                ), q as materialized (
                    select s.account_id, s.amount, s.reference, s.note,
                           trunc(s.amount, m.digits) as posted,
                           least(trunc(s.amount, m.digits), greatest(a.balance + a.credit_limit, 0)) as debit
                    from src s
                    join account a on a.id = s.account_id
                    join minor m on m.code = a.currency::text
                    order by a.id
                    for update of a
                ), acc as (
                    update account a set balance = a.balance - q.debit
                    from q where a.id = q.account_id and q.debit > 0
                    returning a.id, a.balance
                ), led as (
                    insert into ledger_entry (id, account_id, kind, amount, balance_after, reference, note, created_at)
                    select gen_random_uuid(), acc.id, 'CHARGE', -q.debit, acc.balance, q.reference,
                           q.note || case when q.debit < q.posted
                                          then ' (' || (q.posted - q.debit) || ' not covered: arrears)' else '' end,
                           %s::timestamptz
                    from acc join q on q.account_id = acc.id
                    order by acc.id
                ), posted as (
                    select account_id, amount, posted, debit as debited from q
                )
                %s""".formatted(source, codes, digits, at, then == null ? ANSWER_POSTED : then);
    }

    /** Currency codes and their minor digits, as SQL arrays. */
    record Digits(String[] codes, Integer[] digits) {
    }

    /**
     * The minor digits of the marketplace's currencies (core.Currencies, first), then of every other ISO 4217
     * currency (an account opened in a currency the marketplace no longer lists is still charged in its own unit),
     * all from {@link Money#minorDigits}.
     */
    static Digits digits(Currencies currencies) {
        List<Currency> all = new ArrayList<>(currencies.all());
        Currency.getAvailableCurrencies().stream().filter(c -> !all.contains(c))
                .sorted(java.util.Comparator.comparing(Currency::getCurrencyCode)).forEach(all::add);
        String[] codes = new String[all.size()];
        Integer[] digits = new Integer[all.size()];
        for (int i = 0; i < all.size(); i++) {
            codes[i] = all.get(i).getCurrencyCode();
            digits[i] = Money.minorDigits(all.get(i));
        }
        return new Digits(codes, digits);
    }
}
