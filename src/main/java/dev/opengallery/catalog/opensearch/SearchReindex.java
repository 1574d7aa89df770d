package dev.opengallery.catalog.opensearch;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.opengallery.catalog.CatalogConfig;
import dev.opengallery.core.AppClock;
import dev.opengallery.core.Db;
import dev.opengallery.core.ProblemException;
import dev.opengallery.core.Times;
import dev.opengallery.jobs.Moved;
import dev.opengallery.jobs.Outbox;
import dev.opengallery.jobs.TimedJob;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The full reindex ({@value #JOB}): builds a new index from every LISTED product, then points the alias at it and
 * deletes the old one ({@link ProductIndex#rebuild}); searches keep reading the old index until the swap, so there
 * is no downtime. Changes made while it runs are delivered to the old index: once the alias is swapped, every
 * product with a change still pending or delivered since the rebuild started is noted again in the outbox, so the
 * new index gets it at a version above the rebuild's. At most one rebuild runs at a time over all replicas: it
 * holds the lease in {@code search_index_state} (one conditional update), renewed before every batch and before the
 * swap; a lease not renewed for {@code opengallery.search.reindex-lease} is taken over (a replica that died
 * mid-rebuild), and a rebuild that finds its lease taken over stops. Another run is refused with 409. A rebuild first
 * deletes the half-built indices earlier rebuilds left (died or failed: none is behind the alias), and a rebuild that
 * fails deletes its own. An instance that starts (or whose delivery job finds the cluster back) with no index behind
 * the alias builds it by itself in the background; PostgreSQL answers searches meanwhile.
 */
@ApplicationScoped
public class SearchReindex {

    public static final String JOB = "search-reindex";

    private static final Logger LOG = Logger.getLogger(SearchReindex.class);

    /** Clocks of replicas may differ this much: what was delivered shortly before the start is noted again too. */
    static final Duration CLOCK_MARGIN = Duration.ofMinutes(1);

    /** $1 owner, $2 now, $3 a lease last renewed before this is over. */
    private static final String TAKE_LEASE = """
            update search_index_state set reindex_owner = $1, reindex_started_at = $2, reindex_renewed_at = $2
            where id = 1 and (reindex_owner is null or coalesce(reindex_renewed_at, reindex_started_at) <= $3)
            returning id""";

    /** $1 owner, $2 now: no row when the lease is no longer this rebuild's (taken over). */
    private static final String RENEW_LEASE = """
            update search_index_state set reindex_renewed_at = greatest(reindex_renewed_at, $2)
            where id = 1 and reindex_owner = $1
            returning id""";

    /** $1 now, $2 PENDING, $3 SENT, $4 delivered since. */
    private static final String NOTE_AGAIN = """
            insert into search_outbox (id, product_id, created_at, next_attempt_at)
            select gen_random_uuid(), o.product_id, $1, $1 from (
                select product_id from search_outbox where status = $2
                union
                select product_id from search_outbox where status = $3 and sent_at >= $4) o""";

    /** $1 owner, $2 now (null: released after a failure), $3 the new index. */
    private static final String RELEASE = """
            update search_index_state set reindex_owner = null, reindex_started_at = null, reindex_renewed_at = null,
                   last_rebuild_at = coalesce($2, last_rebuild_at), last_rebuild_index = coalesce($3, last_rebuild_index)
            where id = 1 and reindex_owner = $1""";

    /** What a reindex did: the new index, the documents in it, the changes noted again after the swap. */
    public record Rebuilt(String index, int documents, int notedAgain) implements Moved {
        @Override
        public int moved() {
            return documents;
        }
    }

    @Inject
    SearchConfig config;

    @Inject
    CatalogConfig catalog;

    @Inject
    Db db;

    @Inject
    AppClock clock;

    @Inject
    OpenSearchConnection connection;

    @Inject
    ProductIndex index;

    private final AtomicBoolean building = new AtomicBoolean();

    /** Rebuilds the index behind the alias now; 409 while another rebuild holds the lease. */
    @TimedJob(JOB)
    public Uni<Rebuilt> reindex() {
        if (config.engine() != SearchConfig.Engine.OPENSEARCH) {
            return Uni.createFrom().failure(ProblemException.conflict(
                    "The catalogue is searched with PostgreSQL (opengallery.search.engine): there is no index to rebuild"));
        }
        UUID owner = UUID.randomUUID();
        Instant started = clock.now();
        return db.transaction(tx -> tx.preparedQuery(TAKE_LEASE).execute(Tuple.of(owner, Times.ts(started),
                Times.ts(started.minus(config.reindexLease()))))).chain(taken -> {
                    if (taken.size() == 0) {
                        return Uni.createFrom().failure(ProblemException.conflict(
                                "A reindex is already running (on this or another replica); try again when it ends"));
                    }
                    return rebuild(owner, started).onFailure().call(e -> release(owner, null, null)
                            .onFailure().recoverWithNull())
                            .onFailure(e -> !(e instanceof ProblemException)).transform(SearchReindex::stopped);
                });
    }

    private Uni<Rebuilt> rebuild(UUID owner, Instant started) {
        return db.transaction(tx -> tx.preparedQuery("select nextval('search_document_version') as v")
                .execute(Tuple.tuple())).map(rows -> rows.iterator().next().getLong("v"))
                .call(() -> index.deleteLeftovers())
                .chain(version -> index.rebuild(IndexingRules.popularitySince(clock.today(), catalog.popularityWindow()),
                        version, () -> renew(owner)))
                .chain(name -> connection.call(c -> c.withTransportOptions(index.indexing()).count(r -> r.index(name))).map(count -> (int) count.count())
                        .chain(documents -> finish(owner, started, name)
                                .map(noted -> new Rebuilt(name, documents, noted))))
                .invoke(r -> LOG.infof("Search index rebuilt: %s with %d products; %d changes noted again",
                        r.index(), r.documents(), r.notedAgain()));
    }

    /** Notes again what changed while the rebuild ran, and releases the lease, in one transaction. */
    private Uni<Integer> finish(UUID owner, Instant started, String name) {
        var now = Times.ts(clock.now());
        return db.transaction(tx -> tx.preparedQuery(NOTE_AGAIN).execute(Tuple.of(now, Outbox.Status.PENDING.name(),
                Outbox.Status.SENT.name(), Times.ts(started.minus(CLOCK_MARGIN)))).chain(noted -> tx
                        .preparedQuery(RELEASE).execute(Tuple.of(owner, now, name)).replaceWith(noted.rowCount())));
    }

    /**
     * A rebuild that stopped on a failure (OpenSearch unreachable or refusing, the database away): 503 with
     * Retry-After, saying the alias still points at the old index; the lease is released.
     */
    static ProblemException stopped(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        LOG.warnf("The search reindex stopped, the alias still points at the old index: %s", e.toString());
        return new ProblemException(503, "reindex-stopped", "Reindex stopped",
                "The reindex stopped (" + (why.length() > 300 ? why.substring(0, 300) + "…" : why) + "); searches "
                        + "still read the index behind the alias. Retry when OpenSearch and the database answer",
                null, null).retryAfter(RETRY_AFTER_SECONDS);
    }

    /** Retry-After of a stopped reindex, in seconds. */
    static final long RETRY_AFTER_SECONDS = 30;

    /**
     * Renews the lease (before every batch and before the alias swap); fails when another replica took it over
     * (this rebuild went unrenewed for longer than the lease, e.g. the database was away): the rebuild stops and its
     * index is deleted, and the other rebuild goes on.
     */
    Uni<Void> renew(UUID owner) {
        return db.transaction(tx -> tx.preparedQuery(RENEW_LEASE).execute(Tuple.of(owner, Times.ts(clock.now()))))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.conflict("The reindex lease was taken over by another rebuild (this "
                                + "one went unrenewed for opengallery.search.reindex-lease): this rebuild stops");
                    }
                    return null;
                });
    }

    private Uni<Void> release(UUID owner, java.time.OffsetDateTime at, String name) {
        return db.transaction(tx -> tx.preparedQuery(RELEASE).execute(Tuple.of(owner, at, name))).replaceWithVoid();
    }

    // ------------------------------------------------------------------------------ building a missing index

    void onStart(@Observes StartupEvent event) {
        if (config.engine() == SearchConfig.Engine.OPENSEARCH) {
            buildIfMissingSoon();
        }
    }

    /** In the background: builds the index when no index is behind the alias (once at a time per instance). */
    public void buildIfMissingSoon() {
        if (!config.reindexWhenMissing() || !building.compareAndSet(false, true)) {
            return;
        }
        db.detached(() -> buildIfMissing().eventually(() -> building.set(false)), e -> LOG.warnf(
                "Building the missing search index failed; the delivery job tries again once OpenSearch answers: %s",
                e.toString()));
    }

    private Uni<Void> buildIfMissing() {
        return connection.call(c -> c.indices().existsAlias(e -> e.name(connection.alias()))).chain(exists -> {
            if (exists.value()) {
                return Uni.createFrom().voidItem();
            }
            LOG.infof("No search index behind %s: building it (PostgreSQL answers searches meanwhile)",
                    connection.alias());
            return reindex().replaceWithVoid().onFailure(ProblemException.class).recoverWithItem(e -> {
                // 409: another replica builds it; 503: the build stopped (logged), the delivery job tries again
                LOG.infof("Not building the search index here (%d): %s", e.status(), e.getMessage());
                return null;
            });
        });
    }
}
