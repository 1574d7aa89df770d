package dev.opengallery.core;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
