package dev.opengallery.requirements;

import static dev.opengallery.catalog.CatalogFixtures.*;
import static dev.opengallery.support.Tokens.fresh;
import static org.hamcrest.Matchers.*;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.opengallery.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Every requirement endpoint by role and owner: anonymous 401, another role 403, another owner (another customer,
 * a seller of another category) 404, and nothing changes on a refused request; the right role and owner succeed.
 */
@QuarkusTest
class RequirementAuthorizationTest {

    static final List<String> ROLES = List.of("customer", "seller", "operator", "compute", "payment");

    record Call(String method, String path, Object body) {
        ValidatableResponse as(RequestSpecification who) {
            RequestSpecification r = body == null ? who : who.body(body);
            return (method.equals("GET") ? r.get(path) : r.post(path)).then();
        }
    }

    static RequestSpecification anonymous() {
        return Tokens.anonymous();
    }

    /** Anonymous 401, every role but {@code allowed} 403, each a problem document. */
    static void onlyFor(String allowed, Call call) {
        call.as(anonymous()).statusCode(401);
        for (String role : ROLES) {
            if (!role.equals(allowed)) {
                call.as(Tokens.as(fresh("intruder"), role)).statusCode(403)
                        .contentType(containsString("application/problem+json"));
            }
        }
    }

    static String state(String id) {
        return Tokens.operator().get("/api/operator/requirements/" + id).then().statusCode(200).extract().path("state");
    }

    @Test
    void everyEndpointByRoleAndOwner() {
        String seller = fresh("auth-seller");
        profile(seller);
        String product = listed(seller, product("SAAS", "TESTING", "Auth Tester", "x", List.of(tieredSpec("Team", "TIERED"))));
        String spec = Tokens.customer("anyone").get("/api/catalog/products/" + product).then().extract()
                .path("specifications[0].id");
        String otherSeller = fresh("auth-other-seller");
        profile(otherSeller);
        listed(otherSeller, product("SAAS", "CRM", "Auth CRM", "x", List.of(tieredSpec("Team", "TIERED"))));
        String buyer = fresh("auth-buyer");
        String otherBuyer = fresh("auth-other-buyer");
        Function<String, RequestSpecification> customer = Tokens::customer;
        Map<String, Object> body = Map.of("description", "A test runner", "categoryCode", "TESTING");
        Map<String, Object> answer = Map.of("productId", product, "specificationId", spec, "billingMode", "MONTHLY",
                "quantity", 5, "periods", 1, "discountType", "PERCENTAGE", "discountValue", 10,
                "expiresAt", "2026-12-25T00:00:00Z");
        String unknown = UUID.randomUUID().toString();

        // customer: post, list, get, close
        Call post = new Call("POST", "/api/requirements", body);
        onlyFor("customer", post);
        String id = post.as(customer.apply(buyer)).statusCode(201).extract().path("id");
        Call list = new Call("GET", "/api/requirements", null);
        onlyFor("customer", list);
        list.as(customer.apply(buyer)).statusCode(200).body("items.id", contains(id));
        list.as(customer.apply(otherBuyer)).statusCode(200).body("total", is(0));
        Call get = new Call("GET", "/api/requirements/" + id, null);
        onlyFor("customer", get);
        get.as(customer.apply(otherBuyer)).statusCode(404).contentType(containsString("application/problem+json"));
        new Call("GET", "/api/requirements/" + unknown, null).as(customer.apply(buyer)).statusCode(404);
        get.as(customer.apply(buyer)).statusCode(200).body("id", is(id));

        // operator: list, get, publish, reject (a refused request changes nothing)
        Call opList = new Call("GET", "/api/operator/requirements?state=SUBMITTED&categoryCode=TESTING&size=100", null);
        onlyFor("operator", opList);
        opList.as(Tokens.operator()).statusCode(200).body("items.id", hasItem(id));
        Call opGet = new Call("GET", "/api/operator/requirements/" + id, null);
        onlyFor("operator", opGet);
        opGet.as(Tokens.operator()).statusCode(200).body("email", nullValue(), "accountId", notNullValue());
        new Call("GET", "/api/operator/requirements/" + unknown, null).as(Tokens.operator()).statusCode(404);
        Call reject = new Call("POST", "/api/operator/requirements/" + id + "/reject", Map.of("reason", "no"));
        onlyFor("operator", reject);
        Call publish = new Call("POST", "/api/operator/requirements/" + id + "/publish", null);
        onlyFor("operator", publish);
        new Call("POST", "/api/operator/requirements/" + unknown + "/publish", null).as(Tokens.operator()).statusCode(404);
        new Call("POST", "/api/operator/requirements/" + unknown + "/reject", Map.of("reason", "no"))
                .as(Tokens.operator()).statusCode(404);
        org.junit.jupiter.api.Assertions.assertEquals("SUBMITTED", state(id));
        publish.as(Tokens.operator()).statusCode(200).body("state", is("PUBLISHED"));

        // seller: list, get, answer; a seller of another category sees nothing
        Call sList = new Call("GET", "/api/seller/requirements?size=100", null);
        onlyFor("seller", sList);
        sList.as(Tokens.seller(seller)).statusCode(200).body("items.id", hasItem(id));
        sList.as(Tokens.seller(otherSeller)).statusCode(200).body("items.id", not(hasItem(id)));
        Call sGet = new Call("GET", "/api/seller/requirements/" + id, null);
        onlyFor("seller", sGet);
        sGet.as(Tokens.seller(otherSeller)).statusCode(404);
        sGet.as(Tokens.seller(fresh("auth-no-products"))).statusCode(404);
        new Call("GET", "/api/seller/requirements/" + unknown, null).as(Tokens.seller(seller)).statusCode(404);
        sGet.as(Tokens.seller(seller)).statusCode(200).body("id", is(id));
        Call sAnswer = new Call("POST", "/api/seller/requirements/" + id + "/offers", answer);
        onlyFor("seller", sAnswer);
        sAnswer.as(Tokens.seller(otherSeller)).statusCode(404);
        new Call("POST", "/api/seller/requirements/" + unknown + "/offers", answer).as(Tokens.seller(seller))
                .statusCode(404);
        get.as(customer.apply(buyer)).body("answers", empty());
        sAnswer.as(Tokens.seller(seller)).statusCode(201).body("requirementId", is(id));
        get.as(customer.apply(buyer)).body("answers.size()", is(1));

        // the buyer's close, last: another customer's is 404 and changes nothing
        Call close = new Call("POST", "/api/requirements/" + id + "/close", null);
        onlyFor("customer", close);
        close.as(customer.apply(otherBuyer)).statusCode(404);
        new Call("POST", "/api/requirements/" + unknown + "/close", null).as(customer.apply(buyer)).statusCode(404);
        org.junit.jupiter.api.Assertions.assertEquals("PUBLISHED", state(id));
        close.as(customer.apply(buyer)).statusCode(200).body("state", is("CLOSED"));

        // the job: operators and the scheduler only
        Call job = new Call("POST", "/api/operator/jobs/requirements-expiry/run", null);
        job.as(anonymous()).statusCode(401);
        for (String role : List.of("customer", "seller", "compute", "payment")) {
            job.as(Tokens.as(fresh("intruder"), role)).statusCode(403);
        }
        job.as(Tokens.operator()).statusCode(200);
    }
}
