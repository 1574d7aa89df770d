package dev.opengallery.notifications;

import static dev.opengallery.notifications.NotificationFixtures.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.opengallery.core.Db;
import dev.opengallery.support.TestClock;
import dev.opengallery.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

@QuarkusTest
class NotificationDeliveryTest {

    @Inject
    Notifications notifications;

    @Inject
    NotificationDeliveryJob job;

    @Inject
    Pool pool;

    @Inject
    Db db;

    @Inject
    TestClock clock;

    @Inject
    EmailSender mailbox;

    @Inject
    SentMails sentMails;

    @Inject
    RecordingSmsSender sms;

    @BeforeEach
    void nothingDue() {
        clock.reset();
        drain();
    }

    @AfterEach
    void restore() {
        sms.acceptAll();
        parkLeftovers();
        clock.reset();
    }

    /** Sends whatever other tests left due, so each test counts only its own deliveries. */
    void drain() {
        while (job.deliverDue(500).await().indefinitely() > 0) {
            // until nothing is due
        }
    }

    /** This test's notifications, so that none it leaves pending is sent in another test. */
    final List<UUID> created = new ArrayList<>();

    void parkLeftovers() {
        pool.preparedQuery("""
                update notification_delivery set status = 'FAILED', last_error = 'left by a test'
                where status = 'PENDING' and notification_id = any($1)""")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(created.toArray(new UUID[0]))).await().indefinitely();
        created.clear();
    }

    UUID notify(UUID account, String title, String link, Set<Channel> channels) {
        UUID id = db.transaction(conn -> notifications.notify(conn, account, "ORDER_PAID", title,
                "Your order for CloudCRM Suite is paid.", link, channels)).await().indefinitely();
        created.add(id);
        return id;
    }

    int deliver() {
        return job.deliverDue(100).await().indefinitely();
    }

    @Test
    void aNotificationExistsOnlyIfTheCallersTransactionCommits() {
        String email = unique("rollback") + "@example.com";
        UUID me = account(pool, unique("rollback"), email);
        setPhone(pool, me, "+15550100001");

        RuntimeException boom = new IllegalStateException("the business change failed");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> db.transaction(conn -> notifications
                .notify(conn, me, "ORDER_PAID", "Order paid", "Paid.", null, EnumSet.allOf(Channel.class))
                .chain(id -> Uni.createFrom().failure(boom))).await().indefinitely());
        assertSame(boom, thrown);
        assertEquals(0, count(pool, "select count(*) from notification where account_id = $1", me));
        assertEquals(0, count(pool, """
                select count(*) from notification_delivery d join notification n on n.id = d.notification_id
                where n.account_id = $1""", me));
        assertEquals(0, deliver());
        assertTrue(mailbox.sentTo(email).isEmpty());
        assertTrue(sms.sentTo("+15550100001").isEmpty());

        // committed: the inbox entry and one outbox row per channel, due now
        UUID id = notify(me, "Order paid", null, EnumSet.allOf(Channel.class));
        assertEquals(1, count(pool, "select count(*) from notification where account_id = $1", me));
        Row mail = delivery(pool, id, Channel.EMAIL);
        assertEquals(email, mail.getString("recipient"));
        assertEquals("PENDING", mail.getString("status"));
        assertEquals(0, mail.getInteger("attempts"));
        assertEquals(TestClock.START, mail.getOffsetDateTime("next_attempt_at").toInstant());
        assertEquals("+15550100001", delivery(pool, id, Channel.SMS).getString("recipient"));
    }

    @Test
    void badArgumentsFailBeforeWritingAnything() {
        UUID me = account(pool, unique("bad"), unique("bad") + "@example.com");
        for (String[] bad : new String[][] { { "order paid", "Title", "Body" }, { "ORDER_PAID", " ", "Body" },
                { "ORDER_PAID", null, "Body" }, { "ORDER_PAID", "Title", "" } }) {
            assertThrows(IllegalArgumentException.class, () -> db.transaction(conn -> notifications.notify(conn,
                    me, bad[0], bad[1], bad[2], null, Set.of(Channel.EMAIL))).await().indefinitely(), bad[0] + bad[1]);
        }
        assertThrows(IllegalArgumentException.class, () -> db.transaction(conn -> notifications.notify(conn,
                me, "ORDER_PAID", "Title", "Body", "/orders/with space", Set.of(Channel.EMAIL))).await().indefinitely());
        assertThrows(IllegalArgumentException.class, () -> db.transaction(conn -> notifications.notify(conn,
                UUID.randomUUID(), "ORDER_PAID", "Title", "Body", null, Set.of(Channel.EMAIL))).await().indefinitely());
        assertEquals(0, count(pool, "select count(*) from notification where account_id = $1", me));
    }

    @Test
    void longOrMultiLineTextIsShortenedNotRefused() {
        String email = unique("long") + "@example.com";
        UUID me = account(pool, unique("long"), email);
        String name = "N".repeat(200);
        UUID id = db.transaction(conn -> notifications.notify(conn, me, "OFFER_RECEIVED",
                "An exclusive offer for\n" + name, "x".repeat(5000), null, Set.of(Channel.EMAIL))).await().indefinitely();
        created.add(id);
        Row row = pool.preparedQuery("select title, body from notification where id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(id)).await().indefinitely().iterator().next();
        String title = row.getString("title");
        assertEquals(200, title.length());
        assertTrue(title.startsWith("An exclusive offer for NNN") && title.endsWith("N\u2026"), title);
        assertEquals(4000, row.getString("body").length());
        assertEquals(1, deliver());
        assertEquals(title, mailbox.sentTo(email).get(0).subject());
    }

    @Test
    void aLinkTheBodyAlreadyShowsIsNotRepeated() {
        String email = unique("offer") + "@example.com";
        UUID me = account(pool, unique("offer"), email);
        setPhone(pool, me, "+15550100003");
        String link = "https://gallery.example.com/offers/abc";
        UUID id = db.transaction(conn -> notifications.notify(conn, me, "OFFER_RECEIVED", "An exclusive offer",
                "Order here: " + link, link, EnumSet.allOf(Channel.class))).await().indefinitely();
        created.add(id);
        assertEquals(2, deliver());
        assertEquals("Order here: " + link, mailbox.sentTo(email).get(0).text());
        assertEquals("An exclusive offer: Order here: " + link, sms.sentTo("+15550100003").get(0).text());
    }

    @Test
    void anEmailIsSentOnceToTheAccountsAddress() {
        String email = unique("buyer") + "@example.com";
        UUID me = account(pool, unique("buyer"), email);
        // no phone: the SMS channel is skipped
        UUID id = notify(me, "Order paid", "/orders/42", EnumSet.allOf(Channel.class));
        assertEquals(1, count(pool, "select count(*) from notification_delivery where notification_id = $1", id));

        clock.advance(Duration.ofSeconds(5));
        assertEquals(1, deliver());
        List<EmailSender.Email> mails = mailbox.sentTo(email);
        assertEquals(1, mails.size());
        assertEquals("Order paid", mails.get(0).subject());
        assertEquals("Your order for CloudCRM Suite is paid.\n\nhttps://gallery.test/orders/42", mails.get(0).text());
        assertEquals("OpenGallery <no-reply@opengallery.dev>", mailbox.sentTo(email).get(0).from());
        Row row = delivery(pool, id, Channel.EMAIL);
        assertEquals("SENT", row.getString("status"));
        assertEquals(1, row.getInteger("attempts"));
        assertEquals(TestClock.START.plusSeconds(5), row.getOffsetDateTime("sent_at").toInstant());
        assertNull(row.getString("last_error"));

        assertEquals(0, deliver());
        clock.advance(Duration.ofDays(1));
        deliver();
        assertEquals(1, mailbox.sentTo(email).size());
        assertEquals(1, delivery(pool, id, Channel.EMAIL).getInteger("attempts"));
    }

    @Test
    void textMessagesGoThroughTheSmsSender() {
        String email = unique("texted") + "@example.com";
        UUID me = account(pool, unique("texted"), email);
        setPhone(pool, me, "+15550100002");
        UUID id = notify(me, "Order paid", null, Set.of(Channel.SMS));

        assertEquals(1, deliver());
        assertEquals(List.of(new RecordingSmsSender.Sms("+15550100002", "Order paid: Your order for CloudCRM Suite is paid.")),
                sms.sentTo("+15550100002"));
        assertTrue(mailbox.sentTo(email).isEmpty(), "e-mail was not asked for");
        assertEquals("SENT", delivery(pool, id, Channel.SMS).getString("status"));
        assertEquals(0, deliver());
        assertEquals(1, sms.sentTo("+15550100002").size());
    }

    @Test
    void aFailingSendIsRetriedWithBackoffThenFails() {
        UUID me = account(pool, unique("unlucky"), unique("unlucky") + "@example.com");
        String phone = "+15550100666";
        setPhone(pool, me, phone);
        sms.refuse(phone);
        UUID id = notify(me, "Offer received", null, Set.of(Channel.SMS));

        // 30 s, 1 min, 2 min, 4 min, 8 min, 16 min, 32 min; the 8th failure is final
        long[] waits = { 30, 60, 120, 240, 480, 960, 1920 };
        for (int attempt = 1; attempt <= 8; attempt++) {
            // once the clock moves, other tests' retries may fall due too: count this row's attempts
            assertTrue(deliver() >= 1, "attempt " + attempt);
            Instant now = clock.instant();
            Row row = delivery(pool, id, Channel.SMS);
            assertEquals(attempt, row.getInteger("attempts"));
            assertEquals("IllegalStateException: gateway refused " + phone, row.getString("last_error"));
            assertNull(row.getOffsetDateTime("sent_at"));
            if (attempt == 8) {
                assertEquals("FAILED", row.getString("status"));
                break;
            }
            assertEquals("PENDING", row.getString("status"));
            Duration wait = Duration.ofSeconds(waits[attempt - 1]);
            assertEquals(now.plus(wait), row.getOffsetDateTime("next_attempt_at").toInstant());
            deliver();
            clock.advance(wait.minusSeconds(1));
            deliver();
            assertEquals(attempt, delivery(pool, id, Channel.SMS).getInteger("attempts"), "not due before " + wait);
            clock.advance(Duration.ofSeconds(1));
        }
        clock.advance(Duration.ofDays(2));
        deliver();
        assertEquals(8, delivery(pool, id, Channel.SMS).getInteger("attempts"), "a FAILED delivery is never retried");
        assertTrue(sms.sentTo(phone).isEmpty());
        assertEquals("FAILED", delivery(pool, id, Channel.SMS).getString("status"));
    }

    @Test
    void aDeliveryThatRecoversIsSentOnTheNextAttempt() {
        String phone = "+15550100777";
        UUID me = account(pool, unique("flaky"), unique("flaky") + "@example.com");
        setPhone(pool, me, phone);
        sms.refuse(phone);
        UUID id = notify(me, "Service started", null, Set.of(Channel.SMS));
        assertEquals(1, deliver());
        assertEquals(1, delivery(pool, id, Channel.SMS).getInteger("attempts"));

        sms.accept(phone);
        clock.advance(Duration.ofSeconds(30));
        assertEquals(1, deliver());
        Row row = delivery(pool, id, Channel.SMS);
        assertEquals("SENT", row.getString("status"));
        assertEquals(2, row.getInteger("attempts"));
        assertEquals(1, sms.sentTo(phone).size());
    }

    @Test
    void aMailerFailureIsRetriedToo() {
        UUID me = account(pool, unique("badmail"), unique("badmail") + "@example.com");
        // an address the mailer refuses
        setEmail(pool, me, "not an address");
        UUID id = notify(me, "Order paid", null, Set.of(Channel.EMAIL));
        assertEquals(1, deliver());
        Row row = delivery(pool, id, Channel.EMAIL);
        assertEquals("PENDING", row.getString("status"));
        assertEquals(1, row.getInteger("attempts"));
        assertNotNull(row.getString("last_error"));
        assertEquals(TestClock.START.plusSeconds(30), row.getOffsetDateTime("next_attempt_at").toInstant());
    }

    @Test
    void concurrentRunsSendEachEmailOnce() throws Exception {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String email = unique("crowd") + "@example.com";
            addresses.add(email);
            UUID me = account(pool, unique("crowd"), email);
            for (int n = 0; n < 5; n++) {
                notify(me, "Note " + n, null, Set.of(Channel.EMAIL));
            }
        }
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                runs.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    int moved = 0;
                    int batch;
                    while ((batch = job.deliverDue(3).await().atMost(Duration.ofSeconds(30))) > 0) {
                        moved += batch;
                    }
                    return moved;
                }));
            }
            int total = 0;
            for (Future<Integer> run : runs) {
                total += run.get(60, TimeUnit.SECONDS);
            }
            assertEquals(30, total, "each delivery is moved by exactly one run");
        } finally {
            threads.shutdownNow();
        }
        // anything a run could not send is retried 30 s later like any failed send
        clock.advance(Duration.ofSeconds(30));
        drain();
        for (String email : addresses) {
            List<String> subjects = sentMails.to(email).stream().map(m -> m.subject()).sorted().toList();
            assertEquals(List.of("Note 0", "Note 1", "Note 2", "Note 3", "Note 4"), subjects, email);
        }
        assertEquals(0, count(pool, """
                select count(*) from notification_delivery d join notification n on n.id = d.notification_id
                join account a on a.id = n.account_id where a.email = any($1) and d.status <> 'SENT'""",
                (Object) addresses.toArray(new String[0])));
    }

    @Test
    void operatorsRunTheJobOnce() {
        String email = unique("op") + "@example.com";
        UUID me = account(pool, unique("op"), email);
        notify(me, "Order paid", null, Set.of(Channel.EMAIL));
        notify(me, "Order shipped", null, Set.of(Channel.EMAIL));

        Tokens.operator().queryParam("limit", 1).post("/api/operator/jobs/notification-delivery/run").then()
                .statusCode(200).body("job", is("notification-delivery"), "moved", is(1),
                        "ranAt", startsWith("2026-11-25T10:00"));
        Tokens.operator().post("/api/operator/jobs/notification-delivery/run").then().statusCode(200)
                .body("moved", is(1));
        Tokens.operator().post("/api/operator/jobs/notification-delivery/run").then().statusCode(200)
                .body("moved", is(0));
        assertEquals(2, mailbox.sentTo(email).size());

        Tokens.operator().queryParam("limit", 0).post("/api/operator/jobs/notification-delivery/run").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("limit"));
        Tokens.operator().queryParam("limit", 5000).post("/api/operator/jobs/notification-delivery/run").then()
                .statusCode(400);
        Tokens.customer(unique("c")).post("/api/operator/jobs/notification-delivery/run").then().statusCode(403)
                .contentType("application/problem+json");
        Tokens.anonymous().post("/api/operator/jobs/notification-delivery/run").then().statusCode(401);
    }
}
