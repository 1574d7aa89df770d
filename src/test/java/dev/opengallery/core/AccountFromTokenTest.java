package dev.opengallery.core;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.opengallery.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class AccountFromTokenTest {

    @Inject
    Pool pool;

    @Test
    void theFirstRequestCreatesTheAccountWithTheTokensContactDetailsOnce() {
        String subject = Tokens.fresh("contact");
        String token = OidcWiremockTestResource.generateJwtToken(subject, Set.of("customer"), subject, "Bearer",
                Set.of("https://service.example.com"),
                Map.of("email", subject + "@example.com", "phone_number", "+15550100123", "name", "Casey"));
        given().auth().oauth2(token).get("/api/account").then().statusCode(200);
        given().auth().oauth2(token).get("/api/account").then().statusCode(200);
        var rows = pool.preparedQuery("select email, phone, display_name from account where subject = $1")
                .execute(Tuple.of(subject)).await().indefinitely();
        assertEquals(1, rows.size());
        Row r = rows.iterator().next();
        assertEquals(subject + "@example.com", r.getString("email"));
        assertEquals("+15550100123", r.getString("phone"));
        assertEquals("Casey", r.getString("display_name"));
    }

    @Test
    void laterTokensWithOtherContactDetailsUpdateThemAndMissingClaimsKeepThem() {
        String subject = Tokens.fresh("contact");
        given().auth().oauth2(token(subject, Map.of("email", "old@example.com", "phone_number", "+15550100001",
                "name", "Old Name"))).get("/api/account").then().statusCode(200);
        // the identity provider now has a new e-mail address and phone number
        given().auth().oauth2(token(subject, Map.of("email", "new@example.com", "phone_number", "+15550100002",
                "name", "Old Name"))).get("/api/account").then().statusCode(200);
        assertEquals(List.of("new@example.com", "+15550100002", "Old Name"), stored(subject));
        // a token without those claims changes nothing
        given().auth().oauth2(token(subject, Map.of())).get("/api/account").then().statusCode(200);
        assertEquals(List.of("new@example.com", "+15550100002", "Old Name"), stored(subject));
        given().auth().oauth2(token(subject, Map.of("name", "New Name"))).get("/api/account").then().statusCode(200);
        assertEquals(List.of("new@example.com", "+15550100002", "New Name"), stored(subject));
        assertEquals(1L, pool.preparedQuery("select count(*) from account where subject = $1").execute(Tuple.of(subject))
                .await().indefinitely().iterator().next().getLong(0));
    }

    private static String token(String subject, Map<String, String> claims) {
        return OidcWiremockTestResource.generateJwtToken(subject, Set.of("customer"), subject, "Bearer",
                Set.of("https://service.example.com"), claims);
    }

    private List<String> stored(String subject) {
        Row r = pool.preparedQuery("select email, phone, display_name from account where subject = $1")
                .execute(Tuple.of(subject)).await().indefinitely().iterator().next();
        return List.of(r.getString("email"), r.getString("phone"), r.getString("display_name"));
    }
}
