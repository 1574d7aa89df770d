package dev.opengallery.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The rules every money test ends with: each account's balance is the sum of its ledger, and the service's own
 * audit of the books ({@code GET /api/operator/audit/payments}) finds every paid order paid and nothing else
 * broken.
 */
public final class LedgerCheck {

    private LedgerCheck() {
    }

    /** Both rules: every balance the sum of its ledger, and the service's payment audit clean. */
    public static void balancesEqualLedgers(Pool pool) {
        everyBalanceIsItsLedgersSum(pool);
        booksAreConsistent();
    }

    /** Each account's balance is the sum of its ledger entries (read in the database). */
    public static void everyBalanceIsItsLedgersSum(Pool pool) {
        long wrong = pool.query("""
                select count(*) as n from account a
                where a.balance <> coalesce((select sum(l.amount) from ledger_entry l where l.account_id = a.id), 0)""")
                .execute().await().indefinitely().iterator().next().getLong("n");
        assertEquals(0, wrong, "accounts whose balance is not the sum of their ledger");
    }

    /** Runs the service's payment audit as an operator and fails with its violations, if any. */
    public static void booksAreConsistent() {
        JsonPath audit = Tokens.as("auditor", "operator").get("/api/operator/audit/payments").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> violations = audit.getList("violations");
        assertTrue(audit.getBoolean("consistent"), "the payment audit found broken rules: " + violations);
        assertEquals(0, violations.size());
    }
}
