package dev.opengallery.it;

import static dev.opengallery.catalog.CatalogFixtures.flatSpec;
import static dev.opengallery.catalog.CatalogFixtures.listed;
import static dev.opengallery.catalog.CatalogFixtures.product;
import static dev.opengallery.catalog.CatalogFixtures.profile;
import static dev.opengallery.support.Tokens.anonymous;
import static dev.opengallery.support.Tokens.customer;
import static dev.opengallery.support.Tokens.operator;
import static org.hamcrest.Matchers.*;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.opengallery.core.Roles;
import dev.opengallery.support.Tokens;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The packaged application started with {@code opengallery.jobs.trigger=external} (the serverless setting): its
 * timers are off, so a time rule takes effect only when its run endpoint is called. The unpaid-order timer is set to
 * every second and the timeout to 3 s ({@link PackagedApp}): a timer that still ran would cancel the order
 * within seconds.
 */
@QuarkusIntegrationTest
@TestProfile(PackagedApp.class)
class ExternalJobTriggerIT {

    @Test
    void anUnpaidOrderIsCanceledOnlyWhenTheJobIsTriggered() throws InterruptedException {
        String seller = Tokens.fresh("it-seller");
        profile(seller);
        String license = listed(seller, product("LICENSE", "SECURITY", "IT AV", "x",
                List.of(flatSpec("Perpetual", "ONE_TIME", "300.00"))));
        String spec = anonymous().get("/api/catalog/products/" + license).then().extract().path("specifications[0].id");
        String buyer = Tokens.fresh("it-buyer");
        String id = customer(buyer).body(Map.of("productId", license, "specificationId", spec,
                "billingMode", "ONE_TIME", "acceptTerms", true)).post("/api/orders").then().statusCode(201)
                .body("state", is("PENDING_PAYMENT")).extract().path("id");

        // past its timeout, plus several periods of the (disabled) 1 s timer: nothing moved it
        Thread.sleep(Long.parseLong(PackagedApp.UNPAID_TIMEOUT_SECONDS) * 1000 + 3000);
        customer(buyer).get("/api/orders/" + id).then().body("state", is("PENDING_PAYMENT"));

        // the run endpoint is for operators (the scheduler's token) only
        customer(buyer).post("/api/operator/jobs/unpaid-orders/run").then().statusCode(403);
        anonymous().post("/api/operator/jobs/unpaid-orders/run").then().statusCode(401);

        // triggered from outside (what the chart's CronJob does): the order is canceled, once
        Tokens.as("it-cron", Roles.SCHEDULER).post("/api/operator/jobs/unpaid-orders/run").then().statusCode(200)
                .body("job", is("unpaid-orders"), "moved", is(1));
        customer(buyer).get("/api/orders/" + id).then().body("state", is("CANCELED"),
                "events[1].actorRole", is("system"));
        // as the chart's CronJobs call it: a client with the scheduler role only
        Tokens.as("it-cron", Roles.SCHEDULER).post("/api/operator/jobs/unpaid-orders/run").then().statusCode(200)
                .body("moved", is(0));
        operator().get("/api/operator/jobs/unpaid-orders").then().statusCode(200).body("lastOutcome", is("SUCCESS"));
    }
}
