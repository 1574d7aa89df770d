package dev.opengallery.core;

import static dev.opengallery.apps.AppFixtures.spec;
import static dev.opengallery.catalog.CatalogFixtures.create;
import static dev.opengallery.catalog.CatalogFixtures.flatSpec;
import static dev.opengallery.catalog.CatalogFixtures.listed;
import static dev.opengallery.catalog.CatalogFixtures.product;
import static dev.opengallery.catalog.CatalogFixtures.profile;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.opengallery.core.OpenApiOperations.Op;
import dev.opengallery.support.Tokens;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * Real objects the campaign's bad requests aim at, so that they reach body validation rather than stop at 404:
 * one subject per role; a seller with a profile, listed, draft and submitted products; a customer with money, a
 * VPC, a favorite, an unpaid and a paid order (a purchased app), an invoice request, a supervised order's flow and
 * a private offer (and its link's token); a milestone offer on a supervised service, the customer's order of it and
 * the order's first bill; that order's flow, with a request whose file is an attachment, rejected three times by
 * the seller and appealed by the buyer (an open appeal); and a second customer whose account the operator's account
 * operations aim at; an application requirement of the customer, published to the seller's category; a service ticket of the
 * customer on the paid order, with a file, the seller brought in. Also the
 * base body of each operation (a request the service would take), which the bad requests change one thing of.
 */
final class CampaignWorld {

    static final List<String> ROLES = List.of("anonymous", Roles.CUSTOMER, Roles.SELLER, Roles.OPERATOR, Roles.COMPUTE,
            Roles.PAYMENT);

    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final Map<String, String> subjects = new LinkedHashMap<>();
    final Map<String, String> tokens = new LinkedHashMap<>();
    private final Instant now;
    private final ObjectMapper json = new ObjectMapper();

    String saas, basic, pro, license, delistable, draft, submitted, sellerId;
    String customerAccount, otherAccount, vpc, favorite, unpaidOrder, paidOrder, subscription, invoice, flow, offer;
    String notification;
    /** The private offer's token, the milestone offer, its order, its first bill. */
    String offerToken, milestoneOffer, milestoneOrder, bill;
    /** The milestone order's flow (frozen by an open appeal), the attachment of its request, the appeal. */
    String appealedFlow, attachment, appeal;
    /** The customer's application requirement, published to the seller's category (CRM). */
    String requirement;
    /** The customer's service ticket on the paid order (with a file), the seller brought in; its attachment. */
    String ticket, ticketAttachment;

    CampaignWorld(Instant now) {
        this.now = now;
        for (String role : ROLES) {
            if (!role.equals("anonymous")) {
                subjects.put(role, "campaign-" + role + "-" + suffix);
            }
        }
        freshTokens();
    }

    /** New tokens for the same subjects (a token lives a few minutes; a slow machine's campaign may outlast it). */
    void freshTokens() {
        subjects.forEach((role, subject) -> tokens.put(role, Tokens.token(subject, role)));
    }

    private RequestSpecification as(String role) {
        return Tokens.as(subjects.get(role), role);
    }

    /** Creates the objects (and every role's account, so that no account is created during the campaign). */
    void build() {
        String seller = subjects.get(Roles.SELLER);
        profile(seller);
        saas = listed(seller, product("SAAS", "CRM", "Campaign CRM", "x", List.of(
                flat2("Basic", "300.00", "3000.00"), flat2("Pro", "600.00", "6000.00"))));
        basic = spec(saas, 0);
        pro = spec(saas, 1);
        sellerId = RestAssured.given().get("/api/catalog/products/" + saas).then().statusCode(200).extract()
                .path("seller.id");
        license = listed(seller, product("LICENSE", "SECURITY", "Campaign AV", "x",
                List.of(flatSpec("Perpetual", "ONE_TIME", "300.00"))));
        delistable = listed(seller, product("SAAS", "CRM", "Campaign Delistable", "x",
                List.of(flat2("B", "1.00", "10.00"))));
        draft = create(seller, productBody("Campaign Draft"));
        submitted = create(seller, productBody("Campaign Submitted"));
        as(Roles.SELLER).post("/api/seller/products/" + submitted + "/submit").then().statusCode(200);

        customerAccount = account(Roles.CUSTOMER);
        otherAccount = Tokens.customer("campaign-other-" + suffix).get("/api/account").then().statusCode(200).extract()
                .path("id");
        as(Roles.OPERATOR).body(Map.of("amount", "100000.00", "reference", "campaign-" + suffix))
                .post("/api/operator/accounts/" + customerAccount + "/top-up").then().statusCode(200);
        vpc = as(Roles.CUSTOMER).body(Map.of("name", "campaign-vpc", "cidr", "192.168.0.0/16"))
                .post("/api/account/vpcs").then().statusCode(201).extract().path("id");
        favorite = as(Roles.CUSTOMER).body(Map.of("productId", saas, "specificationId", basic)).post("/api/favorites")
                .then().statusCode(201).extract().path("id");
        unpaidOrder = order(saas, basic, "MONTHLY", null);
        paidOrder = order(saas, basic, "MONTHLY", "BALANCE");
        subscription = as(Roles.CUSTOMER).get("/api/apps").then().statusCode(200).extract().path("items[0].id");
        String licenseOrder = order(license, spec(license, 0), "ONE_TIME", "BALANCE");
        flow = as(Roles.CUSTOMER).get("/api/supervision/flows?orderId=" + licenseOrder).then().statusCode(200)
                .extract().path("items[0].id");
        invoice = as(Roles.CUSTOMER).body(Map.of("orderIds", List.of(paidOrder), "title", "Campaign Ltd", "taxId",
                "TAX-CAMPAIGN")).post("/api/invoices").then().statusCode(201).extract().path("id");
        var created = as(Roles.SELLER).body(offerBody()).post("/api/seller/offers").then().statusCode(201).extract();
        offer = created.path("id");
        offerToken = created.path("token");
        milestones(seller);
        requirement = as(Roles.CUSTOMER).body(requirementBody()).post("/api/requirements").then().statusCode(201)
                .extract().path("id");
        as(Roles.OPERATOR).post("/api/operator/requirements/" + requirement + "/publish").then().statusCode(200);
        var opened = form(Roles.CUSTOMER).multiPart("category", "CANNOT_CONTACT_SELLER")
                .multiPart("subject", "Campaign ticket").multiPart("description", "The seller does not answer")
                .multiPart("orderId", paidOrder)
                .multiPart("files", "campaign.pdf", "%PDF-1.4 campaign".getBytes(), "application/pdf")
                .post("/api/tickets").then().statusCode(201).extract();
        ticket = opened.path("ticket.id");
        ticketAttachment = opened.path("messages[0].attachments[0].id");
        as(Roles.OPERATOR).body(Map.of("text", "Seller, please answer"))
                .post("/api/operator/tickets/" + ticket + "/involve-seller").then().statusCode(200);
        notification = as(Roles.CUSTOMER).get("/api/inbox").then().statusCode(200).extract().path("items[0].id");
        for (String role : subjects.keySet()) {
            account(role);
        }
    }

    /**
     * A milestone offer (two milestones) on a supervised service, ordered by the customer (a postpaid account with
     * offer credit: bill 1 is generated), and the order's flow: the buyer's request carries a file, the seller
     * rejects it three times, and the buyer appeals.
     */
    private void milestones(String seller) {
        String service = listed(seller, product("PROFESSIONAL_SERVICE", "DATA_MIGRATION", "Campaign Migration", "x",
                List.of(flatSpec("Project", "ONE_TIME", "5000.00"))));
        String serviceSpec = spec(service, 0);
        as(Roles.OPERATOR).body(Map.of("creditLimit", "100.00"))
                .put("/api/operator/accounts/" + customerAccount + "/credit").then().statusCode(200);
        as(Roles.OPERATOR).body(Map.of("creditLimit", "10000.00"))
                .put("/api/operator/accounts/" + customerAccount + "/offer-credit").then().statusCode(200);
        Map<String, Object> o = new HashMap<>(Map.of("customerAccountId", customerAccount, "productId", service,
                "specificationId", serviceSpec, "billingMode", "ONE_TIME", "quantity", 1, "periods", 1,
                "discountType", "PERCENTAGE", "discountValue", 10, "expiresAt",
                now.plus(30, ChronoUnit.DAYS).toString()));
        o.put("milestones", List.of(50, 50));
        milestoneOffer = as(Roles.SELLER).body(o).post("/api/seller/offers").then().statusCode(201).extract()
                .path("id");
        Map<String, Object> order = orderBody(service, serviceSpec, "ONE_TIME");
        order.put("offerId", milestoneOffer);
        milestoneOrder = as(Roles.CUSTOMER).body(order).post("/api/orders").then().statusCode(201).extract()
                .path("id");
        bill = as(Roles.CUSTOMER).get("/api/milestone-bills?orderId=" + milestoneOrder).then().statusCode(200)
                .extract().path("[0].id");
        appealedFlow = as(Roles.CUSTOMER).get("/api/supervision/flows?orderId=" + milestoneOrder).then()
                .statusCode(200).extract().path("items[0].id");
        String flowPath = "/api/supervision/flows/" + appealedFlow;
        for (int i = 1; i <= 3; i++) {
            var form = form(Roles.CUSTOMER).multiPart("request", "Source: PostgreSQL\nTarget: campaign " + i);
            if (i == 1) {
                form = form.multiPart("files", "campaign.pdf", "%PDF-1.4 campaign".getBytes(), "application/pdf");
            }
            var submitted = form.post(flowPath + "/request").then().statusCode(200).extract();
            if (i == 1) {
                attachment = submitted.path("operations[0].attachments[0].id");
            }
            as(Roles.SELLER).body(Map.of("reason", "Which target?"))
                    .post("/api/seller/supervision/flows/" + appealedFlow + "/reject-request").then().statusCode(200);
        }
        appeal = as(Roles.CUSTOMER).body(Map.of("reason", "Rejected three times"))
                .post(flowPath + "/appeal").then().statusCode(200).extract().path("flow.openAppealId");
        // the ids the campaign aims at are real: each is found by its own operation
        as(Roles.CUSTOMER).get(flowPath + "/attachments/" + attachment).then().statusCode(200);
        as(Roles.SELLER).get("/api/seller/supervision/flows/" + appealedFlow + "/attachments/" + attachment).then()
                .statusCode(200);
        as(Roles.OPERATOR).get("/api/operator/supervision/flows/" + appealedFlow + "/attachments/" + attachment)
                .then().statusCode(200);
        as(Roles.OPERATOR).get("/api/operator/supervision/appeals/" + appeal).then().statusCode(200);
        as(Roles.CUSTOMER).get("/api/offers/by-token/" + offerToken).then().statusCode(200);
    }

    private RequestSpecification form(String role) {
        return RestAssured.given().auth().oauth2(tokens.get(role));
    }

    private String account(String role) {
        // any signed-in user may read the inbox; the first request of a subject creates its account
        as(role).get("/api/inbox").then().statusCode(200);
        return role.equals(Roles.CUSTOMER) ? as(role).get("/api/account").then().statusCode(200).extract().path("id")
                : null;
    }

    private String order(String product, String spec, String mode, String payment) {
        Map<String, Object> o = orderBody(product, spec, mode);
        if (payment != null) {
            o.put("paymentMethod", payment);
        }
        return as(Roles.CUSTOMER).body(o).post("/api/orders").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> orderBody(String product, String spec, String mode) {
        Map<String, Object> o = new HashMap<>();
        o.put("productId", product);
        o.put("specificationId", spec);
        o.put("billingMode", mode);
        o.put("quantity", 1);
        o.put("periods", 1);
        o.put("acceptTerms", true);
        return o;
    }

    private Map<String, Object> offerBody() {
        Map<String, Object> o = new HashMap<>(Map.of("customerAccountId", customerAccount, "productId", saas,
                "specificationId", basic, "billingMode", "MONTHLY", "discountType", "PERCENTAGE", "discountValue", 10,
                "expiresAt", now.plus(30, ChronoUnit.DAYS).toString()));
        o.put("quantity", 1);
        o.put("periods", 1);
        return o;
    }

    private static Map<String, Object> requirementBody() {
        return Map.of("description", "A CRM for the campaign", "categoryCode", "CRM", "company", "Campaign Ltd",
                "email", "buyer@campaign.example", "budgetMin", 100, "budgetMax", 1000, "currency", "USD");
    }

    private Map<String, Object> answerBody() {
        Map<String, Object> o = new HashMap<>(offerBody());
        o.remove("customerAccountId");
        return o;
    }

    private static Map<String, Object> productBody(String name) {
        return product("SAAS", "CRM", name, "x", List.of(flat2("Basic", "300.00", "3000.00")));
    }

    private static Map<String, Object> flat2(String name, String monthly, String yearly) {
        return new HashMap<>(Map.of("name", name, "pricingModel", "FLAT", "prices", List.of(
                Map.of("billingMode", "MONTHLY", "unitPrice", monthly),
                Map.of("billingMode", "YEARLY", "unitPrice", yearly))));
    }

    /** The role an operation is meant for (the one that gets the oversized requests). */
    static String primaryRole(String path) {
        if (path.startsWith("/api/seller/")) {
            return Roles.SELLER;
        }
        if (path.startsWith("/api/operator/")) {
            return Roles.OPERATOR;
        }
        if (path.startsWith("/api/compute/")) {
            return Roles.COMPUTE;
        }
        return path.startsWith("/api/payments/") ? Roles.PAYMENT : Roles.CUSTOMER;
    }

    /**
     * The real object a path parameter names (a random id where the campaign has none of that kind). The flow
     * operations aim at the license order's flow (waiting for the seller), except the attachment downloads, which aim
     * at the appealed flow that holds the attachment.
     */
    String pathId(String path, String param) {
        if (param.equals("attachmentId")) {
            return path.contains("/tickets/") ? ticketAttachment : attachment;
        }
        if (param.equals("token")) {
            return offerToken;
        }
        if (path.contains("/tickets/")) {
            return ticket;
        }
        if (path.contains("/attachments/")) {
            // an attachment is named through its own flow
            return appealedFlow;
        }
        String[][] map = { { "/api/milestone-bills/", bill }, { "/api/operator/supervision/appeals/", appeal },
                { "/api/account/vpcs/", vpc }, { "/api/apps/", subscription }, { "/api/renewals/", subscription },
                { "/api/seller/apps/", subscription }, { "/api/catalog/products/", saas },
                { "/api/catalog/sellers/", sellerId }, { "/api/favorites/", favorite }, { "/api/inbox/", notification },
                { "/api/invoices/", invoice }, { "/api/operator/invoices/", invoice }, { "/api/offers/", offer },
                { "/api/seller/offers/", offer }, { "/api/operator/accounts/", otherAccount },
                { "/api/operator/orders/", unpaidOrder }, { "/api/orders/", unpaidOrder },
                { "/api/seller/orders/", unpaidOrder }, { "/api/operator/products/{id}/delist", delistable },
                { "/api/operator/products/", submitted }, { "/api/seller/products/", draft },
                { "/api/operator/supervision/flows/", flow }, { "/api/seller/supervision/flows/", flow },
                { "/api/supervision/flows/", flow }, { "/api/requirements/", requirement },
                { "/api/seller/requirements/", requirement }, { "/api/operator/requirements/", requirement } };
        for (String[] m : map) {
            if (path.startsWith(m[0]) && m[1] != null) {
                return m[1];
            }
        }
        return UUID.randomUUID().toString();
    }

    String requiredQuery(String name) {
        return switch (name) {
            case "subject" -> subjects.get(Roles.CUSTOMER);
            case "month" -> "2026-11";
            default -> "campaign";
        };
    }

    /** The body the service would take for this operation (generated from the schema where nothing better is known). */
    JsonNode baseBody(Op op, BodyMutations bodies) {
        Object known = switch (op.bodySchemaName() == null ? "" : op.bodySchemaName()) {
            case "OrderRequest" -> orderBody(saas, basic, "MONTHLY");
            case "QuoteRequest" -> Map.of("specificationId", basic, "billingMode", "MONTHLY", "quantity", 1,
                    "periods", 1);
            case "FavoriteRequest" -> Map.of("productId", saas, "specificationId", basic);
            case "ProductRequest" -> productBody("Campaign Product");
            case "OfferRequest" -> offerBody();
            case "RequirementRequest" -> requirementBody();
            case "RequirementAnswerRequest" -> answerBody();
            case "RequirementRejection" -> Map.of("reason", "Campaign reason");
            case "PayRequest" -> Map.of("method", "BALANCE");
            case "TopUpRequest" -> Map.of("amount", 10, "reference", "campaign-operator-" + suffix);
            case "ProviderTopUp" -> Map.of("accountId", otherAccount, "amount", 10, "reference",
                    "campaign-pay-" + suffix);
            case "CreditRequest" -> Map.of("creditLimit", 100);
            case "ResellerRequest" -> Map.of("reseller", "Campaign Partners");
            // an ECS the service does not know: an event whose bad part is overlooked is still refused (404)
            case "EcsEvent" -> ecsEvent();
            case "EcsEventBatch" -> Map.of("events", List.of(ecsEvent()));
            case "InvoiceRequest" -> Map.of("orderIds", List.of(paidOrder), "title", "Campaign Ltd", "taxId", "TAX-2");
            case "UpgradeRequest" -> Map.of("specificationId", pro, "quantity", 1);
            case "SellerProfileRequest" -> Map.of("companyName", "Campaign Seller", "serviceEmail",
                    "s@campaign.example", "servicePhone", "+1 415 555 0100", "supportRange", "Mon-Fri");
            case "VpcRequest" -> Map.of("name", "campaign-vpc-2", "cidr", "10.0.0.0/16");
            case "ApplicationInfoRequest" -> Map.of("username", "admin", "managementUrl",
                    "https://crm.campaign.example");
            case "FlowAccept" -> Map.of("confirmNoUnsubscribe", true);
            case "FlowReason" -> Map.of("reason", "Campaign reason");
            case "BillPayRequest" -> Map.of("method", "BALANCE");
            case "AppealDecision" -> Map.of("decision", "RESUME", "note", "Campaign decision");
            default -> null;
        };
        return known != null ? json.valueToTree(known) : bodies.baseObject(op.body());
    }

    private Map<String, Object> ecsEvent() {
        return Map.of("id", "evt-campaign-" + suffix, "type", "SUSPENDED", "ecsId", "ecs-campaign-unknown",
                "occurredAt", now.toString());
    }

    /** The text fields of a multipart form the service would take. */
    Map<String, String> baseForm(Op op) {
        Map<String, String> form = new LinkedHashMap<>();
        if (op.path().endsWith("/deliver")) {
            form.put("note", "Delivered by the campaign");
        } else if (op.path().equals("/api/tickets")) {
            form.put("category", "OTHER");
            form.put("subject", "Campaign question");
            form.put("description", "Asked by the campaign");
        } else if (op.path().endsWith("/replies")) {
            form.put("text", "Answered by the campaign");
        } else {
            form.put("request", "Company name: Campaign\nAdministrator e-mail: a@campaign.example");
        }
        return form;
    }
}
