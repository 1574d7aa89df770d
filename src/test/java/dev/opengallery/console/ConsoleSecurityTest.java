package dev.opengallery.console;

import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The console's sign-in next to the API's bearer tokens: the Content-Security-Policy, the API unchanged for bearer
 * clients (401 problem without a token, never a redirect), one account per person either way, CSRF on
 * cookie-authenticated changes, and a session that sign-out really ends. People sign in through the OIDC Dev
 * Service's login page in the browser; the cookies it leaves are then replayed by {@link SessionClient}.
 */
@QuarkusTest
@TestProfile(ConsoleProfile.class)
class ConsoleSecurityTest extends ConsoleBrowserTest {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    static SessionClient session() {
        return new SessionClient().cookie(browser.cookie(ConsoleTenantResolver.SESSION_COOKIE));
    }

    @Test
    void consolePagesCarryAStrictContentSecurityPolicyAndSignInThroughTheProvider() throws Exception {
        RestAssured.given().get("/console/signed-out.html").then().statusCode(200)
                .header("Content-Security-Policy", CSP).header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store");
        // a console page without a session: to the provider's login page (the code flow), not a 401
        RestAssured.given().redirects().follow(false).get("/console/").then().statusCode(302)
                .header("Location", startsWith(ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class)));
        browser.login("bob");
        for (String page : new String[] { "/console/", "/console/js/app.js", "/console/console.css" }) {
            SessionClient.Answer answer = session().get(page);
            assertEquals(200, answer.status(), page);
            assertEquals(CSP, answer.header("Content-Security-Policy"), page);
        }
        browser.logout();
    }

    @Test
    void theApiStillAnswers401ProblemsToRequestsWithoutAToken() {
        RestAssured.given().redirects().follow(false).get("/api/account").then().statusCode(401)
                .contentType("application/problem+json").body("status", is(401));
        RestAssured.given().redirects().follow(false).header("X-Requested-With", "JavaScript").get("/api/orders").then()
                .statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aCookieAuthenticatedChangeNeedsTheCsrfHeaderAndABearerClientIsTheSameAccount() throws Exception {
        browser.login("alice");
        Cookie csrf = browser.cookie(ConsoleCsrf.COOKIE);
        SessionClient.Answer me = session().cookie(csrf).get("/api/account");
        assertEquals(200, me.status());
        String account = me.json().get("id").asText();
        int vpcs = session().get("/api/account/vpcs").json().size();
        Map<String, String> vpc = Map.of("name", "csrf-vpc", "cidr", "10.0.0.0/16");

        // without the header, with another value, or without the cookie: 403 problem, nothing created
        for (SessionClient refused : new SessionClient[] { session().cookie(csrf),
                session().cookie(csrf).header(ConsoleCsrf.HEADER, "not-the-cookie"),
                session().header(ConsoleCsrf.HEADER, csrf.getValue()) }) {
            SessionClient.Answer answer = refused.post("/api/account/vpcs", vpc);
            assertEquals(403, answer.status(), answer.response().body());
            assertEquals("application/problem+json", answer.header("Content-Type"));
            assertEquals(403, answer.json().get("status").asInt());
        }
        assertEquals(vpcs, session().get("/api/account/vpcs").json().size());

        // with the header: done
        assertEquals(201, session().cookie(csrf).header(ConsoleCsrf.HEADER, csrf.getValue()).post("/api/account/vpcs", vpc)
                .status());
        // a bearer client needs no CSRF header, and its token's subject is the same account as the console's
        DevServiceTokens.as("alice").body(Map.of("name", "bearer-vpc", "cidr", "10.1.0.0/16")).post("/api/account/vpcs")
                .then().statusCode(201);
        DevServiceTokens.as("alice").get("/api/account").then().statusCode(200).body("id", is(account));
        assertEquals(vpcs + 2, session().get("/api/account/vpcs").json().size());
        browser.logout();
    }

    @Test
    void theStoredSessionOpensNothingWithoutTheCookie() throws Exception {
        browser.login("bob");
        String secret = browser.cookie(ConsoleTenantResolver.SESSION_COOKIE).getValue();
        assertEquals(200, session().get("/api/account").status());
        Row row = pool.preparedQuery("select id, id_token, access_token, refresh_token from console_sessions where id = $1")
                .execute(Tuple.of(ConsoleSessions.rowId(secret))).await().indefinitely().iterator().next();
        long holdingTheSecret = pool.preparedQuery("select count(*) from console_sessions where id = $1")
                .execute(Tuple.of(secret)).await().indefinitely().iterator().next().getLong(0);
        assertEquals(0, holdingTheSecret, "the table does not hold the cookie's secret");
        for (String column : new String[] { "id_token", "access_token" }) {
            String stored = row.getString(column);
            assertFalse(stored.startsWith("eyJ") || stored.split("\\.").length == 3, column + " is stored as a token: " + stored);
        }
        // what someone reading the table could try: the row's key as the cookie
        SessionClient.Answer withRowId = new SessionClient().cookie(new Cookie(ConsoleTenantResolver.SESSION_COOKIE,
                row.getString("id"))).header("X-Requested-With", "JavaScript").get("/api/account");
        assertEquals(401, withRowId.status());
        browser.logout();
    }

    @Test
    void signingOutEndsTheSessionSoTheOldCookieIsRefused() throws Exception {
        browser.login("bob");
        SessionClient old = session();
        assertEquals(200, old.get("/api/account").status());
        browser.logout();
        SessionClient.Answer api = old.get("/api/account");
        assertEquals(401, api.status(), api.response().body());
        assertTrue(api.header("Content-Type").startsWith("application/problem+json"), api.header("Content-Type"));
        assertEquals(401, old.header("X-Requested-With", "JavaScript").get("/console/me").status());
    }
}
