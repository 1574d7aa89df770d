package dev.opengallery.ordering;

import static dev.opengallery.catalog.CatalogFixtures.*;
import static dev.opengallery.support.Tokens.anonymous;
import static dev.opengallery.support.Tokens.customer;
import static dev.opengallery.support.Tokens.operator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.opengallery.support.Tokens;

/** A seller with listed products of every kind, and customers with money. */
final class OrderFixtures {

    final String seller = Tokens.fresh("seller");
    final String saas;
    final String saasSpec;
    final String supervisedSaas;
    final String contactSaas;
    final String license;
    final String service;
    final String image;
    final String imageSpec;

    OrderFixtures() {
        profile(seller);
        saas = listed(seller, saas("Orders CRM", "x"));
        saasSpec = spec(saas);
        Map<String, Object> sup = saas("Supervised CRM", "x");
        sup.put("supervised", true);
        supervisedSaas = listed(seller, sup);
        Map<String, Object> contact = saas("Contact CRM", "x");
        contact.put("contactAuthorizationRequired", true);
        contactSaas = listed(seller, contact);
        license = listed(seller, product("LICENSE", "SECURITY", "Orders AV", "x", List.of(flatSpec("Perpetual", "ONE_TIME", "300.00"))));
        service = listed(seller, product("PROFESSIONAL_SERVICE", "DATA_MIGRATION", "Orders Migration", "x",
                List.of(flatSpec("Standard", "ONE_TIME", "1500.00"))));
        Map<String, Object> img = product("IMAGE", "RUNTIME_ENVIRONMENT", "Orders LAMP", "x",
                List.of(Map.of("name", "Std", "pricingModel", "FLAT", "prices", List.of(
                        Map.of("billingMode", "PAY_PER_USE", "unitPrice", "0.25"),
                        Map.of("billingMode", "MONTHLY", "unitPrice", "30.00")))));
        img.put("securityGroups", List.of("web-80-443"));
        image = listed(seller, img);
        imageSpec = spec(image);
    }

    static String spec(String product) {
        return anonymous().get("/api/catalog/products/" + product).then().extract().path("specifications[0].id");
    }

    static Map<String, Object> order(String product, String spec, String mode, Integer quantity) {
        Map<String, Object> o = new HashMap<>();
        o.put("productId", product);
        o.put("specificationId", spec);
        o.put("billingMode", mode);
        if (quantity != null) {
            o.put("quantity", quantity);
        }
        o.put("acceptTerms", true);
        return o;
    }

    /** A new customer with that much balance; returns its subject. */
    static String customerWith(String amount) {
        String c = Tokens.fresh("cust");
        String id = accountId(c);
        if (amount != null) {
            operator().body(Map.of("amount", amount)).post("/api/operator/accounts/" + id + "/top-up").then().statusCode(200);
        }
        return c;
    }

    static String accountId(String customer) {
        return customer(customer).get("/api/account").then().statusCode(200).extract().path("id");
    }

    static String vpc(String customer) {
        return customer(customer).body(Map.of("name", "vpc-" + Tokens.fresh("v"), "cidr", "192.168.0.0/16"))
                .post("/api/account/vpcs").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> ecs(String vpc, String name) {
        Map<String, Object> e = new HashMap<>();
        e.put("vpcId", vpc);
        e.put("securityGroup", "web-80-443");
        e.put("password", "Gallery#2026");
        if (name != null) {
            e.put("provisioning", "CUSTOM");
            e.put("flavor", "s6.large.2");
            e.put("name", name);
        }
        return e;
    }
}
