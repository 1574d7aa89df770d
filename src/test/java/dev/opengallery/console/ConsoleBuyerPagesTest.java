package dev.opengallery.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The buyer's and operator's pages beyond the first journey, in a real browser signed in through the OIDC Dev
 * Service's login page. The products, the buyer's money and the orders a page starts from are set up through the
 * API with the dev users' bearer tokens (as a seller, an operator and the buyer would with curl); everything the test
 * is about happens in the browser: paying an order later from My Orders, revealing an app's password (and the rate
 * limit's wait in words), auto-renewal and renewal with the price first, an invoice asked for by the buyer and issued
 * by the operator, the inbox's notification marked read, favorites, an exclusive offer accepted, the operator's credit
 * limit and job runs.
 */
@QuarkusTest
@TestProfile(ConsoleProfile.class)
class ConsoleBuyerPagesTest extends ConsoleBrowserTest {

    static String run;
    static String saas;
    static String saasId;
    static String specId;
    static String aliceAccount;

    @BeforeAll
    static void setUp() throws Exception {
        // the API set-up runs before Quarkus points RestAssured at the test port for the test methods
        io.restassured.RestAssured.port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        run = UUID.randomUUID().toString().substring(0, 6);
        saas = "Buyer CRM " + run;
        // through the API: a seller with a contact lists a SaaS (monthly 10.00, yearly 100.00), an operator approves
        // it and tops up alice's account
        DevServiceTokens.as("sam").body(Map.of("companyName", "Sam's Software Ltd.", "serviceEmail", "support@sam.example",
                "servicePhone", "+1 415 555 0199", "supportRange", "Mon-Fri 09:00-18:00 UTC"))
                .put("/api/seller/profile").then().statusCode(200);
        Map<String, Object> spec = new HashMap<>(Map.of("name", "Team", "pricingModel", "FLAT", "prices", List.of(
                Map.of("billingMode", "MONTHLY", "unitPrice", "10.00"), Map.of("billingMode", "YEARLY", "unitPrice", "100.00"))));
        Map<String, Object> product = new HashMap<>(Map.of("type", "SAAS", "categoryCode", "CRM", "name", saas,
                "summary", "Summary of " + saas, "description", "What " + saas + " does.", "specifications", List.of(spec)));
        saasId = DevServiceTokens.as("sam").body(product).post("/api/seller/products").then().statusCode(201)
                .extract().path("id");
        DevServiceTokens.as("sam").post("/api/seller/products/" + saasId + "/submit").then().statusCode(200);
        DevServiceTokens.as("olga").post("/api/operator/products/" + saasId + "/approve").then().statusCode(200);
        specId = DevServiceTokens.as("alice").get("/api/catalog/products/" + saasId).then().statusCode(200).extract()
                .path("specifications[0].id");
        aliceAccount = DevServiceTokens.as("alice").get("/api/account").then().statusCode(200).extract().path("id");
        DevServiceTokens.as("olga").body(Map.of("amount", "1000.00", "reference", "bank-" + run))
                .post("/api/operator/accounts/" + aliceAccount + "/top-up").then().statusCode(200);
    }

    /** alice orders the SaaS monthly through the API; paymentMethod null = pay later. Answers the order id. */
    static String order(String paymentMethod) throws Exception {
        Map<String, Object> o = new HashMap<>(Map.of("productId", saasId, "specificationId", specId,
                "billingMode", "MONTHLY", "quantity", 1, "periods", 1, "acceptTerms", true));
        if (paymentMethod != null) {
            o.put("paymentMethod", paymentMethod);
        }
        return DevServiceTokens.as("alice").header("Idempotency-Key", UUID.randomUUID().toString()).body(o)
                .post("/api/orders").then().statusCode(201).extract().path("id");
    }

    static String appOf(String orderId) throws Exception {
        List<Map<String, Object>> apps = DevServiceTokens.as("alice").queryParam("productName", saas).queryParam("size", 100)
                .get("/api/apps").then().statusCode(200).extract().path("items");
        return apps.stream().filter(a -> orderId.equals(a.get("orderId"))).map(a -> (String) a.get("id")).findFirst()
                .orElseThrow(() -> new AssertionError("no app for order " + orderId + " in " + apps));
    }

    @Test
    void theBuyerPaysAnOrderLaterFromMyOrders() throws Exception {
        String orderId = order(null);
        Browser b = browser;
        b.login("alice");
        b.go("/orders");
        b.waitForText(By.id("orders"), saas);
        b.find(By.cssSelector("a.pay-link[href='#/orders/" + orderId + "']"));
        b.screenshot("b01-buyer-orders-unpaid");
        b.click(By.cssSelector("a.pay-link[href='#/orders/" + orderId + "']"));
        b.waitForText(By.id("order-state"), "PENDING_PAYMENT");
        b.choose("pay", "Pay with", "My balance");
        b.submit("pay");
        b.waitForText(By.id("order-state"), "COMPLETED");
        assertTrue(b.text(By.tagName("main")).contains("USD 10.00"), "the amount with its currency");
        b.screenshot("b02-buyer-order-paid-later");
        b.go("/orders");
        b.waitForText(By.id("orders"), saas);
        assertTrue(b.driver.findElements(By.cssSelector("a.pay-link[href='#/orders/" + orderId + "']")).isEmpty(),
                "a paid order has nothing left to pay");
        b.logout();
    }

    @Test
    void theBuyerRevealsThePasswordTurnsAutoRenewalOnAndRenews() throws Exception {
        String app = appOf(order("BALANCE"));
        DevServiceTokens.as("sam").body(Map.of("username", "admin@" + run, "password", "Init!" + run,
                "managementUrl", "https://admin.crm.example/" + run)).put("/api/seller/apps/" + app + "/application-info")
                .then().statusCode(200);
        Browser b = browser;
        b.login("alice");
        b.go("/apps/" + app);
        b.waitForText(By.id("app-status"), "ACTIVE");
        assertTrue(b.text(By.tagName("main")).contains("admin@" + run), "the application's user name");
        b.click(By.id("reveal-password"));
        b.waitForText(By.id("app-password"), "Init!" + run);
        assertTrue(b.text(By.id("revealed")).contains("Reveals left this hour"), b.text(By.id("revealed")));
        b.screenshot("b03-buyer-password-revealed");

        // the reveal is rate-limited (5 an hour): the 429's Retry-After is shown in words
        b.allowFailedRequest("/api/apps/" + app + "/password/reveal", 429);
        for (int i = 0; i < 6 && b.driver.findElements(By.cssSelector("#password-slot .problem")).isEmpty(); i++) {
            b.click(By.id("reveal-password"));
            b.waitUntil(x -> !x.driver.findElements(By.cssSelector("#password-slot .problem, #app-password")).isEmpty());
            Thread.sleep(150);
        }
        b.waitForText(By.cssSelector("#password-slot .problem"), "Try again in");
        String problem = b.text(By.cssSelector("#password-slot .problem"));
        assertTrue(problem.matches("(?s).*Try again in \\d+ (hour|minute|second)s?.*"), problem);
        b.screenshot("b04-buyer-password-rate-limited");

        // auto-renewal: the price first, then on
        b.waitForText(By.id("auto-renewal"), "off");
        b.click(By.id("auto-renewal-show-price"));
        b.waitForText(By.id("renewal-amount"), "USD 10.00");
        b.submit("auto-renew");
        b.waitForText(By.id("auto-renewal"), "on, 1 period(s) at a time");
        assertTrue(b.text(By.id("auto-renewal-changed")).contains("USD 10.00"), b.text(By.id("auto-renewal-changed")));
        b.screenshot("b05-buyer-auto-renewal-on");

        // renew by hand: the price first (new expiry), then paid
        String expiresBefore = b.text(By.tagName("main"));
        b.type("renew", "Periods (months)", "2");
        b.click(By.id("renewal-show-price"));
        b.waitForText(By.id("renewal-amount"), "USD 20.00");
        String quote = b.text(By.id("renewal-quote"));
        assertTrue(quote.contains("Expires after renewal") && quote.contains("List price"), quote);
        b.screenshot("b06-buyer-renewal-price");
        b.submit("renew");
        b.waitForText(By.id("renewed"), "USD 20.00 paid");
        assertFalse(b.text(By.tagName("main")).equals(expiresBefore));
        b.logout();
    }

    @Test
    void theBuyerAsksForAnInvoiceTheOperatorIssuesItAndTheInboxTellsHer() throws Exception {
        String orderId = order("BALANCE");
        String title = "Acme " + run;
        String number = "INV-" + run;
        Browser b = browser;
        b.login("alice");
        b.go("/invoices");
        b.find(By.id("request-invoice"));
        // this order's box, labelled with its product, specification, amount and payment date
        String box = "request-invoice-order_" + orderId;
        assertTrue(b.text(By.cssSelector("label[for='" + box + "']")).startsWith(saas + " (Team), USD 10.00, paid"));
        b.click(By.id(box));
        b.type("request-invoice", "Invoice title (company name)", title);
        b.type("request-invoice", "Tax id", "TAX-" + run);
        b.submit("request-invoice");
        b.waitForText(By.id("invoice-state"), "REQUESTED");
        assertEquals("USD 10.00", b.text(By.id("invoice-amount")));
        assertTrue(b.text(By.id("invoice-orders")).contains(saas));
        b.screenshot("b07-buyer-invoice-requested");
        b.logout();

        b.login("olga");
        b.go("/operator/invoices");
        b.waitForText(By.id("operator-invoices"), title);
        b.screenshot("b08-operator-invoices");
        b.clickLink(title);
        b.waitForText(By.id("invoice-state"), "REQUESTED");
        b.type("issue-invoice", "Invoice number", number);
        b.submit("issue-invoice");
        b.waitForText(By.id("invoice-state"), "ISSUED");
        b.logout();

        b.login("alice");
        b.go("/inbox");
        b.waitForText(By.id("inbox"), "Invoice issued: " + number);
        int unread = Integer.parseInt(b.text(By.id("unread-count")).replaceAll("\\D", ""));
        assertTrue(unread >= 1);
        b.screenshot("b09-buyer-inbox");
        b.clickButton("Mark \"Invoice issued: " + number + "\" read");
        b.waitUntil(x -> x.driver.findElements(By.xpath("//button[@aria-label='Mark \"Invoice issued: " + number + "\" read']")).isEmpty());
        assertEquals(unread - 1, Integer.parseInt(b.text(By.id("unread-count")).replaceAll("\\D", "")));
        // the notification leads to the invoice
        b.click(By.xpath("//ul[@id='inbox']/li[contains(., '" + number + "')]//a[normalize-space(.)='Open']"));
        b.waitForText(By.id("invoice-state"), "ISSUED");
        assertTrue(b.text(By.tagName("main")).contains(number));
        b.screenshot("b10-buyer-invoice-issued");
        b.logout();
    }

    @Test
    void theBuyerExpandsCapacityWithTheFeeShownFirst() throws Exception {
        // a per-user SaaS (12.00 a user a month): a flat price has no capacity to expand
        String name = "Buyer Seats " + run;
        Map<String, Object> spec = new HashMap<>(Map.of("name", "Seats", "pricingModel", "LINEAR", "unit", "user",
                "minQuantity", 1, "prices", List.of(Map.of("billingMode", "MONTHLY", "unitPrice", "12.00"))));
        String product = DevServiceTokens.as("sam").body(new HashMap<>(Map.of("type", "SAAS", "categoryCode", "CRM",
                "name", name, "summary", "Summary of " + name, "description", "Seats.", "specifications", List.of(spec))))
                .post("/api/seller/products").then().statusCode(201).extract().path("id");
        DevServiceTokens.as("sam").post("/api/seller/products/" + product + "/submit").then().statusCode(200);
        DevServiceTokens.as("olga").post("/api/operator/products/" + product + "/approve").then().statusCode(200);
        String seats = DevServiceTokens.as("alice").get("/api/catalog/products/" + product).then().statusCode(200).extract()
                .path("specifications[0].id");
        DevServiceTokens.as("alice").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("productId", product, "specificationId", seats, "billingMode", "MONTHLY", "quantity", 2,
                        "periods", 1, "acceptTerms", true, "paymentMethod", "BALANCE"))
                .post("/api/orders").then().statusCode(201);
        Browser b = browser;
        b.login("alice");
        b.go("/apps");
        b.waitForText(By.id("apps"), name);
        b.clickLink(name);
        b.waitForText(By.id("app-status"), "ACTIVE");
        assertTrue(b.text(By.id("application-pending")).contains("not supplied the application information yet"));
        b.type("expand", "Users to add", "3");
        b.click(By.id("expansion-show-fee"));
        b.waitForText(By.id("expansion-fee"), "USD");
        assertTrue(b.text(By.id("expansion-formula")).contains("="), "the fee's working");
        assertTrue(b.text(By.id("expansion-quote")).contains("Seats × 5"), b.text(By.id("expansion-quote")));
        b.screenshot("b16-buyer-expansion-fee");
        b.submit("expand");
        b.waitForText(By.id("expanded"), "Expanded");
        assertTrue(b.text(By.tagName("main")).contains("5"), "the new quantity");
        b.logout();
    }

    @Test
    void theBuyerAddsAFavoriteBuysFromItAndRemovesIt() throws Exception {
        Browser b = browser;
        b.login("alice");
        b.go("/catalog/products/" + saasId);
        b.waitForText(By.tagName("h1"), saas);
        b.choose("buy", "Billing", "Yearly");
        b.click(By.id("add-favorite"));
        b.waitForText(By.id("favorite-state"), "Added to your favorites: Team");
        // a second time: the API's 409 in words
        b.allowFailedRequest("/api/favorites", 409);
        b.click(By.id("add-favorite"));
        b.waitForText(By.cssSelector("main .problem"), "already in your list");
        b.screenshot("b11-buyer-favorite-added");
        b.go("/favorites");
        b.waitForText(By.id("favorites"), saas);
        assertTrue(b.text(By.id("favorites")).contains("YEARLY"));
        b.screenshot("b12-buyer-favorites");
        b.clickLink("Buy");
        b.waitForText(By.id("favorite-amount"), "USD 100.00");
        b.check("favorite-buy", "I accept the terms and conditions");
        b.submit("favorite-buy");
        b.waitForText(By.id("order-state"), "COMPLETED");
        b.go("/favorites");
        b.waitForText(By.id("favorites"), saas);
        b.clickButton("Remove " + saas);
        b.waitForText(By.cssSelector("main .notice"), "removed from your favorites");
        assertFalse(b.text(By.tagName("main")).contains("YEARLY"), "the favorite is gone");
        b.logout();
    }

    @Test
    void theBuyerAcceptsAnExclusiveOffer() throws Exception {
        String offer = DevServiceTokens.as("sam").body(Map.of("customerAccountId", aliceAccount, "productId", saasId,
                "specificationId", specId, "billingMode", "YEARLY", "quantity", 1, "periods", 1,
                "discountType", "PERCENTAGE", "discountValue", 20, "expiresAt", OffsetDateTime.now().plusDays(7).toString(),
                "note", "For alice, run " + run)).post("/api/seller/offers").then().statusCode(201).extract().path("id");
        Browser b = browser;
        b.login("alice");
        b.go("/offers");
        b.waitForText(By.id("offers"), saas);
        b.screenshot("b13-buyer-exclusive-offers");
        b.click(By.cssSelector("a[href='#/offers/" + offer + "']"));
        b.waitForText(By.id("offer-price"), "USD 80.00");
        b.check("accept-offer", "I accept the terms and conditions");
        b.submit("accept-offer");
        b.waitForText(By.id("order-state"), "COMPLETED");
        assertTrue(b.text(By.tagName("main")).contains("USD 80.00"), "the offer's price paid");
        b.go("/offers/" + offer);
        b.waitForText(By.id("offer-status"), "USED");
        b.logout();
    }

    @Test
    void aMilestoneOfferIsAcceptedAndItsFirstBillPaid() throws Exception {
        // bob (a customer of his own, so that alice's credit tests do not meet his) gets credit, offer credit and
        // money from the operator, and a milestone offer (50 % + 50 %) from the seller, through the API
        String bob = DevServiceTokens.as("bob").get("/api/account").then().statusCode(200).extract().path("id");
        DevServiceTokens.as("olga").body(Map.of("creditLimit", "500.00")).put("/api/operator/accounts/" + bob + "/credit")
                .then().statusCode(200);
        DevServiceTokens.as("olga").body(Map.of("creditLimit", "500.00")).put("/api/operator/accounts/" + bob + "/offer-credit")
                .then().statusCode(200);
        DevServiceTokens.as("olga").body(Map.of("amount", "200.00", "reference", "bank-bob-" + run))
                .post("/api/operator/accounts/" + bob + "/top-up").then().statusCode(200);
        // milestone payment follows delivery acceptance: a product with service supervision
        String name = "Buyer Rollout " + run;
        Map<String, Object> spec = new HashMap<>(Map.of("name", "Project", "pricingModel", "FLAT", "prices",
                List.of(Map.of("billingMode", "YEARLY", "unitPrice", "100.00"))));
        String product = DevServiceTokens.as("sam").body(new HashMap<>(Map.of("type", "SAAS", "categoryCode", "CRM",
                "name", name, "summary", "Summary of " + name, "description", "A supervised rollout.", "supervised", true,
                "specifications", List.of(spec)))).post("/api/seller/products").then().statusCode(201).extract().path("id");
        DevServiceTokens.as("sam").post("/api/seller/products/" + product + "/submit").then().statusCode(200);
        DevServiceTokens.as("olga").post("/api/operator/products/" + product + "/approve").then().statusCode(200);
        String project = DevServiceTokens.as("bob").get("/api/catalog/products/" + product).then().statusCode(200).extract()
                .path("specifications[0].id");
        String offer = DevServiceTokens.as("sam").body(Map.of("customerAccountId", bob, "productId", product,
                "specificationId", project, "billingMode", "YEARLY", "quantity", 1, "periods", 1,
                "discountType", "PERCENTAGE", "discountValue", 20, "expiresAt", OffsetDateTime.now().plusDays(7).toString(),
                "milestones", List.of(50, 50))).post("/api/seller/offers").then().log().ifValidationFails().statusCode(201).extract().path("id");
        Browser b = browser;
        b.login("bob");
        b.go("/offers/" + offer);
        b.waitForText(By.id("offer-price"), "USD 80.00");
        assertTrue(b.text(By.tagName("main")).contains("1: 50 %, 2: 50 %"), "the milestones");
        b.check("accept-offer", "I accept the terms and conditions");
        b.submit("accept-offer");
        b.waitForText(By.id("offer-status"), "USED");
        b.waitForText(By.id("milestone-bills"), "1 of 2 (50 %)");
        assertTrue(b.text(By.id("milestone-bills")).contains("USD 40.00"), b.text(By.id("milestone-bills")));
        b.screenshot("b17-buyer-milestone-bills");
        b.click(By.cssSelector("table#milestone-bills form button[type=submit]"));
        b.waitForText(By.id("milestone-bills"), "PAID");
        b.go("/milestone-bills");
        b.waitForText(By.id("milestone-bills"), "PAID");
        // the money moved shows in the ledger, with its currency
        b.go("/account");
        b.waitForText(By.id("ledger"), "TOP_UP");
        assertTrue(b.text(By.id("ledger")).contains("USD 200.00"), b.text(By.id("ledger")));
        b.screenshot("b18-buyer-account-ledger");
        b.go("/charges");
        b.waitForText(By.id("arrears"), "USD");
        b.logout();
    }

    @Test
    void theOperatorSetsACreditLimitAndRunsAJob() throws Exception {
        Browser b = browser;
        b.login("olga");
        b.go("/operator/accounts");
        b.type("find-account", "Subject (user id at the identity provider)", "alice");
        b.submit("find-account");
        b.find(By.id("account-credit"));
        // a negative limit: the API's problem next to the field
        b.type("credit", "Credit limit (USD)", "-5");
        b.allowFailedRequest("/api/operator/accounts/" + aliceAccount + "/credit", 400);
        b.submit("credit");
        b.waitUntil(x -> !x.driver.findElements(By.cssSelector("form#credit .problem")).isEmpty());
        assertFalse(b.text(By.cssSelector("form#credit .field-error")).isBlank(), "the field's problem in words");
        b.drainConsole();
        b.type("credit", "Credit limit (USD)", "250");
        b.submit("credit");
        b.waitForText(By.id("account-credit"), "USD 250.00");
        assertTrue(b.text(By.cssSelector("main .notice")).contains("The credit limit is USD 250.00"));
        b.screenshot("b14-operator-credit-limit");

        b.go("/operator/jobs");
        b.waitForText(By.id("jobs"), "overdue-milestone-bills");
        b.clickButton("Run overdue-milestone-bills now");
        b.waitForText(By.id("job-ran"), "overdue-milestone-bills ran at");
        String row = b.text(By.xpath("//table[@id='jobs']//tr[td/code[normalize-space(.)='overdue-milestone-bills']]"));
        assertFalse(row.contains("–  –"), row);
        b.screenshot("b15-operator-job-runs");
        b.logout();
    }
}
