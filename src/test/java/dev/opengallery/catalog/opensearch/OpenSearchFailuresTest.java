package dev.opengallery.catalog.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import dev.opengallery.catalog.CatalogConfig;
import dev.opengallery.catalog.SearchCriteria;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * How OpenSearch failures end (without a node, against small fake servers): every one answers null (PostgreSQL
 * answers the search) within the timeout, counted by reason, and the cool-down keeps the next searches off the
 * cluster.
 */
class OpenSearchFailuresTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final List<AutoCloseable> servers = new CopyOnWriteArrayList<>();
    static final SearchCriteria CRITERIA = new SearchCriteria("backup", null, null, null, null, null, null, null, 0, 20);

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : servers) {
            c.close();
        }
    }

    /** A config interface answering the given values by method name (and empty/null for anything else). */
    @SuppressWarnings("unchecked")
    static <T> T config(Class<T> type, Map<String, Object> values) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
            if (values.containsKey(method.getName())) {
                return values.get(method.getName());
            }
            return method.getReturnType() == Optional.class ? Optional.empty() : null;
        });
    }

    OpenSearchCatalogSearch search(String url) {
        SearchConfig.OpenSearch os = config(SearchConfig.OpenSearch.class, Map.of("url", url, "indexPrefix", "t-",
                "timeout", Duration.ofMillis(400), "connectTimeout", Duration.ofMillis(400),
                "coolDown", Duration.ofSeconds(30)));
        SearchConfig settings = config(SearchConfig.class, Map.of("engine", SearchConfig.Engine.OPENSEARCH,
                "opensearch", os));
        CatalogConfig.Search catalogSearch = config(CatalogConfig.Search.class, Map.of("totalCap", 1000));
        OpenSearchConnection connection = new OpenSearchConnection();
        connection.config = settings;
        servers.add(connection::close);
        OpenSearchCatalogSearch s = new OpenSearchCatalogSearch();
        s.config = settings;
        s.catalog = config(CatalogConfig.class, Map.of("search", catalogSearch));
        s.connection = connection;
        s.registry = registry;
        s.init();
        return s;
    }

    double counted(String reason) {
        var c = registry.find("opengallery.search.fallback").tag("reason", reason).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void aClusterThatDoesNotAnswerTimesOutThenTheCoolDownKeepsSearchesOffIt() throws Exception {
        ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        servers.add(silent);
        AtomicInteger accepted = new AtomicInteger();
        List<Socket> held = new CopyOnWriteArrayList<>();
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    held.add(silent.accept());
                    accepted.incrementAndGet();
                }
            } catch (IOException e) {
                // closed
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        OpenSearchCatalogSearch s = search("http://127.0.0.1:" + silent.getLocalPort());

        long start = System.nanoTime();
        assertNull(s.search(CRITERIA, LocalDate.now()).await().atMost(Duration.ofSeconds(10)));
        long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(took >= 350 && took < 3000, "answered after the timeout, not later: " + took + " ms");
        assertEquals(1, counted("timeout"));

        int connections = accepted.get();
        start = System.nanoTime();
        assertNull(s.search(CRITERIA, LocalDate.now()).await().atMost(Duration.ofSeconds(10)));
        assertNull(s.popular(5, LocalDate.now()).await().atMost(Duration.ofSeconds(10)));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 300, "the cool-down does not wait");
        assertEquals(3, counted("timeout"), "cool-down fallbacks carry the reason of the failure");
        assertEquals(connections, accepted.get(), "nothing sent during the cool-down");
        for (Socket socket : held) {
            socket.close();
        }
    }

    @Test
    void anErrorAnswerAndAnUnreadableAnswerFallBack() throws Exception {
        assertNull(search(serve(503, "{\"error\":{\"type\":\"cluster_block_exception\",\"reason\":\"blocked\"},"
                + "\"status\":503}")).search(CRITERIA, LocalDate.now()).await().atMost(Duration.ofSeconds(10)));
        assertEquals(1, counted("error"));
        assertNull(search(serve(404, "{\"error\":{\"type\":\"index_not_found_exception\",\"reason\":\"no such index\"},"
                + "\"status\":404}")).search(CRITERIA, LocalDate.now()).await().atMost(Duration.ofSeconds(10)));
        assertEquals(1, counted("missing_index"));
        // a hit whose document the service cannot read
        assertNull(search(serve(200, "{\"took\":1,\"timed_out\":false,\"_shards\":{\"total\":1,\"successful\":1,"
                + "\"skipped\":0,\"failed\":0},\"hits\":{\"total\":{\"value\":1,\"relation\":\"eq\"},\"max_score\":1.0,"
                + "\"hits\":[{\"_index\":\"t-products-1\",\"_id\":\"x\",\"_score\":1.0,\"_source\":{\"id\":\"not-a-uuid\"}}]}}"))
                .search(CRITERIA, LocalDate.now()).await().atMost(Duration.ofSeconds(10)));
        assertEquals(1, counted("invalid_response"));
        // nothing listening
        int free;
        try (ServerSocket s = new ServerSocket(0)) {
            free = s.getLocalPort();
        }
        assertNull(search("http://127.0.0.1:" + free).search(CRITERIA, LocalDate.now()).await()
                .atMost(Duration.ofSeconds(10)));
        assertEquals(1, counted("unreachable"));
    }

    private String serve(int status, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        servers.add(() -> server.stop(0));
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
