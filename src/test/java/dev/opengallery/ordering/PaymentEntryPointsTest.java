package dev.opengallery.ordering;

import static dev.opengallery.ordering.PaymentMatrixFixtures.Kind.*;
import static dev.opengallery.support.Tokens.customer;
import static dev.opengallery.support.Tokens.operator;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.opengallery.apps.AppFixtures;
import dev.opengallery.ordering.PaymentMatrixFixtures.Books;
import dev.opengallery.ordering.PaymentMatrixFixtures.Buyer;
import dev.opengallery.ordering.PaymentMatrixFixtures.Kind;
import dev.opengallery.support.LedgerCheck;
import dev.opengallery.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The payment matrix's other entry points: the jobs (auto-renewal pays from the balance, else the credit line, or
 * the reseller; the unpaid-order job moves nothing), an operator's appeal decision (a canceled supervised order is
 * refunded what was paid, from the source it was paid from) and milestone bills (paid only with BALANCE or CREDIT).
 * The books are checked after each.
 */
@QuarkusTest
class PaymentEntryPointsTest {

    @Inject
    Pool pool;

    @Inject
    TestClock clock;

    static AppFixtures apps;
    PaymentMatrixFixtures f;

    @BeforeEach
    void fixtures() {
        if (apps == null) {
            apps = new AppFixtures();
        }
        f = new PaymentMatrixFixtures(apps, pool);
    }

    @AfterEach
    void books() {
        LedgerCheck.balancesEqualLedgers(pool);
        clock.reset();
    }

    // ------------------------------------------------------------------------------------------------ jobs

    @ParameterizedTest(name = "auto-renewal of a buyer paying by {0}")
    @ValueSource(strings = { "BALANCE", "CREDIT", "RESELLER" })
    void theAutoRenewalJobPaysFromTheRightSource(String source) {
        Kind kind = source.equals("RESELLER") ? RESELLER_CUSTOMER : RENEWAL;
        Buyer b = f.buyer(kind, source.equals("CREDIT") ? "CREDIT" : null);
        String app = b.app() != null ? b.app()
                : AppFixtures.subscriptionOf(pool, f.place(RESELLER_CUSTOMER, b, null).then().statusCode(201)
                        .extract().path("id"));
        customer(b.subject()).body(Map.of("periods", 1)).put("/api/renewals/" + app + "/auto-renewal").then()
                .statusCode(200);
        Books before = f.books(b.accountId());
        clock.set(TestClock.START.plus(Duration.ofDays(23)));
        operator().post("/api/operator/jobs/auto-renewals/run").then().statusCode(200);
        operator().post("/api/operator/jobs/auto-renewals/run").then().statusCode(200);

        String renewal = pool.preparedQuery("select id from customer_order where subscription_id = $1 and kind = 'RENEWAL'")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(java.util.UUID.fromString(app))).await().indefinitely()
                .iterator().next().getUUID("id").toString();
        customer(b.subject()).get("/api/orders/" + renewal).then().statusCode(200)
                .body("state", is("COMPLETED"), "paymentMethod", is(source), "amountDue", is(300.00f));
        Books after = f.books(b.accountId());
        if (source.equals("RESELLER")) {
            assertEquals(before, after, "the reseller pays: nothing leaves the customer's account");
        } else {
            assertEquals(0, new BigDecimal("-300.00").compareTo(f.ledger(renewal, "PAYMENT")), "renewed once");
            assertEquals(before.entries() + 1, after.entries());
        }
        if (source.equals("CREDIT")) {
            assertEquals(-1, f.balance(b.accountId()).signum());
        }
    }

    @Test
    void theUnpaidOrderJobCancelsWithoutMovingMoneyAndGivesTheOfferBack() {
        Buyer b = f.buyer(PRIVATE_OFFER, null);
        String order = f.place(PRIVATE_OFFER, b, null).then().statusCode(201).extract().path("id");
        Books before = f.books(b.accountId());
        clock.advance(Duration.ofHours(24).plusMinutes(1));
        operator().post("/api/operator/jobs/unpaid-orders/run").then().statusCode(200);
        customer(b.subject()).get("/api/orders/" + order).then().body("state", is("CANCELED"));
        assertEquals(before, f.books(b.accountId()));
        customer(b.subject()).get("/api/offers/" + b.offerId()).then().statusCode(200).body("status", is("ACTIVE"));
        // a canceled order cannot be paid afterwards
        customer(b.subject()).body(Map.of("method", "BALANCE")).post("/api/orders/" + order + "/pay").then()
                .statusCode(409);
        assertEquals(before, f.books(b.accountId()));
    }

    // ----------------------------------------------------------------------------------- operator decisions

    @ParameterizedTest(name = "an operator cancels a supervised order paid by {0}")
    @ValueSource(strings = { "BALANCE", "CREDIT", "RESELLER", "MONTHLY_SETTLEMENT" })
    void anOperatorsCancelDecisionRefundsWhatWasPaidFromWhereItCame(String method) {
        Kind kind = switch (method) {
            case "RESELLER" -> RESELLER_CUSTOMER;
            case "MONTHLY_SETTLEMENT" -> MILESTONE;
            default -> ORDINARY;
        };
        Buyer b = f.buyer(kind, method.equals("CREDIT") ? "CREDIT" : null);
        Map<String, Object> body = AppFixtures.order(apps.license, AppFixtures.spec(apps.license), "YEARLY", null, 1);
        body.remove("paymentMethod");
        if (b.offerId() != null) {
            body.put("offerId", b.offerId());
        }
        if (kind == ORDINARY) {
            body.put("paymentMethod", method);
        }
        String order = customer(b.subject()).body(body).post("/api/orders").then().statusCode(201)
                .body("state", is("PROCESSING"), "paymentMethod", is(method)).extract().path("id");
        BigDecimal paid = BigDecimal.ZERO;
        String bill = null;
        if (kind == MILESTONE) {
            bill = customer(b.subject()).get("/api/milestone-bills?orderId=" + order).then().extract().path("[0].id");
            for (String wrong : new String[] { "RESELLER", "MONTHLY_SETTLEMENT" }) {
                customer(b.subject()).body(Map.of("method", wrong)).post("/api/milestone-bills/" + bill + "/pay").then()
                        .statusCode(422).body("detail", containsString(wrong));
            }
            customer(b.subject()).body(Map.of("method", "BALANCE")).post("/api/milestone-bills/" + bill + "/pay").then()
                    .statusCode(200).body("status", is("PAID"), "amount", is(540.00f));
            paid = new BigDecimal("540.00");
        } else if (kind == ORDINARY) {
            paid = new BigDecimal("1200.00");
        }
        Books before = f.books(b.accountId());
        BigDecimal balanceBefore = f.balance(b.accountId());

        String flow = customer(b.subject()).get("/api/supervision/flows?orderId=" + order).then().statusCode(200)
                .extract().path("items[0].id");
        clock.advance(Duration.ofDays(5).plusMinutes(1));
        String appeal = customer(b.subject()).body(Map.of("reason", "The seller does not deliver"))
                .post("/api/supervision/flows/" + flow + "/appeal").then().statusCode(200).extract()
                .path("flow.openAppealId");
        operator().body(Map.of("decision", "CANCEL", "note", "Cannot be delivered"))
                .post("/api/operator/supervision/appeals/" + appeal + "/decide").then().statusCode(200);

        customer(b.subject()).get("/api/orders/" + order).then().body("state", is("CANCELED"));
        assertEquals(0, paid.compareTo(f.ledger(order, "REFUND")), "refunded what was paid");
        assertEquals(0, balanceBefore.add(paid).compareTo(f.balance(b.accountId())));
        assertEquals(before.entries() + (paid.signum() > 0 ? 1 : 0), f.books(b.accountId()).entries());
        if (kind == MILESTONE) {
            customer(b.subject()).get("/api/account").then().body("offerCreditUsed", is(0.0f));
            customer(b.subject()).get("/api/milestone-bills?orderId=" + order).then().body("size()", is(1),
                    "[0].status", is("PAID"));
            customer(b.subject()).body(Map.of("method", "BALANCE")).post("/api/milestone-bills/" + bill + "/pay")
                    .then().statusCode(409);
        }
    }

    @Test
    void aCanceledMilestoneOrdersUnpaidBillsCannotBePaid() {
        Buyer b = f.buyer(MILESTONE, null);
        String order = f.place(MILESTONE, b, null).then().statusCode(201).extract().path("id");
        String bill = customer(b.subject()).get("/api/milestone-bills?orderId=" + order).then().extract().path("[0].id");
        String flow = customer(b.subject()).get("/api/supervision/flows?orderId=" + order).then().extract()
                .path("items[0].id");
        clock.advance(Duration.ofDays(5).plusMinutes(1));
        String appeal = customer(b.subject()).body(Map.of("reason", "Silent seller"))
                .post("/api/supervision/flows/" + flow + "/appeal").then().statusCode(200).extract()
                .path("flow.openAppealId");
        operator().body(Map.of("decision", "CANCEL", "note", "x"))
                .post("/api/operator/supervision/appeals/" + appeal + "/decide").then().statusCode(200);
        Books before = f.books(b.accountId());
        customer(b.subject()).get("/api/milestone-bills?orderId=" + order).then().body("[0].status", is("CANCELED"));
        customer(b.subject()).body(Map.of("method", "BALANCE")).post("/api/milestone-bills/" + bill + "/pay").then()
                .statusCode(409).body("detail", containsString("canceled"));
        assertEquals(before, f.books(b.accountId()));
        customer(b.subject()).get("/api/account").then().body("offerCreditUsed", is(0.0f));
    }
}
