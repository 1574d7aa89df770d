package dev.opengallery.core;

import static dev.opengallery.catalog.CatalogFixtures.listed;
import static dev.opengallery.catalog.CatalogFixtures.profile;
import static dev.opengallery.catalog.CatalogFixtures.saas;
import static dev.opengallery.support.Tokens.anonymous;
import static dev.opengallery.support.Tokens.as;
import static dev.opengallery.support.Tokens.customer;
import static dev.opengallery.support.Tokens.fresh;
import static dev.opengallery.support.Tokens.operator;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dev.opengallery.support.LedgerCheck;
import dev.opengallery.support.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * JSON is read strictly, everywhere: a value of the wrong JSON type, a duplicate key, an unknown property or trailing
 * content is refused with 400 naming the field, and nothing changes. Valid bodies keep working.
 */
@QuarkusTest
class StrictJsonTest {

    static String product;
    static String spec;

    @Inject
    ObjectMapper mapper;

    @Inject
    Pool pool;

    @BeforeEach
    void catalogue() {
        if (product == null) {
            String seller = fresh("strict-seller");
            profile(seller);
            product = listed(seller, saas("Strict Helpdesk", "x"));
            spec = anonymous().get("/api/catalog/products/" + product).then().extract().path("specifications[0].id");
        }
    }

    static ValidatableResponse refused(ValidatableResponse r, String field) {
        return r.statusCode(400).contentType("application/problem+json").body("status", is(400),
                "errors.field", hasItem(field));
    }

    String quote(String quantity, String billingMode) {
        return "{\"specificationId\":\"" + spec + "\",\"billingMode\":" + billingMode + ",\"quantity\":" + quantity + "}";
    }

    @Test
    void quotesTakeOnlyWholeNumbersAndEnumNames() throws Exception {
        String url = "/api/catalog/products/" + product + "/quote";
        anonymous().body(quote("10", "\"MONTHLY\"")).post(url).then().statusCode(200).body("quantity", is(10));
        // the same body sent in chunks, without a length, is read as well
        String body = quote("12", "\"MONTHLY\"");
        RawHttp.Answer chunked = RawHttp.send("POST " + url + " HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked", (Integer.toHexString(10) + "\r\n" + body.substring(0, 10) + "\r\n"
                        + Integer.toHexString(body.length() - 10) + "\r\n" + body.substring(10) + "\r\n0\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(200, chunked.status(), chunked.toString());
        assertEquals(12, chunked.json().getInt("quantity"));
        refused(anonymous().body(quote("1.5", "\"MONTHLY\"")).post(url).then(), "quantity")
                .body("errors[0].message", containsString("whole number"));
        refused(anonymous().body(quote("10.0", "\"MONTHLY\"")).post(url).then(), "quantity");
        refused(anonymous().body(quote("\"10\"", "\"MONTHLY\"")).post(url).then(), "quantity");
        refused(anonymous().body(quote("true", "\"MONTHLY\"")).post(url).then(), "quantity");
        refused(anonymous().body(quote("10", "1")).post(url).then(), "billingMode")
                .body("errors[0].message", containsString("MONTHLY"));
        refused(anonymous().body(quote("10", "\"1\"")).post(url).then(), "billingMode");
        refused(anonymous().body(quote("10", "\"monthly\"")).post(url).then(), "billingMode");
        refused(anonymous().body(quote("10", "\"\"")).post(url).then(), "billingMode");
        refused(anonymous().body("{\"specificationId\":\"" + spec + "\",\"billingMode\":\"MONTHLY\",\"quantity\":10,"
                + "\"discount\":50}").post(url).then(), "discount").body("errors[0].message", is("is not a known field"));
        refused(anonymous().body("{\"specificationId\":\"" + spec + "\",\"billingMode\":\"MONTHLY\",\"quantity\":1,"
                + "\"quantity\":50}").post(url).then(), "quantity").body("errors[0].message", is("appears more than once"));
        refused(anonymous().body("{\"specificationId\":12,\"billingMode\":\"MONTHLY\"}").post(url).then(),
                "specificationId");
        anonymous().body(quote("10", "\"MONTHLY\"") + " {}").post(url).then().statusCode(400)
                .contentType("application/problem+json");
        anonymous().body("[" + quote("10", "\"MONTHLY\"") + "]").post(url).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void ordersAreRefusedWholeAndNothingIsPlaced() {
        String c = fresh("strict-cust");
        String base = "{\"productId\":\"" + product + "\",\"specificationId\":\"" + spec + "\",\"billingMode\":\"MONTHLY\"";
        refused(customer(c).body(base + ",\"quantity\":1.5,\"acceptTerms\":true}").post("/api/orders").then(), "quantity");
        refused(customer(c).body(base + ",\"quantity\":\"10\",\"acceptTerms\":true}").post("/api/orders").then(),
                "quantity");
        refused(customer(c).body(base + ",\"quantity\":10,\"acceptTerms\":\"true\"}").post("/api/orders").then(),
                "acceptTerms").body("errors[0].message", is("must be true or false"));
        refused(customer(c).body(base + ",\"quantity\":10,\"acceptTerms\":1}").post("/api/orders").then(), "acceptTerms");
        refused(customer(c).body(base.replace("\"MONTHLY\"", "0") + ",\"quantity\":10,\"acceptTerms\":true}")
                .post("/api/orders").then(), "billingMode");
        refused(customer(c).body(base + ",\"quantity\":10,\"acceptTerms\":true,\"offerId\":42}").post("/api/orders")
                .then(), "offerId");
        refused(customer(c).body(base + ",\"quantity\":10,\"acceptTerms\":true,\"ecs\":{\"vpcId\":\"" + spec
                + "\",\"securityGroup\":\"a\",\"colour\":\"red\"}}").post("/api/orders").then(), "ecs.colour");
        refused(customer(c).body(base + ",\"quantity\":10,\"acceptTerms\":true,\"ecs\":{\"securityGroup\":\"a\","
                + "\"securityGroup\":\"b\"}}").post("/api/orders").then(), "ecs.securityGroup");
        customer(c).get("/api/orders").then().statusCode(200).body("items", hasSize(0));
        // the same order, well-formed, is quoted
        customer(c).body(base + ",\"quantity\":10}").post("/api/orders/quote").then().statusCode(200);
    }

    @Test
    void topUpsWithADuplicateAmountAreRefusedAndCreditNothing() {
        String c = fresh("strict-payer");
        String account = customer(c).get("/api/account").then().statusCode(200).extract().path("id");
        String twice = "{\"accountId\":\"" + account + "\",\"amount\":1.00,\"reference\":\"" + fresh("pay")
                + "\",\"amount\":2.00}";
        refused(as("payment-provider", "payment").body(twice).post("/api/payments/top-ups").then(), "amount");
        refused(operator().body("{\"amount\":1.00,\"amount\":2.00}").post("/api/operator/accounts/" + account + "/top-up")
                .then(), "amount");
        refused(operator().body("{\"amount\":1.00,\"reference\":7}").post("/api/operator/accounts/" + account + "/top-up")
                .then(), "reference").body("errors[0].message", is("must be a string"));
        refused(operator().body("{\"amount\":true}").post("/api/operator/accounts/" + account + "/top-up").then(), "amount");
        customer(c).get("/api/account").then().body("balance", is(0.00f));
        // amounts as JSON numbers with cents, as integers, or as strings holding a number
        operator().body("{\"amount\":10.00}").post("/api/operator/accounts/" + account + "/top-up").then().statusCode(200);
        operator().body("{\"amount\":5}").post("/api/operator/accounts/" + account + "/top-up").then().statusCode(200);
        operator().body("{\"amount\":\"2.50\"}").post("/api/operator/accounts/" + account + "/top-up").then()
                .statusCode(200);
        as("payment-provider", "payment").body("{\"accountId\":\"" + account + "\",\"amount\":1.25,\"reference\":\""
                + fresh("pay") + "\"}").post("/api/payments/top-ups").then().statusCode(200).body("credited", is(true));
        customer(c).get("/api/account").then().body("balance", is(18.75f));
        LedgerCheck.balancesEqualLedgers(pool);
    }

    record Primitive(int count, boolean flag) {
    }

    @Test
    void theOneMapperRefusesNullForPrimitivesAndKeepsDecimals() throws Exception {
        assertThrows(MismatchedInputException.class, () -> mapper.readValue("{\"count\":null,\"flag\":true}",
                Primitive.class));
        assertThrows(MismatchedInputException.class, () -> mapper.readValue("{\"count\":1,\"flag\":null}",
                Primitive.class));
        assertEquals(new Primitive(1, true), mapper.readValue("{\"count\":1,\"flag\":true}", Primitive.class));
        assertEquals(new BigDecimal("10.00"), mapper.readValue("10.00", BigDecimal.class));
        assertEquals(new BigDecimal("10"), mapper.readValue("10", BigDecimal.class));
        assertThrows(MismatchedInputException.class, () -> mapper.readValue("\"1.5\"", Double.class));
    }
}
