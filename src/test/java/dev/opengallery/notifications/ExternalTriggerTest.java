package dev.opengallery.notifications;

import static dev.opengallery.notifications.NotificationFixtures.account;
import static dev.opengallery.notifications.NotificationFixtures.delivery;
import static dev.opengallery.notifications.NotificationFixtures.unique;
import static dev.opengallery.support.Tokens.as;
import static dev.opengallery.support.Tokens.customer;
import static dev.opengallery.support.Tokens.fresh;
import static dev.opengallery.support.Tokens.operator;
import static dev.opengallery.support.Tokens.seller;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.opengallery.core.Db;
import dev.opengallery.core.Roles;
import dev.opengallery.support.ExternalTriggers;
import dev.opengallery.support.Scrape;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Time rules triggered from outside (opengallery.jobs.trigger=external, as the Helm chart's knative mode sets it):
 * the service's timers do not run even where a schedule is set; notifications are sent as soon as their transaction
 * commits (the outbox's trigger only retries); a client holding only the {@code scheduler} role (the chart's
 * CronJobs) runs every job through its run endpoint; nothing else of the operator's is open to it, and no other role
 * may run jobs. (That a job's effect waits for its trigger is shown on the packaged jar: ExternalJobTriggerIT.)
 */
@QuarkusTest
@TestProfile(ExternalTriggers.class)
class ExternalTriggerTest {

    static final List<String> JOBS = List.of("auto-renewals", "metering", "metering-outbox", "notification-delivery",
            "overdue-milestone-bills", "requirements-expiry", "subscription-lifecycle", "supervision-appealable",
            "supervision-auto-close", "supervision-completion", "ticket-service-levels", "unpaid-orders");

    @Inject
    Scheduler scheduler;

    @Inject
    Notifications notifications;

    @Inject
    EmailSender mailbox;

    @Inject
    Pool pool;

    @Inject
    Db db;

    @Test
    void theTimersAreOffAndANotificationIsSentOnceItsTransactionCommits() throws InterruptedException {
        assertFalse(scheduler.isRunning(), "no in-process timer in external mode");
        String email = unique("external") + "@example.com";
        UUID me = account(pool, unique("external"), email);
        // no timer drains the outbox while the service may be scaled to zero: what a commit notifies is sent then
        UUID id = db.transaction(tx -> notifications.notify(tx, me, "ORDER_PAID", "Order paid", "Paid.", null,
                Set.of(Channel.EMAIL))).await().indefinitely();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (mailbox.sentTo(email).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(1, mailbox.sentTo(email).size());
        // the row is marked SENT once the mail server has answered, a moment after the mail went out
        while (!"SENT".equals(delivery(pool, id, Channel.EMAIL).getString("status")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals("SENT", delivery(pool, id, Channel.EMAIL).getString("status"));
        // a rolled-back notification is never sent
        String other = unique("rolledback") + "@example.com";
        UUID her = account(pool, unique("rolledback"), other);
        try {
            db.transaction(tx -> notifications.notify(tx, her, "ORDER_PAID", "Order paid", "Paid.", null,
                    Set.of(Channel.EMAIL)).chain(x -> io.smallrye.mutiny.Uni.createFrom()
                            .failure(new IllegalStateException("the business change failed")))).await().indefinitely();
        } catch (IllegalStateException expected) {
            // rolled back
        }
        // the scheduler client's run finds nothing more to send
        as("cron-" + UUID.randomUUID(), Roles.SCHEDULER).post("/api/operator/jobs/notification-delivery/run")
                .then().statusCode(200).body("job", is("notification-delivery"));
        assertEquals(1, mailbox.sentTo(email).size(), "sent once");
        assertTrue(mailbox.sentTo(other).isEmpty());
    }

    @Test
    void theGaugesFromTheDatabaseAreReadAfterEveryRunSinceNoTimerReadsThem() {
        String cron = "cron-" + UUID.randomUUID();
        as(cron, Roles.SCHEDULER).post("/api/operator/jobs/unpaid-orders/run").then().statusCode(200);
        double before = Scrape.value("opengallery_outbox_pending", "channel=SMS");
        UUID me = account(pool, unique("gauge"), unique("gauge") + "@example.com");
        UUID notification = UUID.randomUUID();
        pool.preparedQuery("insert into notification (id, account_id, kind, title, body, created_at) "
                + "values ($1, $2, 'ORDER_PAID', 'Order paid', 'Paid.', now())").execute(Tuple.of(notification, me))
                .await().indefinitely();
        // due in a day: neither a run nor a send after commit takes it in this test
        pool.preparedQuery("insert into notification_delivery (id, notification_id, channel, recipient, status, "
                + "next_attempt_at) values ($1, $2, 'SMS', '+15550100', 'PENDING', now() + interval '1 day')")
                .execute(Tuple.of(UUID.randomUUID(), notification)).await().indefinitely();
        try {
            assertEquals(before, Scrape.value("opengallery_outbox_pending", "channel=SMS"), "no timer reads them");
            as(cron, Roles.SCHEDULER).post("/api/operator/jobs/unpaid-orders/run").then().statusCode(200);
            assertEquals(before + 1, Scrape.value("opengallery_outbox_pending", "channel=SMS"),
                    "a run reads them once it is done");
        } finally {
            pool.preparedQuery("delete from notification where id = $1").execute(Tuple.of(notification))
                    .await().indefinitely();
        }
    }

    @Test
    void theSchedulerRoleRunsEveryJobAndNothingElse() {
        String cron = "cron-" + UUID.randomUUID();
        for (String job : JOBS) {
            as(cron, Roles.SCHEDULER).post("/api/operator/jobs/" + job + "/run").then().statusCode(200)
                    .body("job", is(job));
            operator().get("/api/operator/jobs/" + job).then().statusCode(200).body("lastOutcome", is("SUCCESS"));
        }
        // the run endpoint only: the scheduler client reads nothing of the operator's
        as(cron, Roles.SCHEDULER).get("/api/operator/jobs").then().statusCode(403);
        as(cron, Roles.SCHEDULER).get("/api/operator/orders").then().statusCode(403);
        as(cron, Roles.SCHEDULER).get("/api/operator/supervision/flows").then().statusCode(403);
        // and no other role runs jobs
        String c = fresh("c");
        customer(c).post("/api/operator/jobs/unpaid-orders/run").then().statusCode(403);
        seller(fresh("s")).post("/api/operator/jobs/unpaid-orders/run").then().statusCode(403);
        as(fresh("compute"), Roles.COMPUTE).post("/api/operator/jobs/metering/run").then().statusCode(403);
        as(fresh("pay"), Roles.PAYMENT).post("/api/operator/jobs/metering/run").then().statusCode(403);
    }
}
