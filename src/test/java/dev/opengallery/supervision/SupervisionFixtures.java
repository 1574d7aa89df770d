package dev.opengallery.supervision;

import static dev.opengallery.catalog.CatalogFixtures.flatSpec;
import static dev.opengallery.catalog.CatalogFixtures.listed;
import static dev.opengallery.catalog.CatalogFixtures.product;
import static dev.opengallery.catalog.CatalogFixtures.profile;
import static dev.opengallery.catalog.CatalogFixtures.saas;
import static dev.opengallery.support.Tokens.anonymous;
import static dev.opengallery.support.Tokens.customer;
import static dev.opengallery.support.Tokens.operator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.opengallery.support.Tokens;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** A seller with supervised products of the four kinds, customers with money, and paid orders' flows. */
final class SupervisionFixtures {

    static final String TEMPLATE = "Company name:\nAdministrator e-mail:\nNumber of users:";

    final String seller = Tokens.fresh("sup-seller");
    final String license;
    final String saas;
    final String service;
    final String consulting;

    SupervisionFixtures() {
        profile(seller);
        license = listed(seller, product("LICENSE", "SECURITY", "Supervised AV", "x",
                List.of(flatSpec("Perpetual", "ONE_TIME", "300.00"))));
        Map<String, Object> s = saas("Supervised Helpdesk", "x");
        s.put("supervised", true);
        s.put("requestTemplate", TEMPLATE);
        saas = listed(seller, s);
        Map<String, Object> svc = product("PROFESSIONAL_SERVICE", "DATA_MIGRATION", "Supervised Migration", "x",
                List.of(flatSpec("Standard", "ONE_TIME", "1500.00")));
        svc.put("requestTemplate", "Source database:\nTarget:\nDeadline:");
        service = listed(seller, svc);
        consulting = listed(seller, product("CONSULTING_SERVICE", "CONSULTING_TRAINING", "Supervised Advice", "x",
                List.of(flatSpec("Day", "ONE_TIME", "800.00"))));
    }

    static String spec(String product) {
        return anonymous().get("/api/catalog/products/" + product).then().extract().path("specifications[0].id");
    }

    /** A new customer with that much balance. */
    static String customerWith(String amount) {
        String c = Tokens.fresh("sup-cust");
        String id = customer(c).get("/api/account").then().statusCode(200).extract().path("id");
        operator().body(Map.of("amount", amount)).post("/api/operator/accounts/" + id + "/top-up").then().statusCode(200);
        return c;
    }

    /** Places and pays (from the balance) an order of the product; answers the order id. */
    static String paidOrder(String customer, String product) {
        Map<String, Object> o = new HashMap<>();
        o.put("productId", product);
        o.put("specificationId", spec(product));
        String mode = anonymous().get("/api/catalog/products/" + product).then().extract()
                .path("specifications[0].prices[0].billingMode");
        o.put("billingMode", mode);
        o.put("acceptTerms", true);
        o.put("paymentMethod", "BALANCE");
        return customer(customer).body(o).post("/api/orders").then().statusCode(201).extract().path("id");
    }

    /** The flow of the customer's order, found through the buyer's listing. */
    static String flowOf(String customer, String orderId) {
        return customer(customer).get("/api/supervision/flows?orderId=" + orderId).then().statusCode(200)
                .extract().path("items[0].id");
    }

    static String paidFlow(String customer, String product) {
        return flowOf(customer, paidOrder(customer, product));
    }

    static RequestSpecification multipartAs(String subject, String role) {
        return RestAssured.given().auth().oauth2(Tokens.token(subject, role));
    }

    static RequestSpecification buyerForm(String subject) {
        return multipartAs(subject, "customer");
    }

    static RequestSpecification sellerForm(String subject) {
        return multipartAs(subject, "seller");
    }

    static UUID accountId(Pool pool, String subject) {
        return pool.preparedQuery("select id from account where subject = $1").execute(Tuple.of(subject))
                .await().indefinitely().iterator().next().getUUID("id");
    }

    static long count(Pool pool, String sql, Object... args) {
        return pool.preparedQuery(sql).execute(Tuple.from(args)).await().indefinitely().iterator().next().getLong(0);
    }

    static void sql(Pool pool, String sql, Object... args) {
        pool.preparedQuery(sql).execute(Tuple.from(args)).await().indefinitely();
    }

    /** Notifications of a kind whose link leads to the flow (buyer's or seller's page). */
    static long notices(Pool pool, String flowId, String kind) {
        return count(pool, "select count(*) from notification where kind = $1 and link like '%/' || $2", kind, flowId);
    }
}
