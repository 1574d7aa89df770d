package dev.opengallery.it;

import static dev.opengallery.catalog.CatalogFixtures.flatSpec;
import static dev.opengallery.catalog.CatalogFixtures.listed;
import static dev.opengallery.catalog.CatalogFixtures.product;
import static dev.opengallery.catalog.CatalogFixtures.profile;
import static dev.opengallery.support.Tokens.anonymous;
import static dev.opengallery.support.Tokens.customer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.opengallery.support.PostgresTestResource;
import dev.opengallery.support.Tokens;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;

/**
 * SIGTERM while a job runs, against the packaged jar (or, after {@code -Dnative}, the native executable) started as a
 * process (prod mode, a database of its own).
 * <p>
 * The unpaid-order job is one transaction per run: one statement claims the due orders (at most 10,000), cancels them
 * and writes their CANCELED events, a second gives back the private offers they used, then it commits. So after any
 * run, interrupted or not, either every due order of the batch is CANCELED with exactly one cancel event, or none is.
 * <p>
 * To stop the job deterministically <em>mid-run</em> (after its cancel statement, before its commit), the test holds
 * an EXCLUSIVE lock on {@code private_offer}: the job's second statement waits for it, and the test sees that
 * backend waiting while it already holds its row locks on {@code customer_order}. Then:
 * <ol>
 * <li>SIGTERM, and the lock held past the shutdown timeout ({@code quarkus.shutdown.timeout}, 3 s here): the process
 * exits, the job's transaction never commits; once the lock is released the database shows no canceled order and no
 * cancel event. A new process's run then cancels the whole batch.</li>
 * <li>SIGTERM, and the lock released within the shutdown timeout: the running request is let finish; the caller gets
 * its 200 with every order moved, then the process exits.</li>
 * </ol>
 */
class GracefulShutdownIT {

    static final int BATCH = 25;

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    static PostgresTestResource database;

    static OidcWiremockTestResource identityProvider;

    static Map<String, String> config = new HashMap<>();

    static int previousPort;

    int port;

    Process service;

    @BeforeAll
    static void resources() {
        assertTrue(Files.exists(JAR) || nativeExecutable() != null,
                "the packaged jar or native executable (./mvnw package) is needed: " + JAR.toAbsolutePath());
        database = new PostgresTestResource();
        config.putAll(database.start());
        identityProvider = new OidcWiremockTestResource();
        config.putAll(identityProvider.start());
        config.putAll(PackagedApp.config());
        config.put("opengallery.orders.unpaid-timeout", "1S");
        config.put("quarkus.shutdown.timeout", "3s");
        previousPort = RestAssured.port;
    }

    @AfterAll
    static void release() {
        RestAssured.port = previousPort;
        if (identityProvider != null) {
            identityProvider.stop();
        }
        if (database != null) {
            database.stop();
        }
    }

    @Test
    void aJobInterruptedMidRunLeavesNothingAndTheNextRunCompletesIt() throws Exception {
        start("first");
        List<String> firstBatch = unpaidOrders(BATCH);
        try (Connection lock = connect()) {
            CompletableFuture<HttpResponse<String>> run = holdOffersAndTriggerTheJob(lock);
            int backend = jobWaitingMidRun(0);
            service.destroy(); // SIGTERM
            assertTrue(service.waitFor(30, TimeUnit.SECONDS), "the service did not exit within 30 s of SIGTERM");
            lock.rollback(); // the job's statement may now proceed, but its client is gone: it never commits
            awaitGone(backend);
            assertFalse(run.handle((r, e) -> r != null && r.statusCode() == 200).get(10, TimeUnit.SECONDS),
                    "the interrupted run answered 200");
        }
        assertEquals(0, count("select count(*) from customer_order where state = 'CANCELED'"));
        assertEquals(BATCH, count("select count(*) from customer_order where state = 'PENDING_PAYMENT'"));
        assertEquals(0, count("select count(*) from order_event where to_state = 'CANCELED'"));

        // the next run (a new process, as after a scale-to-zero) cancels the whole batch
        start("second");
        HttpResponse<String> next = runJob().get(30, TimeUnit.SECONDS);
        assertEquals(200, next.statusCode(), next.body());
        assertTrue(next.body().contains("\"moved\":" + BATCH), next.body());
        assertEquals(BATCH, count("select count(*) from customer_order where state = 'CANCELED'"));
        assertEquals(BATCH, count("select count(distinct order_id) from order_event where to_state = 'CANCELED'"));
        assertEquals(BATCH, count("select count(*) from order_event where to_state = 'CANCELED'"));
        assertEquals(BATCH, firstBatch.size());

        // SIGTERM while a run waits, released within the shutdown timeout: the run finishes, then the process exits
        unpaidOrders(BATCH);
        try (Connection lock = connect()) {
            CompletableFuture<HttpResponse<String>> run = holdOffersAndTriggerTheJob(lock);
            jobWaitingMidRun(BATCH);
            service.destroy();
            Thread.sleep(1000);
            assertTrue(service.isAlive(), "the service exited while a request was running");
            lock.rollback();
            HttpResponse<String> finished = run.get(10, TimeUnit.SECONDS);
            assertEquals(200, finished.statusCode(), finished.body());
            assertTrue(finished.body().contains("\"moved\":" + BATCH), finished.body());
            assertTrue(service.waitFor(30, TimeUnit.SECONDS), "the service did not exit after the run");
        }
        assertEquals(2 * BATCH, count("select count(*) from customer_order where state = 'CANCELED'"));
        assertEquals(2 * BATCH, count("select count(*) from order_event where to_state = 'CANCELED'"));
        assertEquals(0, count("select count(*) from customer_order where state = 'PENDING_PAYMENT'"));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    void start(String name) throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        Path executable = nativeExecutable();
        command.add(executable != null ? executable.toString()
                : Path.of(System.getProperty("java.home"), "bin", "java").toString());
        config.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=" + port);
        if (executable == null) {
            command.add("-jar");
            command.add(JAR.toString());
        }
        Path log = Path.of("target", "graceful-shutdown-" + name + ".log");
        service = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RestAssured.port = port;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                fail("the service exited (" + service.exitValue() + "); see " + log.toAbsolutePath());
            }
            try {
                if (HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        service.destroyForcibly();
        fail("the service was not ready within 90 s; see " + log.toAbsolutePath());
    }

    /** The native executable when the last build made one ({@code -Dnative}: newer than the jar, or no jar). */
    static Path nativeExecutable() {
        String path = System.getProperty("native.image.path");
        if (path == null || !Files.isExecutable(Path.of(path))) {
            return null;
        }
        try {
            return !Files.exists(JAR) || Files.getLastModifiedTime(Path.of(path)).compareTo(
                    Files.getLastModifiedTime(JAR)) > 0 ? Path.of(path) : null;
        } catch (IOException e) {
            return null;
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** {@code n} orders placed by one buyer and left unpaid past the timeout (1 s here). */
    static List<String> unpaidOrders(int n) throws InterruptedException {
        String seller = Tokens.fresh("gs-seller");
        profile(seller);
        String license = listed(seller, product("LICENSE", "SECURITY", "Shutdown AV", "x",
                List.of(flatSpec("Perpetual", "ONE_TIME", "300.00"))));
        String spec = anonymous().get("/api/catalog/products/" + license).then().extract().path("specifications[0].id");
        String buyer = Tokens.fresh("gs-buyer");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(customer(buyer).body(Map.of("productId", license, "specificationId", spec, "billingMode", "ONE_TIME",
                    "acceptTerms", true)).post("/api/orders").then().statusCode(201).extract().path("id"));
        }
        Thread.sleep(1500);
        return ids;
    }

    CompletableFuture<HttpResponse<String>> holdOffersAndTriggerTheJob(Connection lock) throws SQLException {
        lock.setAutoCommit(false);
        try (Statement st = lock.createStatement()) {
            st.execute("lock table private_offer in exclusive mode");
        }
        return runJob();
    }

    CompletableFuture<HttpResponse<String>> runJob() {
        return HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(uri("/api/operator/jobs/unpaid-orders/run"))
                .header("Authorization", "Bearer " + Tokens.token("operator-1", "operator"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Waits until the job's backend waits for the offers lock, having run its cancel statement: it holds a lock on
     * customer_order (its claimed rows) within its open transaction, while the committed state shows no cancel yet.
     */
    int jobWaitingMidRun(int committedCancels) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            long pid = count("""
                    select coalesce(max(a.pid), 0) from pg_stat_activity a
                    where a.datname = current_database() and a.wait_event_type = 'Lock'
                      and a.query like '%update private_offer%'
                      and exists (select 1 from pg_locks l where l.pid = a.pid and l.granted
                                  and l.relation = 'customer_order'::regclass and l.mode = 'RowExclusiveLock')""");
            if (pid != 0) {
                assertEquals(committedCancels, count("select count(*) from customer_order where state = 'CANCELED'"),
                        "a cancel of the running job is visible before its commit");
                return (int) pid;
            }
            Thread.sleep(100);
        }
        fail("the job did not reach its offers statement within 20 s");
        return 0;
    }

    static void awaitGone(int backend) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (count("select count(*) from pg_stat_activity where pid = " + backend) > 0) {
            if (System.nanoTime() > deadline) {
                fail("the interrupted job's database session is still there after 20 s");
            }
            Thread.sleep(100);
        }
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
    }

    static long count(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
