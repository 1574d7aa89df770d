package dev.opengallery.ordering;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.opengallery.payments.Ledger;
import dev.opengallery.core.Page;
import dev.opengallery.core.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads of accounts and their ledgers. */
@ApplicationScoped
public class Accounts {

    @Inject
    Pool pool;

    @Schema(name = "LedgerEntry")
    public record LedgerEntryView(UUID id, Ledger.Kind kind, @Schema(example = "-100.00") BigDecimal amount,
            @Schema(example = "20.50") BigDecimal balanceAfter, UUID orderId, String reference, String note,
            OffsetDateTime createdAt) {
    }

    public Uni<AccountView> find(UUID id) {
        return pool.preparedQuery("select id, subject, currency, balance, credit_limit, reseller, offer_credit_limit, offer_credit_used from account where id = $1")
                .execute(Tuple.of(id)).map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Account");
                    }
                    return view(rows.iterator().next());
                });
    }

    public Uni<AccountView> findBySubject(String subject) {
        return pool.preparedQuery("select id, subject, currency, balance, credit_limit, reseller, offer_credit_limit, offer_credit_used from account where subject = $1")
                .execute(Tuple.of(subject)).map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Account");
                    }
                    return view(rows.iterator().next());
                });
    }

    static AccountView view(Row r) {
        BigDecimal balance = r.getBigDecimal("balance");
        BigDecimal credit = r.getBigDecimal("credit_limit");
        return new AccountView(r.getUUID("id"), r.getString("subject"), r.getString("currency"), balance, credit,
                balance.add(credit), r.getString("reseller"), r.getBigDecimal("offer_credit_limit"),
                r.getBigDecimal("offer_credit_used"));
    }

    public Uni<Page<LedgerEntryView>> ledger(UUID accountId, int page, int size) {
        return pool.preparedQuery("""
                select id, kind, amount, balance_after, order_id, reference, note, created_at, count(*) over () as total
                from ledger_entry where account_id = $1 order by seq desc limit $2 offset $3""")
                .execute(Tuple.of(accountId, size, (long) page * size)).map(rows -> Page.of(rows,
                        r -> new LedgerEntryView(r.getUUID("id"), Ledger.Kind.valueOf(r.getString("kind")),
                                r.getBigDecimal("amount"), r.getBigDecimal("balance_after"), r.getUUID("order_id"),
                                r.getString("reference"), r.getString("note"), r.getOffsetDateTime("created_at")),
                        page, size));
    }
}
