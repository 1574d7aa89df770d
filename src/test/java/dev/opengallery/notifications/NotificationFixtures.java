package dev.opengallery.notifications;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Accounts with an e-mail address (from the token's email claim, as in production) and phone numbers. */
final class NotificationFixtures {

    /** The audience the WireMock OIDC server's tokens carry by default. */
    private static final String AUDIENCE = "https://server.example.com";

    private NotificationFixtures() {
    }

    /** A real signed token whose {@code email} claim is set (Tokens' tokens carry none). */
    static String tokenWithEmail(String subject, String email, String... roles) {
        return OidcWiremockTestResource.generateJwtToken(subject, Set.of(roles), subject, "Bearer", Set.of(AUDIENCE),
                Map.of("email", email));
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }

    /** Creates the account the way the service does (first authenticated call) and answers its id. */
    static UUID account(Pool pool, String subject, String email) {
        as(tokenWithEmail(subject, email, "customer")).get("/api/inbox").then().statusCode(200);
        return accountId(pool, subject);
    }

    static UUID accountId(Pool pool, String subject) {
        return pool.preparedQuery("select id from account where subject = $1").execute(Tuple.of(subject))
                .map(rows -> rows.iterator().next().getUUID("id")).await().indefinitely();
    }

    static void setPhone(Pool pool, UUID account, String phone) {
        pool.preparedQuery("update account set phone = $2 where id = $1").execute(Tuple.of(account, phone))
                .await().indefinitely();
    }

    static void setEmail(Pool pool, UUID account, String email) {
        pool.preparedQuery("update account set email = $2 where id = $1").execute(Tuple.of(account, email))
                .await().indefinitely();
    }

    static Row delivery(Pool pool, UUID notification, Channel channel) {
        return pool.preparedQuery("select * from notification_delivery where notification_id = $1 and channel = $2")
                .execute(Tuple.of(notification, channel.name())).map(rows -> rows.iterator().next()).await().indefinitely();
    }

    static long count(Pool pool, String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> rows.iterator().next().getLong(0))
                .await().indefinitely();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
