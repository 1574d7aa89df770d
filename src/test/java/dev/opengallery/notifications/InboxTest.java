package dev.opengallery.notifications;

import static dev.opengallery.notifications.NotificationFixtures.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.opengallery.core.Db;
import dev.opengallery.support.TestClock;
import dev.opengallery.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;

@QuarkusTest
class InboxTest {

    @Inject
    Notifications notifications;

    @Inject
    Pool pool;

    @Inject
    Db db;

    @Inject
    TestClock clock;

    @BeforeEach
    @AfterEach
    void resetClock() {
        clock.reset();
    }

    String notify(UUID account, String kind, String title) {
        return db.transaction(conn -> notifications.notify(conn, account, kind, title, title + ", in detail.",
                "/orders/" + title.hashCode(), Set.of())).await().indefinitely().toString();
    }

    @Test
    void listReadAndReadAll() {
        String alice = Tokens.fresh("alice");
        UUID me = account(pool, alice, alice + "@example.com");
        String first = notify(me, "ORDER_PLACED", "Order placed");
        clock.advance(Duration.ofMinutes(1));
        String second = notify(me, "ORDER_PAID", "Order paid");
        clock.advance(Duration.ofMinutes(1));
        String third = notify(me, "SERVICE_STARTED", "Service started");

        Tokens.customer(alice).get("/api/inbox").then().statusCode(200)
                .body("total", is(3), "unreadCount", is(3), "page", is(0), "size", is(20),
                        "items.id", contains(third, second, first),
                        "items[0].kind", is("SERVICE_STARTED"), "items[0].title", is("Service started"),
                        "items[0].body", is("Service started, in detail."), "items[0].link", startsWith("/orders/"),
                        "items[0].read", is(false), "items[0].readAt", nullValue(),
                        "items[0].createdAt", startsWith("2026-11-25T10:02"));
        Tokens.customer(alice).get("/api/inbox?size=2").then().body("total", is(3), "items.id", contains(third, second));
        Tokens.customer(alice).get("/api/inbox?size=2&page=1").then().body("total", is(3), "items.id", contains(first));
        Tokens.customer(alice).get("/api/inbox?page=7").then().statusCode(200).body("total", is(3), "items", empty());

        clock.advance(Duration.ofMinutes(5));
        Tokens.customer(alice).post("/api/inbox/" + second + "/read").then().statusCode(200)
                .body("id", is(second), "read", is(true), "readAt", startsWith("2026-11-25T10:07"));
        // reading it again keeps the first time
        clock.advance(Duration.ofMinutes(5));
        Tokens.customer(alice).post("/api/inbox/" + second + "/read").then().statusCode(200)
                .body("readAt", startsWith("2026-11-25T10:07"));

        Tokens.customer(alice).get("/api/inbox?unread=true").then().statusCode(200)
                .body("total", is(2), "unreadCount", is(2), "items.id", contains(third, first));
        Tokens.customer(alice).get("/api/inbox?unread=false").then().body("total", is(3), "unreadCount", is(2),
                "items.find { it.id == '" + second + "' }.read", is(true));

        Tokens.customer(alice).post("/api/inbox/read-all").then().statusCode(200).body("marked", is(2));
        Tokens.customer(alice).get("/api/inbox").then().body("total", is(3), "unreadCount", is(0),
                "items.read", everyItem(is(true)));
        Tokens.customer(alice).get("/api/inbox?unread=true").then().body("total", is(0), "items", empty());
        Tokens.customer(alice).post("/api/inbox/read-all").then().statusCode(200).body("marked", is(0));
    }

    @Test
    void anotherAccountsNotificationsAreNotFound() {
        String alice = Tokens.fresh("alice");
        String bob = Tokens.fresh("bob");
        UUID aliceId = account(pool, alice, alice + "@example.com");
        String hers = notify(aliceId, "OFFER_RECEIVED", "Private offer received");

        Tokens.customer(bob).get("/api/inbox").then().statusCode(200).body("total", is(0), "unreadCount", is(0));
        Tokens.customer(bob).post("/api/inbox/" + hers + "/read").then().statusCode(404)
                .contentType("application/problem+json").body("status", is(404));
        Tokens.customer(bob).post("/api/inbox/read-all").then().statusCode(200).body("marked", is(0));
        Tokens.customer(alice).post("/api/inbox/" + UUID.randomUUID() + "/read").then().statusCode(404);
        Tokens.customer(alice).get("/api/inbox").then().body("unreadCount", is(1), "items[0].read", is(false));
    }

    @Test
    void everyRoleHasAnInbox() {
        Tokens.seller(Tokens.fresh("seller")).get("/api/inbox").then().statusCode(200).body("total", is(0));
        Tokens.operator().get("/api/inbox").then().statusCode(200);
        Tokens.as(Tokens.fresh("compute"), "compute").get("/api/inbox").then().statusCode(200);
        Tokens.as(Tokens.fresh("nobody")).get("/api/inbox").then().statusCode(200);
        Tokens.anonymous().get("/api/inbox").then().statusCode(401).contentType("application/problem+json");
        Tokens.anonymous().post("/api/inbox/read-all").then().statusCode(401);
    }

    @Test
    void badParametersAnswer400() {
        String carol = Tokens.fresh("carol");
        Tokens.customer(carol).get("/api/inbox?size=500").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("size"));
        Tokens.customer(carol).get("/api/inbox?size=0").then().statusCode(400).body("errors.field", hasItem("size"));
        Tokens.customer(carol).get("/api/inbox?page=-1").then().statusCode(400).body("errors.field", hasItem("page"));
        Tokens.customer(carol).get("/api/inbox?unread=maybe").then().statusCode(400)
                .body("errors.field", hasItem("unread"));
        Tokens.customer(carol).post("/api/inbox/not-a-uuid/read").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void openApiDescribesTheInboxAndTheJob() {
        var doc = RestAssured.given().accept("application/json").get("/q/openapi").then().statusCode(200).extract()
                .jsonPath();
        for (String path : new String[] { "/api/inbox", "/api/inbox/{id}/read", "/api/inbox/read-all",
                "/api/operator/jobs/notification-delivery/run" }) {
            assertNotNull(doc.get("paths.'" + path + "'"), path);
        }
        assertNotNull(doc.get("components.schemas.Inbox"));
        assertNotNull(doc.get("components.schemas.JobRun"));
        assertNotNull(doc.get("paths.'/api/inbox'.get.security"));
        assertNotNull(doc.get("paths.'/api/inbox/{id}/read'.post.responses.'404'.content.'application/problem+json'"));
    }
}
