package dev.opengallery.payments;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.opengallery.core.ProblemException;
import io.smallrye.mutiny.Uni;
import dev.opengallery.core.Tx;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Every movement of a customer's money: the balance changes only here, in the caller's transaction, by one
 * conditional UPDATE (so concurrent movements cannot overdraw) and one ledger row with the balance after it.
 * The balance is therefore always the sum of the ledger.
 */
@ApplicationScoped
public class Ledger {

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
}
