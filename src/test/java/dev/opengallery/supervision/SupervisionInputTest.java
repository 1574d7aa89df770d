package dev.opengallery.supervision;

import static dev.opengallery.supervision.SupervisionFixtures.*;
import static dev.opengallery.support.Tokens.customer;
import static dev.opengallery.support.Tokens.operator;
import static dev.opengallery.support.Tokens.seller;
import static org.hamcrest.Matchers.*;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Malformed, oversized and misdirected input never produces a 500, and changes nothing. */
@QuarkusTest
class SupervisionInputTest {

    static SupervisionFixtures f;

    @BeforeEach
    void catalogue() {
        if (f == null) {
            f = new SupervisionFixtures();
        }
    }

    @Test
    void badInputAnswersProblemDocuments() {
        String c = customerWith("5000.00");
        String flow = paidFlow(c, f.service);
        String buyer = "/api/supervision/flows/" + flow;
        String sellerPath = "/api/seller/supervision/flows/" + flow;

        customer(c).body("not json").post(buyer + "/accept").then().statusCode(400).contentType("application/problem+json");
        customer(c).post(buyer + "/accept").then().statusCode(400);
        customer(c).body(Map.of("confirmNoUnsubscribe", "perhaps")).post(buyer + "/accept").then().statusCode(400);
        customer(c).body(Map.of("reason", "x", "version", "abc")).post(buyer + "/reject").then().statusCode(400)
                .body("errors[0].field", is("version"));
        customer(c).body(Map.of("reason", "x".repeat(2001))).post(buyer + "/appeal").then().statusCode(400)
                .body("errors[0].field", is("reason"));
        customer(c).body(Map.of("reason", " ")).post(buyer + "/appeal").then().statusCode(400);
        // multipart endpoints want multipart; JSON endpoints want JSON
        customer(c).body(Map.of("request", "x")).post(buyer + "/request").then().statusCode(415)
                .contentType("application/problem+json");
        buyerForm(c).multiPart("reason", "x").post(buyer + "/reject").then().statusCode(415);
        // a text field beyond the form limit, a text beyond 10000 characters, a body beyond the server's limit
        int huge = buyerForm(c).multiPart("request", "x".repeat(70_000)).post(buyer + "/request").statusCode();
        org.junit.jupiter.api.Assertions.assertTrue(huge >= 400 && huge < 500, "status " + huge);
        buyerForm(c).multiPart("request", "x".repeat(10_001)).post(buyer + "/request").then().statusCode(400)
                .body("errors[0].field", is("request"));
        int tooBig = buyerForm(c).multiPart("request", "x").multiPart("files", "big.pdf", new byte[11 * 1024 * 1024],
                "application/pdf").post(buyer + "/request").statusCode();
        org.junit.jupiter.api.Assertions.assertEquals(413, tooBig);
        sellerForm(f.seller).multiPart("note", "x").multiPart("offlineDeliveryConfirmed", "maybe")
                .post(sellerPath + "/deliver").then().statusCode(400);
        sellerForm(f.seller).multiPart("note", "x").multiPart("username", "admin").post(sellerPath + "/deliver").then()
                .statusCode(409);
        // nothing moved
        customer(c).get(buyer).then().statusCode(200).body("flow.state", is("WAITING_FOR_REQUEST"),
                "operations", hasSize(0));
        // a service delivery takes no application information
        buyerForm(c).multiPart("request", "x").post(buyer + "/request").then().statusCode(200);
        sellerForm(f.seller).multiPart("note", "x").multiPart("username", "admin").post(sellerPath + "/deliver").then()
                .statusCode(400).body("errors[0].field", is("username"));
        seller(f.seller).body(Map.of("reason", "x")).post(sellerPath + "/appeal").then().statusCode(422);
        operator().get("/api/operator/supervision/flows?page=-1").then().statusCode(400);
        operator().get("/api/operator/supervision/flows?size=1000").then().statusCode(400);
        RestAssured.given().auth().oauth2("not-a-token").get(buyer).then().statusCode(401);
    }
}
