package dev.opengallery.catalog;

import static dev.opengallery.catalog.CatalogFixtures.*;
import static dev.opengallery.support.Tokens.anonymous;
import static dev.opengallery.support.Tokens.customer;
import static dev.opengallery.support.Tokens.fresh;
import static dev.opengallery.support.Tokens.seller;
import static org.hamcrest.Matchers.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class FavoritesAndQuotesTest {

    @Test
    void quotesUseTheCataloguesPricingFunction() {
        String s = fresh("seller");
        profile(s);
        String id = listed(s, saas("Quoted CRM", "x"));
        String spec = anonymous().get("/api/catalog/products/" + id).then().extract().path("specifications[0].id");
        // TIERED: 25 users fall in 11-50 at 10.00; 12 months -> 3000.00
        anonymous().body(Map.of("specificationId", spec, "billingMode", "MONTHLY", "quantity", 25, "periods", 12))
                .post("/api/catalog/products/" + id + "/quote").then().statusCode(200)
                .body("unitPrice", is(10.00f), "tier.from", is(11), "tier.to", is(50), "amount", is(3000.00f),
                        "currency", is("USD"), "quantity", is(25), "periods", is(12));
        // yearly, 51 users: 80.00 x 51 x 2 = 8160.00
        anonymous().body(Map.of("specificationId", spec, "billingMode", "YEARLY", "quantity", 51, "periods", 2))
                .post("/api/catalog/products/" + id + "/quote").then().statusCode(200).body("amount", is(8160.00f));
        // defaults: minimum quantity, one period
        anonymous().body(Map.of("specificationId", spec, "billingMode", "MONTHLY"))
                .post("/api/catalog/products/" + id + "/quote").then().statusCode(200).body("amount", is(12.00f));

        anonymous().body(Map.of("specificationId", spec, "billingMode", "ONE_TIME"))
                .post("/api/catalog/products/" + id + "/quote").then().statusCode(422).contentType("application/problem+json");
        anonymous().body(Map.of("specificationId", spec, "billingMode", "MONTHLY", "quantity", 0))
                .post("/api/catalog/products/" + id + "/quote").then().statusCode(400).body("errors.field", hasItem("quantity"));
        anonymous().body(Map.of("specificationId", spec, "billingMode", "MONTHLY", "periods", 37))
                .post("/api/catalog/products/" + id + "/quote").then().statusCode(400).body("errors.field", hasItem("periods"));
        anonymous().body(Map.of("specificationId", id, "billingMode", "MONTHLY"))
                .post("/api/catalog/products/" + id + "/quote").then().statusCode(400)
                .body("errors.field", hasItem("specificationId"));
        anonymous().body(Map.of("billingMode", "MONTHLY")).post("/api/catalog/products/" + id + "/quote").then()
                .statusCode(400).body("errors.field", hasItem("specificationId"));
        String draft = create(s, saas("Unlisted", "x"));
        String draftSpec = seller(s).get("/api/seller/products/" + draft).then().extract().path("specifications[0].id");
        anonymous().body(Map.of("specificationId", draftSpec, "billingMode", "MONTHLY"))
                .post("/api/catalog/products/" + draft + "/quote").then().statusCode(404);
    }

    @Test
    void favoritesSaveChoicesAndBuyThemBack() {
        String s = fresh("seller");
        profile(s);
        String id = listed(s, saas("Favorite CRM", "x"));
        String spec = anonymous().get("/api/catalog/products/" + id).then().extract().path("specifications[0].id");
        String alice = fresh("alice");
        String bob = fresh("bob");

        Map<String, Object> choice = new HashMap<>(Map.of("productId", id, "specificationId", spec,
                "billingMode", "YEARLY", "quantity", 20, "periods", 1));
        String fav = customer(alice).body(choice).post("/api/favorites").then().statusCode(201)
                .header("Location", containsString("/api/favorites/"))
                .body("productName", is("Favorite CRM"), "available", is(true), "specificationName", is("Team"),
                        "billingMode", is("YEARLY"), "quantity", is(20))
                .extract().path("id");
        customer(alice).body(choice).post("/api/favorites").then().statusCode(409).contentType("application/problem+json");
        // the same product without a specification is another entry
        customer(alice).body(Map.of("productId", id)).post("/api/favorites").then().statusCode(201);

        customer(alice).get("/api/favorites").then().statusCode(200).body("total", is(2), "items.id", hasItem(fav));
        // 20 users yearly: tier 11-50 at 100.00 -> 2000.00
        customer(alice).get("/api/favorites/" + fav + "/purchase").then().statusCode(200)
                .body("productId", is(id), "specificationId", is(spec), "billingMode", is("YEARLY"), "quantity", is(20),
                        "periods", is(1), "quote.amount", is(2000.00f));

        // another customer sees none of it
        customer(bob).get("/api/favorites").then().body("total", is(0));
        customer(bob).get("/api/favorites/" + fav + "/purchase").then().statusCode(404);
        customer(bob).delete("/api/favorites/" + fav).then().statusCode(404);

        // when the product is delisted, the entry stays but cannot be bought
        seller(s).post("/api/seller/products/" + id + "/delist").then().statusCode(200);
        customer(alice).get("/api/favorites").then().body("items.find { it.id == '" + fav + "' }.available", is(false));
        customer(alice).get("/api/favorites/" + fav + "/purchase").then().statusCode(404);

        customer(alice).delete("/api/favorites/" + fav).then().statusCode(204);
        customer(alice).get("/api/favorites").then().body("total", is(1), "items.id", not(hasItem(fav)));
        customer(alice).delete("/api/favorites/" + fav).then().statusCode(404);
    }

    @Test
    void badFavoritesAreRefusedAndChangeNothing() {
        String s = fresh("seller");
        profile(s);
        String id = listed(s, saas("Picky CRM", "x"));
        String spec = anonymous().get("/api/catalog/products/" + id).then().extract().path("specifications[0].id");
        String draft = create(s, saas("Not yet", "x"));
        String c = fresh("carol");

        customer(c).body(Map.of("productId", draft)).post("/api/favorites").then().statusCode(404);
        customer(c).body(Map.of("productId", id, "specificationId", id)).post("/api/favorites").then().statusCode(400)
                .body("errors.field", hasItem("specificationId"));
        customer(c).body(Map.of("productId", id, "specificationId", spec, "billingMode", "ONE_TIME"))
                .post("/api/favorites").then().statusCode(422);
        customer(c).body(Map.of("productId", id, "specificationId", spec, "billingMode", "MONTHLY", "quantity", -3))
                .post("/api/favorites").then().statusCode(400).body("errors.field", hasItem("quantity"));
        customer(c).body(Map.of("productId", id, "quantity", 3)).post("/api/favorites").then().statusCode(400);
        customer(c).body(Map.of("productId", "nope")).post("/api/favorites").then().statusCode(400)
                .body("errors.field", hasItem("productId"));
        customer(c).body(List.of()).post("/api/favorites").then().statusCode(400);
        customer(c).get("/api/favorites?size=500").then().statusCode(400);
        customer(c).get("/api/favorites").then().body("total", is(0));
        seller(s).body(Map.of("productId", id)).post("/api/favorites").then().statusCode(403);
        anonymous().get("/api/favorites").then().statusCode(401);
    }
}
