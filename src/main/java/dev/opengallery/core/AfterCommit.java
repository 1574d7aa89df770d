package dev.opengallery.core;

import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;

/** Runs an action once the transaction open on a connection has committed; never when it rolls back. */
public final class AfterCommit {

    private AfterCommit() {
    }

    /**
     * Registers {@code action} to run when the current transaction of {@code conn} commits. Outside a transaction
     * (each statement commits by itself) the action runs at once. The action must be quick and must not fail (a
     * counter increment, say): it runs on the connection's event loop.
     */
    public static void run(SqlConnection conn, Runnable action) {
        Transaction tx = conn.getDelegate().transaction();
        if (tx == null) {
            action.run();
        } else {
            tx.completion().onSuccess(v -> action.run());
        }
    }
}
