package dev.opengallery.catalog.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.util.Timeout;
import org.jboss.logging.Logger;
import org.opensearch.client.opensearch._types.VersionType;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.transport.TransportOptions;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Options;

import dev.opengallery.core.AppClock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The product index behind the alias {@code <prefix>products}: creates an index from its definition
 * ({@link ProductDocuments#INDEX_DEFINITION}), writes documents in bulk with external versions (a write older than
 * the document's version is ignored, so deliveries can repeat and cross), and rebuilds the whole index into a new
 * one whose alias is then swapped.
 */
@ApplicationScoped
public class ProductIndex {

    private static final Logger LOG = Logger.getLogger(ProductIndex.class);

    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    /** Products read and written per bulk request while rebuilding. */
    static final int REBUILD_BATCH = 1000;

    @Inject
    OpenSearchConnection connection;

    @Inject
    Pool pool;

    @Inject
    AppClock clock;

    @Inject
    SearchConfig config;

    private volatile TransportOptions indexing;

    /**
     * The options of indexing requests (bulk writes, index creation, alias swap): their answers may take longer
     * than a search's ({@code opengallery.search.indexing-timeout}).
     */
    TransportOptions indexing() {
        TransportOptions o = indexing;
        if (o == null) {
            Timeout t = Timeout.of(config.indexingTimeout());
            o = ApacheHttpClient5Options.DEFAULT.toBuilder()
                    .setRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(t).setResponseTimeout(t).build())
                    .build();
            indexing = o;
        }
        return o;
    }

    private static String definition;

    /** The index definition (settings and mappings) as JSON. */
    static String definition() {
        if (definition == null) {
            try (InputStream in = Thread.currentThread().getContextClassLoader()
                    .getResourceAsStream(ProductDocuments.INDEX_DEFINITION)) {
                definition = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return definition;
    }

    /** Creates a new, empty product index named {@code <alias>-<timestamp>}; answers its name. */
    public Uni<String> createIndex() {
        String name = connection.alias() + "-" + SUFFIX.format(clock.now()) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        return connection.call(c -> connection.generic().withTransportOptions(indexing()).executeAsync(Requests.builder().method("PUT")
                .endpoint("/" + name).json(definition()).build())).map(response -> {
                    try (response) {
                        if (response.getStatus() / 100 != 2) {
                            throw new IllegalStateException("Creating the index " + name + " answered HTTP "
                                    + response.getStatus() + ": "
                                    + response.getBody().map(b -> b.bodyAsString()).orElse(""));
                        }
                        return name;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /**
     * Writes the documents of these rows of {@link ProductDocuments#SELECT} into {@code index} (an index or the
     * alias) at {@code version}: LISTED rows are indexed, the others deleted. Answers the ids whose write failed
     * for another reason than a newer version already there (so a caller can retry them).
     */
    public Uni<List<UUID>> write(String index, Iterable<Row> rows, long version) {
        return write(index, rows, List.of(), version).map(failed -> List.copyOf(failed.keySet()));
    }

    /**
     * Like {@link #write(String, Iterable, long)}, and deletes the documents of {@code gone} (products that no longer
     * exist); in one {@code _bulk} request. Answers the failed ids with OpenSearch's reason.
     */
    public Uni<Map<UUID, String>> write(String index, Iterable<Row> rows, Collection<UUID> gone, long version) {
        List<BulkOperation> ops = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (Row r : rows) {
            String id = r.getUUID("id").toString();
            ids.add(r.getUUID("id"));
            if (ProductDocuments.listed(r)) {
                Map<String, Object> doc = ProductDocuments.document(r);
                ops.add(BulkOperation.of(b -> b.index(i -> i.index(index).id(id).document(doc).version(version)
                        .versionType(VersionType.ExternalGte))));
            } else {
                ops.add(delete(index, id, version));
            }
        }
        for (UUID id : gone) {
            ids.add(id);
            ops.add(delete(index, id.toString(), version));
        }
        if (ops.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return connection.call(c -> c.withTransportOptions(indexing()).bulk(b -> b.operations(ops))).map(response -> failed(response, ids));
    }

    private static BulkOperation delete(String index, String id, long version) {
        return BulkOperation.of(b -> b.delete(d -> d.index(index).id(id).version(version)
                .versionType(VersionType.ExternalGte)));
    }

    /** Ids whose operation failed, a version conflict (a newer write already there) and a missing delete aside. */
    static Map<UUID, String> failed(BulkResponse response, List<UUID> ids) {
        Map<UUID, String> failed = new LinkedHashMap<>();
        if (!response.errors()) {
            return failed;
        }
        for (int i = 0; i < response.items().size(); i++) {
            var item = response.items().get(i);
            if (item.error() != null && item.status() != 409 && item.status() != 404) {
                LOG.debugf("Indexing product %s failed: %s", ids.get(i), item.error().reason());
                failed.put(ids.get(i), "HTTP " + item.status() + " " + item.error().type() + ": " + item.error().reason());
            }
        }
        return failed;
    }

    /**
     * Builds a new index from every LISTED product (read by id in batches of {@link #REBUILD_BATCH}, each batch at
     * the version {@code version}), then points the alias at it alone and deletes the indices it pointed at.
     * Answers the new index's name.
     */
    public Uni<String> rebuild(LocalDate popularitySince, long version) {
        return rebuild(popularitySince, version, () -> Uni.createFrom().voidItem());
    }

    /**
     * Like {@link #rebuild(LocalDate, long)}, asking {@code goOn} before every batch and before the swap (a failure
     * stops the rebuild). A rebuild that fails before the swap deletes its new index (best effort: what is left, also
     * by a failed swap, is deleted by the next rebuild's {@link #deleteLeftovers()}); the alias still points at the
     * old one.
     */
    public Uni<String> rebuild(LocalDate popularitySince, long version, Supplier<Uni<Void>> goOn) {
        return createIndex().call(name -> copyFrom(name, popularitySince, version, null, goOn)
                .chain(() -> goOn.get())
                .onFailure().call(e -> {
                    LOG.warnf("Rebuilding the search index into %s failed, deleting it: %s", name, e.toString());
                    return delete(List.of(name)).onFailure().recoverWithNull();
                }))
                .call(name -> swapAlias(name));
    }

    private Uni<Void> copyFrom(String index, LocalDate since, long version, UUID after, Supplier<Uni<Void>> goOn) {
        return goOn.get().chain(() -> pool.preparedQuery(ProductDocuments.SELECT
                + " where p.status = 'LISTED' and ($2::uuid is null or p.id > $2)"
                + " order by p.id limit $3").execute(Tuple.of(since, after, REBUILD_BATCH))).chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    UUID last = null;
                    for (Row r : rows) {
                        last = r.getUUID("id");
                    }
                    UUID next = last;
                    return write(index, rows, version).chain(failed -> {
                        if (!failed.isEmpty()) {
                            throw new IllegalStateException(failed.size() + " products could not be indexed into "
                                    + index + ", e.g. " + failed.get(0));
                        }
                        return rows.size() < REBUILD_BATCH ? Uni.createFrom().voidItem()
                                : copyFrom(index, since, version, next, goOn);
                    });
                });
    }

    /**
     * Deletes the product indices of this alias that no alias points at: half-built by a rebuild whose replica died
     * or whose cleanup failed. Only names this class makes ({@link #leftover}) are touched, so indices of another
     * prefix sharing the cluster are not. Run while holding the reindex lease (no other rebuild is building one).
     */
    public Uni<Void> deleteLeftovers() {
        String alias = connection.alias();
        return connection.call(c -> c.withTransportOptions(indexing()).indices().get(g -> g.index(alias + "-*")))
                .chain(found -> {
                    List<String> gone = found.result().entrySet().stream()
                            .filter(e -> leftover(alias, e.getKey(), e.getValue().aliases().keySet()))
                            .map(Map.Entry::getKey).sorted().toList();
                    if (gone.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    LOG.infof("Deleting search indices left by earlier rebuilds: %s", gone);
                    return delete(gone);
                });
    }

    /** Whether {@code name} is an index of {@link #createIndex()} for {@code alias} that no alias points at. */
    static boolean leftover(String alias, String name, java.util.Set<String> aliases) {
        return aliases.isEmpty() && name.startsWith(alias + "-")
                && NAME_SUFFIX.matcher(name.substring(alias.length() + 1)).matches();
    }

    /** The part of an index name after {@code <alias>-}: {@link #SUFFIX} and eight hex digits. */
    private static final java.util.regex.Pattern NAME_SUFFIX = java.util.regex.Pattern
            .compile("\\d{8}-\\d{6}-\\d{3}-[0-9a-f]{8}");

    private Uni<Void> delete(List<String> names) {
        return connection.call(c -> c.withTransportOptions(indexing()).indices().delete(d -> d.index(names)))
                .replaceWithVoid();
    }

    /** Points the alias at {@code index} alone (one atomic request) and deletes the indices it pointed at before. */
    public Uni<Void> swapAlias(String index) {
        String alias = connection.alias();
        return connection.call(c -> c.withTransportOptions(indexing()).indices().refresh(r -> r.index(index)))
                .chain(() -> connection.call(c -> c.withTransportOptions(indexing()).indices().existsAlias(e -> e.name(alias))))
                .chain(exists -> exists.value()
                        ? connection.call(c -> c.withTransportOptions(indexing()).indices().getAlias(g -> g.name(alias)))
                                .map(r -> List.copyOf(r.result().keySet()))
                        : Uni.createFrom().item(List.<String> of()))
                .chain(old -> connection.call(c -> c.withTransportOptions(indexing()).indices().updateAliases(u -> {
                    u.actions(a -> a.add(x -> x.index(index).alias(alias)));
                    for (String o : old) {
                        if (!o.equals(index)) {
                            u.actions(a -> a.remove(x -> x.index(o).alias(alias)));
                        }
                    }
                    return u;
                })).chain(() -> {
                    List<String> gone = old.stream().filter(o -> !o.equals(index)).toList();
                    LOG.infof("Search index %s is now %s%s", alias, index, gone.isEmpty() ? "" : " (deleting " + gone + ")");
                    return gone.isEmpty() ? Uni.createFrom().voidItem() : delete(gone);
                }));
    }
}
