package dev.opengallery.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real OpenSearch 2.19.6 node for the tests that search with {@code opengallery.search.engine=opensearch}: one
 * node per test JVM, started by {@code src/test/opensearch/node.sh} on a free port in its own process (its data in a
 * temporary folder), shared by every test profile that uses this resource and stopped with the JVM (it also exits
 * when its standard input closes). {@link #stopNode()} and {@link #startNode()} stop and start it mid-test (same
 * port, same data), for the tests of the fallback to PostgreSQL and the catch-up.
 * <p>
 * Sets {@code opengallery.search.engine=opensearch}, the node's URL, an index prefix of its own per Quarkus start
 * (profiles do not see each other's indices).
 */
public class OpenSearchTestResource implements QuarkusTestResourceLifecycleManager {

    private static Process node;
    private static int port;
    private static Path home;
    private static int starts;

    @Override
    public Map<String, String> start() {
        startNode();
        starts++;
        return Map.of(
                "opengallery.search.engine", "opensearch",
                "opengallery.search.opensearch.url", url(),
                "opengallery.search.opensearch.index-prefix", "test" + ProcessHandle.current().pid() + "-" + starts + "-");
    }

    @Override
    public void stop() {
        // the node outlives a profile: the next one reuses it; it stops with the JVM
    }

    /** The node's base URL. */
    public static synchronized String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the node (again, on the same port and data) unless it runs; returns when it answers. */
    public static synchronized void startNode() {
        if (node != null && node.isAlive()) {
            return;
        }
        try {
            if (home == null) {
                home = Files.createTempDirectory("opengallery-opensearch");
                try (ServerSocket s = new ServerSocket(0)) {
                    port = s.getLocalPort();
                }
                Runtime.getRuntime().addShutdownHook(new Thread(OpenSearchTestResource::stopNode));
            }
            Path script = Path.of("src/test/opensearch/node.sh").toAbsolutePath();
            Path log = home.resolve("node.log");
            node = new ProcessBuilder("bash", script.toString(), String.valueOf(port), home.toString(),
                    "--exit-with-stdin").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (!answers()) {
                if (!node.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("The OpenSearch test node did not start; its log: " + log + "\n"
                            + tail(log));
                }
                Thread.sleep(250);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the node (its data stays) and returns once it no longer answers. */
    public static synchronized void stopNode() {
        Process p = node;
        if (p == null) {
            return;
        }
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            p.waitFor();
            for (int i = 0; i < 100 && answers(); i++) {
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        node = null;
    }

    /** Whether the node answers its cluster health with yellow or green. */
    public static boolean answers() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url() + "/_cluster/health?wait_for_status=yellow&timeout=1s")
                    .toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(3000);
            try {
                return c.getResponseCode() == 200;
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static String tail(Path log) {
        try {
            var lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
