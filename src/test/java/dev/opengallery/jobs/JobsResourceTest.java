package dev.opengallery.jobs;

import static dev.opengallery.support.Tokens.anonymous;
import static dev.opengallery.support.Tokens.customer;
import static dev.opengallery.support.Tokens.fresh;
import static dev.opengallery.support.Tokens.operator;
import static dev.opengallery.support.Tokens.seller;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** One resource lists every job with its last run (shared by the replicas) and runs any job by name. */
@QuarkusTest
class JobsResourceTest {

    static final List<String> JOBS = List.of("auto-renewals", "metering", "metering-outbox", "notification-delivery",
            "overdue-milestone-bills", "requirements-expiry", "search-outbox", "search-popularity", "search-reindex",
            "subscription-lifecycle", "supervision-appealable",
            "supervision-auto-close", "supervision-completion", "ticket-service-levels", "unpaid-orders");

    @Test
    void theListShowsEveryJobByName() {
        JsonPath list = operator().get("/api/operator/jobs").then().statusCode(200).extract().jsonPath();
        assertEquals(JOBS, list.getList("name"));
        // every schedule is off in the tests
        operator().get("/api/operator/jobs").then().body("find { it.name == 'unpaid-orders' }.schedule", nullValue());
        for (String job : JOBS) {
            operator().get("/api/operator/jobs/" + job).then().statusCode(200).body("name", is(job));
        }
    }

    @Test
    void runningAJobRecordsItsLastRunAndOutcome() {
        for (String job : List.of("overdue-milestone-bills", "supervision-completion", "metering")) {
            int moved = operator().post("/api/operator/jobs/" + job + "/run").then().statusCode(200)
                    .body("job", is(job), "ranAt", notNullValue()).extract().path("moved");
            operator().get("/api/operator/jobs/" + job).then().statusCode(200)
                    .body("name", is(job), "lastOutcome", is("SUCCESS"), "lastMoved", is(moved),
                            "lastRunAt", notNullValue(), "lastError", nullValue(), "lastDurationMs", notNullValue());
            operator().get("/api/operator/jobs").then().statusCode(200)
                    .body("find { it.name == '" + job + "' }.lastOutcome", is("SUCCESS"));
        }
        // a run refused before it starts (a parameter out of range) is no run
        operator().queryParam("limit", 0).post("/api/operator/jobs/notification-delivery/run").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void onlyOperatorsSeeAndRunJobs() {
        String c = fresh("c");
        customer(c).get("/api/operator/jobs").then().statusCode(403);
        customer(c).get("/api/operator/jobs/unpaid-orders").then().statusCode(403);
        customer(c).post("/api/operator/jobs/unpaid-orders/run").then().statusCode(403);
        seller(fresh("s")).get("/api/operator/jobs").then().statusCode(403);
        seller(fresh("s")).post("/api/operator/jobs/metering/run").then().statusCode(403);
        anonymous().get("/api/operator/jobs").then().statusCode(401);
    }

    @Test
    void anUnknownJobIsNotFound() {
        operator().get("/api/operator/jobs/no-such-job").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("no-such-job"));
        operator().post("/api/operator/jobs/no-such-job/run").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void everyJobHasItsOwnDocumentedOperation() {
        JsonPath doc = anonymous().accept("application/json").get("/q/openapi").then().statusCode(200).extract()
                .jsonPath();
        for (String job : JOBS) {
            String op = "paths.'/api/operator/jobs/" + job + "/run'.post";
            assertEquals(true, doc.getString(op + ".summary") != null, job);
            assertEquals(List.of("operator", "scheduler"), doc.getList(op + ".x-roles"), job);
            assertEquals(true, doc.get(op + ".responses.'200'.content.'application/json'.example") != null, job);
            assertEquals(true, doc.get(op + ".security") != null, job);
        }
        assertEquals("#/components/schemas/MeteringRun",
                doc.getString("paths.'/api/operator/jobs/metering/run'.post.responses.'200'.content.'application/json'.schema.$ref"));
        operator().get("/api/operator/jobs").then().body("name", hasItems("metering"));
    }
}
