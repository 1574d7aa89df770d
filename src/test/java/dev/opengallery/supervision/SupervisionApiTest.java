package dev.opengallery.supervision;

import static dev.opengallery.supervision.SupervisionFixtures.*;
import static dev.opengallery.support.Tokens.anonymous;
import static dev.opengallery.support.Tokens.customer;
import static dev.opengallery.support.Tokens.fresh;
import static dev.opengallery.support.Tokens.operator;
import static dev.opengallery.support.Tokens.seller;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.opengallery.support.LedgerCheck;
import dev.opengallery.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;

@QuarkusTest
class SupervisionApiTest {

    static final String BUYER = "/api/supervision/flows/";
    static final String SELLER = "/api/seller/supervision/flows/";
    static final String OPERATOR = "/api/operator/supervision/flows/";
    static final byte[] PDF = "%PDF-1.4 delivery report".getBytes();

    @Inject
    Pool pool;

    @Inject
    TestClock clock;

    static SupervisionFixtures f;

    @BeforeEach
    void catalogue() {
        if (f == null) {
            f = new SupervisionFixtures();
        }
    }

    @AfterEach
    void after() {
        LedgerCheck.balancesEqualLedgers(pool);
        clock.reset();
    }

    static void runJob(String job) {
        operator().post("/api/operator/jobs/" + job + "/run").then().statusCode(200).body("job", is(job));
    }

    static String orderState(String customer, String orderId) {
        return customer(customer).get("/api/orders/" + orderId).then().statusCode(200).extract().path("state");
    }

    static void deliverLicense(String seller, String flow) {
        sellerForm(seller).multiPart("note", "License key sent by registered mail")
                .multiPart("offlineDeliveryConfirmed", "true").post(SELLER + flow + "/deliver").then().statusCode(200)
                .body("flow.state", is("WAITING_FOR_ACCEPTANCE"));
    }

    static void submitRequest(String buyer, String flow) {
        buyerForm(buyer).multiPart("request", "Company name: ACME").post(BUYER + flow + "/request").then()
                .statusCode(200).body("flow.state", is("WAITING_FOR_SELLER"));
    }

    // ------------------------------------------------------------------------------------------ license

    @Test
    void aLicenseIsDeliveredOfflineAcceptedAndCompletesThreeHoursLater() {
        String c = customerWith("1000.00");
        String orderId = paidOrder(c, f.license);
        String flow = flowOf(c, orderId);
        customer(c).get(BUYER + flow).then().statusCode(200)
                .body("flow.state", is("WAITING_FOR_SELLER"), "flow.productType", is("LICENSE"), "flow.orderState",
                        is("PROCESSING"), "flow.frozen", is(false), "allowedActions", contains("REMIND"),
                        "appeal.eligible", is(false), "operations", hasSize(0), "flow.milestones", is(1));
        seller(f.seller).get(SELLER + flow).then().statusCode(200).body("allowedActions", contains("DELIVER"));

        // a license has no request step; the seller confirms the offline delivery
        buyerForm(c).multiPart("request", "x").post(BUYER + flow + "/request").then().statusCode(409)
                .contentType("application/problem+json").body("currentState", is("WAITING_FOR_SELLER"));
        sellerForm(f.seller).multiPart("note", "Key sent").post(SELLER + flow + "/deliver").then().statusCode(400)
                .body("errors[0].field", is("offlineDeliveryConfirmed"));
        String att = sellerForm(f.seller).multiPart("note", "License key sent by registered mail")
                .multiPart("offlineDeliveryConfirmed", "true")
                .multiPart("files", "license.pdf", PDF, "application/pdf")
                .post(SELLER + flow + "/deliver").then().statusCode(200)
                .body("flow.state", is("WAITING_FOR_ACCEPTANCE"), "operations[0].action", is("DELIVER"),
                        "operations[0].actorRole", is("seller"), "operations[0].fromState", is("WAITING_FOR_SELLER"),
                        "operations[0].toState", is("WAITING_FOR_ACCEPTANCE"),
                        "operations[0].note", containsString("Delivered offline"),
                        "operations[0].attachments[0].fileName", is("license.pdf"),
                        "operations[0].attachments[0].size", is(PDF.length))
                .extract().path("operations[0].attachments[0].id");

        // the two parties and operators download it; nobody else
        Response download = customer(c).get(BUYER + flow + "/attachments/" + att);
        assertEquals(200, download.statusCode());
        assertArrayEquals(PDF, download.asByteArray());
        assertEquals("application/pdf", download.contentType());
        assertNotNull(download.header("Content-Disposition"));
        seller(f.seller).get(SELLER + flow + "/attachments/" + att).then().statusCode(200);
        operator().get(OPERATOR + flow + "/attachments/" + att).then().statusCode(200);
        customer(fresh("stranger")).get(BUYER + flow + "/attachments/" + att).then().statusCode(404)
                .contentType("application/problem+json");
        seller(fresh("other-seller")).get(SELLER + flow + "/attachments/" + att).then().statusCode(404);
        assertEquals(1, notices(pool, flow, "FLOW_DELIVERED"));

        // acceptance must confirm that the service can no longer be unsubscribed
        customer(c).body(Map.of("note", "fine")).post(BUYER + flow + "/accept").then().statusCode(400)
                .body("errors[0].field", is("confirmNoUnsubscribe"));
        customer(c).body(Map.of("confirmNoUnsubscribe", true)).post(BUYER + flow + "/accept").then().statusCode(200)
                .body("flow.state", is("ACCEPTED"), "acceptedAt", is("2026-11-25T10:00:00Z"),
                        "completesAt", is("2026-11-25T13:00:00Z"), "allowedActions", hasSize(0));
        assertEquals(1, notices(pool, flow, "FLOW_ACCEPTED"));

        clock.advance(Duration.ofHours(2).plusMinutes(59));
        runJob(SupervisionJobs.COMPLETION);
        assertEquals("PROCESSING", orderState(c, orderId));
        customer(c).get(BUYER + flow).then().body("flow.state", is("ACCEPTED"));

        clock.advance(Duration.ofMinutes(1));
        operator().post("/api/operator/jobs/" + SupervisionJobs.COMPLETION + "/run").then().statusCode(200)
                .body("moved", greaterThanOrEqualTo(1));
        assertEquals("COMPLETED", orderState(c, orderId));
        customer(c).get(BUYER + flow).then().body("flow.state", is("COMPLETED"), "flow.orderState", is("COMPLETED"),
                "operations.action", contains("DELIVER", "ACCEPT", "AUTO_COMPLETE"),
                "operations[2].actorRole", is("system"), "closedAt", notNullValue());
        assertEquals(2, notices(pool, flow, "FLOW_COMPLETED"));
    }

    // --------------------------------------------------------------------------------------------- SaaS

    @Test
    void supervisedSaasTakesARequestShowsItsApplicationAndIsListedOnlyAfterCompletion() {
        String c = customerWith("1000.00");
        String orderId = paidOrder(c, f.saas);
        String flow = flowOf(c, orderId);
        UUID order = UUID.fromString(orderId);
        customer(c).get(BUYER + flow).then().statusCode(200)
                .body("flow.state", is("WAITING_FOR_REQUEST"), "requestTemplate", is(SupervisionFixtures.TEMPLATE),
                        "allowedActions", contains("SUBMIT_REQUEST"),
                        "applicationInfo.productGuideUrl", is("https://docs.example.com/guide"),
                        "applicationInfo.passwordSet", is(false));
        assertEquals(1, count(pool, "select count(*) from subscription where order_id = $1 and not visible", order));

        // SaaS requests take neither files nor a requirement description
        buyerForm(c).multiPart("request", "Company: ACME").multiPart("files", "a.pdf", PDF, "application/pdf")
                .post(BUYER + flow + "/request").then().statusCode(400).body("errors[0].field", is("files"));
        buyerForm(c).multiPart("request", "Company: ACME").multiPart("requirementDescription", "x")
                .post(BUYER + flow + "/request").then().statusCode(400);
        buyerForm(c).multiPart("requirementDescription", "x").post(BUYER + flow + "/request").then().statusCode(400)
                .body("errors.field", hasItem("request"));

        // the seller rejects the request three times: the buyer may appeal
        for (int i = 1; i <= 3; i++) {
            submitRequest(c, flow);
            seller(f.seller).body(Map.of()).post(SELLER + flow + "/reject-request").then().statusCode(400);
            seller(f.seller).body(Map.of("reason", "Which administrator e-mail?")).post(SELLER + flow + "/reject-request")
                    .then().statusCode(200).body("flow.state", is("WAITING_FOR_REQUEST"), "requestRejections", is(i));
        }
        assertEquals(3, notices(pool, flow, "FLOW_REQUEST_REJECTED"));
        customer(c).get(BUYER + flow).then().body("appeal.eligible", is(true),
                "appeal.grounds", contains("REQUEST_REJECTED_3_TIMES"), "allowedActions", hasItems("SUBMIT_REQUEST", "APPEAL"));

        // a long request (beyond the 2K form default) is taken
        String longRequest = "Company name: ACME\n" + "x".repeat(9_000);
        buyerForm(c).multiPart("request", longRequest).post(BUYER + flow + "/request").then().statusCode(200)
                .body("request", is(longRequest), "flow.state", is("WAITING_FOR_SELLER"));
        assertEquals(4, notices(pool, flow, "FLOW_REQUEST_SUBMITTED"));

        // the seller delivers the application information; the password is never listed
        sellerForm(f.seller).multiPart("note", "Your helpdesk is ready").multiPart("managementUrl", "ftp://x")
                .post(SELLER + flow + "/deliver").then().statusCode(400).body("errors[0].field", is("managementUrl"));
        sellerForm(f.seller).multiPart("note", "Your helpdesk is ready").multiPart("username", "admin")
                .multiPart("password", "Initial#2026").multiPart("managementUrl", "https://helpdesk.example.com/admin")
                .multiPart("frontendUrl", "https://helpdesk.example.com").post(SELLER + flow + "/deliver").then()
                .statusCode(200).body("flow.state", is("WAITING_FOR_ACCEPTANCE"));
        customer(c).get(BUYER + flow).then().statusCode(200)
                .body("applicationInfo.username", is("admin"), "applicationInfo.passwordSet", is(true),
                        "applicationInfo.managementUrl", is("https://helpdesk.example.com/admin"),
                        "applicationInfo.frontendUrl", is("https://helpdesk.example.com"))
                .body(not(containsString("Initial#2026")));
        assertEquals(1, count(pool, "select count(*) from subscription where order_id = $1 and app_password is not null "
                + "and position('Initial#2026' in encode(app_password, 'escape')) = 0", order));
        String app = pool.preparedQuery("select id from subscription where order_id = $1").execute(
                io.vertx.mutiny.sqlclient.Tuple.of(order)).await().indefinitely().iterator().next().getUUID("id").toString();
        customer(c).get("/api/apps/" + app).then().statusCode(404);
        customer(c).post(BUYER + flow + "/application-info/password").then().statusCode(200)
                .body("password", is("Initial#2026"));
        customer(fresh("stranger")).post(BUYER + flow + "/application-info/password").then().statusCode(404);
        customer(c).get(BUYER + flow).then().body("operations.action", hasItem("REVEAL_PASSWORD"));

        // delivering twice is an illegal move
        sellerForm(f.seller).multiPart("note", "again").post(SELLER + flow + "/deliver").then().statusCode(409)
                .body("currentState", is("WAITING_FOR_ACCEPTANCE"));

        customer(c).body(Map.of("confirmNoUnsubscribe", true)).post(BUYER + flow + "/accept").then().statusCode(200);
        assertEquals(1, count(pool, "select count(*) from subscription where order_id = $1 and not visible", order));
        clock.advance(Duration.ofHours(3));
        runJob(SupervisionJobs.COMPLETION);
        assertEquals(1, count(pool, "select count(*) from subscription where order_id = $1 and visible", order));
        assertEquals("COMPLETED", orderState(c, orderId));
        // among purchased apps now, with the application information delivered through the flow
        customer(c).get("/api/apps/" + app).then().statusCode(200).body("application.username", is("admin"),
                "application.managementUrl", is("https://helpdesk.example.com/admin"));
        customer(c).post("/api/apps/" + app + "/password/reveal").then().statusCode(200)
                .body("password", is("Initial#2026"));
    }

    // -------------------------------------------------------------------------------------- attachments

    @Test
    void attachmentsAreRefusedOverTheLimitsAndOtherwiseStoredForThePartiesOnly() {
        String c = customerWith("5000.00");
        String flow = paidFlow(c, f.service);
        String url = BUYER + flow + "/request";
        byte[] tooBig = new byte[3 * 1024 * 1024 + 1];
        buyerForm(c).multiPart("request", "Move our DB").multiPart("files", "dump.pdf", tooBig, "application/pdf")
                .post(url).then().statusCode(413).contentType("application/problem+json")
                .body("errors[0].field", is("files"), "detail", containsString("3 MiB"));
        buyerForm(c).multiPart("request", "Move our DB").multiPart("files", "setup.exe", PDF, "application/x-msdownload")
                .post(url).then().statusCode(415).contentType("application/problem+json")
                .body("detail", containsString("application/x-msdownload"));
        var four = buyerForm(c).multiPart("request", "Move our DB");
        for (int i = 0; i < 4; i++) {
            four = four.multiPart("files", "f" + i + ".pdf", PDF, "application/pdf");
        }
        four.post(url).then().statusCode(400).body("errors[0].field", is("files"));
        buyerForm(c).multiPart("request", "Move our DB").multiPart("files", "empty.pdf", new byte[0], "application/pdf")
                .post(url).then().statusCode(400);
        buyerForm(c).multiPart("request", "x").multiPart("version", "abc").post(url).then().statusCode(400)
                .body("errors[0].field", is("version"));
        assertEquals(0, count(pool, "select count(*) from flow_attachment where flow_id = $1", UUID.fromString(flow)));
        customer(c).get(BUYER + flow).then().body("flow.state", is("WAITING_FOR_REQUEST"), "operations", hasSize(0));

        byte[] png = new byte[] { (byte) 0x89, 'P', 'N', 'G', 1, 2, 3 };
        var done = buyerForm(c).multiPart("request", "Source: PostgreSQL 12\nTarget: RDS")
                .multiPart("requirementDescription", "Move 2 TB with under one hour of downtime")
                .multiPart("files", "schema.pdf", PDF, "application/pdf")
                .multiPart("files", "diagram.png", png, "IMAGE/PNG")
                .post(url).then().statusCode(200)
                .body("flow.state", is("WAITING_FOR_SELLER"), "requirementDescription", containsString("2 TB"),
                        "operations[0].attachments.fileName", contains("schema.pdf", "diagram.png"),
                        "operations[0].attachments[1].contentType", is("image/png"))
                .extract();
        String pngId = done.path("operations[0].attachments[1].id");
        assertArrayEquals(png, seller(f.seller).get(SELLER + flow + "/attachments/" + pngId).then().statusCode(200)
                .extract().asByteArray());
        operator().get(OPERATOR + flow + "/attachments/" + pngId).then().statusCode(200).contentType("image/png");
        customer(fresh("stranger")).get(BUYER + flow + "/attachments/" + pngId).then().statusCode(404);
        seller(fresh("other-seller")).get(SELLER + flow + "/attachments/" + pngId).then().statusCode(404);
        // an attachment is reached only through its own flow
        String otherFlow = paidFlow(c, f.service);
        customer(c).get(BUYER + otherFlow + "/attachments/" + pngId).then().statusCode(404);
    }

    // ------------------------------------------------------------------------------------------ appeals

    @Test
    void theBuyerMayAppealAfterFiveDaysOfSellerSilenceAndTheFlowFreezesUntilAnOperatorDecides() {
        String c = customerWith("5000.00");
        String orderId = paidOrder(c, f.service);
        String flow = flowOf(c, orderId);
        submitRequest(c, flow);

        clock.advance(Duration.ofDays(4).plusHours(23));
        customer(c).body(Map.of("reason", "No answer")).post(BUYER + flow + "/appeal").then().statusCode(422)
                .body("detail", containsString("2026-11-30T10:00:00Z"));
        customer(c).get(BUYER + flow).then().body("appeal.eligible", is(false),
                "appeal.silentFrom", is("2026-11-30T10:00:00Z"));
        runJob(SupervisionJobs.APPEALABLE);
        assertEquals(0, notices(pool, flow, "FLOW_APPEALABLE"));

        clock.set(TestClock.START.plus(Duration.ofDays(5)).plusSeconds(60));
        customer(c).get(BUYER + flow).then().body("appeal.eligible", is(true), "appeal.grounds", contains("SELLER_SILENT"));
        operator().post("/api/operator/jobs/" + SupervisionJobs.APPEALABLE + "/run").then().statusCode(200)
                .body("moved", greaterThanOrEqualTo(1));
        runJob(SupervisionJobs.APPEALABLE);
        assertEquals(1, notices(pool, flow, "FLOW_APPEALABLE"), "the buyer is told once");
        seller(f.seller).get(SELLER + flow).then().body("appeal.eligible", is(false));

        customer(c).body(Map.of()).post(BUYER + flow + "/appeal").then().statusCode(400);
        String appealId = customer(c).body(Map.of("reason", "The seller does not answer")).post(BUYER + flow + "/appeal")
                .then().statusCode(200).body("flow.frozen", is(true), "appeals[0].status", is("OPEN"),
                        "appeals[0].grounds", contains("SELLER_SILENT"), "allowedActions", hasSize(0))
                .extract().path("flow.openAppealId");
        assertEquals(2, notices(pool, flow, "FLOW_APPEAL_OPENED"), "seller and buyer are told");

        // frozen: every party move answers 409 naming the appeal
        sellerForm(f.seller).multiPart("note", "Here it is").post(SELLER + flow + "/deliver").then().statusCode(409)
                .body("detail", containsString(appealId), "type", endsWith("/frozen"));
        seller(f.seller).body(Map.of("reason", "no")).post(SELLER + flow + "/reject-request").then().statusCode(409)
                .body("detail", containsString(appealId));
        customer(c).post(BUYER + flow + "/remind").then().statusCode(409).body("detail", containsString(appealId));
        customer(c).body(Map.of("reason", "again")).post(BUYER + flow + "/appeal").then().statusCode(409);

        operator().get("/api/operator/supervision/appeals").then().statusCode(200).body("items.id", hasItem(appealId));
        operator().get("/api/operator/supervision/appeals?status=nope").then().statusCode(400);
        operator().get(OPERATOR + flow).then().statusCode(200).body("allowedActions", contains("RESUME", "COMPLETE", "CANCEL"));
        operator().body(Map.of("decision", "RESUME")).post("/api/operator/supervision/appeals/" + appealId + "/decide")
                .then().statusCode(400);
        operator().body(Map.of("decision", "PAUSE", "note", "x")).post("/api/operator/supervision/appeals/" + appealId
                + "/decide").then().statusCode(400);
        operator().body(Map.of("decision", "RESUME", "note", "The seller is back; deliver within 2 days"))
                .post("/api/operator/supervision/appeals/" + appealId + "/decide").then().statusCode(200)
                .body("status", is("DECIDED"), "decision", is("RESUME"), "decidedAt", notNullValue());
        operator().body(Map.of("decision", "CANCEL", "note", "x"))
                .post("/api/operator/supervision/appeals/" + appealId + "/decide").then().statusCode(409);
        customer(c).get(BUYER + flow).then().body("flow.frozen", is(false), "flow.state", is("WAITING_FOR_SELLER"),
                "flow.stateSince", is("2026-11-30T10:01:00Z"), "appeal.eligible", is(false),
                "operations.action", contains("SUBMIT_REQUEST", "APPEALABLE", "APPEAL", "APPEAL_RESUME"));
        assertEquals(2, notices(pool, flow, "FLOW_APPEAL_DECIDED"));

        // silent again: this time the operator cancels, and the buyer is refunded through the ledger
        clock.advance(Duration.ofDays(5).plusMinutes(1));
        String second = customer(c).body(Map.of("reason", "Still nothing")).post(BUYER + flow + "/appeal").then()
                .statusCode(200).extract().path("flow.openAppealId");
        operator().body(Map.of("decision", "CANCEL", "note", "The seller cannot deliver"))
                .post("/api/operator/supervision/appeals/" + second + "/decide").then().statusCode(200)
                .body("decision", is("CANCEL"));
        assertEquals("CANCELED", orderState(c, orderId));
        customer(c).get(BUYER + flow).then().body("flow.state", is("CANCELED"), "flow.frozen", is(false),
                "appeals", hasSize(2));
        customer(c).get("/api/account").then().body("balance", is(5000.00f));
        customer(c).get("/api/account/ledger").then().body("items[0].kind", is("REFUND"), "items[0].amount", is(1500.00f));
    }

    @Test
    void theSellerMayAppealWhenTheBuyerIsSilentAndTheOperatorCompletesAsIfAccepted() {
        String c = customerWith("1000.00");
        String orderId = paidOrder(c, f.license);
        String flow = flowOf(c, orderId);
        deliverLicense(f.seller, flow);
        seller(f.seller).body(Map.of("reason", "No reaction")).post(SELLER + flow + "/appeal").then().statusCode(422);
        clock.advance(Duration.ofDays(5).plusMinutes(1));
        runJob(SupervisionJobs.APPEALABLE);
        assertEquals(1, count(pool, "select count(*) from notification where kind = 'FLOW_APPEALABLE' and link = $1",
                "/seller/supervision/flows/" + flow));
        String appeal = seller(f.seller).body(Map.of("reason", "The buyer does not accept")).post(SELLER + flow + "/appeal")
                .then().statusCode(200).body("appeals[0].openedRole", is("seller"), "appeals[0].grounds",
                        contains("BUYER_SILENT")).extract().path("flow.openAppealId");
        customer(c).body(Map.of("confirmNoUnsubscribe", true)).post(BUYER + flow + "/accept").then().statusCode(409)
                .body("detail", containsString(appeal));
        operator().body(Map.of("decision", "COMPLETE", "note", "Delivered as agreed"))
                .post("/api/operator/supervision/appeals/" + appeal + "/decide").then().statusCode(200);
        customer(c).get(BUYER + flow).then().body("flow.state", is("ACCEPTED"), "flow.frozen", is(false));
        clock.advance(Duration.ofHours(3));
        runJob(SupervisionJobs.COMPLETION);
        assertEquals("COMPLETED", orderState(c, orderId));
    }

    @Test
    void afterTwoRejectionsAFreshDeliveryCanBeAppealedInsteadOfAThirdRejection() {
        String c = customerWith("1000.00");
        String flow = paidFlow(c, f.license);
        for (int i = 1; i <= 2; i++) {
            deliverLicense(f.seller, flow);
            customer(c).body(Map.of("reason", "Wrong key " + i)).post(BUYER + flow + "/reject").then().statusCode(200)
                    .body("flow.state", is("WAITING_FOR_SELLER"), "deliveryRejections", is(i));
        }
        customer(c).get(BUYER + flow).then().body("appeal.eligible", is(false));
        deliverLicense(f.seller, flow);
        customer(c).get(BUYER + flow).then().body("appeal.eligible", is(true),
                "appeal.grounds", contains("DELIVERED_AGAIN_AFTER_2_REJECTIONS"),
                "allowedActions", containsInAnyOrder("ACCEPT", "REJECT_DELIVERY", "APPEAL"));
        customer(c).body(Map.of("reason", "Wrong key 3")).post(BUYER + flow + "/reject").then().statusCode(200);
        seller(f.seller).get(SELLER + flow).then().body("appeal.grounds", contains("DELIVERY_REJECTED_3_TIMES"));
        assertEquals(3, notices(pool, flow, "FLOW_DELIVERY_REJECTED"));
    }

    // ---------------------------------------------------------------------------------------- reminders

    @Test
    void theBuyerRemindsTheSellerAtMostOnceADay() {
        String c = customerWith("5000.00");
        String flow = paidFlow(c, f.consulting);
        customer(c).post(BUYER + flow + "/remind").then().statusCode(409).body("currentState", is("WAITING_FOR_REQUEST"));
        submitRequest(c, flow);
        long version = customer(c).post(BUYER + flow + "/remind").then().statusCode(200)
                .body("lastRemindedAt", is("2026-11-25T10:00:00Z"), "nextReminderAt", is("2026-11-26T10:00:00Z"),
                        "allowedActions", not(hasItem("REMIND")), "operations[1].action", is("REMIND"))
                .extract().jsonPath().getLong("flow.version");
        customer(c).post(BUYER + flow + "/remind").then().statusCode(422).body("detail", containsString("2026-11-26T10:00:00Z"));
        clock.advance(Duration.ofHours(23).plusMinutes(59));
        customer(c).post(BUYER + flow + "/remind").then().statusCode(422);
        clock.advance(Duration.ofMinutes(1));
        customer(c).post(BUYER + flow + "/remind").then().statusCode(200).body("flow.version", is((int) version));
        assertEquals(2, notices(pool, flow, "FLOW_REMINDER"));
        assertEquals(2, count(pool, "select count(*) from flow_reminder where flow_id = $1", UUID.fromString(flow)));
        seller(f.seller).post(SELLER + flow + "/remind").then().statusCode(404);
    }

    // -------------------------------------------------------------------------------------- concurrency

    static List<Integer> atOnce(List<Callable<Integer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> call : calls) {
                futures.add(pool.submit(call));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> fu : futures) {
                statuses.add(fu.get());
            }
            statuses.sort(null);
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoMovesAtOnceOneWinsTheOtherGets409() throws Exception {
        for (int round = 0; round < 3; round++) {
            String c = customerWith("1000.00");
            String flow = paidFlow(c, f.license);
            deliverLicense(f.seller, flow);
            List<Integer> statuses = atOnce(List.of(
                    () -> customer(c).body(Map.of("confirmNoUnsubscribe", true)).post(BUYER + flow + "/accept").statusCode(),
                    () -> customer(c).body(Map.of("reason", "no")).post(BUYER + flow + "/reject").statusCode()));
            assertEquals(List.of(200, 409), statuses);
            assertEquals(1, count(pool, "select count(*) from flow_operation where flow_id = $1 and action in "
                    + "('ACCEPT', 'REJECT_DELIVERY')", UUID.fromString(flow)));

            String flow2 = paidFlow(c, f.license);
            statuses = atOnce(List.of(
                    () -> sellerForm(f.seller).multiPart("note", "a").multiPart("offlineDeliveryConfirmed", "true")
                            .post(SELLER + flow2 + "/deliver").statusCode(),
                    () -> sellerForm(f.seller).multiPart("note", "b").multiPart("offlineDeliveryConfirmed", "true")
                            .post(SELLER + flow2 + "/deliver").statusCode()));
            assertEquals(List.of(200, 409), statuses);
            assertEquals(1, count(pool, "select count(*) from flow_operation where flow_id = $1 and action = 'DELIVER'",
                    UUID.fromString(flow2)));
        }
    }

    @Test
    void aMoveOnAStaleVersionAnswers409() {
        String c = customerWith("1000.00");
        String flow = paidFlow(c, f.license);
        int v = customer(c).get(BUYER + flow).then().extract().path("flow.version");
        sellerForm(f.seller).multiPart("note", "a").multiPart("offlineDeliveryConfirmed", "true")
                .multiPart("version", String.valueOf(v + 1)).post(SELLER + flow + "/deliver").then().statusCode(409)
                .body("type", endsWith("/stale-version"));
        sellerForm(f.seller).multiPart("note", "a").multiPart("offlineDeliveryConfirmed", "true")
                .multiPart("version", String.valueOf(v)).post(SELLER + flow + "/deliver").then().statusCode(200)
                .body("flow.version", is(v + 1));
        customer(c).body(Map.of("reason", "no", "version", v)).post(BUYER + flow + "/reject").then().statusCode(409)
                .body("type", endsWith("/stale-version"));
        customer(c).body(Map.of("reason", "no", "version", v + 1)).post(BUYER + flow + "/reject").then().statusCode(200);
    }

    @Test
    void twoJobRunsAtOnceChangeEachFlowOnceAndNotifyOnce() throws Exception {
        String c = customerWith("10000.00");
        List<String> accepted = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String flow = paidFlow(c, f.license);
            deliverLicense(f.seller, flow);
            customer(c).body(Map.of("confirmNoUnsubscribe", true)).post(BUYER + flow + "/accept").then().statusCode(200);
            accepted.add(flow);
            String svc = paidFlow(c, f.consulting);
            submitRequest(c, svc);
            waiting.add(svc);
        }
        clock.advance(Duration.ofDays(5).plusMinutes(1));
        for (String job : List.of(SupervisionJobs.COMPLETION, SupervisionJobs.APPEALABLE)) {
            List<Integer> statuses = atOnce(List.of(
                    () -> operator().post("/api/operator/jobs/" + job + "/run").statusCode(),
                    () -> operator().post("/api/operator/jobs/" + job + "/run").statusCode()));
            assertEquals(List.of(200, 200), statuses);
        }
        for (String flow : accepted) {
            UUID id = UUID.fromString(flow);
            assertEquals(1, count(pool, "select count(*) from flow_operation where flow_id = $1 and action = 'AUTO_COMPLETE'", id));
            assertEquals(1, count(pool, "select count(*) from order_event e join service_flow f on f.order_id = e.order_id "
                    + "where f.id = $1 and e.to_state = 'COMPLETED'", id));
            assertEquals(2, notices(pool, flow, "FLOW_COMPLETED"));
            customer(c).get(BUYER + flow).then().body("flow.state", is("COMPLETED"), "flow.orderState", is("COMPLETED"));
        }
        for (String flow : waiting) {
            assertEquals(1, count(pool, "select count(*) from flow_operation where flow_id = $1 and action = 'APPEALABLE'",
                    UUID.fromString(flow)));
            assertEquals(1, notices(pool, flow, "FLOW_APPEALABLE"));
        }
        // and the same jobs in-process, twice at once on two connections
        clock.advance(Duration.ofDays(400));
        List<String> old = new ArrayList<>(waiting);
        io.smallrye.mutiny.Uni.combine().all().unis(jobs.runAutoClose(), jobs.runAutoClose()).asTuple().await()
                .atMost(Duration.ofMinutes(1));
        for (String flow : old) {
            assertEquals(1, count(pool, "select count(*) from flow_operation where flow_id = $1 and action = 'AUTO_CANCEL'",
                    UUID.fromString(flow)));
            assertEquals(2, notices(pool, flow, "FLOW_CANCELED"));
        }
        assertEquals(old.size(), count(pool, "select count(*) from ledger_entry l join service_flow f on f.order_id = "
                + "l.order_id where f.id = any($1) and l.kind = 'REFUND'",
                (Object) old.stream().map(UUID::fromString).toArray(UUID[]::new)));
    }

    @Inject
    SupervisionJobs jobs;

    // ------------------------------------------------------------------------------------------ 365 days

    @Test
    void flowsOpenForMoreThan365DaysCloseWithAnInvoiceRequestAndAreCanceledWithout() {
        String invoiced = customerWith("5000.00");
        String invoicedOrder = paidOrder(invoiced, f.service);
        String invoicedFlow = flowOf(invoiced, invoicedOrder);
        sql(pool, "update customer_order set invoice_state = 'REQUESTED' where id = $1", UUID.fromString(invoicedOrder));
        String plain = customerWith("5000.00");
        String plainOrder = paidOrder(plain, f.service);
        String plainFlow = flowOf(plain, plainOrder);
        submitRequest(plain, plainFlow);
        // a frozen flow is closed too, with its appeal
        String frozen = customerWith("1000.00");
        String frozenOrder = paidOrder(frozen, f.license);
        String frozenFlow = flowOf(frozen, frozenOrder);
        clock.advance(Duration.ofDays(6));
        customer(frozen).body(Map.of("reason", "Nothing delivered")).post(BUYER + frozenFlow + "/appeal").then()
                .statusCode(200);
        sql(pool, "update customer_order set invoice_state = 'ISSUED' where id = $1", UUID.fromString(frozenOrder));

        clock.set(TestClock.START.plus(Duration.ofDays(365)));
        runJob(SupervisionJobs.AUTO_CLOSE);
        customer(invoiced).get(BUYER + invoicedFlow).then().body("flow.state", is("WAITING_FOR_REQUEST"));
        customer(plain).get(BUYER + plainFlow).then().body("flow.state", is("WAITING_FOR_SELLER"));

        clock.set(TestClock.START.plus(Duration.ofDays(365)).plusSeconds(60));
        operator().post("/api/operator/jobs/" + SupervisionJobs.AUTO_CLOSE + "/run").then().statusCode(200)
                .body("moved", greaterThanOrEqualTo(3));
        customer(invoiced).get(BUYER + invoicedFlow).then().body("flow.state", is("CLOSED"),
                "operations[-1].action", is("AUTO_CLOSE"));
        assertEquals("COMPLETED", orderState(invoiced, invoicedOrder));
        customer(invoiced).get("/api/account").then().body("balance", is(3500.00f));
        assertEquals(2, notices(pool, invoicedFlow, "FLOW_CLOSED"));

        customer(plain).get(BUYER + plainFlow).then().body("flow.state", is("CANCELED"),
                "operations[-1].action", is("AUTO_CANCEL"), "operations[-1].fromState", is("WAITING_FOR_SELLER"));
        assertEquals("CANCELED", orderState(plain, plainOrder));
        customer(plain).get("/api/account").then().body("balance", is(5000.00f));
        assertEquals(2, notices(pool, plainFlow, "FLOW_CANCELED"));

        customer(frozen).get(BUYER + frozenFlow).then().body("flow.state", is("CLOSED"), "flow.frozen", is(false),
                "appeals[0].status", is("CLOSED"), "appeals[0].decision", is("AUTO_CLOSE"));
        assertEquals("COMPLETED", orderState(frozen, frozenOrder));

        // idempotent
        runJob(SupervisionJobs.AUTO_CLOSE);
        assertEquals(2, notices(pool, plainFlow, "FLOW_CANCELED"));
        assertEquals(1, count(pool, "select count(*) from ledger_entry where order_id = $1 and kind = 'REFUND'",
                UUID.fromString(plainOrder)));
    }

    // ------------------------------------------------------------------------------------------ milestones

    @Test
    void acceptingMilestoneNGeneratesBillNPlusOneAndTheFlowGoesOnWithTheNextMilestone() {
        String c = fresh("sup-ms");
        String acc = customer(c).get("/api/account").then().extract().path("id");
        operator().body(Map.of("creditLimit", "100.00")).put("/api/operator/accounts/" + acc + "/credit").then().statusCode(200);
        operator().body(Map.of("creditLimit", "10000.00")).put("/api/operator/accounts/" + acc + "/offer-credit").then()
                .statusCode(200);
        Map<String, Object> offer = new HashMap<>();
        offer.put("customerAccountId", acc);
        offer.put("productId", f.service);
        offer.put("specificationId", spec(f.service));
        offer.put("billingMode", "ONE_TIME");
        offer.put("quantity", 1);
        offer.put("periods", 1);
        offer.put("discountType", "PERCENTAGE");
        offer.put("discountValue", "10");
        offer.put("expiresAt", "2026-12-25T00:00:00Z");
        offer.put("milestones", List.of(40, 60));
        String offerId = seller(f.seller).body(offer).post("/api/seller/offers").then().statusCode(201).extract().path("id");
        Map<String, Object> order = new HashMap<>(Map.of("productId", f.service, "specificationId", spec(f.service),
                "billingMode", "ONE_TIME", "quantity", 1, "periods", 1, "acceptTerms", true, "offerId", offerId));
        String orderId = customer(c).body(order).post("/api/orders").then().statusCode(201)
                .body("milestone", is(true)).extract().path("id");
        String flow = flowOf(c, orderId);
        customer(c).get(BUYER + flow).then().body("flow.milestone", is(1), "flow.milestones", is(2));
        submitRequest(c, flow);
        sellerForm(f.seller).multiPart("note", "Phase 1: schema migrated").post(SELLER + flow + "/deliver").then()
                .statusCode(200);
        customer(c).body(Map.of("confirmNoUnsubscribe", true)).post(BUYER + flow + "/accept").then().statusCode(200)
                .body("flow.state", is("WAITING_FOR_SELLER"), "flow.milestone", is(2), "acceptedAt", nullValue(),
                        "operations[-1].note", containsString("Milestone 1 of 2 accepted; bill 2 generated"));
        customer(c).get("/api/milestone-bills?orderId=" + orderId).then().body("size()", is(2),
                "find { it.milestone == 2 }.amount", is(810.00f));
        sellerForm(f.seller).multiPart("note", "Phase 2: data migrated").post(SELLER + flow + "/deliver").then()
                .statusCode(200).body("operations[-1].milestone", is(2));
        customer(c).body(Map.of("confirmNoUnsubscribe", true)).post(BUYER + flow + "/accept").then().statusCode(200)
                .body("flow.state", is("ACCEPTED"), "flow.milestone", is(2));
        customer(c).get("/api/milestone-bills?orderId=" + orderId).then().body("size()", is(2));
    }

    // ------------------------------------------------------------------------------------- wrong owner

    @Test
    void anotherAccountsFlowIsNotFoundEverywhere() {
        String c = customerWith("5000.00");
        String flow = paidFlow(c, f.service);
        String att = buyerForm(c).multiPart("request", "x").multiPart("files", "a.pdf", PDF, "application/pdf")
                .post(BUYER + flow + "/request").then().statusCode(200).extract().path("operations[0].attachments[0].id");
        String stranger = fresh("stranger");
        String otherSeller = fresh("other-seller");
        Map<String, Object> reason = Map.of("reason", "x");
        customer(stranger).get(BUYER + flow).then().statusCode(404).contentType("application/problem+json");
        buyerForm(stranger).multiPart("request", "x").post(BUYER + flow + "/request").then().statusCode(404);
        customer(stranger).body(Map.of("confirmNoUnsubscribe", true)).post(BUYER + flow + "/accept").then().statusCode(404);
        customer(stranger).body(reason).post(BUYER + flow + "/reject").then().statusCode(404);
        customer(stranger).post(BUYER + flow + "/remind").then().statusCode(404);
        customer(stranger).body(reason).post(BUYER + flow + "/appeal").then().statusCode(404);
        customer(stranger).post(BUYER + flow + "/application-info/password").then().statusCode(404);
        customer(stranger).get(BUYER + flow + "/attachments/" + att).then().statusCode(404);
        customer(stranger).get("/api/supervision/flows").then().statusCode(200).body("total", is(0));

        seller(otherSeller).get(SELLER + flow).then().statusCode(404);
        seller(otherSeller).body(reason).post(SELLER + flow + "/reject-request").then().statusCode(404);
        sellerForm(otherSeller).multiPart("note", "x").post(SELLER + flow + "/deliver").then().statusCode(404);
        seller(otherSeller).body(reason).post(SELLER + flow + "/appeal").then().statusCode(404);
        seller(otherSeller).get(SELLER + flow + "/attachments/" + att).then().statusCode(404);
        seller(otherSeller).get("/api/seller/supervision/flows").then().statusCode(200).body("total", is(0));

        String unknown = UUID.randomUUID().toString();
        operator().get(OPERATOR + unknown).then().statusCode(404);
        operator().get(OPERATOR + flow + "/attachments/" + unknown).then().statusCode(404);
        operator().body(Map.of("decision", "RESUME", "note", "x")).post("/api/operator/supervision/appeals/" + unknown
                + "/decide").then().statusCode(404);
        operator().get("/api/operator/supervision/appeals/" + unknown).then().statusCode(404);
        customer(c).get(BUYER + "not-a-uuid").then().statusCode(404);

        // roles
        customer(c).get(SELLER + flow).then().statusCode(403);
        seller(f.seller).get(BUYER + flow).then().statusCode(403);
        customer(c).get(OPERATOR + flow).then().statusCode(403);
        customer(c).post("/api/operator/jobs/" + SupervisionJobs.COMPLETION + "/run").then().statusCode(403);
        anonymous().get(BUYER + flow).then().statusCode(401);
        // the owners still see it
        customer(c).get(BUYER + flow).then().statusCode(200);
        seller(f.seller).get(SELLER + flow).then().statusCode(200);
        operator().get(OPERATOR + flow).then().statusCode(200);
    }

    // -------------------------------------------------------------------------------------------- lists

    @Test
    void listsFilterByStateTypeProductNameOrderAndDate() {
        String c = customerWith("5000.00");
        String licenseOrder = paidOrder(c, f.license);
        String serviceFlow = paidFlow(c, f.service);
        customer(c).get("/api/supervision/flows").then().statusCode(200).body("total", is(2));
        customer(c).get("/api/supervision/flows?type=LICENSE").then().body("total", is(1),
                "items[0].orderId", is(licenseOrder), "items[0].productName", is("Supervised AV"));
        customer(c).get("/api/supervision/flows?state=WAITING_FOR_REQUEST").then().body("items.id", contains(serviceFlow));
        customer(c).get("/api/supervision/flows?productName=migrAT").then().body("total", is(1));
        customer(c).get("/api/supervision/flows?productName=50%25").then().body("total", is(0));
        customer(c).get("/api/supervision/flows?from=2026-11-25&to=2026-11-26").then().body("total", is(2));
        customer(c).get("/api/supervision/flows?from=2026-11-26").then().body("total", is(0));
        customer(c).get("/api/supervision/flows?frozen=true").then().body("total", is(0));
        customer(c).get("/api/supervision/flows?size=1&page=1").then().body("items", hasSize(1), "total", is(2));
        customer(c).get("/api/supervision/flows?state=DONE").then().statusCode(400).body("errors[0].field", is("state"));
        customer(c).get("/api/supervision/flows?orderId=x").then().statusCode(400);
        customer(c).get("/api/supervision/flows?from=yesterday").then().statusCode(400);
        customer(c).get("/api/supervision/flows?frozen=maybe").then().statusCode(400);
        seller(f.seller).get("/api/seller/supervision/flows?orderId=" + licenseOrder).then().body("total", is(1));
        operator().get("/api/operator/supervision/flows?orderId=" + licenseOrder).then().body("total", is(1));
    }

    @Test
    void theOpenApiDocumentDescribesEverySupervisionEndpoint() {
        var doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, String> paths = new HashMap<>();
        paths.put("/api/supervision/flows", "get");
        paths.put("/api/supervision/flows/{id}", "get");
        paths.put("/api/supervision/flows/{id}/request", "post");
        paths.put("/api/supervision/flows/{id}/accept", "post");
        paths.put("/api/supervision/flows/{id}/reject", "post");
        paths.put("/api/supervision/flows/{id}/remind", "post");
        paths.put("/api/supervision/flows/{id}/appeal", "post");
        paths.put("/api/supervision/flows/{id}/application-info/password", "post");
        paths.put("/api/supervision/flows/{id}/attachments/{attachmentId}", "get");
        paths.put("/api/seller/supervision/flows", "get");
        paths.put("/api/seller/supervision/flows/{id}", "get");
        paths.put("/api/seller/supervision/flows/{id}/reject-request", "post");
        paths.put("/api/seller/supervision/flows/{id}/deliver", "post");
        paths.put("/api/seller/supervision/flows/{id}/appeal", "post");
        paths.put("/api/seller/supervision/flows/{id}/attachments/{attachmentId}", "get");
        paths.put("/api/operator/supervision/flows", "get");
        paths.put("/api/operator/supervision/flows/{id}", "get");
        paths.put("/api/operator/supervision/flows/{id}/attachments/{attachmentId}", "get");
        paths.put("/api/operator/supervision/appeals", "get");
        paths.put("/api/operator/supervision/appeals/{id}", "get");
        paths.put("/api/operator/supervision/appeals/{id}/decide", "post");
        paths.put("/api/operator/jobs/supervision-appealable/run", "post");
        paths.put("/api/operator/jobs/supervision-completion/run", "post");
        paths.put("/api/operator/jobs/supervision-auto-close/run", "post");
        for (var e : paths.entrySet()) {
            String op = "paths.'" + e.getKey() + "'." + e.getValue();
            assertNotNull(doc.get(op + ".summary"), e.getKey());
        }
        assertNotNull(doc.get("paths.'/api/supervision/flows/{id}/request'.post.requestBody.content.'multipart/form-data'"));
        assertNotNull(doc.get("paths.'/api/seller/supervision/flows/{id}/deliver'.post.responses.'413'.content"));
        assertNotNull(doc.get("paths.'/api/supervision/flows/{id}/accept'.post.responses.'409'.content.'application/problem+json'"));
    }
}
