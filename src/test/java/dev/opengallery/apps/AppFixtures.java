package dev.opengallery.apps;

import static dev.opengallery.catalog.CatalogFixtures.*;
import static dev.opengallery.support.Tokens.anonymous;
import static dev.opengallery.support.Tokens.customer;
import static dev.opengallery.support.Tokens.operator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.opengallery.support.Tokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A seller with listed products to buy, upgrade, expand, renew and unsubscribe, and customers with money (copied
 * in part from the ordering fixtures, which are package-private).
 */
public final class AppFixtures {

    public final String seller = Tokens.fresh("appseller");
    /** SaaS: Basic 300/month (3000/year), Pro 600/month, Plus 500/month, flat. */
    public final String saas;
    public final String basic;
    public final String pro;
    public final String plus;
    /** SaaS priced per user, one product per model: 1-10 at 12.00, 11-50 at 10.00, 51+ at 8.00 a month. */
    public final String linear;
    public final String tiered;
    public final String volume;
    /** SaaS with service supervision. */
    public final String supervisedSaas;
    /** Image: 30.00 a month, 300.00 a year, 0.25 an hour (plus the ECS). */
    public final String image;
    /** License sold yearly at 1200.00 (supervised). */
    public final String license;

    public AppFixtures() {
        profile(seller);
        Map<String, Object> s = product("SAAS", "CRM", "Apps CRM", "x", List.of(
                flat2("Basic", "300.00", "3000.00"), flat2("Pro", "600.00", "6000.00"), flat2("Plus", "500.00", "5000.00")));
        s.put("guideUrl", "https://docs.example.com/apps-crm");
        saas = listed(seller, s);
        basic = spec(saas, 0);
        pro = spec(saas, 1);
        plus = spec(saas, 2);
        linear = listed(seller, product("SAAS", "CRM", "Apps Seats Linear", "x", List.of(linearSpec())));
        tiered = listed(seller, product("SAAS", "CRM", "Apps Seats Tiered", "x", List.of(tieredSpec("Team", "TIERED"))));
        volume = listed(seller, product("SAAS", "CRM", "Apps Seats Volume", "x", List.of(tieredSpec("Team", "VOLUME"))));
        Map<String, Object> sup = product("SAAS", "CRM", "Apps Supervised CRM", "x", List.of(flat2("Basic", "300.00", "3000.00")));
        sup.put("supervised", true);
        supervisedSaas = listed(seller, sup);
        Map<String, Object> img = product("IMAGE", "RUNTIME_ENVIRONMENT", "Apps LAMP", "x",
                List.of(Map.of("name", "Std", "pricingModel", "FLAT", "prices", List.of(
                        Map.of("billingMode", "PAY_PER_USE", "unitPrice", "0.25"),
                        Map.of("billingMode", "MONTHLY", "unitPrice", "30.00"),
                        Map.of("billingMode", "YEARLY", "unitPrice", "300.00")))));
        img.put("securityGroups", List.of("web-80-443"));
        image = listed(seller, img);
        license = listed(seller, product("LICENSE", "SECURITY", "Apps AV", "x", List.of(flatSpec("Seat", "YEARLY", "1200.00"))));
    }

    static Map<String, Object> flat2(String name, String monthly, String yearly) {
        return new HashMap<>(Map.of("name", name, "pricingModel", "FLAT", "prices", List.of(
                Map.of("billingMode", "MONTHLY", "unitPrice", monthly), Map.of("billingMode", "YEARLY", "unitPrice", yearly))));
    }

    static Map<String, Object> linearSpec() {
        return new HashMap<>(Map.of("name", "Seats", "pricingModel", "LINEAR", "unit", "user", "minQuantity", 1,
                "prices", List.of(Map.of("billingMode", "MONTHLY", "unitPrice", "12.00"),
                        Map.of("billingMode", "YEARLY", "unitPrice", "120.00"))));
    }

    public static String spec(String product, int index) {
        return anonymous().get("/api/catalog/products/" + product).then().statusCode(200).extract()
                .path("specifications[" + index + "].id");
    }

    public static String spec(String product) {
        return spec(product, 0);
    }

    public static Map<String, Object> order(String product, String spec, String mode, Integer quantity, int periods) {
        Map<String, Object> o = new HashMap<>();
        o.put("productId", product);
        o.put("specificationId", spec);
        o.put("billingMode", mode);
        if (quantity != null) {
            o.put("quantity", quantity);
        }
        o.put("periods", periods);
        o.put("acceptTerms", true);
        o.put("paymentMethod", "BALANCE");
        return o;
    }

    /** A new customer with that much balance; returns its subject. */
    public static String customerWith(String amount) {
        String c = Tokens.fresh("appcust");
        String id = accountId(c);
        if (amount != null) {
            topUp(c, amount);
        }
        return c;
    }

    public static void topUp(String customer, String amount) {
        operator().body(Map.of("amount", amount, "reference", "bank-" + UUID.randomUUID()))
                .post("/api/operator/accounts/" + accountId(customer) + "/top-up").then().statusCode(200);
    }

    public static String accountId(String customer) {
        return customer(customer).get("/api/account").then().statusCode(200).extract().path("id");
    }

    /** Buys and pays from the balance; answers the order id. */
    public static String buy(String customer, Map<String, Object> order) {
        return customer(customer).body(order).post("/api/orders").then().statusCode(201).extract().path("id");
    }

    /** Buys and answers the purchased app's (subscription's) id. */
    public static String buyApp(Pool pool, String customer, Map<String, Object> order) {
        return subscriptionOf(pool, buy(customer, order));
    }

    public static String subscriptionOf(Pool pool, String orderId) {
        return pool.preparedQuery("select id from subscription where order_id = $1").execute(Tuple.of(UUID.fromString(orderId)))
                .await().indefinitely().iterator().next().getUUID("id").toString();
    }

    /** Buys a monthly or yearly image with its ECS; answers the subscription id. */
    public static String buyImage(Pool pool, String customer, String image, String mode) {
        Map<String, Object> o = order(image, spec(image), mode, null, 1);
        o.put("ecs", ecs(vpc(customer)));
        return buyApp(pool, customer, o);
    }

    static String vpc(String customer) {
        return customer(customer).body(Map.of("name", "vpc-" + Tokens.fresh("v"), "cidr", "192.168.0.0/16"))
                .post("/api/account/vpcs").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> ecs(String vpc) {
        Map<String, Object> e = new HashMap<>();
        e.put("vpcId", vpc);
        e.put("securityGroup", "web-80-443");
        e.put("password", "Gallery#2026");
        return e;
    }

    public static long count(Pool pool, String sql, Object... args) {
        return pool.preparedQuery(sql).execute(Tuple.from(args)).await().indefinitely().iterator().next().getLong(0);
    }
}
