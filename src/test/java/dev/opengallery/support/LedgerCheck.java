package dev.opengallery.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.mutiny.sqlclient.Pool;

/** The rule every money test ends with: each account's balance is the sum of its ledger. */
public final class LedgerCheck {

    private LedgerCheck() {
    }

    public static void balancesEqualLedgers(Pool pool) {
        long wrong = pool.query("""
                select count(*) as n from account a
                where a.balance <> coalesce((select sum(l.amount) from ledger_entry l where l.account_id = a.id), 0)""")
                .execute().await().indefinitely().iterator().next().getLong("n");
        assertEquals(0, wrong, "accounts whose balance is not the sum of their ledger");
    }
}
