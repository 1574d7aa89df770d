package dev.opengallery.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.opengallery.core.Db;
import dev.opengallery.core.DatabaseGauges;
import dev.opengallery.support.Scrape;
import dev.opengallery.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The outbox backlog gauges show what is still waiting to be delivered. */
@QuarkusTest
class OutboxMetricsTest {

    @Inject
    Pool pool;

    @Inject
    Db db;

    @Inject
    Notifications notifications;

    @Inject
    DatabaseGauges gauges;

    @Inject
    NotificationDeliveryJob job;

    static double pending(String channel) {
        return Scrape.value("opengallery_outbox_pending", "channel=" + channel);
    }

    @Test
    void anUndeliveredTextMessageShowsInTheBacklogUntilItIsSent() {
        String subject = Tokens.fresh("backlog");
        UUID account = NotificationFixtures.account(pool, subject, subject + "@example.com");
        NotificationFixtures.setPhone(pool, account, "+15550100");
        UUID id = db.transaction(conn -> notifications.notify(conn, account, "ORDER_PAID", "Order paid",
                "Your order is paid.", null, EnumSet.of(Channel.SMS))).await().indefinitely();
        gauges.refresh().await().indefinitely();
        assertTrue(pending("SMS") >= 1, "SMS backlog " + pending("SMS"));
        double before = pending("SMS");

        // once it is no longer PENDING the next refresh drops it from the backlog
        pool.preparedQuery("update notification_delivery set status = 'FAILED', last_error = 'left by a test' "
                + "where notification_id = $1").execute(Tuple.of(id)).await().indefinitely();
        gauges.refresh().await().indefinitely();
        assertEquals(before - 1, pending("SMS"));
        // the compute-event outbox is a channel of the same gauge
        assertTrue(pending("COMPUTE") >= 0);
    }

    @Test
    void aScheduledTickIsTimedLikeAnOperatorsRun() {
        double before = Scrape.value("opengallery_job_runs_seconds_count", "job_name=notification-delivery", "outcome=success");
        job.scheduled().await().indefinitely();
        assertTrue(Scrape.value("opengallery_job_runs_seconds_count", "job_name=notification-delivery",
                "outcome=success") >= before + 1);
    }
}
