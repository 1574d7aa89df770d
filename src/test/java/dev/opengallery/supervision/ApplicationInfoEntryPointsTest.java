package dev.opengallery.supervision;

import static dev.opengallery.supervision.SupervisionFixtures.*;
import static dev.opengallery.support.Tokens.customer;
import static dev.opengallery.support.Tokens.seller;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * SaaS application information reaches the purchased app two ways, the seller's app endpoint and a supervised
 * delivery; both apply the one rule of the apps feature (required fields, a field left out keeps what was supplied,
 * one history, one audited reveal).
 */
@QuarkusTest
class ApplicationInfoEntryPointsTest {

    static final String BUYER = "/api/supervision/flows/";
    static final String SELLER = "/api/seller/supervision/flows/";

    @Inject
    Pool pool;

    static SupervisionFixtures f;

    @BeforeEach
    void catalogue() {
        if (f == null) {
            f = new SupervisionFixtures();
        }
    }

    private Row stored(UUID order) {
        return pool.preparedQuery("""
                select id, app_username, app_management_url, app_frontend_url, app_guide_url, app_password is not null as set
                from subscription where order_id = $1""").execute(Tuple.of(order)).await().indefinitely().iterator().next();
    }

    private List<String> history(UUID subscription) {
        List<String> kinds = new ArrayList<>();
        pool.preparedQuery("select kind from subscription_event where subscription_id = $1 and kind like 'APP_INFO%' order by id")
                .execute(Tuple.of(subscription)).await().indefinitely().forEach(r -> kinds.add(r.getString("kind")));
        return kinds;
    }

    private static Map<String, Object> info(String username, String password, String frontend) {
        Map<String, Object> m = new HashMap<>();
        m.put("username", username);
        m.put("managementUrl", "https://admin.crm.example/acme");
        if (password != null) {
            m.put("password", password);
        }
        if (frontend != null) {
            m.put("frontendUrl", frontend);
        }
        return m;
    }

    @Test
    void theSellersAppEndpointAndASupervisedDeliveryApplyTheSameRule() {
        String c = customerWith("2000.00");

        // through supervision: first delivery without a password is refused, then supplied, rejected, delivered again
        // with the username only
        String deliveredOrder = paidOrder(c, f.saas);
        String flow = flowOf(c, deliveredOrder);
        buyerForm(c).multiPart("request", "Company name: ACME").post(BUYER + flow + "/request").then().statusCode(200);
        sellerForm(f.seller).multiPart("note", "Ready").multiPart("username", "admin")
                .multiPart("managementUrl", "https://admin.crm.example/acme").post(SELLER + flow + "/deliver").then()
                .statusCode(400).body("errors[0].field", is("password"));
        sellerForm(f.seller).multiPart("note", "Ready").multiPart("username", "admin").multiPart("password", "First#1")
                .multiPart("managementUrl", "https://admin.crm.example/acme")
                .multiPart("frontendUrl", "https://acme.crm.example").post(SELLER + flow + "/deliver").then()
                .statusCode(200);
        customer(c).body(Map.of("reason", "Please use the owner account")).post(BUYER + flow + "/reject").then()
                .statusCode(200).body("flow.state", is("WAITING_FOR_SELLER"));
        sellerForm(f.seller).multiPart("note", "Owner account now").multiPart("username", "owner")
                .post(SELLER + flow + "/deliver").then().statusCode(200);

        // through the seller's app endpoint, on another order of the same product: the same two supplies
        String suppliedOrder = paidOrder(c, f.saas);
        UUID supplied = stored(UUID.fromString(suppliedOrder)).getUUID("id");
        seller(f.seller).body(info("admin", null, null)).put("/api/seller/apps/" + supplied + "/application-info")
                .then().statusCode(400).body("errors[0].field", is("password"));
        seller(f.seller).body(info("admin", "First#1", "https://acme.crm.example"))
                .put("/api/seller/apps/" + supplied + "/application-info").then().statusCode(200);
        seller(f.seller).body(info("owner", null, null)).put("/api/seller/apps/" + supplied + "/application-info")
                .then().statusCode(200).body("application.frontendUrl", is("https://acme.crm.example"));

        Row viaFlow = stored(UUID.fromString(deliveredOrder));
        Row viaApp = stored(UUID.fromString(suppliedOrder));
        for (String column : List.of("app_username", "app_management_url", "app_frontend_url", "app_guide_url")) {
            assertEquals(viaApp.getString(column), viaFlow.getString(column), column);
        }
        assertEquals("owner", viaFlow.getString("app_username"));
        assertEquals("https://acme.crm.example", viaFlow.getString("app_frontend_url"), "left out: kept");
        assertEquals(List.of("APP_INFO_SUPPLIED", "APP_INFO_UPDATED"), history(viaFlow.getUUID("id")));
        assertEquals(history(viaFlow.getUUID("id")), history(supplied));

        // the password kept by both, revealed by the one audited reveal
        customer(c).post(BUYER + flow + "/application-info/password").then().statusCode(200)
                .body("password", is("First#1"));
        customer(c).post(BUYER + flowOf(c, suppliedOrder) + "/application-info/password").then().statusCode(200)
                .body("password", is("First#1"));
        assertEquals(2, count(pool, "select count(*) from app_password_reveal where subscription_id in ($1, $2) "
                + "and outcome = 'REVEALED'", viaFlow.getUUID("id"), supplied));
    }
}
