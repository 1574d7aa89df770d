package dev.opengallery.catalog;

import static dev.opengallery.support.Tokens.operator;
import static dev.opengallery.support.Tokens.seller;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds product requests and walks them through release and review, as sellers and operators do. */
public final class CatalogFixtures {

    private CatalogFixtures() {
    }

    public static void profile(String seller) {
        seller(seller).body(Map.of("companyName", "Company of " + seller, "serviceEmail", seller + "@sellers.example",
                "servicePhone", "+1 415 555 0100", "supportRange", "Mon-Fri 09:00-18:00 UTC"))
                .put("/api/seller/profile").then().statusCode(200);
    }

    public static Map<String, Object> flatSpec(String name, String mode, String price) {
        return new HashMap<>(Map.of("name", name, "pricingModel", "FLAT",
                "prices", List.of(Map.of("billingMode", mode, "unitPrice", price))));
    }

    /** 1-10 users 12.00, 11-50 10.00, 51+ 8.00 monthly; yearly x10. */
    public static Map<String, Object> tieredSpec(String name, String model) {
        return new HashMap<>(Map.of("name", name, "pricingModel", model, "unit", "user", "minQuantity", 1,
                "prices", List.of(
                        Map.of("billingMode", "MONTHLY", "tiers", List.of(tier(1, 10, "12.00"), tier(11, 50, "10.00"),
                                tier(51, null, "8.00"))),
                        Map.of("billingMode", "YEARLY", "tiers", List.of(tier(1, 10, "120.00"), tier(11, 50, "100.00"),
                                tier(51, null, "80.00"))))));
    }

    public static Map<String, Object> tier(int from, Integer to, String price) {
        Map<String, Object> t = new HashMap<>();
        t.put("from", from);
        t.put("to", to);
        t.put("unitPrice", price);
        return t;
    }

    public static Map<String, Object> product(String type, String category, String name, String description,
            List<Map<String, Object>> specs) {
        Map<String, Object> p = new HashMap<>();
        p.put("type", type);
        p.put("categoryCode", category);
        p.put("name", name);
        p.put("summary", "Summary of " + name);
        p.put("description", description);
        p.put("tags", List.of("cloud"));
        p.put("guideUrl", "https://docs.example.com/guide");
        p.put("specifications", new ArrayList<>(specs));
        return p;
    }

    public static Map<String, Object> saas(String name, String description) {
        return product("SAAS", "CRM", name, description, List.of(tieredSpec("Team", "TIERED")));
    }

    public static String create(String seller, Map<String, Object> body) {
        return seller(seller).body(body).post("/api/seller/products").then().statusCode(201).extract().path("id");
    }

    /** Creates, submits and approves: the product is LISTED. The seller must have a profile. */
    public static String listed(String seller, Map<String, Object> body) {
        String id = create(seller, body);
        seller(seller).post("/api/seller/products/" + id + "/submit").then().statusCode(200);
        operator().post("/api/operator/products/" + id + "/approve").then().statusCode(200);
        return id;
    }
}
