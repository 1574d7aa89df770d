package dev.opengallery.core;

import static dev.opengallery.catalog.CatalogFixtures.flatSpec;
import static dev.opengallery.catalog.CatalogFixtures.listed;
import static dev.opengallery.catalog.CatalogFixtures.product;
import static dev.opengallery.catalog.CatalogFixtures.profile;
import static dev.opengallery.support.Tokens.customer;
import static dev.opengallery.support.Tokens.operator;
import static dev.opengallery.support.Tokens.seller;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.opengallery.apps.AppFixtures;
import dev.opengallery.support.TestClock;
import dev.opengallery.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Bad requests the bad-input campaign found taken; each is now refused and changes nothing. */
@QuarkusTest
class CampaignFindingsTest {

    @Inject
    Pool pool;

    @Inject
    TestClock clock;

    @TestHTTPResource("/")
    URL base;

    long count(String sql, Object... args) {
        return pool.preparedQuery(sql).execute(Tuple.from(args)).await().indefinitely().iterator().next().getLong(0);
    }

    static String accountOf(String customer) {
        return customer(customer).get("/api/account").then().statusCode(200).extract().path("id");
    }

    @Test
    void resellerNameMustBeJsonAndNotBlank() {
        String account = accountOf(Tokens.fresh("reseller-cust"));
        String path = "/api/operator/accounts/" + account + "/reseller";
        operator().contentType("text/plain").body("{\"reseller\":\"Acme Partners\"}").put(path).then().statusCode(415)
                .contentType("application/problem+json");
        operator().body(Map.of("reseller", "   ")).put(path).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("reseller"));
        operator().get("/api/operator/accounts/" + account).then().statusCode(200).body("reseller", nullValue());
    }

    @Test
    void anOptionalBodyIsDocumentedSoAndMayBeLeftOut() throws Exception {
        var doc = Tokens.anonymous().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        for (String path : List.of("/api/invoices/{id}/return", "/api/invoices/{id}/reapply",
                "/api/operator/invoices/{id}/return", "/api/apps/{id}/unsubscribe")) {
            assertEquals(Boolean.FALSE, doc.get("paths.'" + path + "'.post.requestBody.required"), path);
        }
        assertEquals(Boolean.TRUE, doc.get("paths.'/api/orders'.post.requestBody.required"));
        // without a body: nothing to refuse
        String token = Tokens.token(Tokens.fresh("nobody"), "customer");
        HttpResponse<String> bodyless = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                base.toString().replaceAll("/$", "") + "/api/invoices/" + UUID.randomUUID() + "/return"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, bodyless.statusCode(), bodyless.body());
        // ... but one that is sent is JSON (a one-field record was read from a text/plain body as that field)
        RestAssured.given().auth().oauth2(token).contentType("text/plain").body("{\"reason\":\"x\"}")
                .post("/api/invoices/" + UUID.randomUUID() + "/return").then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void aProductVersionIsNeverNegative() {
        String s = Tokens.fresh("version-seller");
        profile(s);
        Map<String, Object> p = product("LICENSE", "SECURITY", "Versioned AV", "x",
                List.of(flatSpec("Seat", "ONE_TIME", "10.00")));
        p.put("version", -1);
        seller(s).body(p).post("/api/seller/products").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("version"));
        seller(s).get("/api/seller/products").then().statusCode(200).body("total", is(0));
    }

    @Test
    void anAnswerTheClientCannotAcceptIsRefusedBeforeAnythingHappens() {
        String s = Tokens.fresh("accept-seller");
        profile(s);
        String license = listed(s, product("LICENSE", "SECURITY", "Accept AV", "x",
                List.of(flatSpec("Seat", "ONE_TIME", "10.00"))));
        String spec = Tokens.anonymous().get("/api/catalog/products/" + license).then().extract()
                .path("specifications[0].id");
        String c = Tokens.fresh("accept-cust");
        String account = accountOf(c);
        Map<String, Object> order = new HashMap<>(Map.of("productId", license, "specificationId", spec,
                "billingMode", "ONE_TIME", "acceptTerms", true));
        customer(c).accept("application/xml").body(order).post("/api/orders").then().statusCode(406);
        assertEquals(0, count("select count(*) from customer_order where account_id = $1::uuid", account));
        customer(c).accept("application/json").body(order).post("/api/orders").then().statusCode(201);
    }

    @Test
    void anOverlongFormFieldLeavesTheConnectionUsable() throws Exception {
        // the REST layer's multipart parser refused a field over quarkus.http.limits.max-form-attribute-size (413)
        // before reading the rest of the body: the next request on that kept-alive connection was never answered
        String token = Tokens.token(Tokens.fresh("form"), "customer");
        String root = base.toString().replaceAll("/$", "");
        String big = "x".repeat(100_000);
        String first = "--b\r\nContent-Disposition: form-data; name=\"request\"\r\n\r\n" + big + "\r\n--b--\r\n";
        String second = "--b\r\nContent-Disposition: form-data; name=\"request\"\r\n\r\nCompany: Campaign\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"requirementDescription\"\r\n\r\n" + big
                + "\r\n--b--\r\n";
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (String body : List.of(first, second, first, second)) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(root + "/api/supervision/flows/" + UUID.randomUUID()
                    + "/request")).timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "multipart/form-data; boundary=b")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertTrue(response.statusCode() == 400 || response.statusCode() == 404, response.body());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        }
        HttpResponse<String> next = client.send(HttpRequest.newBuilder(URI.create(root + "/api/inbox"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, next.statusCode(), next.body());
    }

    @Test
    void anOverlongEcsPasswordIsRefusedWhenPaying() {
        AppFixtures f = new AppFixtures();
        String c = AppFixtures.customerWith("5000.00");
        Map<String, Object> order = AppFixtures.order(f.saas, f.basic, "MONTHLY", null, 1);
        order.remove("paymentMethod");
        String id = customer(c).body(order).post("/api/orders").then().statusCode(201).extract().path("id");
        customer(c).body(Map.of("method", "BALANCE", "ecsPassword", "x".repeat(100_000)))
                .post("/api/orders/" + id + "/pay").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("ecsPassword"));
        customer(c).get("/api/orders/" + id).then().statusCode(200).body("state", is("PENDING_PAYMENT"));
        String balance = customer(c).get("/api/account").then().statusCode(200).extract().jsonPath().getString("balance");
        assertEquals(0, new BigDecimal(balance).compareTo(new BigDecimal("5000.00")), balance);
    }

    @Test
    void anAppPasswordIsNotBlank() {
        AppFixtures f = new AppFixtures();
        String c = AppFixtures.customerWith("5000.00");
        String app = AppFixtures.buyApp(pool, c, AppFixtures.order(f.saas, f.basic, "MONTHLY", null, 1));
        seller(f.seller).body(Map.of("username", "admin", "password", "   ", "managementUrl", "https://crm.example"))
                .put("/api/seller/apps/" + app + "/application-info").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("password"));
        assertEquals(0, count("select count(*) from subscription where id = $1::uuid and app_password is not null",
                app));
    }

    @Test
    void aBillPaymentOrAnUnsubscriptionTheClientCannotAcceptIsRefusedBeforeAnyMoneyMoves() {
        // a milestone bill: a 1000.00 service in two milestones, ordered on offer credit; bill 1 is 500.00
        String s = Tokens.fresh("accept-bill-seller");
        profile(s);
        String service = listed(s, product("PROFESSIONAL_SERVICE", "DATA_MIGRATION", "Accept Migration", "x",
                List.of(flatSpec("Project", "ONE_TIME", "1000.00"))));
        String spec = Tokens.anonymous().get("/api/catalog/products/" + service).then().extract()
                .path("specifications[0].id");
        String c = Tokens.fresh("accept-bill-cust");
        String account = accountOf(c);
        operator().body(Map.of("creditLimit", "100.00")).put("/api/operator/accounts/" + account + "/credit").then()
                .statusCode(200);
        operator().body(Map.of("creditLimit", "5000.00")).put("/api/operator/accounts/" + account + "/offer-credit")
                .then().statusCode(200);
        operator().body(Map.of("amount", "2000.00", "reference", "bank-" + UUID.randomUUID()))
                .post("/api/operator/accounts/" + account + "/top-up").then().statusCode(200);
        Map<String, Object> offer = new HashMap<>(Map.of("customerAccountId", account, "productId", service,
                "specificationId", spec, "billingMode", "ONE_TIME", "quantity", 1, "periods", 1, "discountType",
                "PERCENTAGE", "discountValue", 1, "expiresAt", clock.instant().plus(Duration.ofDays(30)).toString()));
        offer.put("milestones", List.of(50, 50));
        String offerId = seller(s).body(offer).post("/api/seller/offers").then().statusCode(201).extract().path("id");
        String order = customer(c).body(Map.of("productId", service, "specificationId", spec, "billingMode",
                "ONE_TIME", "quantity", 1, "periods", 1, "acceptTerms", true, "offerId", offerId))
                .post("/api/orders").then().statusCode(201).extract().path("id");
        String bill = customer(c).get("/api/milestone-bills?orderId=" + order).then().statusCode(200)
                .extract().path("[0].id");
        customer(c).accept("application/xml").body(Map.of("method", "BALANCE"))
                .post("/api/milestone-bills/" + bill + "/pay").then().statusCode(406)
                .contentType("application/problem+json");
        customer(c).get("/api/milestone-bills?orderId=" + order).then().body("[0].status", is("GENERATED"));
        customer(c).get("/api/account").then().body("balance", is(2000.00f));
        customer(c).accept("application/json").body(Map.of("method", "BALANCE"))
                .post("/api/milestone-bills/" + bill + "/pay").then().statusCode(200).body("status", is("PAID"));

        // an image that may be unsubscribed with a full refund
        AppFixtures f = new AppFixtures();
        String buyer = AppFixtures.customerWith("200.00");
        String app = AppFixtures.buyImage(pool, buyer, f.image, "MONTHLY");
        String balance = customer(buyer).get("/api/account").then().extract().path("balance").toString();
        customer(buyer).accept("application/xml").body(Map.of("reason", "wrong image"))
                .post("/api/apps/" + app + "/unsubscribe").then().statusCode(406)
                .contentType("application/problem+json");
        customer(buyer).get("/api/apps/" + app).then().body("status", is("ACTIVE"));
        assertEquals(balance, customer(buyer).get("/api/account").then().extract().path("balance").toString());
        customer(buyer).accept("application/json").body(Map.of("reason", "wrong image"))
                .post("/api/apps/" + app + "/unsubscribe").then().statusCode(200)
                .body("app.status", is("UNSUBSCRIBED"));
    }
}
