package dev.opengallery.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.opengallery.core.BadRequests.Probe;
import dev.opengallery.core.OpenApiOperations.Op;
import dev.opengallery.support.LedgerCheck;
import dev.opengallery.support.TestClock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The bad-input campaign: for every operation of the service's own OpenAPI document, bad requests of every kind
 * ({@link BadRequests}) sent as every role. Every answer must be below 500, every 4xx a problem document whose
 * status is the HTTP status, no bad request may be taken (a 2xx other than a GET), and no batch of refused
 * requests (one operation as one role) may change a row of any table. All findings are collected and reported
 * together, grouped by kind; the numbers are printed (and written to target/bad-input-campaign.txt).
 */
@QuarkusTest
class BadInputCampaignTest {

    @Inject
    Pool pool;

    @Inject
    TestClock clock;

    @TestHTTPResource("/")
    URL base;

    @Test
    void everyBadRequestIsRefusedWholeAsEveryRole() throws Exception {
        String document = RestAssured.given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        List<Op> operations = new OpenApiOperations(document).operations().stream()
                .filter(op -> op.path().startsWith("/api/")).toList();
        CampaignWorld world = new CampaignWorld(clock.instant());
        world.build();
        BadRequests generator = new BadRequests(world);
        CampaignReport report = new CampaignReport();
        TableChecksums checksums = new TableChecksums(pool);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String root = base.toString().replaceAll("/$", "");

        long start = System.currentTimeMillis();
        long checksumMillis = 0;
        Map<String, String> before = checksums.take();
        for (Op op : operations) {
            world.freshTokens();
            List<Probe> probes = generator.probes(op);
            for (String role : CampaignWorld.ROLES) {
                boolean taken = false;
                report.startBatch();
                for (Probe probe : probes) {
                    if (probe.primaryOnly() && !role.equals(CampaignWorld.primaryRole(op.path()))) {
                        continue;
                    }
                    taken |= send(client, root, op, role, probe, world.tokens.get(role), report);
                }
                long t = System.currentTimeMillis();
                Map<String, String> after = checksums.take();
                checksumMillis += System.currentTimeMillis() - t;
                List<String> changed = TableChecksums.changed(before, after);
                if (!changed.isEmpty() && !taken) {
                    report.rowsChanged(op, role, changed);
                }
                before = after;
            }
        }
        long millis = System.currentTimeMillis() - start;
        String summary = report.summary(operations.size(), millis) + " (checksums " + checksumMillis / 1000 + " s)";
        String findings = report.findingsText();
        System.out.println(summary + findings);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "bad-input-campaign.txt"),
                summary + findings + report.perOperation() + "\n");
        LedgerCheck.balancesEqualLedgers(pool);
        assertTrue(report.clean(), summary + "\nFindings, by kind:" + findings);
    }

    private static boolean send(HttpClient client, String root, Op op, String role, Probe probe, String token,
            CampaignReport report) {
        if (probe.kind().equals("oversized-body")) {
            Map<String, String> headers = new java.util.LinkedHashMap<>(probe.headers());
            headers.put("Content-Type", probe.contentType());
            if (token != null) {
                headers.put("Authorization", "Bearer " + token);
            }
            try {
                OversizedBody.Answer a = OversizedBody.send(URI.create(root), probe.method(), probe.uri(), headers,
                        probe.body());
                return report.record(op, role, probe, a.status(), a.contentType(), a.body());
            } catch (IOException e) {
                return report.record(op, role, probe, -1, null, e.toString());
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + probe.uri()))
                .timeout(Duration.ofSeconds(10))
                .method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
        if (probe.contentType() != null) {
            request.header("Content-Type", probe.contentType());
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        probe.headers().forEach(request::header);
        for (int attempt = 1;; attempt++) {
            CompletableFuture<HttpResponse<String>> pending = client.sendAsync(request.build(),
                    HttpResponse.BodyHandlers.ofString());
            try {
                // bounded here as well: the client's own timeout does not cover every way a request can stall
                HttpResponse<String> response = pending.get(15, TimeUnit.SECONDS);
                return report.record(op, role, probe, response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse(null), response.body());
            } catch (TimeoutException e) {
                pending.cancel(true);
                return report.record(op, role, probe, -1, null, "no answer within 15 s");
            } catch (ExecutionException e) {
                // a connection the server closed after its previous answer (as after a 413, 414 or 431) can fail the
                // next request sent on it, or the server closes it while a body over the limit is still being sent:
                // that one request is sent again, once
                if (attempt > 1 || e.getCause() instanceof HttpTimeoutException) {
                    return report.record(op, role, probe, -1, null, String.valueOf(e.getCause()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
