package dev.opengallery.catalog;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Which search statement this instance runs ({@link SearchSql.Path}): the RUM-ranked one when the database has the
 * extension and the index {@value #INDEX} (one catalogue query at start), else the fallback, with a warning at start
 * that names what to run. {@code opengallery.catalog.search.index} forces a path: {@code fallback} always, {@code rum}
 * stops the service at start when the index is missing.
 * <p>
 * The extension installed later: the warning names the statements; once the index exists, the next start of each
 * instance uses it (the check runs once per start).
 */
@ApplicationScoped
public class SearchIndex {

    private static final Logger LOG = Logger.getLogger(SearchIndex.class);

    /** The RUM index the migration V17 creates. */
    public static final String INDEX = "product_listed_search_rum_idx";

    /** The statement that creates it, as the service's role (it owns the table). */
    public static final String CREATE_INDEX = "create index concurrently if not exists " + INDEX
            + " on product using rum (search_vector rum_tsvector_ops) where status = 'LISTED'";

    /** {@code opengallery.catalog.search.index}. */
    public enum Mode {
        AUTO, RUM, FALLBACK
    }

    @Inject
    Pool pool;

    @Inject
    CatalogConfig config;

    @ConfigProperty(name = "opengallery.migrate-and-exit", defaultValue = "false")
    boolean migrateAndExit;

    private volatile SearchSql.Path path;

    private final AtomicBoolean warned = new AtomicBoolean();

    void start(@Observes StartupEvent event) {
        if (migrateAndExit) {
            return;
        }
        Mode mode = config.search().index();
        if (mode == Mode.FALLBACK) {
            path = SearchSql.Path.FALLBACK;
            LOG.info("Search: the GIN statement (opengallery.catalog.search.index=fallback)");
            return;
        }
        try {
            SearchSql.Path found = check().await().atMost(Duration.ofSeconds(30));
            if (mode == Mode.RUM && found != SearchSql.Path.RUM) {
                throw new IllegalStateException("opengallery.catalog.search.index=rum but the database has no RUM "
                        + "index " + INDEX + " (see the warning above)");
            }
        } catch (IllegalStateException e) {
            throw e;
        } catch (RuntimeException e) {
            // the database is unreachable at start: the first search checks again
            LOG.warnf("Search: could not check for the RUM index at start (%s); the first search checks again",
                    e.getMessage());
        }
    }

    /** The path searches take (checked once; again only when the start-time check could not reach the database). */
    public Uni<SearchSql.Path> path() {
        SearchSql.Path known = path;
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        if (config.search().index() == Mode.FALLBACK) {
            path = SearchSql.Path.FALLBACK;
            return Uni.createFrom().item(SearchSql.Path.FALLBACK);
        }
        return check();
    }

    /**
     * Looks for the extension and a valid index in the current database, remembers the path and, when the index is
     * missing, logs a warning that names what to do.
     */
    Uni<SearchSql.Path> check() {
        return pool.query("""
                select current_database() as db,
                       exists (select 1 from pg_available_extensions where name = 'rum') as available,
                       exists (select 1 from pg_extension where extname = 'rum') as installed,
                       exists (select 1 from pg_index i join pg_class c on c.oid = i.indexrelid
                               where c.relname = '%s' and i.indisvalid and pg_table_is_visible(c.oid)) as indexed"""
                .formatted(INDEX)).execute().map(rows -> {
                    Row r = rows.iterator().next();
                    SearchSql.Path found = r.getBoolean("indexed") ? SearchSql.Path.RUM : SearchSql.Path.FALLBACK;
                    if (found == SearchSql.Path.RUM) {
                        LOG.infof("Search: ranked by the RUM index %s (totals counted up to %d)", INDEX,
                                config.search().totalCap());
                    } else {
                        warned.set(true);
                        LOG.warn(advice(r.getString("db"), r.getBoolean("available"), r.getBoolean("installed")));
                    }
                    path = found;
                    return found;
                });
    }

    /** Whether this instance warned that the RUM index is missing. */
    public boolean warned() {
        return warned.get();
    }

    static String advice(String db, boolean available, boolean installed) {
        String steps = (available ? "" : "install the package postgresql-15-rum (the RUM extension) on the database server, ")
                + (installed ? "" : "run as a superuser in database " + db + ": `create extension if not exists rum;`, ")
                + "then as the service's role: `" + CREATE_INDEX + ";` and restart the service";
        return "Search runs WITHOUT the RUM index " + INDEX + " (extension rum "
                + (installed ? "present, index missing" : available ? "not created in this database" : "not installed")
                + "): every search scores all its matches with ts_rank_cd and is slower on a large catalogue. "
                + "To fix: " + steps + ".";
    }
}
