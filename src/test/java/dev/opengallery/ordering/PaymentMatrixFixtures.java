package dev.opengallery.ordering;

import static dev.opengallery.support.Tokens.customer;
import static dev.opengallery.support.Tokens.operator;
import static dev.opengallery.support.Tokens.seller;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.opengallery.apps.AppFixtures;
import dev.opengallery.support.Tokens;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The orders of the payment matrix, one of each kind, for fresh buyers: what each kind needs before it can be
 * placed (a reseller, credit, an offer, a purchased app, a VPC) and the request that places it.
 */
final class PaymentMatrixFixtures {

    /** The kinds of order the domain rules distinguish for paying. */
    enum Kind {
        ORDINARY, PRIVATE_OFFER, MILESTONE, RESELLER_CUSTOMER, PAY_PER_USE_IMAGE, IMAGE, UPGRADE, EXPANSION, RENEWAL;

        boolean change() {
            return this == UPGRADE || this == EXPANSION || this == RENEWAL;
        }
    }

    /** A buyer ready to place an order of one kind. {@code app}: the purchased app a change order is for. */
    record Buyer(String subject, String accountId, String offerId, String app) {
    }

    final AppFixtures apps;
    final Pool pool;

    PaymentMatrixFixtures(AppFixtures apps, Pool pool) {
        this.apps = apps;
        this.pool = pool;
    }

    /**
     * A new buyer for {@code kind}. A buyer who pays on CREDIT has no balance and a credit line of 3000.00, so the
     * payment really runs on credit; every other buyer has 5000.00 on the balance.
     */
    Buyer buyer(Kind kind, String method) {
        String c = Tokens.fresh("matrix-" + kind.name().toLowerCase());
        String account = AppFixtures.accountId(c);
        if ("CREDIT".equals(method) || kind == Kind.MILESTONE) {
            operator().body(Map.of("creditLimit", "3000.00")).put("/api/operator/accounts/" + account + "/credit")
                    .then().statusCode(200);
        }
        if (!"CREDIT".equals(method)) {
            AppFixtures.topUp(c, "5000.00");
        }
        String offer = null;
        String app = null;
        switch (kind) {
            case RESELLER_CUSTOMER -> operator().body(Map.of("reseller", "Matrix Partners"))
                    .put("/api/operator/accounts/" + account + "/reseller").then().statusCode(200);
            case PRIVATE_OFFER -> offer = offer(account, apps.saas, apps.basic, "MONTHLY", 1, null);
            case MILESTONE -> {
                operator().body(Map.of("creditLimit", "5000.00")).put("/api/operator/accounts/" + account
                        + "/offer-credit").then().statusCode(200);
                offer = offer(account, apps.license, AppFixtures.spec(apps.license), "YEARLY", 1, List.of(50, 50));
            }
            case UPGRADE, RENEWAL -> app = appOf(c, AppFixtures.order(apps.saas, apps.basic, "MONTHLY", null, 1));
            case EXPANSION -> app = appOf(c, AppFixtures.order(apps.tiered, AppFixtures.spec(apps.tiered), "MONTHLY", 5, 1));
            default -> {
            }
        }
        return new Buyer(c, account, offer, app);
    }

    /** Buys an app for a change order, paid from the balance, or on credit when the buyer has no balance. */
    private String appOf(String customer, Map<String, Object> order) {
        if (balance(AppFixtures.accountId(customer)).signum() == 0) {
            order.put("paymentMethod", "CREDIT");
        }
        return AppFixtures.buyApp(pool, customer, order);
    }

    /** A private offer of the matrix's seller: 10 % off; milestones make it a milestone offer. */
    private String offer(String account, String product, String spec, String mode, int quantity, List<Integer> milestones) {
        Map<String, Object> o = new HashMap<>();
        o.put("customerAccountId", account);
        o.put("productId", product);
        o.put("specificationId", spec);
        o.put("billingMode", mode);
        o.put("quantity", quantity);
        o.put("periods", 1);
        o.put("discountType", "PERCENTAGE");
        o.put("discountValue", "10");
        o.put("expiresAt", "2026-12-25T00:00:00Z");
        if (milestones != null) {
            o.put("milestones", milestones);
        }
        return seller(apps.seller).body(o).post("/api/seller/offers").then().statusCode(201).extract().path("id");
    }

    /** Places the buyer's order of {@code kind}, naming {@code method} (null: names none). */
    Response place(Kind kind, Buyer b, String method) {
        Map<String, Object> body;
        String path = "/api/orders";
        switch (kind) {
            case PRIVATE_OFFER -> {
                body = AppFixtures.order(apps.saas, apps.basic, "MONTHLY", 1, 1);
                body.put("offerId", b.offerId());
            }
            case MILESTONE -> {
                body = AppFixtures.order(apps.license, AppFixtures.spec(apps.license), "YEARLY", 1, 1);
                body.put("offerId", b.offerId());
            }
            case PAY_PER_USE_IMAGE, IMAGE -> {
                body = AppFixtures.order(apps.image, AppFixtures.spec(apps.image),
                        kind == Kind.IMAGE ? "MONTHLY" : "PAY_PER_USE", null, 1);
                if (kind == Kind.PAY_PER_USE_IMAGE) {
                    body.remove("periods");
                }
                body.put("ecs", Map.of("vpcId", OrderFixtures.vpc(b.subject()), "securityGroup", "web-80-443",
                        "password", "Gallery#2026"));
            }
            case UPGRADE -> {
                body = new HashMap<>(Map.of("specificationId", apps.pro));
                path = "/api/apps/" + b.app() + "/upgrade";
            }
            case EXPANSION -> {
                body = new HashMap<>(Map.of("addedQuantity", 3));
                path = "/api/apps/" + b.app() + "/expansion";
            }
            case RENEWAL -> {
                // a renewal names the term it renews (the app's current expiry)
                String expiry = customer(b.subject()).get("/api/apps/" + b.app()).then().statusCode(200).extract()
                        .path("expiresAt");
                body = new HashMap<>(Map.of("periods", 1, "renewsFrom", expiry));
                path = "/api/renewals/" + b.app();
            }
            default -> body = AppFixtures.order(apps.saas, apps.basic, "MONTHLY", null, 1);
        }
        body.remove("paymentMethod");
        if (method != null) {
            body.put("paymentMethod", method);
        }
        return customer(b.subject()).body(body).post(path);
    }

    /** What the account's ledger holds: its number of entries and their sum. */
    record Books(long entries, BigDecimal sum) {
    }

    Books books(String accountId) {
        var r = pool.preparedQuery("select count(*) as n, coalesce(sum(amount), 0) as s from ledger_entry where account_id = $1")
                .execute(Tuple.of(UUID.fromString(accountId))).await().indefinitely().iterator().next();
        return new Books(r.getLong("n"), r.getBigDecimal("s"));
    }

    BigDecimal balance(String accountId) {
        return pool.preparedQuery("select balance from account where id = $1").execute(Tuple.of(UUID.fromString(accountId)))
                .await().indefinitely().iterator().next().getBigDecimal("balance");
    }

    /** The sum of the order's ledger entries of one kind (PAYMENT negative, REFUND positive). */
    BigDecimal ledger(String orderId, String kind) {
        return pool.preparedQuery("select coalesce(sum(amount), 0) as s from ledger_entry where order_id = $1 and kind = $2")
                .execute(Tuple.of(UUID.fromString(orderId), kind)).await().indefinitely().iterator().next()
                .getBigDecimal("s");
    }

    long orders(String accountId) {
        return AppFixtures.count(pool, "select count(*) from customer_order where account_id = $1", UUID.fromString(accountId));
    }
}
