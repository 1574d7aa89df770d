package dev.opengallery.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.opengallery.core.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The ledger's batch charge: rounding down to each account currency's minor unit, the credit floor, one row each. */
@QuarkusTest
class PaymentLedgerBatchTest {

    @Inject
    Ledger ledger;

    @Inject
    Db db;

    @Inject
    Pool pool;

    private UUID account(String currency, String balance, String creditLimit) {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("""
                insert into account (id, subject, created_at, currency, balance, credit_limit)
                values ($1, $2, $3, $4, $5, $6)""")
                .execute(Tuple.of(id, "batch-" + id, Instant.now().atOffset(ZoneOffset.UTC), currency,
                        new BigDecimal(balance), new BigDecimal(creditLimit)))
                .await().indefinitely();
        if (new BigDecimal(balance).signum() != 0) {
            pool.preparedQuery("""
                    insert into ledger_entry (id, account_id, kind, amount, balance_after, note, created_at)
                    values (gen_random_uuid(), $1, 'TOP_UP', $2, $2, 'seed', now())""")
                    .execute(Tuple.of(id, new BigDecimal(balance))).await().indefinitely();
        }
        return id;
    }

    private Row account(UUID id) {
        return pool.preparedQuery("""
                select a.balance, (select count(*) from ledger_entry l where l.account_id = a.id and l.kind = 'CHARGE')
                           as charges,
                       (select string_agg(l.note, '|') from ledger_entry l where l.account_id = a.id and l.kind = 'CHARGE')
                           as notes,
                       a.balance = (select sum(l.amount) from ledger_entry l where l.account_id = a.id) as consistent
                from account a where a.id = $1""").execute(Tuple.of(id)).await().indefinitely().iterator().next();
    }

    @Test
    void chargesEachAccountInItsMinorUnitDownToItsCreditFloorInOneStatement() {
        UUID usd = account("USD", "10.00", "0");
        UUID jpy = account("JPY", "1000.00", "0");
        UUID credit = account("USD", "0.50", "1.00");
        UUID tiny = account("USD", "5.00", "0");
        String[] ids = { usd.toString(), jpy.toString(), credit.toString(), tiny.toString() };
        String[] amounts = { "1.23456", "12.9", "2.509", "0.004" };
        String source = """
                select s.id::uuid as account_id, s.amount::numeric as amount, 'batch-test' as reference,
                       'Batch ' || $3 as note
                from unnest($1::text[], $2::text[]) as s(id, amount)""";

        Map<UUID, Row> answer = new HashMap<>();
        db.transaction(tx -> ledger.chargeAll(tx, source, Tuple.of(ids, amounts, "x"), null, Instant.now()))
                .await().indefinitely().forEach(r -> answer.put(r.getUUID("account_id"), r));

        assertEquals(4, answer.size());
        // USD: two minor digits, rounded down; the rest is not posted (the caller carries it)
        assertEquals(new BigDecimal("1.23"), answer.get(usd).getBigDecimal("posted"));
        assertEquals(new BigDecimal("1.23"), answer.get(usd).getBigDecimal("debited"));
        assertEquals(new BigDecimal("8.77"), account(usd).getBigDecimal("balance"));
        // JPY has no minor unit: 12.9 posts 12
        assertEquals(0, new BigDecimal("12").compareTo(answer.get(jpy).getBigDecimal("posted")));
        assertEquals(0, new BigDecimal("988").compareTo(account(jpy).getBigDecimal("balance")));
        // balance 0.50 and credit 1.00 cover 1.50 of 2.50: the balance stops at minus the credit limit
        assertEquals(new BigDecimal("2.50"), answer.get(credit).getBigDecimal("posted"));
        assertEquals(new BigDecimal("1.50"), answer.get(credit).getBigDecimal("debited"));
        assertEquals(new BigDecimal("-1.00"), account(credit).getBigDecimal("balance"));
        assertTrue(account(credit).getString("notes").contains("Batch x (1.00 not covered: arrears)"),
                account(credit).getString("notes"));
        // less than a cent posts nothing and writes no ledger row
        assertEquals(0, answer.get(tiny).getBigDecimal("posted").signum());
        assertEquals(0L, account(tiny).getLong("charges"));
        assertEquals(new BigDecimal("5.00"), account(tiny).getBigDecimal("balance"));

        for (UUID id : new UUID[] { usd, jpy, credit }) {
            assertEquals(1L, account(id).getLong("charges"), "one CHARGE row for " + id);
            assertTrue(account(id).getBoolean("consistent"), "balance is the sum of the ledger for " + id);
        }
    }
}
