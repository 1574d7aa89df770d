package dev.opengallery.notifications;

import static dev.opengallery.notifications.NotificationFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.opengallery.core.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;

/** The delivery job also runs on its own, on the configured timer (other tests run it explicitly). */
@QuarkusTest
@TestProfile(ScheduledDeliveryTest.OnATimer.class)
class ScheduledDeliveryTest {

    public static class OnATimer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("opengallery.notifications.delivery-every", "1s");
        }
    }

    @Inject
    Notifications notifications;

    @Inject
    Pool pool;

    @Inject
    Db db;

    @Inject
    EmailSender mailbox;

    @Test
    void theSchedulerSendsDueNotifications() throws InterruptedException {
        String email = unique("timer") + "@example.com";
        UUID me = account(pool, unique("timer"), email);
        UUID id = db.transaction(conn -> notifications.notify(conn, me, "ORDER_PAID", "Order paid", "Paid.", null,
                Set.of(Channel.EMAIL))).await().indefinitely();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (mailbox.sentTo(email).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(1, mailbox.sentTo(email).size());
        Thread.sleep(1500);
        assertEquals(1, mailbox.sentTo(email).size(), "sent once, not on every tick");
        assertEquals("SENT", delivery(pool, id, Channel.EMAIL).getString("status"));
    }
}
