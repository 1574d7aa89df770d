package dev.opengallery.catalog;

import static dev.opengallery.catalog.CatalogFixtures.*;
import static dev.opengallery.support.Tokens.anonymous;
import static dev.opengallery.support.Tokens.customer;
import static dev.opengallery.support.Tokens.fresh;
import static dev.opengallery.support.Tokens.operator;
import static dev.opengallery.support.Tokens.seller;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.opengallery.support.LedgerCheck;
import dev.opengallery.support.TestClock;
import dev.opengallery.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Money fields through the API: currencies from the marketplace's list only (USD and CNY here), at most the
 * currency's minor digits, no free prices, no free private offers, and top-ups and credit limits in the account's
 * currency. Every refusal is a 400 problem naming the field, and nothing is stored.
 */
@QuarkusTest
class MoneyInputApiTest {

    @Inject
    Pool pool;

    @AfterEach
    void books() {
        LedgerCheck.balancesEqualLedgers(pool);
    }

    long count(String sql, Object... args) {
        return pool.preparedQuery(sql).execute(Tuple.from(args)).await().indefinitely().iterator().next().getLong(0);
    }

    static Map<String, Object> image(String hourly) {
        Map<String, Object> img = product("IMAGE", "RUNTIME_ENVIRONMENT", "Money LAMP", "x",
                List.of(Map.of("name", "Std", "pricingModel", "FLAT", "prices", List.of(
                        Map.of("billingMode", "PAY_PER_USE", "unitPrice", hourly)))));
        img.put("securityGroups", List.of("web-80-443"));
        return img;
    }

    /** Posts the product and expects a 400 naming the field; the seller then still has no product at all. */
    void refused(String seller, Map<String, Object> body, String field) {
        seller(seller).body(body).post("/api/seller/products").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field));
        seller(seller).get("/api/seller/products").then().statusCode(200).body("total", is(0));
    }

    @Test
    void productPricesAreInAMarketplaceCurrencyWithItsMinorDigitsAndAboveZero() {
        String s = fresh("seller");
        long products = count("select count(*) from product");
        for (String code : List.of("XXX", "EUR", "JPY", "usd1")) {
            Map<String, Object> p = saas("Money CRM", "x");
            p.put("currency", code);
            refused(s, p, "currency");
        }
        // too many decimals for the currency; hourly image prices take 4, not 5
        refused(s, product("SAAS", "CRM", "Money CRM", "x", List.of(flatSpec("Std", "MONTHLY", "10.005"))),
                "specifications[0].prices[0].unitPrice");
        Map<String, Object> cny = product("SAAS", "CRM", "Money CRM", "x", List.of(flatSpec("Std", "YEARLY", "99.999")));
        cny.put("currency", "CNY");
        refused(s, cny, "specifications[0].prices[0].unitPrice");
        refused(s, image("0.12345"), "specifications[0].prices[0].unitPrice");
        // every billing mode charges: zero and negative prices are refused
        for (String mode : List.of("YEARLY", "MONTHLY", "ONE_TIME")) {
            for (String price : List.of("0", "0.00", "-1.00")) {
                refused(s, product("LICENSE", "SECURITY", "Money AV", "x", List.of(flatSpec("Std", mode, price))),
                        "specifications[0].prices[0].unitPrice");
            }
        }
        refused(s, image("0.0000"), "specifications[0].prices[0].unitPrice");
        refused(s, image("-0.25"), "specifications[0].prices[0].unitPrice");
        Map<String, Object> freeTier = product("SAAS", "CRM", "Money CRM", "x", List.of(new HashMap<>(Map.of("name", "Team",
                "pricingModel", "VOLUME", "unit", "user", "prices", List.of(Map.of("billingMode", "MONTHLY", "tiers",
                        List.of(tier(1, 10, "12.00"), tier(11, null, "0"))))))));
        refused(s, freeTier, "specifications[0].prices[0].tiers[1].unitPrice");
        assertEquals(products, count("select count(*) from product"));

        // what is allowed: CNY (any case), a one-cent price, a 4-decimal hourly price
        profile(s);
        Map<String, Object> yuan = product("SAAS", "CRM", "Yuan CRM", "x", List.of(flatSpec("Std", "MONTHLY", "0.01")));
        yuan.put("currency", "cny");
        String id = listed(s, yuan);
        String spec = anonymous().get("/api/catalog/products/" + id).then().statusCode(200).body("currency", is("CNY"))
                .extract().path("specifications[0].id");
        anonymous().body(Map.of("specificationId", spec, "billingMode", "MONTHLY", "periods", 3))
                .post("/api/catalog/products/" + id + "/quote").then().statusCode(200)
                .body("currency", is("CNY"), "amount", is(0.03f));
        seller(s).body(image("0.0125")).post("/api/seller/products").then().statusCode(201)
                .body("currency", is("USD"), "fromPrice", is(0.0125f));

        // an account buys in its own currency (new accounts: the marketplace's default, USD)
        String buyer = fresh("buyer");
        String acc = customer(buyer).get("/api/account").then().body("currency", is("USD")).extract().path("id");
        operator().body(Map.of("amount", "10.00")).post("/api/operator/accounts/" + acc + "/top-up").then().statusCode(200);
        Map<String, Object> order = new HashMap<>(Map.of("productId", id, "specificationId", spec, "billingMode", "MONTHLY",
                "acceptTerms", true));
        customer(buyer).body(order).post("/api/orders/quote").then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("CNY"));
        order.put("paymentMethod", "BALANCE");
        customer(buyer).body(order).post("/api/orders").then().statusCode(422).contentType("application/problem+json");
        customer(buyer).get("/api/orders").then().body("total", is(0));
        customer(buyer).get("/api/account").then().body("balance", is(10.00f));
    }

    static Map<String, Object> offer(String customerAccount, String product, String spec, String type, String value) {
        Map<String, Object> o = new HashMap<>();
        o.put("customerAccountId", customerAccount);
        o.put("productId", product);
        o.put("specificationId", spec);
        o.put("billingMode", "MONTHLY");
        o.put("quantity", 1);
        o.put("periods", 1);
        o.put("discountType", type);
        o.put("discountValue", value);
        o.put("expiresAt", TestClock.START.plus(java.time.Duration.ofDays(30)).toString());
        return o;
    }

    @Test
    void aPrivateOfferNeverMakesAProductFree() {
        String s = fresh("seller");
        profile(s);
        String crm = listed(s, product("SAAS", "CRM", "Offer CRM", "x", List.of(flatSpec("Std", "MONTHLY", "600.00"))));
        String crmSpec = anonymous().get("/api/catalog/products/" + crm).then().extract().path("specifications[0].id");
        String cheap = listed(s, product("SAAS", "CRM", "Cent CRM", "x", List.of(flatSpec("Std", "MONTHLY", "0.01"))));
        String cheapSpec = anonymous().get("/api/catalog/products/" + cheap).then().extract().path("specifications[0].id");
        String c = fresh("buyer");
        String acc = customer(c).get("/api/account").then().extract().path("id");

        Object[][] cases = {
                { crm, crmSpec, "FIXED_PRICE", "0" },
                { crm, crmSpec, "FIXED_PRICE", "0.00" },
                { crm, crmSpec, "FIXED_PRICE", "-10.00" },
                { crm, crmSpec, "FIXED_PRICE", "100.001" },
                { crm, crmSpec, "FIXED_PRICE", "600.00" },
                // 50% of one cent rounds half-up to the whole cent: nothing would be left to pay
                { cheap, cheapSpec, "PERCENTAGE", "50" },
                { crm, crmSpec, "PERCENTAGE", "100" },
        };
        for (Object[] k : cases) {
            seller(s).body(offer(acc, (String) k[0], (String) k[1], (String) k[2], (String) k[3]))
                    .post("/api/seller/offers").then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("discountValue"));
        }
        seller(s).get("/api/seller/offers").then().statusCode(200).body("total", is(0));
        assertEquals(0, count("select count(*) from private_offer where customer_account_id = $1", UUID.fromString(acc)));
        customer(c).get("/api/inbox").then().body("items.kind", not(hasItem("OFFER_RECEIVED")));

        // a deep discount that leaves something to pay is an offer
        seller(s).body(offer(acc, crm, crmSpec, "FIXED_PRICE", "0.01")).post("/api/seller/offers").then().statusCode(201)
                .body("offerPrice", is(0.01f));
        seller(s).body(offer(acc, cheap, cheapSpec, "PERCENTAGE", "40")).post("/api/seller/offers").then()
                .statusCode(201).body("listPrice", is(0.01f), "offerPrice", is(0.01f));
    }

    @Test
    void topUpsAndCreditLimitsAreInTheAccountsCurrency() {
        String c = fresh("buyer");
        String acc = customer(c).get("/api/account").then().statusCode(200).body("currency", is("USD")).extract()
                .path("id");
        for (String amount : List.of("0", "0.00", "-5.00", "0.001", "10.005")) {
            operator().body(Map.of("amount", amount)).post("/api/operator/accounts/" + acc + "/top-up").then()
                    .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("amount"));
            Tokens.as("payment-provider", "payment").body(Map.of("accountId", acc, "amount", amount, "reference",
                    fresh("pay"))).post("/api/payments/top-ups").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("amount"));
        }
        for (String limit : List.of("-1.00", "100.001")) {
            operator().body(Map.of("creditLimit", limit)).put("/api/operator/accounts/" + acc + "/credit").then()
                    .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("creditLimit"));
            operator().body(Map.of("creditLimit", limit)).put("/api/operator/accounts/" + acc + "/offer-credit").then()
                    .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("creditLimit"));
        }
        customer(c).get("/api/account").then().body("balance", is(0.00f), "creditLimit", is(0.00f),
                "offerCreditLimit", is(0.00f));
        assertEquals(0, count("select count(*) from ledger_entry where account_id = $1", UUID.fromString(acc)));
        // zero switches credit off; whole cents are fine
        operator().body(Map.of("creditLimit", "0")).put("/api/operator/accounts/" + acc + "/credit").then().statusCode(200);
        operator().body(Map.of("amount", "0.01")).post("/api/operator/accounts/" + acc + "/top-up").then().statusCode(200)
                .body("balance", is(0.01f));
    }
}
