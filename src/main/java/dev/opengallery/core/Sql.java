package dev.opengallery.core;

import java.util.List;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Where a set-based statement runs: inside a unit of work's transaction ({@link Tx}), or, for reads that need no
 * transaction, on the pool ({@link Db#reads()}). Statements use PostgreSQL's {@code $n} parameters.
 */
public interface Sql {

    /** A statement with {@code $n} parameters. */
    Statement preparedQuery(String sql);

    /** A statement without parameters. */
    default Statement query(String sql) {
        return preparedQuery(sql);
    }

    /** One SQL statement, ready to run. */
    interface Statement {
        Uni<RowSet<Row>> execute(Tuple params);

        Uni<RowSet<Row>> executeBatch(List<Tuple> batch);

        default Uni<RowSet<Row>> execute() {
            return execute(Tuple.tuple());
        }
    }
}
