package dev.opengallery.catalog.opensearch;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.opengallery.core.AppClock;
import dev.opengallery.core.Times;
import dev.opengallery.jobs.Job;
import dev.opengallery.jobs.JobDoc;
import dev.opengallery.jobs.JobRequest;
import dev.opengallery.jobs.JobRun;
import dev.opengallery.jobs.NamedJob;
import io.smallrye.mutiny.Uni;

/** The search index's jobs as operators run them by name ({@code jobs.JobsResource}). */
public final class SearchJobs {

    /** The most changes an operator's delivery run sends at once. */
    static final int MAX_LIMIT = 5000;

    private SearchJobs() {
    }

    @ApplicationScoped
    @JobDoc(name = SearchOutbox.JOB, operationId = "runSearchOutboxJob", summary = "Deliver due search index changes now",
            description = "With opengallery.search.engine=opensearch: writes up to `limit` due changes (default: the "
                    + "batch size) to the OpenSearch index in one bulk request and answers how many were delivered or "
                    + "rescheduled after a failure. Nothing is claimed while the cluster does not answer. Safe while "
                    + "the scheduler or another replica runs it; with engine=postgresql it does nothing.",
            params = @JobDoc.Param(name = "limit", type = "integer", example = "500",
                    description = "How many due changes to deliver at most (1 to 5000; default: the batch size)"))
    public static class Delivery extends NamedJob {

        Delivery() {
            super(SearchOutbox.JOB, "opengallery.search.outbox-every", "2s");
        }

        @Inject
        SearchOutbox outbox;

        @Inject
        AppClock clock;

        @Override
        public Uni<JobRun> run(JobRequest request) {
            int limit = request.integer("limit", 1, MAX_LIMIT, outbox.batchSize());
            OffsetDateTime ranAt = Times.ts(clock.now());
            return outbox.deliverDue(limit).map(moved -> new JobRun(SearchOutbox.JOB, moved, ranAt));
        }
    }

    @ApplicationScoped
    @JobDoc(name = SearchPopularityDrift.JOB, operationId = "runSearchPopularityJob",
            summary = "Note the products whose popularity window lost a day of sales",
            description = "With opengallery.search.engine=opensearch: puts in the search outbox every listed product "
                    + "that had paid orders on a day that left the popularity window since the last run, so its "
                    + "document's paid_orders follows. Each day is noted once over all replicas; `moved` is the number "
                    + "of products noted.")
    public static class Popularity extends NamedJob {

        Popularity() {
            super(SearchPopularityDrift.JOB, "opengallery.search.popularity-every", "1h");
        }

        @Inject
        SearchPopularityDrift drift;

        @Inject
        AppClock clock;

        @Override
        public Uni<JobRun> run(JobRequest request) {
            OffsetDateTime ranAt = Times.ts(clock.now());
            return drift.noteDrift().map(moved -> new JobRun(SearchPopularityDrift.JOB, moved, ranAt));
        }
    }

    /** The reindex's answer, as the OpenAPI document shows it. */
    @Schema(name = "SearchReindexRun")
    public record ReindexAnswer(
            @Schema(example = "search-reindex") String job,
            @Schema(description = "Products in the new index", example = "1200") int moved,
            OffsetDateTime ranAt,
            @Schema(description = "The new index, now behind the alias", example = "opengallery-products-20261125-100000-000-1a2b3c4d") String index,
            @Schema(description = "Products changed while the rebuild ran, noted again for the new index", example = "3") int notedAgain) {
    }

    @ApplicationScoped
    @JobDoc(name = SearchReindex.JOB, operationId = "runSearchReindexJob", summary = "Rebuild the search index now",
            description = "With opengallery.search.engine=opensearch: builds a new OpenSearch index from every listed "
                    + "product, points the alias at it and deletes the old index (searches read the old one until "
                    + "then: no downtime). Changes made meanwhile are delivered again to the new index. One rebuild at "
                    + "a time over all replicas: 409 while another runs, and with engine=postgresql. 503 "
                    + "(`reindex-stopped`, with Retry-After) when the rebuild stops on the way (OpenSearch unreachable "
                    + "or refusing): its half-built index is deleted and searches still read the old one.",
            answer = ReindexAnswer.class)
    public static class Reindex implements Job {

        @Inject
        SearchReindex reindex;

        @Inject
        AppClock clock;

        @Override
        public String name() {
            return SearchReindex.JOB;
        }

        @Override
        public Optional<String> schedule() {
            return Optional.empty();
        }

        @Override
        public Uni<JobRun> run(JobRequest request) {
            OffsetDateTime ranAt = Times.ts(clock.now());
            return reindex.reindex().map(r -> new JobRun(SearchReindex.JOB, r.documents(), ranAt,
                    Map.of("index", r.index(), "notedAgain", r.notedAgain())));
        }
    }
}
