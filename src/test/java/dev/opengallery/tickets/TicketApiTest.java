package dev.opengallery.tickets;

import static dev.opengallery.tickets.TicketFixtures.*;
import static dev.opengallery.support.Tokens.customer;
import static dev.opengallery.support.Tokens.operator;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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
import dev.opengallery.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;

/** The buyer's, the operators' and the seller's journeys through service tickets, credit limits, and idempotency. */
@QuarkusTest
class TicketApiTest {

    @Inject
    Pool pool;

    @Inject
    TestClock clock;

    @Inject
    dev.opengallery.notifications.EmailSender mailbox;

    static TicketFixtures f;

    @BeforeEach
    void fixtures() {
        if (f == null) {
            f = new TicketFixtures();
        }
    }

    @AfterEach
    void after() {
        LedgerCheck.balancesEqualLedgers(pool);
        clock.reset();
    }

    @Test
    void aBuyerWhoCannotReachTheSellerIsHelpedByAnOperatorAndTheSeller() {
        String c = customerWith("1000.00");
        String order = paidOrder(c, f.license, "ONE_TIME", "BALANCE");
        UUID buyer = accountId(pool, c);
        UUID seller = accountId(pool, f.seller);
        operator().get("/api/operator/tickets?size=1").then().statusCode(200);
        UUID op = accountId(pool, "operator-1");

        // the buyer opens it with a file, about its order
        Response opened = ticketForm(c, "CANNOT_CONTACT_SELLER", "No answer from the seller", "orderId", order)
                .multiPart("files", "invoice.pdf", PDF, "application/pdf").post(BUYER);
        opened.then().statusCode(201).contentType("application/json")
                .body("ticket.state", is("OPEN"), "ticket.category", is("CANNOT_CONTACT_SELLER"),
                        "ticket.orderId", is(order), "ticket.productId", is(f.license),
                        "ticket.productName", is("Ticket AV"), "ticket.accountId", is(buyer.toString()),
                        "ticket.awaitingOperatorSince", notNullValue(), "ticket.overdue", is(false),
                        "messages", hasSize(1), "messages[0].action", is("OPEN"),
                        "messages[0].actorRole", is("customer"), "messages[0].toState", is("OPEN"),
                        "messages[0].attachments[0].fileName", is("invoice.pdf"),
                        "messages[0].attachments[0].size", is(PDF.length),
                        "allowedActions", contains("REPLY", "CLOSE"));
        String id = opened.path("ticket.id");
        assertEquals("/api/tickets/" + id, java.net.URI.create(opened.header("Location")).getPath());
        String file = opened.path("messages[0].attachments[0].id");
        Response download = customer(c).get(BUYER + id + "/attachments/" + file);
        assertEquals(200, download.statusCode());
        assertArrayEquals(PDF, download.asByteArray());
        assertEquals("application/pdf", download.contentType());
        assertArrayEquals(PDF, operator().get(OPERATOR + id + "/attachments/" + file).asByteArray());
        customer(c).get(BUYER).then().statusCode(200).body("total", is(1), "items[0].id", is(id));
        customer(c).get(BUYER + "?state=RESOLVED").then().statusCode(200).body("total", is(0));

        // the seller does not see it before it is brought in
        seller(f.seller).get(SELLER + id).then().statusCode(404).contentType("application/problem+json");
        seller(f.seller).get(SELLER + id + "/attachments/" + file).then().statusCode(404);

        // an operator takes it and answers: the clock stops
        operator().body(Map.of()).post(OPERATOR + id + "/assign").then().statusCode(200)
                .body("ticket.assigneeId", is(op.toString()), "ticket.state", is("OPEN"),
                        "ticket.awaitingOperatorSince", notNullValue());
        form("operator-1", "operator").multiPart("text", "We are looking into it").post(OPERATOR + id + "/replies")
                .then().statusCode(200).body("ticket.state", is("IN_PROGRESS"),
                        "ticket.awaitingOperatorSince", nullValue());
        assertEquals(1, notices(pool, buyer, id, "TICKET_STATE_CHANGED"));
        operatorText("ask-buyer", id, "Which e-mail address did you write to?").then().statusCode(200)
                .body("ticket.state", is("WAITING_FOR_BUYER"));
        assertEquals(2, notices(pool, buyer, id, "TICKET_STATE_CHANGED"));

        // the buyer answers: back to the operators, the assignee hears of it, the buyer does not
        long buyerNotices = notices(pool, buyer, id);
        form(c, "customer").multiPart("text", "service@seller.example").post(BUYER + id + "/replies").then()
                .statusCode(200).body("ticket.state", is("IN_PROGRESS"), "ticket.awaitingOperatorSince",
                        notNullValue(), "allowedActions", contains("REPLY", "CLOSE"));
        assertEquals(buyerNotices, notices(pool, buyer, id));
        assertEquals(1, notices(pool, op, id, "TICKET_MESSAGE"));

        // the seller is brought in, sees this ticket only, without the buyer's account, and answers with a file
        operatorText("involve-seller", id, "Please contact the buyer").then().statusCode(200)
                .body("ticket.state", is("WAITING_FOR_SELLER"), "ticket.sellerInvolved", is(true));
        assertEquals(1, notices(pool, seller, id, "TICKET_SELLER_INVOLVED"));
        seller(f.seller).get(SELLER).then().statusCode(200).body("items.id", hasItem(id),
                "items.find { it.id == '" + id + "' }.accountId", nullValue());
        seller(f.seller).get(SELLER + id).then().statusCode(200)
                .body("ticket.accountId", nullValue(), "ticket.assigneeId", nullValue(),
                        "messages.actorId", everyItem(nullValue()), "allowedActions", contains("REPLY"));
        assertArrayEquals(PDF, seller(f.seller).get(SELLER + id + "/attachments/" + file).asByteArray());
        long buyerBefore = notices(pool, buyer, id);
        String sellerFile = form(f.seller, "seller").multiPart("text", "Sorry, we called the buyer")
                .multiPart("files", "call-log.txt", "called at 10:00".getBytes(), "text/plain")
                .post(SELLER + id + "/replies").then().statusCode(200)
                .body("ticket.state", is("IN_PROGRESS"), "messages[-1].actorRole", is("seller"),
                        "messages[-1].actorId", is(seller.toString()))
                .extract().path("messages[-1].attachments[0].id");
        assertEquals("called at 10:00", customer(c).get(BUYER + id + "/attachments/" + sellerFile).asString());
        assertEquals(2, notices(pool, op, id, "TICKET_MESSAGE"));
        assertEquals(buyerBefore + 1, notices(pool, buyer, id), "the buyer hears of the seller's answer");

        // resolved; the buyer reopens within 7 days; resolved again and closed by the buyer
        operator().body(Map.of("text", "The seller called you")).post(OPERATOR + id + "/resolve").then()
                .statusCode(200).body("ticket.state", is("RESOLVED"), "reopenUntil", notNullValue(),
                        "outcome", nullValue());
        customer(c).get(BUYER + id).then().body("allowedActions", contains("REPLY", "REOPEN", "CLOSE"));
        clock.advance(Duration.ofDays(6));
        customer(c).body(Map.of("text", "The call dropped")).post(BUYER + id + "/reopen").then().statusCode(200)
                .body("ticket.state", is("IN_PROGRESS"), "ticket.resolvedAt", nullValue());
        operator().body(Map.of("text", "Called again")).post(OPERATOR + id + "/resolve").then().statusCode(200);
        customer(c).body(Map.of()).post(BUYER + id + "/close").then().statusCode(200)
                .body("ticket.state", is("CLOSED"), "ticket.closedAt", notNullValue(), "allowedActions", empty());
        form(c, "customer").multiPart("text", "one more").post(BUYER + id + "/replies").then().statusCode(409)
                .contentType("application/problem+json").body("currentState", is("CLOSED"),
                        "detail", containsString("You may now: nothing"));
        form(f.seller, "seller").multiPart("text", "late").post(SELLER + id + "/replies").then().statusCode(409);
        operatorText("ask-buyer", id, "x").then().statusCode(409).body("currentState", is("CLOSED"));

        // every move is on record
        operator().get(OPERATOR + id).then().statusCode(200).body("messages.action", contains("OPEN", "ASSIGN",
                "REPLY", "ASK_BUYER", "REPLY", "INVOLVE_SELLER", "REPLY", "RESOLVE", "REOPEN", "RESOLVE", "CLOSE"));
        // the seller's later messages and moves: notified of resolve and close (state changes it was part of)
        assertTrue(notices(pool, seller, id) >= 2);
    }

    @Test
    void aSellerIsBroughtInOnlyWhenTheTicketConcernsSomethingOfAValidSeller() {
        String c = customerWith(null);
        String id = open(c, "OTHER", null, null);
        operatorText("involve-seller", id, "Please help").then().statusCode(422)
                .contentType("application/problem+json");
        customer(c).get(BUYER + id).then().body("ticket.state", is("OPEN"), "ticket.sellerInvolved", is(false));
        // a product on sale names its seller
        String onSale = open(c, "TECHNICAL", "productId", f.saas);
        operatorText("involve-seller", onSale, "Please help").then().statusCode(200)
                .body("ticket.state", is("WAITING_FOR_SELLER"));
        seller(f.seller).get(SELLER + onSale).then().statusCode(200);
        // another seller sees nothing of it
        String other = Tokens.fresh("tk-other-seller");
        seller(other).get(SELLER + onSale).then().statusCode(404);
        seller(other).get(SELLER).then().statusCode(200).body("total", is(0));
    }

    @Test
    void relatedObjectsMustBeTheBuyersOwn() {
        String c = customerWith("1000.00");
        String other = customerWith("1000.00");
        String othersOrder = paidOrder(other, f.license, "ONE_TIME", "BALANCE");
        String othersApp = dev.opengallery.apps.AppFixtures.subscriptionOf(pool,
                paidOrder(other, f.saas, "MONTHLY", "BALANCE"));
        String myApp = dev.opengallery.apps.AppFixtures.subscriptionOf(pool, paidOrder(c, f.saas, "MONTHLY", "BALANCE"));
        long before = count(pool, "select count(*) from ticket");

        ticketForm(c, "BILLING_OR_REFUND", "Refund", "orderId", othersOrder).post(BUYER).then().statusCode(404)
                .contentType("application/problem+json").body("errors[0].field", is("orderId"));
        ticketForm(c, "BILLING_OR_REFUND", "Refund", "appId", othersApp).post(BUYER).then().statusCode(404)
                .body("errors[0].field", is("appId"));
        ticketForm(c, "TECHNICAL", "Draft", "productId", f.draft).post(BUYER).then().statusCode(404)
                .body("errors[0].field", is("productId"));
        ticketForm(c, "TECHNICAL", "Unknown", "orderId", UUID.randomUUID().toString()).post(BUYER).then()
                .statusCode(404).body("errors[0].field", is("orderId"));
        ticketForm(c, "TECHNICAL", "Two", "orderId", othersOrder).multiPart("productId", f.saas).post(BUYER).then()
                .statusCode(400).body("errors[0].field", is("productId"));
        ticketForm(c, "NOT_A_CATEGORY", "x", null, null).post(BUYER).then().statusCode(400)
                .body("errors[0].field", is("category"));
        form(c, "customer").multiPart("category", "OTHER").post(BUYER).then().statusCode(400)
                .body("errors.field", hasItems("subject", "description"));
        ticketForm(c, "OTHER", "x", null, null).multiPart("files", "run.exe", new byte[] { 1 }, "application/x-msdownload")
                .post(BUYER).then().statusCode(415);
        assertEquals(before, count(pool, "select count(*) from ticket"), "nothing opened");

        // its own app: the product and the seller are derived from it
        customer(c).get(BUYER + open(c, "TECHNICAL", "appId", myApp)).then().statusCode(200)
                .body("ticket.appId", is(myApp), "ticket.productId", is(f.saas));
    }

    @Test
    void aGrantedCreditLimitIsSetWithTheResolutionAndARefusedOneLeavesTheTicketAsItWas() {
        String c = customerWith(null);
        String account = accountIdOf(c);
        String id = open(c, "CREDIT_LIMIT", null, null);

        // bad resolutions change nothing
        operator().body(Map.of("text", "ok")).post(OPERATOR + id + "/resolve").then().statusCode(400)
                .body("errors[0].field", is("outcome"));
        operator().body(Map.of("text", "ok", "outcome", "GRANTED")).post(OPERATOR + id + "/resolve").then()
                .statusCode(400).body("errors[0].field", is("creditLimit"));
        operator().body(Map.of("text", "ok", "outcome", "GRANTED", "creditLimit", -1)).post(OPERATOR + id + "/resolve")
                .then().statusCode(400).body("errors[0].field", is("creditLimit"));
        operator().body(Map.of("text", "ok", "outcome", "MAYBE")).post(OPERATOR + id + "/resolve").then()
                .statusCode(400);
        customer(c).get(BUYER + id).then().body("ticket.state", is("OPEN"));

        operator().body(Map.of("text", "Granted for your projects", "outcome", "GRANTED", "creditLimit", "500.00"))
                .post(OPERATOR + id + "/resolve").then().statusCode(200)
                .body("ticket.state", is("RESOLVED"), "outcome", is("GRANTED"), "grantedCreditLimit", is(500.00f),
                        "messages[-1].text", containsString("500.00"));
        customer(c).get("/api/account").then().body("creditLimit", is(500.00f));
        operator().get("/api/operator/accounts/" + account).then().body("creditLimit", is(500.00f));

        // owing 300 on credit, a new request granted below that is refused: neither the limit nor the ticket moves
        paidOrder(c, f.license, "ONE_TIME", "CREDIT");
        String again = open(c, "CREDIT_LIMIT", null, null);
        operator().body(Map.of("text", "Lowered", "outcome", "GRANTED", "creditLimit", 100))
                .post(OPERATOR + again + "/resolve").then().statusCode(422).contentType("application/problem+json");
        customer(c).get(BUYER + again).then().body("ticket.state", is("OPEN"), "outcome", nullValue(),
                "messages", hasSize(1));
        customer(c).get("/api/account").then().body("creditLimit", is(500.00f));

        // declined: nothing changes on the account
        operator().body(Map.of("text", "Not now", "outcome", "DECLINED")).post(OPERATOR + again + "/resolve").then()
                .statusCode(200).body("outcome", is("DECLINED"), "grantedCreditLimit", nullValue());
        customer(c).get("/api/account").then().body("creditLimit", is(500.00f));

        // other tickets take no outcome
        String other = open(c, "OTHER", null, null);
        operator().body(Map.of("text", "x", "outcome", "GRANTED", "creditLimit", 1)).post(OPERATOR + other + "/resolve")
                .then().statusCode(400).body("errors.field", hasItem("outcome"));
    }

    @Test
    void openingWithAnIdempotencyKeyOpensOneTicket() throws Exception {
        String c = customerWith(null);
        String key = "tk-" + UUID.randomUUID();
        Response first = ticketForm(c, "OTHER", "Same", null, null).header("Idempotency-Key", key)
                .multiPart("files", "a.pdf", PDF, "application/pdf").post(BUYER);
        first.then().statusCode(201);
        Response again = ticketForm(c, "OTHER", "Same", null, null).header("Idempotency-Key", key)
                .multiPart("files", "a.pdf", PDF, "application/pdf").post(BUYER);
        again.then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("ticket.id", is((String) first.path("ticket.id")));
        // the same fields with another file is another request
        ticketForm(c, "OTHER", "Same", null, null).header("Idempotency-Key", key)
                .multiPart("files", "a.pdf", "%PDF-1.4 other".getBytes(), "application/pdf").post(BUYER).then()
                .statusCode(422).contentType("application/problem+json");
        ticketForm(c, "OTHER", "Other subject", null, null).header("Idempotency-Key", key).post(BUYER).then()
                .statusCode(422);
        customer(c).get(BUYER).then().body("total", is(1));

        String once = "tk-" + UUID.randomUUID();
        List<Response> answers = AtOnce.run(5, () -> ticketForm(c, "OTHER", "At once", null, null)
                .header("Idempotency-Key", once).post(BUYER));
        assertEquals(List.of(201, 201, 201, 201, 201), AtOnce.statuses(answers));
        assertEquals(4, AtOnce.replayed(answers));
        assertEquals(1, answers.stream().map(r -> (String) r.path("ticket.id")).distinct().count());
        customer(c).get(BUYER).then().body("total", is(2));
    }

    @Test
    void aTicketUnansweredFor24HoursIsOverdueFirstInTheQueueUntilAnOperatorAnswers() {
        String c = customerWith(null);
        operator().get("/api/operator/tickets?size=1").then().statusCode(200);
        UUID op = accountId(pool, "operator-1");
        String answered = open(c, "OTHER", null, null);
        form("operator-1", "operator").multiPart("text", "On it").post(OPERATOR + answered + "/replies").then()
                .statusCode(200);
        clock.advance(Duration.ofMinutes(1));
        String waiting = open(c, "TECHNICAL", null, null);
        operator().body(Map.of()).post(OPERATOR + waiting + "/assign").then().statusCode(200);

        clock.advance(Duration.ofHours(24).minusMinutes(1));
        String fresh = open(c, "OTHER", null, null);
        clock.advance(Duration.ofSeconds(59));
        runJob();
        customer(c).get(BUYER + waiting).then().body("ticket.overdue", is(false));
        clock.advance(Duration.ofSeconds(1));
        runJob();
        customer(c).get(BUYER + waiting).then().body("ticket.overdue", is(true),
                "messages[-1].action", is("OVERDUE"), "messages[-1].actorRole", is("system"));
        customer(c).get(BUYER + fresh).then().body("ticket.overdue", is(false));
        assertEquals(1, notices(pool, op, waiting, "TICKET_OVERDUE"));
        runJob();
        assertEquals(1, notices(pool, op, waiting, "TICKET_OVERDUE"), "flagged once");

        // the queue: overdue first, then the longest awaiting; the answered one (older) after both
        List<String> queue = queueIds();
        assertTrue(queue.indexOf(waiting) < queue.indexOf(fresh), queue.toString());
        assertTrue(queue.indexOf(fresh) < queue.indexOf(answered), queue.toString());
        operator().get(OPERATOR + "?overdue=true&size=100").then().statusCode(200).body("items.id", hasItem(waiting),
                "items.id", not(hasItem(fresh)));
        operator().get(OPERATOR + "?olderThanHours=24&category=TECHNICAL&size=100").then().statusCode(200)
                .body("items.id", hasItem(waiting), "items.id", not(hasItem(answered)));
        operator().get(OPERATOR + "?overdue=yes").then().statusCode(400).body("errors[0].field", is("overdue"));
        operator().get(OPERATOR + "?olderThanHours=-1").then().statusCode(400);

        // the operator's answer clears the flag; the buyer's next message starts the clock again
        operatorText("ask-buyer", waiting, "Which browser?").then().statusCode(200)
                .body("ticket.overdue", is(false), "ticket.awaitingOperatorSince", nullValue());
        form(c, "customer").multiPart("text", "Firefox").post(BUYER + waiting + "/replies").then().statusCode(200)
                .body("ticket.awaitingOperatorSince", notNullValue());
        clock.advance(Duration.ofHours(23));
        runJob();
        customer(c).get(BUYER + waiting).then().body("ticket.overdue", is(false));
    }

    @Test
    void aResolvedTicketClosesSevenDaysLaterAndCanNoLongerBeReopened() {
        String c = customerWith(null);
        UUID buyer = accountId(pool, c);
        String id = open(c, "OTHER", null, null);
        operator().body(Map.of("text", "Done")).post(OPERATOR + id + "/resolve").then().statusCode(200);
        clock.advance(Duration.ofDays(7).minusSeconds(1));
        runJob();
        customer(c).get(BUYER + id).then().body("ticket.state", is("RESOLVED"));
        clock.advance(Duration.ofSeconds(1));
        customer(c).body(Map.of("text", "again")).post(BUYER + id + "/reopen").then().statusCode(409)
                .body("detail", containsString("7 days"));
        form(c, "customer").multiPart("text", "again").post(BUYER + id + "/replies").then().statusCode(409);
        long before = notices(pool, buyer, id, "TICKET_STATE_CHANGED");
        runJob();
        customer(c).get(BUYER + id).then().body("ticket.state", is("CLOSED"), "messages[-1].action",
                is("AUTO_CLOSE"), "messages[-1].actorRole", is("system"));
        assertEquals(before + 1, notices(pool, buyer, id, "TICKET_STATE_CHANGED"));
        runJob();
        assertEquals(before + 1, notices(pool, buyer, id, "TICKET_STATE_CHANGED"), "closed once");
    }

    @Test
    void ofTwoResolutionsAtOnceOneWins() throws Exception {
        String c = customerWith(null);
        String id = open(c, "CREDIT_LIMIT", null, null);
        List<Response> answers = AtOnce.run(2, () -> operator().body(Map.of("text", "Granted", "outcome", "GRANTED",
                "creditLimit", 300)).post(OPERATOR + id + "/resolve"));
        assertEquals(List.of(200, 409), AtOnce.statuses(answers).stream().sorted().toList());
        customer(c).get(BUYER + id).then().body("messages.action", contains("OPEN", "RESOLVE"));
        customer(c).get("/api/account").then().body("creditLimit", is(300.00f));
    }

    @Test
    void staleVersionsAreRefused() {
        String c = customerWith(null);
        String id = open(c, "OTHER", null, null);
        int version = customer(c).get(BUYER + id).then().extract().path("ticket.version");
        operatorText("ask-buyer", id, "More?").then().statusCode(200);
        customer(c).body(Map.of("text", "x", "version", version)).post(BUYER + id + "/close").then().statusCode(409)
                .body("type", endsWith("stale-version"));
        form(c, "customer").multiPart("text", "x").multiPart("version", "abc").post(BUYER + id + "/replies").then()
                .statusCode(400).body("errors[0].field", is("version"));
    }

    @Test
    void theBuyerIsToldByInboxAndEmailButNotOfItsOwnMessages() {
        String subject = Tokens.fresh("tk-mail");
        String email = subject + "@example.com";
        String token = io.quarkus.test.oidc.server.OidcWiremockTestResource.generateJwtToken(subject,
                java.util.Set.of("customer"), subject, "Bearer", java.util.Set.of("https://server.example.com"),
                Map.of("email", email));
        String id = io.restassured.RestAssured.given().auth().oauth2(token).multiPart("category", "OTHER")
                .multiPart("subject", "Where is my invoice?").multiPart("description", "It did not arrive")
                .post(BUYER).then().statusCode(201).extract().path("ticket.id");
        UUID buyer = accountId(pool, subject);
        assertEquals(0, notices(pool, buyer, id), "not told of its own ticket");
        operatorText("ask-buyer", id, "Which order?").then().statusCode(200);
        assertEquals(1, count(pool, "select count(*) from notification_delivery d join notification n "
                + "on n.id = d.notification_id where n.account_id = $1 and d.channel = 'EMAIL' and n.link = $2",
                buyer, "/tickets/" + id));
        operator().post("/api/operator/jobs/notification-delivery/run").then().statusCode(200);
        assertTrue(mailbox.sentTo(email).stream().anyMatch(m -> m.subject().contains("Where is my invoice?")
                && m.text().contains("Which order?")), mailbox.sentTo(email).toString());
        io.restassured.RestAssured.given().auth().oauth2(token).multiPart("text", "Order 42").post(BUYER + id
                + "/replies").then().statusCode(200);
        assertEquals(1, notices(pool, buyer, id), "its own reply tells it nothing");
    }

    static void runJob() {
        operator().post("/api/operator/jobs/ticket-service-levels/run").then().statusCode(200)
                .body("job", is("ticket-service-levels"));
    }

    static List<String> queueIds() {
        List<String> ids = new java.util.ArrayList<>();
        for (int page = 0; page < 50; page++) {
            List<String> items = operator().get(OPERATOR + "?size=100&page=" + page).then().statusCode(200).extract()
                    .path("items.id");
            ids.addAll(items);
            if (items.size() < 100) {
                break;
            }
        }
        return ids;
    }
}
