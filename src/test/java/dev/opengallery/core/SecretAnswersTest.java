package dev.opengallery.core;

import static dev.opengallery.support.Tokens.customer;
import static dev.opengallery.support.Tokens.seller;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.opengallery.apps.AppFixtures;
import dev.opengallery.support.LedgerCheck;
import dev.opengallery.support.Tokens;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Every answer that carries a secret (a password, an offer's token) is {@code Cache-Control: no-store}. The operations
 * are found in the OpenAPI document, not listed by hand: one that carries a secret and is not exercised here fails
 * the test, so a new one cannot slip by.
 */
@QuarkusTest
class SecretAnswersTest {

    @Inject
    Pool pool;

    @Test
    void everyAnswerCarryingASecretIsNotStored() throws Exception {
        String doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        Set<String> documented = SecretOperations.in(new ObjectMapper().readTree(doc));
        assertTrue(documented.contains("POST /api/apps/{id}/password/reveal"), documented.toString());
        assertTrue(documented.contains("POST /api/supervision/flows/{id}/application-info/password"), documented.toString());

        Map<String, Supplier<Response>> calls = calls();
        List<String> missing = new ArrayList<>(documented);
        missing.removeAll(calls.keySet());
        assertTrue(missing.isEmpty(), "operations answering a secret that this test does not call: " + missing);
        for (Map.Entry<String, Supplier<Response>> call : calls.entrySet()) {
            Response r = call.getValue().get();
            assertTrue(r.statusCode() >= 200 && r.statusCode() < 300, call.getKey() + " answered " + r.statusCode()
                    + ": " + r.asString());
            assertEquals("no-store", r.header("Cache-Control"), call.getKey());
        }
        assertFalse(calls.isEmpty());
        LedgerCheck.balancesEqualLedgers(pool);
    }

    /** The real calls, in an order that works (the offer is withdrawn last), keyed as the OpenAPI document names them. */
    Map<String, Supplier<Response>> calls() {
        AppFixtures f = new AppFixtures();
        String c = AppFixtures.customerWith("5000.00");
        Map<String, Supplier<Response>> calls = new LinkedHashMap<>();

        // a purchased SaaS app whose seller supplied the application information
        String app = AppFixtures.buyApp(pool, c, AppFixtures.order(f.saas, f.basic, "MONTHLY", null, 1));
        seller(f.seller).body(Map.of("username", "admin", "password", "Initial#2026", "managementUrl",
                "https://admin.example.com")).put("/api/seller/apps/" + app + "/application-info").then().statusCode(200);
        calls.put("POST /api/apps/{id}/password/reveal", () -> customer(c).post("/api/apps/" + app + "/password/reveal"));

        // a supervised SaaS flow delivered with its application information
        String order = AppFixtures.buy(c, AppFixtures.order(f.supervisedSaas, AppFixtures.spec(f.supervisedSaas),
                "MONTHLY", null, 1));
        String flow = customer(c).get("/api/supervision/flows?orderId=" + order).then().statusCode(200).extract()
                .path("items[0].id");
        form(c, "customer").multiPart("request", "Company: Acme").post("/api/supervision/flows/" + flow + "/request")
                .then().statusCode(200);
        form(f.seller, "seller").multiPart("note", "Ready").multiPart("username", "admin")
                .multiPart("password", "Flow#2026").multiPart("managementUrl", "https://admin.example.com")
                .post("/api/seller/supervision/flows/" + flow + "/deliver").then().statusCode(200);
        calls.put("POST /api/supervision/flows/{id}/application-info/password",
                () -> customer(c).post("/api/supervision/flows/" + flow + "/application-info/password"));

        // a private offer, with its token
        Map<String, Object> offer = new HashMap<>();
        offer.put("customerAccountId", AppFixtures.accountId(c));
        offer.put("productId", f.saas);
        offer.put("specificationId", f.basic);
        offer.put("billingMode", "MONTHLY");
        offer.put("quantity", 1);
        offer.put("periods", 3);
        offer.put("discountType", "PERCENTAGE");
        offer.put("discountValue", "10");
        offer.put("expiresAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(20).toString());
        Response created = seller(f.seller).body(offer).post("/api/seller/offers");
        String offerId = created.path("id");
        String token = created.path("token");
        calls.put("POST /api/seller/offers", () -> created);
        calls.put("GET /api/seller/offers", () -> seller(f.seller).get("/api/seller/offers"));
        calls.put("GET /api/seller/offers/{id}", () -> seller(f.seller).get("/api/seller/offers/" + offerId));
        calls.put("GET /api/offers", () -> customer(c).get("/api/offers"));
        calls.put("GET /api/offers/{id}", () -> customer(c).get("/api/offers/" + offerId));
        calls.put("GET /api/offers/by-token/{token}", () -> customer(c).get("/api/offers/by-token/" + token));
        // a private offer answering the customer's application requirement, with its token
        String requirement = customer(c).body(Map.of("description", "A CRM", "categoryCode", "CRM"))
                .post("/api/requirements").then().statusCode(201).extract().path("id");
        Tokens.operator().post("/api/operator/requirements/" + requirement + "/publish").then().statusCode(200);
        Map<String, Object> answer = new HashMap<>(offer);
        answer.remove("customerAccountId");
        answer.put("periods", 6);
        Response answered = seller(f.seller).body(answer).post("/api/seller/requirements/" + requirement + "/offers");
        calls.put("POST /api/seller/requirements/{id}/offers", () -> answered);
        calls.put("POST /api/seller/offers/{id}/withdraw",
                () -> seller(f.seller).post("/api/seller/offers/" + offerId + "/withdraw"));
        return calls;
    }

    static io.restassured.specification.RequestSpecification form(String subject, String role) {
        return RestAssured.given().auth().oauth2(Tokens.token(subject, role));
    }
}
