package dev.opengallery.catalog;

import static dev.opengallery.catalog.CatalogFixtures.*;
import static dev.opengallery.support.Tokens.anonymous;
import static dev.opengallery.support.Tokens.customer;
import static dev.opengallery.support.Tokens.fresh;
import static dev.opengallery.support.Tokens.operator;
import static dev.opengallery.support.Tokens.seller;
import static org.hamcrest.Matchers.*;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ReleaseAndReviewTest {

    @Test
    void sellerReleasesOperatorApprovesBuyerSees() {
        String sam = fresh("seller");
        profile(sam);
        String word = "zq" + fresh("w").replace("-", "");
        var created = seller(sam).body(saas("Orbit CRM " + word, "Pipeline and contacts")).post("/api/seller/products")
                .then().statusCode(201).header("Location", containsString("/api/seller/products/"))
                .body("status", is("DRAFT"), "version", is(0), "supervised", is(false),
                        "specifications[0].prices[0].tiers", hasSize(3), "fromPrice", is(8.00f),
                        "billingModes", contains("YEARLY", "MONTHLY"))
                .extract();
        String id = created.path("id");

        // nobody but the seller sees a draft
        anonymous().get("/api/catalog/products/" + id).then().statusCode(404)
                .contentType("application/problem+json").body("status", is(404));
        anonymous().get("/api/catalog/products?q=" + word).then().statusCode(200).body("total", is(0));

        seller(sam).post("/api/seller/products/" + id + "/submit").then().statusCode(200)
                .body("status", is("IN_REVIEW"), "submittedAt", notNullValue());
        anonymous().get("/api/catalog/products/" + id).then().statusCode(404);
        operator().get("/api/operator/products?size=100").then().statusCode(200)
                .body("items.id", hasItem(id));

        operator().post("/api/operator/products/" + id + "/approve").then().statusCode(200)
                .body("status", is("LISTED"), "listedAt", notNullValue());

        anonymous().get("/api/catalog/products/" + id).then().statusCode(200)
                .body("name", is("Orbit CRM " + word), "seller.companyName", is("Company of " + sam),
                        "seller.serviceEmail", is(sam + "@sellers.example"),
                        "seller.supportRange", is("Mon-Fri 09:00-18:00 UTC"),
                        "specifications[0].name", is("Team"), "guideUrl", is("https://docs.example.com/guide"));
        anonymous().get("/api/catalog/products?q=" + word).then().statusCode(200)
                .body("total", is(1), "items[0].id", is(id), "items[0].sellerName", is("Company of " + sam));
        String sellerId = seller(sam).get("/api/seller/profile").then().extract().path("id");
        anonymous().get("/api/catalog/sellers/" + sellerId).then().statusCode(200)
                .body("listedProducts", is(1), "seller.servicePhone", is("+1 415 555 0100"));
    }

    @Test
    void submittingNeedsASellerProfile() {
        String s = fresh("seller");
        String id = create(s, saas("No profile yet", "x"));
        seller(s).post("/api/seller/products/" + id + "/submit").then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("seller profile"));
        seller(s).get("/api/seller/products/" + id).then().body("status", is("DRAFT"));
    }

    @Test
    void rejectionCarriesAReasonAndTheSellerResubmits() {
        String s = fresh("seller");
        profile(s);
        String id = create(s, saas("Needs work", "x"));
        seller(s).post("/api/seller/products/" + id + "/submit").then().statusCode(200);
        operator().body(Map.of("reason", "")).post("/api/operator/products/" + id + "/reject").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        seller(s).get("/api/seller/products/" + id).then().body("status", is("IN_REVIEW"));
        operator().body(Map.of("reason", "The guide link is broken")).post("/api/operator/products/" + id + "/reject")
                .then().statusCode(200).body("status", is("REJECTED"), "statusReason", is("The guide link is broken"));
        int version = seller(s).get("/api/seller/products/" + id).then().extract().path("version");
        Map<String, Object> fixed = saas("Needs work, fixed", "x");
        fixed.put("version", version);
        seller(s).body(fixed).put("/api/seller/products/" + id).then().statusCode(200)
                .body("status", is("DRAFT"), "statusReason", nullValue(), "name", is("Needs work, fixed"),
                        "version", is(version + 1));
        seller(s).post("/api/seller/products/" + id + "/submit").then().statusCode(200).body("status", is("IN_REVIEW"));
    }

    @Test
    void illegalMovesAnswer409WithTheCurrentState() {
        String s = fresh("seller");
        profile(s);
        String id = create(s, saas("Draft only", "x"));
        operator().post("/api/operator/products/" + id + "/approve").then().statusCode(409)
                .contentType("application/problem+json").body("currentState", is("DRAFT"));
        seller(s).post("/api/seller/products/" + id + "/delist").then().statusCode(409).body("currentState", is("DRAFT"));
        String listed = listed(s, saas("Listed one", "x"));
        Map<String, Object> edit = saas("Edited in place", "x");
        edit.put("version", 2);
        seller(s).body(edit).put("/api/seller/products/" + listed).then().statusCode(409)
                .body("currentState", is("LISTED"));
        seller(s).post("/api/seller/products/" + listed + "/delist").then().statusCode(200).body("status", is("DELISTED"));
        anonymous().get("/api/catalog/products/" + listed).then().statusCode(404);
        operator().body(Map.of("reason", "x")).post("/api/operator/products/" + listed + "/delist").then().statusCode(409)
                .body("currentState", is("DELISTED"));
    }

    @Test
    void aStaleVersionIsRefused() {
        String s = fresh("seller");
        String id = create(s, saas("Versioned", "x"));
        Map<String, Object> first = saas("Versioned v1", "x");
        first.put("version", 0);
        seller(s).body(first).put("/api/seller/products/" + id).then().statusCode(200).body("version", is(1));
        Map<String, Object> stale = saas("Versioned stale", "x");
        stale.put("version", 0);
        seller(s).body(stale).put("/api/seller/products/" + id).then().statusCode(409)
                .body("type", endsWith("/stale-version"));
        seller(s).get("/api/seller/products/" + id).then().body("name", is("Versioned v1"));
        Map<String, Object> noVersion = saas("No version", "x");
        seller(s).body(noVersion).put("/api/seller/products/" + id).then().statusCode(400)
                .body("errors.field", hasItem("version"));
    }

    @Test
    void aSellerCannotTouchAnotherSellersProduct() {
        String owner = fresh("seller");
        String other = fresh("seller");
        profile(owner);
        profile(other);
        String draft = create(owner, saas("Owner's draft", "x"));
        String listed = listed(owner, saas("Owner's listed", "x"));
        seller(other).get("/api/seller/products/" + draft).then().statusCode(404);
        Map<String, Object> edit = saas("Hijacked", "x");
        edit.put("version", 0);
        seller(other).body(edit).put("/api/seller/products/" + draft).then().statusCode(404);
        seller(other).post("/api/seller/products/" + draft + "/submit").then().statusCode(404);
        seller(other).post("/api/seller/products/" + listed + "/delist").then().statusCode(404);
        seller(other).get("/api/seller/products").then().body("items.id", not(hasItems(draft, listed)));
        seller(owner).get("/api/seller/products/" + draft).then().body("name", is("Owner's draft"), "status", is("DRAFT"));
        anonymous().get("/api/catalog/products/" + listed).then().statusCode(200);
    }

    @Test
    void badProductRequestsAreRefusedAndChangeNothing() {
        String s = fresh("seller");
        profile(s);
        create(s, saas("The only product", "x"));

        Map<String, Object> hourlySaas = product("SAAS", "CRM", "Hourly SaaS", "x",
                List.of(flatSpec("Std", "PAY_PER_USE", "0.10")));
        Map<String, Object> gap = product("SAAS", "CRM", "Gap", "x", List.of(Map.of("name", "T", "pricingModel", "TIERED",
                "unit", "user", "prices", List.of(Map.of("billingMode", "MONTHLY",
                        "tiers", List.of(tier(1, 10, "5"), tier(12, null, "4")))))));
        Map<String, Object> negative = product("LICENSE", "CRM", "Negative", "x", List.of(flatSpec("Std", "ONE_TIME", "-1")));
        Map<String, Object> badScale = product("LICENSE", "CRM", "Scale", "x", List.of(flatSpec("Std", "ONE_TIME", "1.234")));
        Map<String, Object> unknownCategory = product("LICENSE", "NOPE", "Cat", "x", List.of(flatSpec("Std", "ONE_TIME", "1")));
        Map<String, Object> noSpecs = product("LICENSE", "CRM", "Empty", "x", List.of());
        Map<String, Object> blankName = product("LICENSE", "CRM", " ", "x", List.of(flatSpec("Std", "ONE_TIME", "1")));
        Map<String, Object> badEnum = product("GADGET", "CRM", "Enum", "x", List.of(flatSpec("Std", "ONE_TIME", "1")));
        Map<String, Object> wrongType = product("LICENSE", "CRM", "Type", "x", List.of(flatSpec("Std", "ONE_TIME", "abc")));

        Object[][] cases = {
                { hourlySaas, "specifications[0].prices[0].billingMode" },
                { gap, "specifications[0].prices[0].tiers[1].from" },
                { negative, "specifications[0].prices[0].unitPrice" },
                { badScale, "specifications[0].prices[0].unitPrice" },
                { unknownCategory, "categoryCode" },
                { noSpecs, "specifications" },
                { blankName, "name" },
                { badEnum, "type" },
                { wrongType, "specifications[0].prices[0].unitPrice" },
        };
        for (Object[] c : cases) {
            seller(s).body(c[0]).post("/api/seller/products").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem((String) c[1]));
        }
        seller(s).body("{\"type\": ").post("/api/seller/products").then().statusCode(400)
                .contentType("application/problem+json");
        seller(s).contentType("text/plain").body("hello").post("/api/seller/products").then().statusCode(415)
                .contentType("application/problem+json");
        seller(s).get("/api/seller/products").then().body("total", is(1));
        seller(s).get("/api/seller/products?status=NOPE").then().statusCode(400).body("errors.field", hasItem("status"));
        seller(s).get("/api/seller/products/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        seller(s).get("/api/seller/products/00000000-0000-0000-0000-000000000000").then().statusCode(404);
    }

    @Test
    void rolesAndTokensAreChecked() {
        anonymous().get("/api/seller/products").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        customer(fresh("c")).get("/api/seller/products").then().statusCode(403).contentType("application/problem+json");
        seller(fresh("s")).get("/api/operator/products").then().statusCode(403);
        anonymous().auth().oauth2("not.a.token").get("/api/seller/products").then().statusCode(401);
        anonymous().get("/api/catalog/categories").then().statusCode(200).body("code", hasItems("CRM", "SECURITY"));
    }
}
