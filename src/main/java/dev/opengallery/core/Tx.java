package dev.opengallery.core;

import java.util.ArrayList;
import java.util.List;

import org.hibernate.JDBCException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.pool.ReactiveConnection;
import org.hibernate.reactive.pool.impl.SqlClientConnection;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.TypeArg;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

/**
 * One open reactive transaction, shared by the entities and the set-based SQL of a unit of work: {@link #session()}
 * is the Hibernate Reactive session (entities load and flush through it), and {@link #preparedQuery} runs SQL on the
 * very connection that session holds, inside its transaction. Obtained only from {@link Db#transaction}; it is never
 * kept beyond the work it was given to.
 * <p>
 * The SQL side mirrors the Vert.x client's {@code preparedQuery(sql).execute(tuple)} so that set-based statements read
 * as they always did. Entity changes are flushed before each statement, so a statement sees what the entities changed
 * earlier in the same transaction.
 */
public final class Tx implements Sql {

    private final Mutiny.Session session;
    private final List<Runnable> afterCommit = new ArrayList<>();

    Tx(Mutiny.Session session) {
        this.session = session;
    }

    /** The Hibernate Reactive session of this transaction (entities). */
    public Mutiny.Session session() {
        return session;
    }

    /** A statement with {@code $n} parameters, run on this transaction's connection. */
    @Override
    public Statement preparedQuery(String sql) {
        return new InTransaction(sql);
    }

    /**
     * Runs {@code action} once this transaction has committed, never when it rolls back. The action must be quick
     * and must not fail (a counter increment, say).
     */
    public void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    void committed() {
        afterCommit.forEach(Runnable::run);
    }

    /** Flushes pending entity changes so that SQL statements that follow see them. */
    public Uni<Void> flush() {
        return session.flush();
    }

    /** One SQL statement bound to this transaction. */
    private final class InTransaction implements Statement {
        private final String sql;

        private InTransaction(String sql) {
            this.sql = sql;
        }

        @Override
        public Uni<RowSet<Row>> execute(Tuple params) {
            return flush().chain(() -> Uni.createFrom()
                    .completionStage(() -> connection().preparedQuery(sql, params.getDelegate()))
                    .map(Tx::rows).onFailure(JDBCException.class).transform(Tx::asPostgres));
        }

        @Override
        public Uni<RowSet<Row>> executeBatch(List<Tuple> batch) {
            List<io.vertx.sqlclient.Tuple> tuples = batch.stream().map(Tuple::getDelegate).toList();
            return flush().chain(() -> Uni.createFrom()
                    .completionStage(() -> connection().preparedQueryBatch(sql, tuples))
                    .map(Tx::rows).onFailure(JDBCException.class).transform(Tx::asPostgres));
        }
    }

    private static final TypeArg<Row> ROW = new TypeArg<>(o -> Row.newInstance((io.vertx.sqlclient.Row) o),
            Row::getDelegate);

    private static RowSet<Row> rows(io.vertx.sqlclient.RowSet<io.vertx.sqlclient.Row> rows) {
        return RowSet.newInstance(rows, ROW);
    }

    /**
     * Hibernate Reactive reports a statement's failure as a Hibernate exception carrying PostgreSQL's SQLSTATE (and,
     * for constraint violations, the constraint's name); statements of a {@code Tx} fail as they do on the pool, with
     * the server's error ({@link PgException}: SQLSTATE, message, constraint), so callers test one kind of failure.
     */
    public static Throwable asPostgres(Throwable failure) {
        JDBCException e = (JDBCException) failure;
        if (e.getSQLState() == null) {
            return failure;
        }
        String message = e.getSQLException().getMessage();
        if (message != null && message.startsWith("ERROR: ")) {
            message = message.substring("ERROR: ".length());
        }
        String suffix = " (" + e.getSQLState() + ")";
        if (message != null && message.endsWith(suffix)) {
            message = message.substring(0, message.length() - suffix.length());
        }
        String constraint = e instanceof ConstraintViolationException c ? c.getConstraintName() : null;
        PgException pg = new PgException(message, "ERROR", e.getSQLState(), null, null, null, null, null, null, null,
                null, null, null, null, null, null, constraint);
        pg.addSuppressed(failure);
        return pg;
    }

    private SqlClientConnection connection() {
        // the session's connection, without Hibernate's statement batching around it (entity changes are flushed,
        // so no batch is pending when a statement runs)
        ReactiveConnection c = ((MutinySessionImpl) session).getReactiveConnection().withBatchSize(1);
        if (c instanceof SqlClientConnection sql) {
            return sql;
        }
        throw new IllegalStateException("The session's connection is a " + c.getClass().getName()
                + ", not the pool's SQL connection");
    }
}
