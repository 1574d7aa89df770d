package dev.opengallery.catalog;

import static dev.opengallery.catalog.CatalogFixtures.*;
import static dev.opengallery.support.Tokens.anonymous;
import static dev.opengallery.support.Tokens.customer;
import static dev.opengallery.support.Tokens.fresh;
import static dev.opengallery.support.Tokens.operator;
import static dev.opengallery.support.Tokens.seller;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.opengallery.support.LedgerCheck;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * A seller's edit of a listed product (delist, edit, resubmit, approve) keeps the identity of the specifications that
 * persist, and buyers keep the price they bought at: the new price is for new quotes, orders and renewals.
 */
@QuarkusTest
class ProductEditIdentityTest {

    @Inject
    Pool pool;

    @AfterEach
    void books() {
        LedgerCheck.balancesEqualLedgers(pool);
    }

    static Map<String, Object> monthly(String name, String price) {
        return flatSpec(name, "MONTHLY", price);
    }

    static String specId(JsonPath product, String name) {
        return product.getString("specifications.find { it.name == '" + name + "' }.id");
    }

    static Map<String, Object> order(String product, String spec, boolean payNow) {
        Map<String, Object> o = new HashMap<>();
        o.put("productId", product);
        o.put("specificationId", spec);
        o.put("billingMode", "MONTHLY");
        o.put("acceptTerms", true);
        if (payNow) {
            o.put("paymentMethod", "BALANCE");
        }
        return o;
    }

    static void favorite(String customer, String product, String spec) {
        Map<String, Object> f = new HashMap<>();
        f.put("productId", product);
        if (spec != null) {
            f.put("specificationId", spec);
            f.put("billingMode", "MONTHLY");
            f.put("periods", 2);
        }
        customer(customer).body(f).post("/api/favorites").then().statusCode(201);
    }

    @Test
    void anEditKeepsTheIdsOfSurvivingSpecificationsAndBuyersKeepTheirPrice() {
        String s = fresh("seller");
        profile(s);
        String id = listed(s, product("SAAS", "CRM", "Identity CRM", "x",
                List.of(monthly("Basic", "10.00"), monthly("Pro", "30.00"), monthly("Legacy", "5.00"))));
        JsonPath before = anonymous().get("/api/catalog/products/" + id).then().statusCode(200).extract().jsonPath();
        String basic = specId(before, "Basic");
        String pro = specId(before, "Pro");
        String legacy = specId(before, "Legacy");

        // a buyer buys Basic at 10.00 and saves Legacy and Pro; another saved the product and Legacy
        String buyer = fresh("buyer");
        String account = customer(buyer).get("/api/account").then().extract().path("id");
        operator().body(Map.of("amount", "100.00")).post("/api/operator/accounts/" + account + "/top-up").then()
                .statusCode(200);
        String orderId = customer(buyer).body(order(id, basic, true)).post("/api/orders").then().statusCode(201)
                .body("state", is("COMPLETED"), "unitPrice", is(10.00f), "amountDue", is(10.00f)).extract().path("id");
        String app = customer(buyer).get("/api/apps").then().statusCode(200).extract()
                .path("items.find { it.orderId == '" + orderId + "' }.id");
        favorite(buyer, id, legacy);
        favorite(buyer, id, pro);
        String other = fresh("buyer");
        favorite(other, id, null);
        favorite(other, id, legacy);

        // the seller re-prices Basic (and spells it in lower case), moves Pro first, drops Legacy, adds Enterprise
        seller(s).post("/api/seller/products/" + id + "/delist").then().statusCode(200);
        int version = seller(s).get("/api/seller/products/" + id).then().extract().path("version");
        Map<String, Object> edit = product("SAAS", "CRM", "Identity CRM", "x",
                List.of(monthly("Pro", "35.00"), monthly(" basic ", "12.00"), monthly("Enterprise", "100.00")));
        edit.put("version", version);
        JsonPath edited = seller(s).body(edit).put("/api/seller/products/" + id).then().statusCode(200)
                .body("status", is("DRAFT"), "specifications.name", contains("Pro", "basic", "Enterprise"))
                .extract().jsonPath();
        assertEquals(pro, edited.getString("specifications[0].id"));
        assertEquals(basic, edited.getString("specifications[1].id"));
        String enterprise = edited.getString("specifications[2].id");
        assertFalse(List.of(basic, pro, legacy).contains(enterprise));
        seller(s).post("/api/seller/products/" + id + "/submit").then().statusCode(200);
        operator().post("/api/operator/products/" + id + "/approve").then().statusCode(200);

        JsonPath after = anonymous().get("/api/catalog/products/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(pro, basic, enterprise), after.getList("specifications.id"));
        assertEquals(35.00f, after.getFloat("specifications[0].prices[0].unitPrice"));
        assertEquals(12.00f, after.getFloat("specifications[1].prices[0].unitPrice"));
        // the removed specification is gone
        anonymous().body(Map.of("specificationId", legacy, "billingMode", "MONTHLY")).post("/api/catalog/products/" + id
                + "/quote").then().statusCode(anyOf(is(400), is(404), is(422))).contentType("application/problem+json");

        // the buyer's order and app keep what they were bought at
        customer(buyer).get("/api/orders/" + orderId).then().statusCode(200)
                .body("specificationId", is(basic), "specificationName", is("Basic"), "unitPrice", is(10.00f),
                        "amountDue", is(10.00f));
        customer(buyer).get("/api/apps/" + app).then().statusCode(200).body("specificationId", is(basic),
                "amountPaid", is(10.00f));
        // the new price is for new quotes and orders, and for the buyer's renewals from now on
        anonymous().body(Map.of("specificationId", basic, "billingMode", "MONTHLY")).post("/api/catalog/products/" + id
                + "/quote").then().statusCode(200).body("unitPrice", is(12.00f), "amount", is(12.00f));
        customer(buyer).body(order(id, basic, false)).post("/api/orders/quote").then().statusCode(200)
                .body("amountDue", is(12.00f));
        customer(buyer).body(Map.of("periods", 1)).post("/api/renewals/" + app + "/quote").then().statusCode(200)
                .body("specificationId", is(basic), "unitPrice", is(12.00f), "amountDue", is(12.00f));
        customer(buyer).get("/api/account").then().body("balance", is(90.00f));

        // favorites: the surviving choice stays; the removed one keeps the product, without specification or choices
        JsonPath favs = customer(buyer).get("/api/favorites").then().statusCode(200).body("total", is(2)).extract()
                .jsonPath();
        assertTrue(favs.getList("items.specificationId").contains(pro));
        Map<String, Object> orphan = favs.getMap("items.find { it.specificationId == null }");
        assertEquals(null, orphan.get("billingMode"));
        assertEquals(null, orphan.get("periods"));
        customer(buyer).get("/api/favorites/" + orphan.get("id") + "/purchase").then().statusCode(200)
                .body("specificationId", is(pro));
        // the other buyer had saved the product already: one entry stays
        customer(other).get("/api/favorites").then().statusCode(200).body("total", is(1),
                "items[0].specificationId", nullValue());
    }

    @Test
    void anEditThatChangesNothingKeepsEveryIdAndARefusedEditChangesNothing() {
        String s = fresh("seller");
        profile(s);
        String id = create(s, saas("Stable CRM", "x"));
        JsonPath draft = seller(s).get("/api/seller/products/" + id).then().extract().jsonPath();
        Map<String, Object> same = saas("Stable CRM", "x");
        same.put("version", 0);
        seller(s).body(same).put("/api/seller/products/" + id).then().statusCode(200)
                .body("specifications.id", contains(draft.getString("specifications[0].id")), "version", is(1));

        Map<String, Object> bad = saas("Stable CRM", "x");
        bad.put("version", 1);
        bad.put("specifications", List.of(tieredSpec("Team", "TIERED"), monthly("Free", "0.00")));
        seller(s).body(bad).put("/api/seller/products/" + id).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("specifications[1].prices[0].unitPrice"));
        seller(s).get("/api/seller/products/" + id).then().body("version", is(1), "specifications.size()", is(1),
                "specifications[0].id", is(draft.getString("specifications[0].id")));
    }
}
