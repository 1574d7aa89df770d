package dev.opengallery.ordering;

import static dev.opengallery.ordering.PaymentMatrixFixtures.Kind.*;
import static dev.opengallery.support.Tokens.customer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.opengallery.apps.AppFixtures;
import dev.opengallery.ordering.PaymentMatrixFixtures.Books;
import dev.opengallery.ordering.PaymentMatrixFixtures.Buyer;
import dev.opengallery.ordering.PaymentMatrixFixtures.Kind;
import dev.opengallery.support.LedgerCheck;
import dev.opengallery.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Every way to pay x every kind of order x every entry point (placing with payment, paying a placed order, the jobs,
 * an operator's decision): each call either moves exactly the money the rules say, once, from the right source, or
 * is refused and moves nothing. The expected outcome of each cell is written out here, apart from the service's
 * rule class. After every case the books are checked (balance = sum of ledger, and the service's payment audit).
 */
@QuarkusTest
class PaymentMatrixTest {

    static final List<String> METHODS = java.util.Arrays.asList(null, "BALANCE", "CREDIT", "RESELLER",
            "MONTHLY_SETTLEMENT");

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

    static Stream<Arguments> everyKindAndMethod() {
        List<Arguments> cells = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (String method : METHODS) {
                cells.add(Arguments.of(kind, method));
            }
        }
        return cells.stream();
    }

    /** What placing an order of {@code kind} naming {@code method} must do: the HTTP status and the way it is paid. */
    static Expect placing(Kind kind, String method) {
        return switch (kind) {
            case ORDINARY, PRIVATE_OFFER, IMAGE -> method == null ? Expect.pending()
                    : method.equals("BALANCE") || method.equals("CREDIT") ? Expect.paidBy(method) : Expect.refused();
            case UPGRADE, EXPANSION, RENEWAL -> method == null ? Expect.invalid()
                    : method.equals("BALANCE") || method.equals("CREDIT") ? Expect.paidBy(method) : Expect.refused();
            case MILESTONE -> method == null || method.equals("MONTHLY_SETTLEMENT") ? Expect.paidBy("MONTHLY_SETTLEMENT")
                    : Expect.refused();
            case RESELLER_CUSTOMER -> method == null || method.equals("RESELLER") ? Expect.paidBy("RESELLER")
                    : Expect.refused();
            case PAY_PER_USE_IMAGE -> method == null ? Expect.paidBy(null) : Expect.refused();
        };
    }

    @ParameterizedTest(name = "place {0} naming {1}")
    @MethodSource("everyKindAndMethod")
    void placingAnOrderWithPayment(Kind kind, String method) {
        Buyer b = f.buyer(kind, method);
        Books before = f.books(b.accountId());
        long ordersBefore = f.orders(b.accountId());
        Response r = f.place(kind, b, method);
        Expect e = placing(kind, method);
        if (e.status != 201) {
            refusedAndNothingMoved(r, e, method, b, before, ordersBefore);
            return;
        }
        r.then().statusCode(201);
        String order = kind.change() ? r.path("order.id") : r.path("id");
        paidAsExpected(order, e, b, before);
    }

    @ParameterizedTest(name = "pay a placed {0} with {1}")
    @MethodSource("everyKindAndMethod")
    void payingAPlacedOrder(Kind kind, String method) {
        Buyer b = f.buyer(kind, method);
        // placed without naming a method: change orders need one, and are paid at once with BALANCE
        Response placed = f.place(kind, b, kind.change() ? ("CREDIT".equals(method) ? "CREDIT" : "BALANCE") : null);
        placed.then().statusCode(201);
        String order = kind.change() ? placed.path("order.id") : placed.path("id");
        Books before = f.books(b.accountId());
        if (method == null) {
            // paying must name a way to pay
            customer(b.subject()).body(Map.of("ecsPassword", "Gallery#2026")).post("/api/orders/" + order + "/pay")
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("method"));
            assertEquals(before, f.books(b.accountId()));
            return;
        }
        Response r = customer(b.subject()).body(Map.of("method", method, "ecsPassword", "Gallery#2026"))
                .post("/api/orders/" + order + "/pay");
        boolean payable = kind == ORDINARY || kind == PRIVATE_OFFER || kind == IMAGE;
        if (!payable) {
            // milestone, reseller and pay-per-use orders are settled when placed; change orders are paid at once
            r.then().statusCode(409).contentType("application/problem+json");
            assertEquals(before, f.books(b.accountId()));
            return;
        }
        if (!method.equals("BALANCE") && !method.equals("CREDIT")) {
            r.then().statusCode(422).contentType("application/problem+json").body("detail", containsString(method),
                    "errors[0].field", is("method"));
            customer(b.subject()).get("/api/orders/" + order).then().body("state", is("PENDING_PAYMENT"));
            assertEquals(before, f.books(b.accountId()));
            return;
        }
        r.then().statusCode(200);
        paidAsExpected(order, Expect.paidBy(method), b, before);
        Books paid = f.books(b.accountId());
        customer(b.subject()).body(Map.of("method", method)).post("/api/orders/" + order + "/pay").then().statusCode(409);
        assertEquals(paid, f.books(b.accountId()), "paying twice moves nothing");
    }

    // ------------------------------------------------------------------------------------------------ checks

    private void refusedAndNothingMoved(Response r, Expect e, String method, Buyer b, Books before, long ordersBefore) {
        r.then().statusCode(e.status).contentType("application/problem+json");
        if (e.status == 422) {
            r.then().body("detail", containsString(method), "errors[0].field", is("paymentMethod"));
        }
        assertEquals(before, f.books(b.accountId()), "a refused request moves no money");
        assertEquals(ordersBefore, f.orders(b.accountId()), "a refused request leaves no order");
    }

    private void paidAsExpected(String order, Expect e, Buyer b, Books before) {
        Response o = customer(b.subject()).get("/api/orders/" + order);
        o.then().statusCode(200);
        BigDecimal due = new BigDecimal(o.path("amountDue").toString());
        BigDecimal payments = f.ledger(order, "PAYMENT");
        Books after = f.books(b.accountId());
        if (e.unpaid) {
            o.then().body("state", is("PENDING_PAYMENT"), "paymentMethod", is((Object) null));
            assertEquals(before, after);
            return;
        }
        assertEquals(e.method, o.path("paymentMethod"), "the way the order was paid");
        if ("BALANCE".equals(e.method) || "CREDIT".equals(e.method)) {
            assertEquals(0, due.negate().compareTo(payments), "one PAYMENT of the amount due");
            assertEquals(before.entries() + (due.signum() > 0 ? 1 : 0), after.entries());
            assertEquals(0, before.sum().subtract(due).compareTo(after.sum()));
            if ("CREDIT".equals(e.method)) {
                assertEquals(-1, f.balance(b.accountId()).signum(), "paid on credit: the balance is below zero");
            }
        } else {
            assertEquals(0, payments.signum(), e.method + ": no ledger payment");
            assertEquals(before, after);
        }
        if ("RESELLER".equals(e.method)) {
            o.then().body("paidByReseller", is(true));
        }
        if ("MONTHLY_SETTLEMENT".equals(e.method)) {
            customer(b.subject()).get("/api/milestone-bills?orderId=" + order).then().body("size()", is(1),
                    "[0].status", is("GENERATED"));
            customer(b.subject()).get("/api/account").then().body("offerCreditUsed", is(due.floatValue()));
        }
        String state = o.path("state");
        assertEquals(true, state.equals("COMPLETED") || state.equals("PROCESSING"), "paid: " + state);
    }

    /** The expected outcome of one cell. */
    record Expect(int status, boolean unpaid, String method) {
        static Expect paidBy(String method) {
            return new Expect(201, false, method);
        }

        static Expect pending() {
            return new Expect(201, true, null);
        }

        static Expect refused() {
            return new Expect(422, false, null);
        }

        static Expect invalid() {
            return new Expect(400, false, null);
        }
    }
}
