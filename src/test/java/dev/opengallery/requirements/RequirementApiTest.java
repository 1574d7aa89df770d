package dev.opengallery.requirements;

import static dev.opengallery.catalog.CatalogFixtures.*;
import static dev.opengallery.support.Tokens.customer;
import static dev.opengallery.support.Tokens.fresh;
import static dev.opengallery.support.Tokens.operator;
import static dev.opengallery.support.Tokens.seller;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.opengallery.support.AtOnce;
import dev.opengallery.support.LedgerCheck;
import dev.opengallery.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Application requirements end to end: a buyer posts, an operator publishes, the sellers of the category see it
 * without the buyer's contact details and answer with private offers, the buyer orders through one with the exact
 * match and closes; rejection, idempotent posting, bad input, and the 60-day expiry job with the clock moved.
 */
@QuarkusTest
class RequirementApiTest {

    /** The category the requirements of these tests are in (no other test sells in it). */
    static final String CATEGORY = "PROJECT_MANAGEMENT";

    @Inject
    Pool pool;

    @Inject
    TestClock clock;

    static String crmSeller;
    static String otherSeller;
    static String pm;
    static String pmSpec;
    static String security;
    static String securitySpec;
    static String foreignPm;
    static String foreignPmSpec;
    static String security2;

    @BeforeEach
    void catalogue() {
        if (crmSeller == null) {
            crmSeller = fresh("pm-seller");
            profile(crmSeller);
            pm = listed(crmSeller, product("SAAS", CATEGORY, "Requirement Planner", "x", List.of(tieredSpec("Team", "TIERED"))));
            pmSpec = spec(pm);
            security = listed(crmSeller, product("LICENSE", "SECURITY", "Requirement Guard", "x",
                    List.of(flatSpec("Perpetual", "ONE_TIME", "300.00"))));
            securitySpec = spec(security);
            otherSeller = fresh("sec-seller");
            profile(otherSeller);
            security2 = listed(otherSeller, product("LICENSE", "SECURITY", "Other Guard", "x",
                    List.of(flatSpec("Perpetual", "ONE_TIME", "200.00"))));
            // a seller of the category whose product the first seller may not offer
            String third = fresh("pm-seller-2");
            profile(third);
            foreignPm = listed(third, product("SAAS", CATEGORY, "Foreign Planner", "x", List.of(tieredSpec("Team", "TIERED"))));
            foreignPmSpec = spec(foreignPm);
        }
    }

    @AfterEach
    void after() {
        LedgerCheck.balancesEqualLedgers(pool);
        clock.reset();
    }

    static String spec(String product) {
        return customer("anyone").get("/api/catalog/products/" + product).then().extract().path("specifications[0].id");
    }

    static String account(String subject, String role) {
        return io.restassured.RestAssured.given().auth().oauth2(dev.opengallery.support.Tokens.token(subject, role))
                .get("/api/account").then().statusCode(200).extract().path("id");
    }

    static String sellerOf(String product) {
        return customer("anyone").get("/api/catalog/products/" + product).then().statusCode(200).extract()
                .path("seller.id");
    }

    void email(String accountId, String address) {
        pool.preparedQuery("update account set email = $1 where id = $2")
                .execute(Tuple.of(address, UUID.fromString(accountId))).await().indefinitely();
    }

    /** E-mails queued for the account's notifications of that kind. */
    long emails(String accountId, String kind) {
        return pool.preparedQuery("""
                select count(*) from notification_delivery d join notification n on n.id = d.notification_id
                where n.account_id = $1 and n.kind = $2 and d.channel = 'EMAIL'""")
                .execute(Tuple.of(UUID.fromString(accountId), kind)).await().indefinitely().iterator().next().getLong(0);
    }

    static Map<String, Object> requirement(String description) {
        Map<String, Object> r = new HashMap<>();
        r.put("description", description);
        r.put("company", "Acme Trading Ltd.");
        r.put("contactPerson", "Li Wei");
        r.put("phone", "+86 10 5555 0100");
        r.put("email", "li.wei@acme.example");
        r.put("categoryCode", CATEGORY);
        r.put("budgetMin", 100);
        r.put("budgetMax", 1000.50);
        r.put("currency", "USD");
        return r;
    }

    static Map<String, Object> answer(String product, String spec, int quantity) {
        Map<String, Object> o = new HashMap<>();
        o.put("productId", product);
        o.put("specificationId", spec);
        o.put("billingMode", "MONTHLY");
        o.put("quantity", quantity);
        o.put("periods", 3);
        o.put("discountType", "PERCENTAGE");
        o.put("discountValue", 20);
        o.put("expiresAt", "2026-12-25T00:00:00Z");
        return o;
    }

    static Map<String, Object> order(String offerId, int quantity) {
        Map<String, Object> o = new HashMap<>();
        o.put("productId", pm);
        o.put("specificationId", pmSpec);
        o.put("billingMode", "MONTHLY");
        o.put("quantity", quantity);
        o.put("periods", 3);
        o.put("acceptTerms", true);
        o.put("offerId", offerId);
        return o;
    }

    static String post(String buyer, Map<String, Object> body) {
        return customer(buyer).body(body).post("/api/requirements").then().statusCode(201).extract().path("id");
    }

    @Test
    void aRequirementAnsweredByAPrivateOfferIsOrderedWithTheExactMatchAndClosed() {
        String buyer = fresh("buyer");
        String buyerAccount = account(buyer, "customer");
        String sellerAccount = sellerOf(pm);
        String otherAccount = sellerOf(security2);
        email(buyerAccount, buyer + "@buyers.example");
        email(sellerAccount, crmSeller + "@sellers.example");
        email(otherAccount, otherSeller + "@sellers.example");

        // the buyer posts: SUBMITTED, told, contact details kept
        var posted = customer(buyer).body(requirement("Plan 20 people's projects with Gantt charts"))
                .post("/api/requirements").then().statusCode(201);
        String id = posted.extract().path("id");
        posted.header("Location", endsWith("/api/requirements/" + id))
                .body("state", is("SUBMITTED"), "accountId", is(buyerAccount), "company", is("Acme Trading Ltd."),
                        "email", is("li.wei@acme.example"), "budgetMin", is(100.00f), "budgetMax", is(1000.50f),
                        "currency", is("USD"), "createdAt", is("2026-11-25T10:00:00Z"),
                        "expiresAt", is("2027-01-24T10:00:00Z"), "answers", empty());
        customer(buyer).get("/api/inbox?size=100").then().body("items.kind", hasItem("REQUIREMENT_SUBMITTED"));
        assertEquals(1, emails(buyerAccount, "REQUIREMENT_SUBMITTED"));

        // not published yet: sellers do not see it, cannot answer it
        seller(crmSeller).get("/api/seller/requirements/" + id).then().statusCode(404);
        seller(crmSeller).get("/api/seller/requirements").then().body("items.id", not(hasItem(id)));
        seller(crmSeller).body(answer(pm, pmSpec, 20)).post("/api/seller/requirements/" + id + "/offers").then()
                .statusCode(404);

        // the operator's queue, oldest first; publishing tells the buyer and the sellers of the category
        operator().get("/api/operator/requirements?state=SUBMITTED&categoryCode=" + CATEGORY + "&size=100").then()
                .statusCode(200).body("items.id", hasItem(id));
        operator().post("/api/operator/requirements/" + id + "/publish").then().statusCode(200)
                .body("state", is("PUBLISHED"), "publishedAt", is("2026-11-25T10:00:00Z"));
        operator().post("/api/operator/requirements/" + id + "/publish").then().statusCode(409)
                .body("currentState", is("PUBLISHED"));
        operator().body(Map.of("reason", "late")).post("/api/operator/requirements/" + id + "/reject").then()
                .statusCode(409);
        customer(buyer).get("/api/inbox?size=100").then().body("items.kind", hasItem("REQUIREMENT_PUBLISHED"));
        assertEquals(1, emails(buyerAccount, "REQUIREMENT_PUBLISHED"));
        seller(crmSeller).get("/api/inbox?size=100").then()
                .body("items.find { it.kind == 'REQUIREMENT_FOR_SELLERS' && it.link.endsWith('" + id + "') }",
                        notNullValue());
        assertEquals(1, emails(sellerAccount, "REQUIREMENT_FOR_SELLERS"));
        assertEquals(0, emails(otherAccount, "REQUIREMENT_FOR_SELLERS"));

        // the seller of the category sees it without the buyer's contact details; another category's does not
        seller(crmSeller).get("/api/seller/requirements/" + id).then().statusCode(200)
                .body("description", is("Plan 20 people's projects with Gantt charts"), "categoryCode", is(CATEGORY),
                        "budgetMax", is(1000.50f), "state", is("PUBLISHED"),
                        "$", not(hasKey("company")), "$", not(hasKey("contactPerson")), "$", not(hasKey("phone")),
                        "$", not(hasKey("email")), "$", not(hasKey("accountId")));
        String listed = seller(crmSeller).get("/api/seller/requirements?size=100").then().statusCode(200)
                .body("items.id", hasItem(id)).extract().asString();
        assertEquals(false, listed.contains("Acme") || listed.contains("li.wei") || listed.contains(buyerAccount));
        seller(otherSeller).get("/api/seller/requirements/" + id).then().statusCode(404);
        seller(otherSeller).get("/api/seller/requirements?size=100").then().body("items.id", not(hasItem(id)));
        seller(otherSeller).body(answer(pm, pmSpec, 20)).post("/api/seller/requirements/" + id + "/offers").then()
                .statusCode(404);

        // the answer must be the seller's own listed product of the requirement's category
        seller(crmSeller).body(answer(foreignPm, foreignPmSpec, 20)).post("/api/seller/requirements/" + id + "/offers")
                .then().statusCode(404);
        Map<String, Object> wrongCategory = answer(security, securitySpec, 1);
        wrongCategory.put("billingMode", "ONE_TIME");
        seller(crmSeller).body(wrongCategory).post("/api/seller/requirements/" + id + "/offers").then().statusCode(422)
                .body("errors[0].field", is("productId"));
        Map<String, Object> withCustomer = answer(pm, pmSpec, 20);
        withCustomer.put("customerAccountId", buyerAccount);
        seller(crmSeller).body(withCustomer).post("/api/seller/requirements/" + id + "/offers").then().statusCode(400);

        // the answer: a private offer for the buyer, linked to the requirement (20 users at 10.00 x 3 = 600; 20% off)
        var offer = seller(crmSeller).body(answer(pm, pmSpec, 20)).post("/api/seller/requirements/" + id + "/offers")
                .then().statusCode(201).header("Location", containsString("/api/seller/offers/"))
                .body("customerAccountId", is(buyerAccount), "requirementId", is(id), "listPrice", is(600.00f),
                        "offerPrice", is(480.00f), "status", is("ACTIVE"))
                .extract();
        String offerId = offer.path("id");
        // a seller may answer more than once
        clock.advance(Duration.ofMinutes(1));
        String second = seller(crmSeller).body(answer(pm, pmSpec, 30)).post("/api/seller/requirements/" + id + "/offers")
                .then().statusCode(201).extract().path("id");
        seller(crmSeller).get("/api/seller/offers/" + offerId).then().body("requirementId", is(id));

        // the buyer is told and sees the answers in the requirement
        customer(buyer).get("/api/inbox?size=100").then()
                .body("items.find { it.kind == 'OFFER_RECEIVED' }.body", containsString("requirement"));
        customer(buyer).get("/api/offers/" + offerId).then().statusCode(200).body("requirementId", is(id));
        customer(buyer).get("/api/requirements/" + id).then().statusCode(200)
                .body("answers.offerId", contains(offerId, second), "answers[0].productName", is("Requirement Planner"),
                        "answers[0].sellerName", is("Company of " + crmSeller), "answers[0].offerPrice", is(480.00f),
                        "answers[0].discountType", is("PERCENTAGE"), "answers[0].expiresAt", is("2026-12-25T00:00:00Z"),
                        "answers[0].status", is("ACTIVE"), "answers[0].link", containsString("/offers/"));
        operator().get("/api/operator/requirements/" + id).then().statusCode(200)
                .body("answers.offerId", contains(offerId, second), "answers[0]", not(hasKey("link")));

        // the buyer orders through the offer: the exact match only, at the discounted price
        customer(buyer).body(order(offerId, 21)).post("/api/orders").then().statusCode(422);
        String orderId = customer(buyer).body(order(offerId, 20)).post("/api/orders").then().statusCode(201)
                .body("listPrice", is(600.00f), "discountAmount", is(120.00f), "amountDue", is(480.00f),
                        "offerId", is(offerId))
                .extract().path("id");
        operator().body(Map.of("amount", "1000.00")).post("/api/operator/accounts/" + buyerAccount + "/top-up").then()
                .statusCode(200);
        customer(buyer).body(Map.of("method", "BALANCE")).post("/api/orders/" + orderId + "/pay").then().statusCode(200)
                .body("amountDue", is(480.00f), "paidAt", notNullValue());
        customer(buyer).get("/api/account").then().body("balance", is(520.00f));
        customer(buyer).get("/api/requirements/" + id).then()
                .body("answers[0].status", is("USED"), "answers[0].usedOrderId", is(orderId));

        // served: the buyer closes it; it can no longer be answered or moved
        customer(buyer).post("/api/requirements/" + id + "/close").then().statusCode(200)
                .body("state", is("CLOSED"), "closedReason", is("BUYER"), "closedAt", notNullValue(),
                        "$", not(hasKey("expiresAt")));
        customer(buyer).get("/api/inbox?size=100").then().body("items.kind", hasItem("REQUIREMENT_CLOSED"));
        assertEquals(1, emails(buyerAccount, "REQUIREMENT_CLOSED"));
        customer(buyer).post("/api/requirements/" + id + "/close").then().statusCode(409)
                .body("currentState", is("CLOSED"));
        seller(crmSeller).body(answer(pm, pmSpec, 20)).post("/api/seller/requirements/" + id + "/offers").then()
                .statusCode(409);
        operator().post("/api/operator/requirements/" + id + "/publish").then().statusCode(409);
        seller(crmSeller).get("/api/seller/requirements/" + id).then().statusCode(200).body("state", is("CLOSED"));
        seller(crmSeller).get("/api/seller/requirements?size=100").then().body("items.id", not(hasItem(id)));
        // the second answer stays usable until it expires
        customer(buyer).get("/api/offers/" + second).then().body("status", is("ACTIVE"));
    }

    @Test
    void aRejectedRequirementIsToldToItsBuyerAndNeverShownToSellers() {
        String buyer = fresh("buyer");
        String id = post(buyer, requirement("Something that is not an application"));
        operator().body(Map.of("reason", " ")).post("/api/operator/requirements/" + id + "/reject").then().statusCode(400);
        operator().body(Map.of()).post("/api/operator/requirements/" + id + "/reject").then().statusCode(400);
        operator().body(Map.of("reason", "Please describe an application")).post("/api/operator/requirements/" + id
                + "/reject").then().statusCode(200).body("state", is("REJECTED"),
                        "rejectReason", is("Please describe an application"), "decidedAt", notNullValue());
        customer(buyer).get("/api/inbox?size=100").then().body("items.find { it.kind == 'REQUIREMENT_REJECTED' }.body",
                containsString("Please describe an application"));
        operator().post("/api/operator/requirements/" + id + "/publish").then().statusCode(409);
        customer(buyer).post("/api/requirements/" + id + "/close").then().statusCode(409)
                .body("currentState", is("REJECTED"));
        seller(crmSeller).get("/api/seller/requirements/" + id).then().statusCode(404);
        operator().get("/api/operator/requirements?state=REJECTED&size=100").then().body("items.id", hasItem(id));
        operator().get("/api/operator/requirements?state=SUBMITTED&size=100").then().body("items.id", not(hasItem(id)));
        operator().get("/api/operator/requirements?state=NOPE").then().statusCode(400);
        // a submitted requirement can be closed by its buyer before any review
        clock.advance(Duration.ofMinutes(1));
        String other = post(buyer, requirement("Never mind"));
        customer(buyer).post("/api/requirements/" + other + "/close").then().statusCode(200).body("state", is("CLOSED"));
        customer(buyer).get("/api/requirements").then().body("total", is(2), "items.id", contains(other, id));
    }

    @Test
    void postingIsIdempotent() throws Exception {
        String buyer = fresh("buyer");
        Map<String, Object> body = requirement("A portfolio planner");
        String key = UUID.randomUUID().toString();
        String first = customer(buyer).header("Idempotency-Key", key).body(body).post("/api/requirements").then()
                .statusCode(201).extract().path("id");
        customer(buyer).header("Idempotency-Key", key).body(body).post("/api/requirements").then().statusCode(201)
                .header("Idempotent-Replayed", "true").header("Location", endsWith(first)).body("id", is(first));
        Map<String, Object> other = requirement("Another planner");
        customer(buyer).header("Idempotency-Key", key).body(other).post("/api/requirements").then().statusCode(422);
        // another account's same key is its own
        customer(fresh("buyer")).header("Idempotency-Key", key).body(body).post("/api/requirements").then()
                .statusCode(201).body("id", not(is(first)));
        customer(buyer).get("/api/requirements").then().body("total", is(1));

        // a double click: concurrent requests with one key post once
        String key2 = UUID.randomUUID().toString();
        Map<String, Object> b2 = requirement("A resource planner");
        List<Response> answers = AtOnce.run(5, () -> customer(buyer).header("Idempotency-Key", key2).body(b2)
                .post("/api/requirements"));
        assertEquals(List.of(201, 201, 201, 201, 201), AtOnce.statuses(answers));
        assertEquals(4, AtOnce.replayed(answers));
        assertEquals(1, answers.stream().map(r -> r.path("id")).distinct().count());
        customer(buyer).get("/api/requirements").then().body("total", is(2));
        // one notification for the one requirement
        customer(buyer).get("/api/inbox?size=100").then()
                .body("items.findAll { it.kind == 'REQUIREMENT_SUBMITTED' }.size()", is(2));
    }

    @Test
    void badRequirementsAreRefusedAndPostNothing() {
        String buyer = fresh("buyer");
        Object[][] cases = {
                { "categoryCode", "NOPE", "categoryCode" },
                { "categoryCode", null, "categoryCode" },
                { "description", " ", "description" },
                { "description", "x".repeat(4001), "description" },
                { "email", "not-an-email", "email" },
                { "phone", "call me", "phone" },
                { "budgetMin", 2000, "budgetMin" },
                { "budgetMax", 0, "budgetMax" },
                { "budgetMax", 10.001, "budgetMax" },
                { "budgetMax", new java.math.BigDecimal("1e30"), "budgetMax" },
                { "currency", "EUR", "currency" },
                { "currency", "usd", "currency" },
        };
        for (Object[] c : cases) {
            Map<String, Object> body = requirement("A planner");
            body.put((String) c[0], c[1]);
            customer(buyer).body(body).post("/api/requirements").then().statusCode(400)
                    .contentType(containsString("application/problem+json"))
                    .body("errors.field", hasItem(c[2]));
        }
        Map<String, Object> unknown = requirement("A planner");
        unknown.put("customerAccountId", UUID.randomUUID().toString());
        customer(buyer).body(unknown).post("/api/requirements").then().statusCode(400);
        Map<String, Object> text = requirement("A planner");
        text.put("description", 42);
        customer(buyer).body(text).post("/api/requirements").then().statusCode(400);
        Map<String, Object> noBudgetButCurrency = requirement("A planner");
        noBudgetButCurrency.remove("budgetMin");
        noBudgetButCurrency.remove("budgetMax");
        customer(buyer).body(noBudgetButCurrency).post("/api/requirements").then().statusCode(400)
                .body("errors.field", hasItem("currency"));
        customer(buyer).header("Idempotency-Key", "k".repeat(201)).body(requirement("A planner")).post("/api/requirements").then()
                .statusCode(400);
        customer(buyer).get("/api/requirements").then().body("total", is(0));
        // the guide's fields are optional but the description and category; no budget is no budget
        Map<String, Object> minimal = Map.of("description", "Just a need", "categoryCode", CATEGORY);
        customer(buyer).body(minimal).post("/api/requirements").then().statusCode(201)
                .body("$", not(hasKey("currency")), "$", not(hasKey("company")));
        // a budget without a currency is in the marketplace's first currency
        customer(buyer).body(Map.of("description", "Cheap", "categoryCode", CATEGORY, "budgetMax", 50))
                .post("/api/requirements").then().statusCode(201).body("currency", is("USD"), "budgetMax", is(50.00f));
    }

    @Test
    void openRequirementsCloseByThemselvesSixtyDaysAfterPosting() throws Exception {
        String buyer = fresh("buyer");
        String buyerAccount = account(buyer, "customer");
        email(buyerAccount, buyer + "@buyers.example");
        String submitted = post(buyer, requirement("Expiring while submitted"));
        String published = post(buyer, requirement("Expiring while published"));
        operator().post("/api/operator/requirements/" + published + "/publish").then().statusCode(200);
        String rejected = post(buyer, requirement("Rejected before"));
        operator().body(Map.of("reason", "no")).post("/api/operator/requirements/" + rejected + "/reject").then()
                .statusCode(200);
        clock.advance(Duration.ofDays(30));
        String younger = post(buyer, requirement("Posted 30 days later"));

        // a second before the 60 days: nothing of this buyer closes
        clock.set(TestClock.START.plus(Duration.ofDays(60)).minusSeconds(1));
        operator().post("/api/operator/jobs/requirements-expiry/run").then().statusCode(200);
        customer(buyer).get("/api/requirements/" + submitted).then().body("state", is("SUBMITTED"));

        // at 60 days: three runs at once (replicas, or a CronJob and an operator) close each requirement once
        clock.set(TestClock.START.plus(Duration.ofDays(60)));
        List<Response> runs = AtOnce.run(3, () -> operator().post("/api/operator/jobs/requirements-expiry/run"));
        assertEquals(List.of(200, 200, 200), AtOnce.statuses(runs));
        runs.forEach(r -> assertEquals("requirements-expiry", r.path("job")));
        org.junit.jupiter.api.Assertions.assertTrue(runs.stream().mapToInt(r -> r.<Integer> path("moved")).sum() >= 2);
        for (String id : List.of(submitted, published)) {
            customer(buyer).get("/api/requirements/" + id).then().body("state", is("CLOSED"),
                    "closedReason", is("EXPIRED"), "closedAt", is("2027-01-24T10:00:00Z"));
        }
        customer(buyer).get("/api/requirements/" + rejected).then().body("state", is("REJECTED"));
        customer(buyer).get("/api/requirements/" + younger).then().body("state", is("SUBMITTED"),
                "expiresAt", is("2027-02-23T10:00:00Z"));
        customer(buyer).get("/api/inbox?size=100").then()
                .body("items.findAll { it.kind == 'REQUIREMENT_EXPIRED' }.size()", is(2));
        assertEquals(2, emails(buyerAccount, "REQUIREMENT_EXPIRED"));
        seller(crmSeller).get("/api/seller/requirements?size=100").then().body("items.id", not(hasItem(published)));
        seller(crmSeller).body(answer(pm, pmSpec, 20)).post("/api/seller/requirements/" + published + "/offers").then()
                .statusCode(409);
        customer(buyer).post("/api/requirements/" + submitted + "/close").then().statusCode(409);

        // a second run changes nothing
        operator().post("/api/operator/jobs/requirements-expiry/run").then().statusCode(200).body("moved", is(0));
        customer(buyer).get("/api/inbox?size=100").then()
                .body("items.findAll { it.kind == 'REQUIREMENT_EXPIRED' }.size()", is(2));

        // the younger one goes 30 days later
        clock.advance(Duration.ofDays(30));
        operator().post("/api/operator/jobs/requirements-expiry/run").then().statusCode(200)
                .body("moved", greaterThanOrEqualTo(1));
        customer(buyer).get("/api/requirements/" + younger).then().body("state", is("CLOSED"),
                "closedReason", is("EXPIRED"));
    }
}
