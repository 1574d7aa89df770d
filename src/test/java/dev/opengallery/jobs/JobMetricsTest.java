package dev.opengallery.jobs;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.opengallery.support.Scrape;
import dev.opengallery.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Every job an operator can run is timed per job name and outcome, whoever starts the run. */
@QuarkusTest
class JobMetricsTest {

    static double runs(String job) {
        return Scrape.value("opengallery_job_runs_seconds_count", "job_name=" + job, "outcome=success");
    }

    @Test
    void runningEachJobAddsOneRunToItsTimer() {
        Map<String, Object> paths = given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        Pattern run = Pattern.compile("/api/operator/jobs/([a-z-]+)/run");
        List<String> jobs = paths.keySet().stream().map(run::matcher).filter(Matcher::matches).map(m -> m.group(1))
                .sorted().toList();
        // at least the ten jobs of today: orders, milestone bills, notifications, renewals (2), supervision (3), metering (2)
        assertTrue(jobs.size() >= 10, jobs.toString());
        assertTrue(jobs.contains("search-reindex"), jobs.toString());
        for (String job : jobs) {
            if (job.equals("search-reindex")) {
                // the default engine has no OpenSearch index to rebuild (SearchReindexTest runs it on OpenSearch)
                Tokens.operator().post("/api/operator/jobs/" + job + "/run").then().statusCode(409)
                        .body("detail", org.hamcrest.Matchers.containsString("opengallery.search.engine"));
                continue;
            }
            double before = runs(job);
            Tokens.operator().post("/api/operator/jobs/" + job + "/run").then().statusCode(200);
            assertEquals(before + 1, runs(job), job);
            assertTrue(Scrape.value("opengallery_job_runs_seconds_sum", "job_name=" + job, "outcome=success") > 0, job);
        }
    }
}
