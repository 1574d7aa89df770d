package dev.opengallery.tickets;

import static dev.opengallery.catalog.CatalogFixtures.flatSpec;
import static dev.opengallery.catalog.CatalogFixtures.listed;
import static dev.opengallery.catalog.CatalogFixtures.product;
import static dev.opengallery.catalog.CatalogFixtures.profile;
import static dev.opengallery.support.Tokens.anonymous;
import static dev.opengallery.support.Tokens.customer;
import static dev.opengallery.support.Tokens.operator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.opengallery.support.Tokens;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** A seller with a license and a SaaS product on sale, buyers with money and orders, and ticket helpers. */
final class TicketFixtures {

    static final String BUYER = "/api/tickets/";
    static final String OPERATOR = "/api/operator/tickets/";
    static final String SELLER = "/api/seller/tickets/";
    static final byte[] PDF = "%PDF-1.4 invoice".getBytes();

    final String seller = Tokens.fresh("tk-seller");
    final String license;
    final String saas;
    final String draft;

    TicketFixtures() {
        profile(seller);
        license = listed(seller, product("LICENSE", "SECURITY", "Ticket AV", "x",
                List.of(flatSpec("Perpetual", "ONE_TIME", "300.00"))));
        saas = listed(seller, product("SAAS", "CRM", "Ticket CRM", "x",
                List.of(flatSpec("Basic", "MONTHLY", "50.00"))));
        Map<String, Object> d = product("LICENSE", "SECURITY", "Draft AV", "x",
                List.of(flatSpec("Perpetual", "ONE_TIME", "10.00")));
        draft = seller(seller).body(d).post("/api/seller/products").then().statusCode(201).extract().path("id");
    }

    static RequestSpecification seller(String subject) {
        return Tokens.seller(subject);
    }

    static String customerWith(String amount) {
        String c = Tokens.fresh("tk-cust");
        String id = accountIdOf(c);
        if (amount != null) {
            operator().body(Map.of("amount", amount, "reference", "tk-" + UUID.randomUUID()))
                    .post("/api/operator/accounts/" + id + "/top-up").then().statusCode(200);
        }
        return c;
    }

    static String accountIdOf(String customer) {
        return customer(customer).get("/api/account").then().statusCode(200).extract().path("id");
    }

    static String spec(String product) {
        return anonymous().get("/api/catalog/products/" + product).then().statusCode(200).extract()
                .path("specifications[0].id");
    }

    /** Places and pays an order; answers its id. */
    static String paidOrder(String customer, String product, String mode, String method) {
        Map<String, Object> o = new HashMap<>();
        o.put("productId", product);
        o.put("specificationId", spec(product));
        o.put("billingMode", mode);
        o.put("periods", 1);
        o.put("acceptTerms", true);
        o.put("paymentMethod", method);
        return customer(customer).body(o).post("/api/orders").then().statusCode(201).extract().path("id");
    }

    static RequestSpecification form(String subject, String role) {
        return RestAssured.given().auth().oauth2(Tokens.token(subject, role));
    }

    /** A ticket form with its fields (null values left out). */
    static RequestSpecification ticketForm(String customer, String category, String subject, String related,
            String relatedId) {
        RequestSpecification r = form(customer, "customer").multiPart("category", category)
                .multiPart("subject", subject).multiPart("description", "Details of " + subject);
        return related == null ? r : r.multiPart(related, relatedId);
    }

    /** Opens a ticket; answers its id. */
    static String open(String customer, String category, String related, String relatedId) {
        return ticketForm(customer, category, "Help " + UUID.randomUUID(), related, relatedId).post(BUYER).then()
                .statusCode(201).extract().path("ticket.id");
    }

    static Response operatorText(String action, String ticket, String text) {
        return operator().body(Map.of("text", text)).post(OPERATOR + ticket + "/" + action);
    }

    static UUID accountId(Pool pool, String subject) {
        return pool.preparedQuery("select id from account where subject = $1").execute(Tuple.of(subject))
                .await().indefinitely().iterator().next().getUUID("id");
    }

    static long count(Pool pool, String sql, Object... args) {
        return pool.preparedQuery(sql).execute(Tuple.from(args)).await().indefinitely().iterator().next().getLong(0);
    }

    /** Notifications of a kind to an account whose link leads to the ticket. */
    static long notices(Pool pool, UUID account, String ticket, String kind) {
        return count(pool, "select count(*) from notification where account_id = $1 and kind = $2 "
                + "and link like '%/' || $3", account, kind, ticket);
    }

    /** All notifications to an account about the ticket. */
    static long notices(Pool pool, UUID account, String ticket) {
        return count(pool, "select count(*) from notification where account_id = $1 and link like '%/' || $2",
                account, ticket);
    }
}
