package dev.opengallery.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;

import dev.opengallery.support.LedgerCheck;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * What every browser test of the console shares (its subclasses carry {@code @QuarkusTest} and
 * {@code @TestProfile(ConsoleProfile.class)}): one Chromium per class, and after each test no error in the browser's
 * console, the person signed out (a failed test may leave one signed in) and the books in order (each account's
 * balance the sum of its ledger, and the service's payment audit clean), since the journeys move money.
 */
abstract class ConsoleBrowserTest {

    static Browser browser;

    @Inject
    Pool pool;

    /** An operator's token for the audit after the test, taken before it (where the Dev Service's settings are read). */
    private String auditor;

    static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }

    static String base() {
        return "http://localhost:" + port();
    }

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Browser.start(base());
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @BeforeEach
    void takeAnAuditorsToken() throws Exception {
        auditor = DevServiceTokens.token("olga");
    }

    @AfterEach
    void noConsoleErrorsAndTheBooksBalance() throws Exception {
        try {
            browser.assertNoConsoleErrors();
        } finally {
            if (!browser.driver.findElements(By.id("sign-out")).isEmpty()) {
                browser.logout();
            }
        }
        LedgerCheck.everyBalanceIsItsLedgersSum(pool);
        // the service's payment audit, as an operator of the Dev Service (LedgerCheck's own token is the WireMock's)
        JsonPath audit = RestAssured.given().auth().oauth2(auditor).get("/api/operator/audit/payments").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> violations = audit.getList("violations");
        assertTrue(audit.getBoolean("consistent"), "the payment audit found broken rules: " + violations);
        assertEquals(0, violations.size());
    }
}
