package dev.opengallery.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The first journey through the console in a real browser, every person signed in through the OIDC Dev Service's
 * login page. A seller publishes a contact and lists a SaaS (two specifications) and an image; an operator approves
 * both in the review queue and tops up the buyer's account on the Accounts page; the buyer finds the products, reads
 * their details (specifications, the seller's contact), gets quotes that show how the price is made, buys both paying
 * now, sees them in My Orders and My Apps, upgrades the SaaS (the fee's working shown first) and unsubscribes the
 * image (the refund shown first). The API allows upgrades for SaaS only and unsubscriptions for yearly/monthly
 * images only, hence two products.
 */
@QuarkusTest
@TestProfile(ConsoleProfile.class)
class ConsoleJourneyTest extends ConsoleBrowserTest {

    @Test
    void aSellerListsAnOperatorApprovesABuyerBuysUpgradesAndUnsubscribes() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String saas = "Console CRM " + run;
        String image = "Console LAMP " + run;
        Browser b = browser;

        // the buyer's account exists once she has signed in and looked at it
        b.login("alice");
        b.go("/account");
        b.waitForText(By.id("balance"), "USD");
        // what she holds already (other browser tests of this instance may have topped her up)
        BigDecimal before = new BigDecimal(b.text(By.id("balance")).replaceAll("[^0-9.]", ""));
        b.logout();

        // the seller publishes a contact, creates a SaaS and an image, and submits both for review
        b.login("sam");
        b.allowFailedRequest("/api/seller/profile", 404); // no profile yet: the API answers 404, the form is empty
        b.go("/seller/profile");
        b.type("seller-profile", "Company name", "Sam's Software Ltd.");
        b.type("seller-profile", "Service e-mail", "support@sam.example");
        b.type("seller-profile", "Service phone", "+1 415 555 0199");
        b.type("seller-profile", "Support hours and channels", "Mon-Fri 09:00-18:00 UTC");
        b.submit("seller-profile");
        b.waitForText(By.cssSelector("main .notice"), "Profile saved");
        createProduct(b, "SaaS", "CRM", saas, "", new String[] { "Team", "10.00" }, new String[] { "Business", "20.00" });
        b.screenshot("01-seller-new-product");
        b.submit("product");
        b.waitForText(By.id("seller-products"), saas);
        createProduct(b, "Image", "RUNTIME_ENVIRONMENT", image, "web-80-443", new String[] { "Standard", "30.00" }, null);
        b.submit("product");
        b.waitForText(By.id("seller-products"), image);
        b.clickButton("Submit " + saas + " for review");
        b.waitUntil(x -> x.driver.findElements(By.xpath("//button[@aria-label='Submit " + saas + " for review']")).isEmpty());
        b.clickButton("Submit " + image + " for review");
        b.waitUntil(x -> x.driver.findElements(By.xpath("//button[@aria-label='Submit " + image + " for review']")).isEmpty());
        assertTrue(b.text(By.id("seller-products")).contains("IN_REVIEW"));
        b.screenshot("02-seller-submitted");
        b.logout();

        // the operator approves both and tops up the buyer's account
        b.login("olga");
        b.go("/operator/review");
        b.waitForText(By.id("review-queue"), image);
        b.screenshot("03-operator-review-queue");
        for (String product : new String[] { saas, image }) {
            b.clickButton("Approve " + product);
            b.waitUntil(x -> !x.driver.findElement(By.tagName("main")).getText().contains(product));
        }
        b.go("/operator/accounts");
        b.type("find-account", "Subject (user id at the identity provider)", "alice");
        b.submit("find-account");
        b.waitForText(By.id("account-balance"), usd(before));
        b.type("top-up", "Amount (USD)", "500");
        b.type("top-up", "Payment reference", "bank-" + run);
        b.submit("top-up");
        b.waitForText(By.id("account-balance"), usd(before.add(new BigDecimal("500"))));
        b.screenshot("04-operator-top-up");
        b.logout();

        // the buyer finds the SaaS, reads it, gets a quote and buys it, paying now
        b.login("alice");
        b.go("/catalog");
        b.type("search", "Words", saas);
        b.submit("search");
        b.waitForText(By.id("search-results"), saas);
        b.screenshot("05-buyer-search");
        b.clickLink(saas);
        b.waitForText(By.tagName("h1"), saas);
        assertTrue(b.text(By.id("specifications")).contains("USD 20.00"), "the specifications with their prices");
        assertTrue(b.text(By.id("seller-contact")).contains("support@sam.example"), "the seller's contact");
        b.check("buy", "I accept the terms and conditions");
        b.click(By.id("get-quote"));
        b.waitForText(By.id("quote-amount"), "USD 10.00");
        b.submit("buy");
        b.waitForText(By.id("order-state"), "COMPLETED");

        // ... and the image, with its ECS in a VPC she creates
        b.go("/catalog");
        b.type("search", "Words", image);
        b.submit("search");
        b.waitForText(By.id("search-results"), image);
        b.clickLink(image);
        b.waitForText(By.tagName("h1"), image);
        b.type("new-vpc", "New VPC name", "shop-vpc");
        b.submit("new-vpc");
        b.waitForText(By.cssSelector("form#buy"), "shop-vpc");
        b.type("buy", "ECS login password", "Gallery#2026");
        b.check("buy", "I accept the terms and conditions");
        b.click(By.id("get-quote"));
        b.waitForText(By.id("quote-amount"), "USD");
        String quote = b.text(By.id("quote"));
        assertTrue(quote.contains("List price") && quote.contains("Discount") && quote.contains("Image fee")
                && quote.contains("ECS fee") && quote.contains("Amount due"), quote);
        b.screenshot("06-buyer-image-quote");
        b.submit("buy");
        b.waitForText(By.id("order-state"), "COMPLETED");
        b.screenshot("07-buyer-order-paid");

        b.go("/orders");
        b.waitForText(By.id("orders"), saas);
        assertTrue(b.text(By.id("orders")).contains(image));
        b.go("/apps");
        b.waitForText(By.id("apps"), saas);
        assertTrue(b.text(By.id("apps")).contains(image));
        b.screenshot("08-buyer-my-apps");

        // upgrade the SaaS: the fee's working first, then the upgrade
        b.clickLink(saas);
        b.waitForText(By.id("app-status"), "ACTIVE");
        b.choose("upgrade", "New specification", "Business");
        b.click(By.id("upgrade-show-fee"));
        b.waitForText(By.id("upgrade-fee"), "USD");
        assertTrue(b.text(By.id("upgrade-formula")).contains("="), "the fee's working");
        b.screenshot("09-buyer-upgrade-fee");
        b.submit("upgrade");
        b.waitForText(By.id("upgraded"), "Upgraded");
        assertEquals("Business", b.text(By.id("app-specification")));

        // unsubscribe the image: the refund first, then the unsubscription
        b.go("/apps");
        b.clickLink(image);
        b.waitForText(By.id("app-status"), "ACTIVE");
        b.clickButton("Show the refund");
        b.waitForText(By.id("refund-amount"), "USD");
        assertTrue(b.text(By.id("refund")).contains("FULL_REFUND"), b.text(By.id("refund")));
        b.screenshot("10-buyer-refund");
        b.submit("unsubscribe");
        b.waitForText(By.id("app-status"), "UNSUBSCRIBED");
        b.screenshot("11-buyer-unsubscribed");
        b.logout();
    }

    static void createProduct(Browser b, String type, String category, String name, String securityGroups,
            String[] spec1, String[] spec2) {
        b.go("/seller/products/new");
        b.choose("product", "Type", type);
        b.driver.findElement(By.xpath("//form[@id='product']//select[@name='categoryCode']/option[@value='" + category
                + "']")).click();
        b.type("product", "Name", name);
        b.type("product", "Summary", "Summary of " + name);
        b.type("product", "Description", "What " + name + " does, in a few words.");
        if (!securityGroups.isEmpty()) {
            b.type("product", "Recommended security groups (images; comma-separated)", securityGroups);
        }
        fillSpec(b, 0, spec1);
        if (spec2 != null) {
            fillSpec(b, 1, spec2);
        }
    }

    static void fillSpec(Browser b, int index, String[] nameAndPrice) {
        String p = "specifications[" + index + "]";
        b.driver.findElement(By.name(p + ".name")).sendKeys(nameAndPrice[0]);
        b.driver.findElement(By.name(p + ".prices[0].unitPrice")).sendKeys(nameAndPrice[1]);
    }

    /** An amount as the console shows it: "USD 1,210.00". */
    static String usd(BigDecimal amount) {
        return "USD " + new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ENGLISH)).format(amount);
    }
}
