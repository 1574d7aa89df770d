package dev.opengallery.core;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The one way a unit of work opens a transaction: a Hibernate Reactive session and its transaction, shared by the
 * entities and the set-based SQL of that work (see {@link Tx}). Called inside a running transaction (an operation
 * of another feature called from within a unit of work), it joins it: one transaction, one commit.
 */
@ApplicationScoped
public class Db {

    private static final String CURRENT = "opengallery.tx";

    @Inject
    Vertx vertx;

    @Inject
    Pool pool;

    /** Reads that need no transaction: each statement on a pooled connection of its own. */
    public Sql reads() {
        return sql -> new Sql.Statement() {
            @Override
            public Uni<RowSet<Row>> execute(Tuple params) {
                return pool.preparedQuery(sql).execute(params);
            }

            @Override
            public Uni<RowSet<Row>> executeBatch(List<Tuple> batch) {
                return pool.preparedQuery(sql).executeBatch(batch);
            }
        };
    }

    /**
     * Starts {@code work} now and returns at once: on a Vert.x context of its own, so it shares nothing (no session,
     * no transaction) with the caller, typically a unit of work that has just committed ({@link Tx#afterCommit}).
     * A failure goes to {@code failed}.
     */
    public void detached(Supplier<Uni<?>> work, Consumer<Throwable> failed) {
        ownContext(vertx.getOrCreateContext())
                .runOnContext(v -> Uni.createFrom().deferred(work).subscribe().with(done -> { }, failed));
    }

    /** A new duplicated (request-like) context of {@code parent}'s event loop, with locals of its own. */
    private static Context ownContext(Context parent) {
        Context own = VertxContext.createNewDuplicatedContext(parent);
        VertxContextSafetyToggle.setContextSafe(own, true);
        return own;
    }

    public <T> Uni<T> transaction(Function<Tx, Uni<T>> work) {
        Context context = Vertx.currentContext();
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            // a job or a test thread: the session lives on a Vert.x context of its own
            Context own = ownContext(context == null ? vertx.getOrCreateContext() : context);
            return Uni.createFrom().emitter(emitter -> own.runOnContext(v -> Uni.createFrom()
                    .deferred(() -> transaction(work)).subscribe().with(emitter::complete, emitter::fail)));
        }
        Tx current = context.getLocal(CURRENT);
        if (current != null) {
            return work.apply(current);
        }
        Tx[] opened = new Tx[1];
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> {
            opened[0] = new Tx(session);
            context.putLocal(CURRENT, opened[0]);
            return work.apply(opened[0]);
        })).eventually(() -> context.removeLocal(CURRENT)).invoke(() -> opened[0].committed());
    }
}
