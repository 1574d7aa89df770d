package dev.opengallery.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Labels and the keyboard on the console's main forms: every input, select and textarea has a label, and a buyer
 * completes the buy form with Tab, Space and Enter only. The product and the buyer's balance are set up through the
 * API with the Dev Service's bearer tokens (the journey test does the same through the pages).
 */
@QuarkusTest
@TestProfile(ConsoleProfile.class)
class ConsoleAccessibilityTest extends ConsoleBrowserTest {

    static String product;
    static String productName;

    /** Once, in the first test (REST Assured is pointed at the test instance for tests, not for @BeforeAll). */
    @org.junit.jupiter.api.BeforeEach
    void setUp() throws Exception {
        if (product != null) {
            return;
        }
        productName = "Keyboard CRM " + UUID.randomUUID().toString().substring(0, 6);
        DevServiceTokens.as("nora").body(Map.of("companyName", "Nora's Apps", "serviceEmail", "nora@apps.example",
                "servicePhone", "+1 415 555 0142", "supportRange", "Always")).put("/api/seller/profile").then()
                .statusCode(200);
        product = DevServiceTokens.as("nora").body(Map.of("type", "SAAS", "categoryCode", "CRM", "name", productName,
                "summary", "Keyboard only", "description", "Bought with the keyboard.", "specifications",
                List.of(Map.of("name", "Team", "pricingModel", "LINEAR", "unit", "user", "prices",
                        List.of(Map.of("billingMode", "MONTHLY", "unitPrice", "10.00"))))))
                .post("/api/seller/products").then().statusCode(201).extract().path("id");
        DevServiceTokens.as("nora").post("/api/seller/products/" + product + "/submit").then().statusCode(200);
        DevServiceTokens.as("olga").post("/api/operator/products/" + product + "/approve").then().statusCode(200);
        String account = DevServiceTokens.as("bob").get("/api/account").then().statusCode(200).extract().path("id");
        DevServiceTokens.as("olga").body(Map.of("amount", "100.00", "reference", "bank-" + UUID.randomUUID()))
                .post("/api/operator/accounts/" + account + "/top-up").then().statusCode(200);
    }

    /** The names of the form controls on the page without a label (or an aria-label); fails when there is none. */
    static List<String> unlabelled(String page) {
        browser.go(page);
        try {
            browser.find(By.cssSelector("main form"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("No form on " + page + ": " + browser.driver.getCurrentUrl() + " "
                    + browser.driver.findElement(By.tagName("body")).getText(), e);
        }
        Long controls = (Long) browser.driver.executeScript(
                "return document.querySelectorAll('main input:not([type=hidden]), main select, main textarea').length;");
        assertTrue(controls > 0, "no form on " + page);
        @SuppressWarnings("unchecked")
        List<String> missing = (List<String>) browser.driver.executeScript("""
                return [...document.querySelectorAll('main input:not([type=hidden]), main select, main textarea')]
                  .filter(e => !(e.labels && e.labels.length && e.labels[0].textContent.trim()) && !e.getAttribute('aria-label'))
                  .map(e => e.name || e.id || e.outerHTML);""");
        return missing;
    }

    @Test
    void everyInputOfTheMainFormsHasALabel() {
        browser.login("bob");
        for (String page : List.of("/catalog", "/catalog/products/" + product)) {
            assertEquals(List.of(), unlabelled(page), page);
        }
        browser.logout();
        browser.login("nora");
        browser.allowFailedRequest("/api/seller/profile", 404);
        for (String page : List.of("/seller/products/new", "/seller/profile")) {
            assertEquals(List.of(), unlabelled(page), page);
        }
        browser.logout();
        browser.login("olga");
        for (String page : List.of("/operator/accounts?subject=bob")) {
            assertEquals(List.of(), unlabelled(page), page);
        }
        browser.logout();
    }

    @Test
    void theBuyFormIsCompletedWithTheKeyboard() throws Exception {
        browser.login("bob");
        browser.go("/catalog/products/" + product);
        browser.find(By.cssSelector("form#buy"));
        Actions keys = new Actions(browser.driver);
        // from the page's heading (focused after navigation), Tab reaches the form's first field
        for (int i = 0; i < 40 && !"specificationId".equals(active().getAttribute("name")); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertEquals("specificationId", active().getAttribute("name"));
        keys.sendKeys(Keys.TAB).perform();
        assertEquals("billingMode", active().getAttribute("name"));
        keys.sendKeys(Keys.TAB).perform();
        assertEquals("quantity", active().getAttribute("name"));
        keys.keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys("3").perform();
        keys.sendKeys(Keys.TAB).perform();
        assertEquals("periods", active().getAttribute("name"));
        keys.sendKeys(Keys.TAB).perform();
        assertEquals("acceptTerms", active().getAttribute("name"));
        keys.sendKeys(Keys.SPACE).perform();
        assertTrue(active().isSelected(), "Space ticks the terms");
        keys.sendKeys(Keys.TAB).perform();
        assertEquals("paymentMethod", active().getAttribute("name"));
        keys.sendKeys(Keys.TAB).perform();
        assertEquals("Buy", active().getText());
        browser.screenshot("20-keyboard-buy-form");
        keys.sendKeys(Keys.ENTER).perform();
        browser.waitForText(By.id("order-state"), "COMPLETED");
        assertTrue(browser.text(By.tagName("main")).contains("USD 30.00"), "3 users at USD 10.00");
        browser.logout();
    }

    static WebElement active() {
        return browser.driver.switchTo().activeElement();
    }
}
