package dev.opengallery.core;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Every endpoint is measured under its templated path, however many endpoints there are. */
@QuarkusTest
class HttpMetricsTest {

    @Inject
    HttpUriTagLimit limit;

    /** The routing table's template that serves a documented path, or null when none does. */
    private String servedBy(String documented) {
        if (limit.templates().contains(documented)) {
            return documented;
        }
        return limit.templates().stream()
                .filter(t -> documented.matches(java.util.regex.Pattern.quote(t).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q")))
                .findFirst().orElse(null);
    }

    @Test
    void everyEndpointOfTheOpenApiDocumentIsMeasuredWithItsTemplatedUri() {
        Map<String, Map<String, Object>> paths = given().accept("application/json").get("/q/openapi").then()
                .statusCode(200).extract().jsonPath().getMap("paths");
        List<String> called = new ArrayList<>();
        int operations = 0;
        for (var e : paths.entrySet()) {
            String template = e.getKey();
            String concrete = template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            for (String method : e.getValue().keySet()) {
                if (!List.of("get", "post", "put", "delete", "patch").contains(method)) {
                    continue;
                }
                operations++;
                // no token: a 401 (or a public endpoint's own answer) is measured like any other request
                var request = given().contentType("application/json");
                if (!method.equals("get") && !method.equals("delete")) {
                    request.body("{}");
                }
                int status = request.request(method.toUpperCase(), concrete).then().extract().statusCode();
                assertTrue(status < 500, method + " " + template + " answered " + status);
            }
            called.add(template);
        }
        // more than Quarkus's default of 100 uri tag values, so the default would have dropped some of them
        assertTrue(called.size() > 100, "only " + called.size() + " templated paths");
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        // a documented path is measured under the template of the route that serves it: itself, or a templated route
        // that serves several documented paths (each job's own run operation is served by /api/operator/jobs/{name}/run)
        List<String> missing = called.stream().map(this::servedBy).filter(t -> t != null)
                .filter(t -> !metrics.contains("http_server_requests_seconds_count{") || !metrics.contains("uri=\"" + t + "\""))
                .toList();
        assertEquals(List.of(), missing, "templated paths missing from /q/metrics (" + operations + " operations called)");
        // the limit was computed from the routing table, which serves every documented path
        List<String> unknown = called.stream().filter(t -> servedBy(t) == null).toList();
        assertEquals(List.of(), unknown, "documented paths the routing table does not list");
    }
}
