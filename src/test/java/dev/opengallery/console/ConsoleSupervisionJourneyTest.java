package dev.opengallery.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The supervised purchase through the console in a real browser, every person signed in through the OIDC Dev
 * Service's login page. A seller lists a professional service (always delivered through service supervision) with a
 * request template; an operator approves it and tops up the buyer; the buyer buys and pays it, sends her request with
 * an attachment and reminds the seller; the seller reads the request, downloads the attachment and delivers with an
 * attachment; the buyer rejects the delivery (twice: after the seller delivers again following two rejections the
 * buyer may appeal, the API's rule), then appeals; the operator reads the appeal with the whole flow and decides
 * COMPLETE; the buyer and the seller each see the decision and the flow accepted. Also: a seller edits, submits,
 * withdraws and (once listed) delists a product on its page.
 */
@QuarkusTest
@TestProfile(ConsoleProfile.class)
class ConsoleSupervisionJourneyTest extends ConsoleBrowserTest {

    static final String WAITING_FOR_REQUEST = "Waiting for the buyer's request";
    static final String WAITING_FOR_SELLER = "Waiting for the seller";
    static final String WAITING_FOR_ACCEPTANCE = "Waiting for the buyer's acceptance";

    @Test
    void aSupervisedPurchaseThroughRequestDeliveryRejectionAppealAndDecision() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String product = "Console Migration " + run;
        Browser b = browser;
        Path dir = Files.createDirectories(Path.of("target", "console-uploads"));
        Path requestFile = Files.writeString(dir.resolve("schema-" + run + ".txt"), "tables: customers, orders\n");
        Path deliveryFile = Files.writeString(dir.resolve("migration-report-" + run + ".txt"), "migrated 2 tables\n");

        // the buyer's account exists once she has signed in
        b.login("alice");
        b.go("/account");
        b.waitForText(By.id("balance"), "USD");
        b.logout();

        // the seller lists a professional service with a request template
        b.login("sam");
        sellerProfile(b);
        b.go("/seller/products/new");
        b.choose("product", "Type", "Professional service");
        b.driver.findElement(By.xpath("//form[@id='product']//select[@name='categoryCode']/option[@value='DATA_MIGRATION']")).click();
        b.type("product", "Name", product);
        b.type("product", "Summary", "We move your database to the cloud");
        b.type("product", "Description", "A migration engineer moves your database, with a report.");
        b.type("product", "Request template (SaaS and services: what the buyer tells you)", "Database engine:\nSize:");
        b.driver.findElement(By.name("specifications[0].name")).sendKeys("Standard");
        new org.openqa.selenium.support.ui.Select(b.driver.findElement(By.name("specifications[0].prices[0].billingMode")))
                .selectByVisibleText("One time");
        b.driver.findElement(By.name("specifications[0].prices[0].unitPrice")).sendKeys("300");
        b.submit("product");
        b.waitForText(By.id("seller-products"), product);
        b.clickLink(product);
        b.waitForText(By.id("product-status"), "DRAFT");
        assertTrue(b.text(By.tagName("main")).contains("yes: delivered through supervision"));
        b.clickButton("Submit for review");
        b.waitForText(By.id("product-status"), "IN_REVIEW");
        b.logout();

        // the operator approves it and tops up the buyer
        b.login("olga");
        b.go("/operator/review");
        b.waitForText(By.id("review-queue"), product);
        b.clickButton("Approve " + product);
        b.waitUntil(x -> !x.driver.findElement(By.tagName("main")).getText().contains(product));
        b.go("/operator/accounts");
        b.type("find-account", "Subject (user id at the identity provider)", "alice");
        b.submit("find-account");
        b.waitForText(By.id("account-balance"), "USD");
        b.type("top-up", "Amount (USD)", "400");
        b.type("top-up", "Payment reference", "bank-s-" + run);
        b.submit("top-up");
        b.waitForText(By.cssSelector("#account-found .notice"), "Topped up");
        b.logout();

        // the buyer finds it, buys and pays it: the order waits for supervision
        b.login("alice");
        b.go("/catalog");
        b.type("search", "Words", product);
        b.submit("search");
        b.waitForText(By.id("search-results"), product);
        b.clickLink(product);
        b.waitForText(By.tagName("h1"), product);
        b.check("buy", "I accept the terms and conditions");
        b.submit("buy");
        b.waitForText(By.id("order-state"), "PROCESSING");
        b.screenshot("s01-buyer-supervised-order-paid");

        // her service flows: the new one waits for her request
        b.go("/supervision");
        b.waitForText(By.id("flows"), product);
        b.clickLink(product);
        b.waitForText(By.id("flow-state"), WAITING_FOR_REQUEST);
        String flowUrl = b.driver.getCurrentUrl();
        String flowId = flowUrl.substring(flowUrl.lastIndexOf('/') + 1);
        assertTrue(b.text(By.id("flow-turn")).contains("Your turn: send your request"));
        assertTrue(b.text(By.id("request-template")).contains("Database engine:"));
        b.type("flow-request-form", "Your request", "Database engine: PostgreSQL 16\nSize: 40 GB");
        b.type("flow-request-form", "What you need (requirement description)", "Zero downtime, cut-over on a Sunday");
        b.field("flow-request-form", "Attachments (up to 3 files, 3 MiB each)").sendKeys(requestFile.toAbsolutePath().toString());
        b.screenshot("s02-buyer-request-with-attachment");
        b.submit("flow-request-form");
        b.waitForText(By.id("flow-state"), WAITING_FOR_SELLER);
        assertTrue(b.text(By.id("flow-steps")).contains(requestFile.getFileName().toString()), "the attachment among the steps");
        b.clickButton("Remind the seller");
        b.waitForText(By.cssSelector("main .notice"), "The seller was reminded");
        assertTrue(b.text(By.id("flow-steps")).contains("Seller reminded"));
        assertTrue(b.text(By.id("flow-facts")).contains("Last reminder"));
        b.logout();

        // the seller reads the request, downloads its attachment and delivers with an attachment
        b.login("sam");
        b.go("/seller/supervision");
        b.waitForText(By.id("flows"), product);
        b.clickLink(product);
        b.waitForText(By.id("flow-state"), WAITING_FOR_SELLER);
        assertTrue(b.text(By.id("flow-request")).contains("PostgreSQL 16"));
        assertEquals("tables: customers, orders\n", download(b, requestFile.getFileName().toString()));
        deliver(b, "Migrated; the report is attached", deliveryFile);
        b.screenshot("s03-seller-delivered");
        b.logout();

        // the buyer downloads the report and rejects the delivery; accepting without the confirmation is refused in words
        b.login("alice");
        b.go("/supervision/" + flowId);
        b.waitForText(By.id("flow-state"), WAITING_FOR_ACCEPTANCE);
        assertEquals("migrated 2 tables\n", download(b, deliveryFile.getFileName().toString()));
        b.allowFailedRequest("/api/supervision/flows/" + flowId + "/accept", 400);
        b.submit("flow-accept");
        b.waitForText(By.cssSelector("form#flow-accept .field-error"), "must be true");
        b.type("flow-reject", "Why you reject it", "The orders table is missing");
        b.submit("flow-reject");
        b.waitForText(By.id("flow-state"), WAITING_FOR_SELLER);
        assertTrue(b.text(By.id("flow-facts")).contains("Deliveries rejected\n1"), b.text(By.id("flow-facts")));
        b.logout();

        // second delivery, second rejection, third delivery: the buyer may now appeal
        b.login("sam");
        b.go("/seller/supervision/" + flowId);
        b.waitForText(By.id("flow-state"), WAITING_FOR_SELLER);
        deliver(b, "Orders table migrated too", null);
        b.logout();
        b.login("alice");
        b.go("/supervision/" + flowId);
        b.waitForText(By.id("flow-state"), WAITING_FOR_ACCEPTANCE);
        b.type("flow-reject", "Why you reject it", "Row counts differ");
        b.submit("flow-reject");
        b.waitForText(By.id("flow-state"), WAITING_FOR_SELLER);
        b.logout();
        b.login("sam");
        b.go("/seller/supervision/" + flowId);
        b.waitForText(By.id("flow-state"), WAITING_FOR_SELLER);
        deliver(b, "Row counts checked: they match", null);
        b.logout();

        b.login("alice");
        b.go("/supervision/" + flowId);
        b.waitForText(By.id("flow-state"), WAITING_FOR_ACCEPTANCE);
        assertTrue(b.text(By.id("flow-appealability")).contains("the seller delivered again after 2 rejections"));
        b.type("flow-appeal", "Why you appeal", "Three deliveries and the data still does not match");
        b.screenshot("s04-buyer-appeal");
        b.submit("flow-appeal");
        b.waitForText(By.id("flow-turn"), "Frozen");
        assertTrue(b.text(By.id("flow-appeals")).contains("Waiting for an operator"));
        assertTrue(b.driver.findElements(By.id("flow-reject")).isEmpty(), "no move while frozen");
        b.screenshot("s05-buyer-flow-frozen");
        b.logout();

        // the operator reads the appeal with the whole flow and completes it
        b.login("olga");
        b.go("/operator/appeals");
        b.waitForText(By.id("appeals"), product);
        b.screenshot("s06-operator-appeal-queue");
        b.clickLink(product);
        b.waitForText(By.id("appeal-status"), "OPEN");
        assertTrue(b.text(By.id("appeal-reason")).contains("still does not match"));
        String steps = b.text(By.id("flow-steps"));
        assertTrue(steps.contains("Delivery rejected") && steps.contains(deliveryFile.getFileName().toString()), steps);
        assertEquals("migrated 2 tables\n", download(b, deliveryFile.getFileName().toString()));
        b.choose("decide", "Decision", "Complete: as if the buyer accepted the delivery");
        b.type("decide", "Why (sent to both parties)", "The third delivery matches the request");
        b.submit("decide");
        b.waitForText(By.id("appeal-status"), "DECIDED");
        assertTrue(b.text(By.id("appeal-decision")).contains("Complete"));
        b.screenshot("s07-operator-decided");
        b.logout();

        // each side sees the outcome
        b.login("alice");
        b.go("/supervision/" + flowId);
        b.waitForText(By.id("flow-state"), "Accepted");
        assertTrue(b.text(By.id("flow-appeals")).contains("The third delivery matches the request"));
        assertTrue(b.text(By.id("flow-steps")).contains("Operator decided: complete"));
        b.screenshot("s08-buyer-outcome");
        b.logout();
        b.login("sam");
        b.go("/seller/supervision/" + flowId);
        b.waitForText(By.id("flow-state"), "Accepted");
        assertTrue(b.text(By.id("flow-appeals")).contains("Complete: as if the buyer accepted"));
        b.screenshot("s09-seller-outcome");
        b.go("/seller/orders");
        b.waitForText(By.id("seller-orders"), product);
        b.clickLink(product);
        b.waitForText(By.id("seller-order-state"), "PROCESSING");
        assertTrue(b.text(By.tagName("main")).contains("USD 300.00"));
        b.logout();
    }

    @Test
    void aSellerEditsSubmitsWithdrawsAndDelistsAProduct() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String name = "Console Audit " + run;
        Browser b = browser;
        b.login("sam");
        sellerProfile(b);
        ConsoleJourneyTest.createProduct(b, "Consulting service", "CONSULTING_TRAINING", name, "", new String[] { "Day", "900.00" }, null);
        b.submit("product");
        b.waitForText(By.id("seller-products"), name);
        b.clickLink(name);
        b.waitForText(By.id("product-status"), "DRAFT");

        // a wrong price is refused in words next to its input; a right one saves
        b.type("edit-product", "Name", name + " Plus");
        WebElement price = b.driver.findElement(By.name("specifications[0].prices[0].unitPrice"));
        price.clear();
        price.sendKeys("-5");
        String url = b.driver.getCurrentUrl();
        b.allowFailedRequest("/api/seller/products/" + url.substring(url.lastIndexOf('/') + 1), 400);
        b.submit("edit-product");
        b.waitUntil(x -> !x.driver.findElements(By.cssSelector("form#edit-product .problem")).isEmpty());
        assertTrue(b.text(By.cssSelector("form#edit-product")).length() > 0);
        price = b.driver.findElement(By.name("specifications[0].prices[0].unitPrice"));
        price.clear();
        price.sendKeys("950");
        b.submit("edit-product");
        b.waitForText(By.cssSelector("main .notice"), "Saved");
        b.waitForText(By.tagName("h1"), name + " Plus");
        assertTrue(b.text(By.id("product-specifications")).contains("USD 950.00"));

        b.clickButton("Submit for review");
        b.waitForText(By.id("product-status"), "IN_REVIEW");
        b.clickButton("Withdraw from review");
        b.waitForText(By.id("product-status"), "DRAFT");
        b.clickButton("Submit for review");
        b.waitForText(By.id("product-status"), "IN_REVIEW");
        b.logout();

        b.login("olga");
        b.go("/operator/review");
        b.waitForText(By.id("review-queue"), name + " Plus");
        b.clickButton("Approve " + name + " Plus");
        b.waitUntil(x -> !x.driver.findElement(By.tagName("main")).getText().contains(name + " Plus"));
        b.logout();

        // a private offer on the listed product for the buyer's account, then withdrawn
        b.login("alice");
        b.go("/account");
        String customer = b.text(By.cssSelector("main dl.facts code"));
        b.logout();
        b.login("sam");
        b.go("/seller/offers");
        b.clickLink("New private offer");
        b.choose("offer-product", "Product", name + " Plus");
        b.submit("offer-product");
        b.type("offer", "Customer account id", customer);
        b.choose("offer", "Discount", "Percentage off");
        b.type("offer", "Percent off, or the fixed price", "10");
        b.submit("offer");
        b.waitForText(By.id("offer-status"), "ACTIVE");
        b.waitForText(By.id("offer-price"), "USD 855.00");
        b.screenshot("s11-seller-private-offer");
        b.clickButton("Withdraw the offer");
        b.waitForText(By.id("offer-status"), "WITHDRAWN");
        b.go("/seller/offers");
        b.waitForText(By.id("seller-offers"), "WITHDRAWN");

        b.go("/seller/products");
        b.waitForText(By.id("seller-products"), name + " Plus");
        b.clickButton("Delist " + name + " Plus");
        b.waitUntil(x -> x.driver.findElements(By.xpath("//button[@aria-label='Delist " + name + " Plus']")).isEmpty());
        b.clickLink(name + " Plus");
        b.waitForText(By.id("product-status"), "DELISTED");
        assertTrue(b.driver.findElements(By.id("edit-product")).size() == 1, "a delisted product can be edited again");
        b.screenshot("s10-seller-product-delisted");
        b.logout();
    }

    /** Publishes the seller's contact (needed to submit a product); the API answers 404 before the first one. */
    static void sellerProfile(Browser b) {
        b.allowFailedRequest("/api/seller/profile", 404);
        b.go("/seller/profile");
        b.type("seller-profile", "Company name", "Sam's Software Ltd.");
        b.type("seller-profile", "Service e-mail", "support@sam.example");
        b.type("seller-profile", "Service phone", "+1 415 555 0199");
        b.type("seller-profile", "Support hours and channels", "Mon-Fri 09:00-18:00 UTC");
        b.submit("seller-profile");
        b.waitForText(By.cssSelector("main .notice"), "Profile saved");
    }

    /** The seller delivers on the open flow page: a note and, when given, a file. */
    static void deliver(Browser b, String note, Path file) {
        b.type("flow-deliver", "What you deliver", note);
        if (file != null) {
            b.field("flow-deliver", "Attachments (up to 3 files, 3 MiB each)").sendKeys(file.toAbsolutePath().toString());
        }
        b.submit("flow-deliver");
        b.waitForText(By.id("flow-state"), WAITING_FOR_ACCEPTANCE);
        if (file != null) {
            assertTrue(b.text(By.id("flow-steps")).contains(file.getFileName().toString()));
        }
    }

    /** Follows the page's download link of that file name as the browser would (same session) and answers its text. */
    static String download(Browser b, String fileName) {
        WebElement link = b.find(By.xpath("//a[contains(@class,'attachment') and normalize-space(.)='" + fileName + "']"));
        Object text = b.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.ok ? r.text() : 'HTTP ' + r.status)"
                + ".then(done, e => done(String(e)));", link.getAttribute("href"));
        return String.valueOf(text);
    }
}
