package dev.opengallery.ordering;

import static dev.opengallery.support.Tokens.anonymous;
import static dev.opengallery.support.Tokens.customer;
import static dev.opengallery.support.Tokens.fresh;
import static dev.opengallery.support.Tokens.operator;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.opengallery.payments.Idempotency;
import dev.opengallery.support.AtOnce;
import dev.opengallery.support.LedgerCheck;
import dev.opengallery.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Top-ups with an Idempotency-Key, by an operator and by the payment provider (each has an account of its own,
 * which scopes its keys), and the OpenAPI description of the key on every request that moves money.
 */
@QuarkusTest
class TopUpIdempotencyTest {

    @Inject
    Pool pool;

    @AfterEach
    void books() {
        LedgerCheck.balancesEqualLedgers(pool);
    }

    long count(String sql, Object... args) {
        return pool.preparedQuery(sql).execute(Tuple.from(args)).await().indefinitely().iterator().next().getLong(0);
    }

    long topUps(String account) {
        return count("select count(*) from ledger_entry where account_id = $1 and kind = 'TOP_UP'", UUID.fromString(account));
    }

    static String balance(String c) {
        return new BigDecimal(customer(c).get("/api/account").then().extract().jsonPath().getString("balance"))
                .setScale(2).toPlainString();
    }

    @Test
    void anOperatorTopUpWithAKeyCreditsOnce() throws Exception {
        String c = fresh("topcust");
        String acc = customer(c).get("/api/account").then().extract().path("id");
        String key = "top-" + UUID.randomUUID();
        // no reference: without a key each such request would credit again
        Map<String, Object> fifty = Map.of("amount", "50.00", "note", "goodwill");
        operator().header("Idempotency-Key", key).body(fifty).post("/api/operator/accounts/" + acc + "/top-up").then()
                .statusCode(200).header("Idempotent-Replayed", nullValue()).body("balance", is(50.00f));
        operator().header("Idempotency-Key", key).body(fifty).post("/api/operator/accounts/" + acc + "/top-up").then()
                .statusCode(200).header("Idempotent-Replayed", "true").body("id", is(acc), "balance", is(50.00f));
        assertEquals(1, topUps(acc));

        // the key with another amount or another account is refused and credits nothing
        operator().header("Idempotency-Key", key).body(Map.of("amount", "60.00", "note", "goodwill"))
                .post("/api/operator/accounts/" + acc + "/top-up").then().statusCode(422)
                .contentType("application/problem+json");
        String d = fresh("topcust");
        String other = customer(d).get("/api/account").then().extract().path("id");
        operator().header("Idempotency-Key", key).body(fifty).post("/api/operator/accounts/" + other + "/top-up")
                .then().statusCode(422);
        assertEquals("50.00", balance(c));
        assertEquals("0.00", balance(d));

        // eight at once with one key: one credit, seven replays
        String shared = "top-" + UUID.randomUUID();
        List<Response> answers = AtOnce.run(8, () -> operator().header("Idempotency-Key", shared)
                .body(Map.of("amount", "10.00")).post("/api/operator/accounts/" + acc + "/top-up"));
        assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200), AtOnce.statuses(answers));
        assertEquals(7, AtOnce.replayed(answers));
        assertEquals("60.00", balance(c));
        assertEquals(2, topUps(acc));

        // a reference is still credited once, with or without a key
        String ref = "bank-" + UUID.randomUUID();
        operator().body(Map.of("amount", "5.00", "reference", ref)).post("/api/operator/accounts/" + acc + "/top-up")
                .then().statusCode(200).body("balance", is(65.00f));
        operator().header("Idempotency-Key", "top-" + UUID.randomUUID()).body(Map.of("amount", "5.00", "reference", ref))
                .post("/api/operator/accounts/" + acc + "/top-up").then().statusCode(200)
                .header("Idempotent-Replayed", nullValue()).body("balance", is(65.00f));
        assertEquals(3, topUps(acc));
        operator().header("Idempotency-Key", "k".repeat(201)).body(fifty).post("/api/operator/accounts/" + acc + "/top-up")
                .then().statusCode(400).body("errors[0].field", is("Idempotency-Key"));
        assertEquals("65.00", balance(c));
    }

    @Test
    void thePaymentProvidersKeyReplaysTheFirstAnswer() throws Exception {
        String provider = fresh("payment-provider");
        java.util.function.Supplier<RequestSpecification> payments = () -> Tokens.as(provider, "payment");
        String c = fresh("topcust");
        String acc = customer(c).get("/api/account").then().extract().path("id");
        String ref = "pay_" + UUID.randomUUID();
        String key = "notice-" + UUID.randomUUID();
        Map<String, Object> notice = Map.of("accountId", acc, "amount", "25.00", "reference", ref);
        payments.get().header("Idempotency-Key", key).body(notice).post("/api/payments/top-ups").then().statusCode(200)
                .header("Idempotent-Replayed", nullValue()).body("credited", is(true), "account.balance", is(25.00f));
        // the provider's account exists from its first call on, and holds its keys
        assertEquals(1, count("select count(*) from idempotent_request r join account a on a.id = r.account_id "
                + "where a.subject = $1 and r.key = $2", provider, key));
        payments.get().header("Idempotency-Key", key).body(notice).post("/api/payments/top-ups").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("credited", is(true), "account.balance", is(25.00f));
        // a new key for the same reference: not credited again, as before keys
        payments.get().header("Idempotency-Key", "notice-" + UUID.randomUUID()).body(notice).post("/api/payments/top-ups")
                .then().statusCode(200).header("Idempotent-Replayed", nullValue()).body("credited", is(false));
        payments.get().header("Idempotency-Key", key)
                .body(Map.of("accountId", acc, "amount", "30.00", "reference", "pay_" + UUID.randomUUID()))
                .post("/api/payments/top-ups").then().statusCode(422).contentType("application/problem+json");
        assertEquals(1, topUps(acc));
        assertEquals("25.00", balance(c));

        String shared = "notice-" + UUID.randomUUID();
        Map<String, Object> next = Map.of("accountId", acc, "amount", "25.00", "reference", "pay_" + UUID.randomUUID());
        List<Response> answers = AtOnce.run(8, () -> payments.get().header("Idempotency-Key", shared).body(next)
                .post("/api/payments/top-ups"));
        assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200), AtOnce.statuses(answers));
        assertEquals(7, AtOnce.replayed(answers));
        answers.forEach(r -> r.then().body("credited", is(true)));
        assertEquals(2, topUps(acc));
        assertEquals("50.00", balance(c));
    }

    @Test
    void everyRequestThatMovesMoneyDocumentsTheKeyAndTheReplay() {
        JsonPath doc = anonymous().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, String> operations = Map.ofEntries(Map.entry("/api/orders", "201"),
                Map.entry("/api/orders/{id}/pay", "200"), Map.entry("/api/renewals/{subscriptionId}", "201"),
                Map.entry("/api/apps/{id}/upgrade", "201"), Map.entry("/api/apps/{id}/expansion", "201"),
                Map.entry("/api/apps/{id}/unsubscribe", "200"), Map.entry("/api/milestone-bills/{id}/pay", "200"),
                Map.entry("/api/operator/accounts/{id}/top-up", "200"), Map.entry("/api/payments/top-ups", "200"));
        operations.forEach((path, status) -> {
            String op = "paths.'" + path + "'.post";
            assertNotNull(doc.get(op), path);
            List<String> headers = doc.getList(op + ".parameters.findAll { it.in == 'header' }.name");
            assertTrue(headers.contains("Idempotency-Key"), path + ": " + headers);
            String description = doc.getString(op + ".parameters.find { it.name == 'Idempotency-Key' }.description");
            assertTrue(description != null && description.contains("422"), path + ": " + description);
            assertNotNull(doc.get(op + ".responses.'" + status + "'.headers.'Idempotent-Replayed'"), path);
        });
    }
}
