package dev.opengallery.catalog.opensearch;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.opengallery.catalog.CatalogConfig;
import dev.opengallery.catalog.ProductStatus;
import dev.opengallery.catalog.SearchFeed;
import dev.opengallery.core.AppClock;
import dev.opengallery.core.Db;
import dev.opengallery.core.Times;
import dev.opengallery.core.Tx;
import dev.opengallery.jobs.JobsConfig;
import dev.opengallery.jobs.Outbox;
import dev.opengallery.jobs.TimedJob;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The search outbox ({@code search_outbox}): every change of what a product's search document holds is noted in the
 * change's own transaction ({@link SearchFeed}, one set-based insert) and delivered at least once to the index
 * behind the alias by the {@value #JOB} job, on the shared {@link Outbox} loop: a run claims up to a batch of due
 * rows ({@code for update skip locked}, so replicas never deliver a row at the same time), takes ONE document
 * version for the batch from the sequence {@code search_document_version}, then reads the batch's products in the
 * claim's transaction and writes them in ONE {@code _bulk} request (LISTED products indexed, the others and
 * products that no longer exist deleted). A version taken after the claim and before the read is higher than that
 * of every earlier read, and OpenSearch keeps the highest ({@code external_gte}): repeated or crossing deliveries
 * converge on the newest document. A product whose write the index refused is retried after 30 s, 1 min, 2 min, ...
 * (at most 1 h), never given up. A run first asks whether the alias exists: when the cluster does not answer (or
 * has no index yet) the run claims nothing, so no attempt is spent while it is away, and everything pending goes
 * out with the first run after it returns. With {@code opengallery.search.engine=postgresql} nothing is noted and
 * the job does nothing.
 */
@ApplicationScoped
public class SearchOutbox implements SearchFeed, Outbox.Table<SearchOutbox.Due> {

    public static final String JOB = "search-outbox";

    static final int MAX_BATCHES_PER_TICK = 10;

    private static final Logger LOG = Logger.getLogger(SearchOutbox.class);

    /** $1 product ids, $2 now. */
    static final String ENQUEUE_PRODUCTS = """
            insert into search_outbox (id, product_id, created_at, next_attempt_at)
            select gen_random_uuid(), p, $2, $2 from unnest($1::uuid[]) p""";

    /** $1 seller, $2 now, $3 LISTED (only listed products are in the index; others are noted when they move). */
    static final String ENQUEUE_SELLER = """
            insert into search_outbox (id, product_id, created_at, next_attempt_at)
            select gen_random_uuid(), p.id, $2, $2 from product p where p.seller_id = $1 and p.status = $3""";

    /** $1 now, $2 limit, $3 PENDING. */
    private static final String CLAIM = """
            select o.id, o.product_id, o.attempts
            from search_outbox o
            where o.status = $3 and o.next_attempt_at <= $1
            order by o.next_attempt_at, o.seq
            limit $2
            for update skip locked""";

    private static final String MARK = """
            update search_outbox set status = $2, attempts = $3, next_attempt_at = $4, last_error = $5, sent_at = $6
            where id = $1""";

    /** $1 SENT, $2 delivered before, $3 at most this many rows. */
    private static final String FORGET_SENT = """
            delete from search_outbox where id in (
                select id from search_outbox where status = $1 and sent_at < $2 order by sent_at limit $3)""";

    static final int FORGET_PER_RUN = 5000;

    public record Due(UUID id, UUID productId, int attempts) implements Outbox.Message {
    }

    @Inject
    SearchConfig config;

    @Inject
    CatalogConfig catalog;

    @Inject
    JobsConfig jobs;

    @Inject
    Db db;

    @Inject
    AppClock clock;

    @Inject
    OpenSearchConnection connection;

    @Inject
    ProductIndex index;

    @Inject
    SearchReindex reindex;

    private Outbox<Due> outbox;

    @PostConstruct
    void init() {
        // never gives up; the bulk request's own timeout bounds a send, the loop's bound is only a backstop
        outbox = new Outbox<>(db, clock, this, 0, config.indexingTimeout().plusSeconds(5));
    }

    boolean enabled() {
        return config.engine() == SearchConfig.Engine.OPENSEARCH;
    }

    // ------------------------------------------------------------------------------ noting changes

    @Override
    public Uni<Void> products(Tx tx, Collection<UUID> productIds) {
        if (!enabled() || productIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery(ENQUEUE_PRODUCTS)
                .execute(Tuple.of(productIds.toArray(new UUID[0]), Times.ts(clock.now())))
                .invoke(() -> sendAfterCommit(tx)).replaceWithVoid();
    }

    @Override
    public Uni<Void> seller(Tx tx, UUID sellerId) {
        if (!enabled()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery(ENQUEUE_SELLER)
                .execute(Tuple.of(sellerId, Times.ts(clock.now()), ProductStatus.LISTED.name()))
                .invoke(() -> sendAfterCommit(tx)).replaceWithVoid();
    }

    /**
     * After {@code tx} commits, delivers what it noted, when the jobs are triggered from outside (no timer drains
     * the outbox then).
     */
    private void sendAfterCommit(Tx tx) {
        if (jobs.external()) {
            tx.afterCommit(() -> db.detached(() -> deliverDue(config.outboxBatchSize()), e -> LOG.warnf(
                    "Sending search changes after commit failed, the next run retries: %s", e.toString())));
        }
    }

    // ------------------------------------------------------------------------------ delivering

    @Scheduled(identity = JOB, every = "${opengallery.search.outbox-every:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        if (!enabled()) {
            return Uni.createFrom().voidItem();
        }
        return Outbox.tick(this::deliverDue, config.outboxBatchSize(), MAX_BATCHES_PER_TICK, LOG, "Search index delivery");
    }

    /**
     * Delivers up to {@code limit} due changes once, when the index answers; answers how many rows changed state
     * (delivered or rescheduled). Also forgets rows delivered longer ago than {@code outbox-keep-sent}.
     */
    @TimedJob(JOB)
    public Uni<Integer> deliverDue(int limit) {
        if (!enabled()) {
            return Uni.createFrom().item(0);
        }
        return reachable().chain(ready -> ready
                ? outbox.deliverDue(limit).call(this::forgetSent)
                : Uni.createFrom().item(0));
    }

    /**
     * Whether the cluster answers and the alias exists (one cheap request). When the alias is missing the index is
     * (re)built in the background; deliveries wait for it (writing to a missing alias would create an index of its
     * name).
     */
    Uni<Boolean> reachable() {
        return connection.call(c -> c.indices().existsAlias(e -> e.name(connection.alias())))
                .map(exists -> {
                    if (!exists.value()) {
                        LOG.debugf("No search index behind %s yet: changes wait in the outbox", connection.alias());
                        reindex.buildIfMissingSoon();
                    }
                    return exists.value();
                })
                .onFailure().recoverWithItem(e -> {
                    LOG.debugf("OpenSearch does not answer, search changes wait in the outbox: %s", e.toString());
                    return false;
                });
    }

    private Uni<Void> forgetSent(Integer moved) {
        return db.transaction(tx -> tx.preparedQuery(FORGET_SENT).execute(Tuple.of(Outbox.Status.SENT.name(),
                Times.ts(clock.now().minus(config.outboxKeepSent())), FORGET_PER_RUN))).replaceWithVoid();
    }

    /** The batch an operator's run sends by default. */
    public int batchSize() {
        return config.outboxBatchSize();
    }

    @Override
    public String claimSql() {
        return CLAIM;
    }

    @Override
    public Due read(Row r) {
        return new Due(r.getUUID("id"), r.getUUID("product_id"), r.getInteger("attempts"));
    }

    @Override
    public String markSql() {
        return MARK;
    }

    @Override
    public Uni<Void> send(Due message) {
        throw new UnsupportedOperationException("the search outbox sends whole batches (sendAll)");
    }

    /**
     * One version for the batch, taken before its products are read (in the claim's transaction), then one
     * {@code _bulk}. A request that gets no answer fails the run: the claim rolls back and no attempt is spent.
     */
    @Override
    public Uni<List<String>> sendAll(Tx tx, List<Due> due, Duration timeout) {
        List<UUID> claimed = due.stream().map(Due::productId).toList();
        List<UUID> products = IndexingRules.products(claimed);
        return tx.preparedQuery("select nextval('search_document_version') as v").execute(Tuple.tuple())
                .map(rows -> rows.iterator().next().getLong("v"))
                .chain(version -> tx.preparedQuery(ProductDocuments.SELECT + " where p.id = any($2)")
                        .execute(Tuple.of(IndexingRules.popularitySince(clock.today(), catalog.popularityWindow()),
                                products.toArray(new UUID[0])))
                        .chain(rows -> {
                            Set<UUID> gone = new HashSet<>(products);
                            for (Row r : rows) {
                                gone.remove(r.getUUID("id"));
                            }
                            return index.write(connection.alias(), rows, gone, version);
                        }))
                .ifNoItem().after(timeout).fail()
                .map((Map<UUID, String> failed) -> IndexingRules.outcomes(claimed, failed));
    }

    @Override
    public void recorded(Due d, Outbox.Outcome outcome) {
        if (!outcome.sent()) {
            LOG.infof("Indexing product %s (change %s), attempt %d failed, retrying in %s: %s", d.productId(), d.id(),
                    outcome.attempts(), outcome.retryIn(), outcome.error());
        }
    }
}
