package dev.opengallery.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.opengallery.client.api.CatalogueApi;
import dev.opengallery.client.api.CustomerAccountApi;
import dev.opengallery.client.api.CustomerOrdersApi;
import dev.opengallery.client.api.CustomerPurchasedAppsApi;
import dev.opengallery.client.api.OperatorAccountsApi;
import dev.opengallery.client.api.OperatorOrdersApi;
import dev.opengallery.client.api.OperatorProductReviewApi;
import dev.opengallery.client.api.SellerProductsApi;
import dev.opengallery.client.api.SellerProfileApi;
import dev.opengallery.client.model.Account;
import dev.opengallery.client.model.AppStatus;
import dev.opengallery.client.model.BillingMode;
import dev.opengallery.client.model.ChangeQuote;
import dev.opengallery.client.model.ChangeResult;
import dev.opengallery.client.model.EcsRequest;
import dev.opengallery.client.model.LedgerEntry;
import dev.opengallery.client.model.Order;
import dev.opengallery.client.model.OrderQuote;
import dev.opengallery.client.model.OrderRequest;
import dev.opengallery.client.model.OrderState;
import dev.opengallery.client.model.PayRequest;
import dev.opengallery.client.model.PaymentAudit;
import dev.opengallery.client.model.PaymentMethod;
import dev.opengallery.client.model.PriceRequest;
import dev.opengallery.client.model.PricingModel;
import dev.opengallery.client.model.Product;
import dev.opengallery.client.model.ProductRequest;
import dev.opengallery.client.model.ProductSearchPage;
import dev.opengallery.client.model.ProductStatus;
import dev.opengallery.client.model.ProductType;
import dev.opengallery.client.model.ProductSummary;
import dev.opengallery.client.model.PurchasedApp;
import dev.opengallery.client.model.Quote;
import dev.opengallery.client.model.QuoteRequest;
import dev.opengallery.client.model.SearchSort;
import dev.opengallery.client.model.Specification;
import dev.opengallery.client.model.SellerProfileRequest;
import dev.opengallery.client.model.SpecificationRequest;

import dev.opengallery.client.model.TopUpRequest;
import dev.opengallery.client.model.UnsubscribeRequest;
import dev.opengallery.client.model.UnsubscriptionQuote;
import dev.opengallery.client.model.UnsubscriptionResult;
import dev.opengallery.client.model.UpgradeRequest;
import dev.opengallery.client.model.VpcRequest;
import dev.opengallery.support.LedgerCheck;
import dev.opengallery.support.TestClock;
import dev.opengallery.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The buyer journey through the client generated from the OpenAPI document (see pom.xml and
 * {@link OpenApiSnapshotTest}): a seller lists a SaaS product and an image, an operator approves them and tops the
 * buyer up, and the buyer searches, quotes, orders (retrying with its Idempotency-Key), pays, finds its purchased
 * apps, upgrades the SaaS app and unsubscribes the image. Every call goes through the generated API classes with a
 * real OIDC token per actor; nothing here writes HTTP by hand.
 */
@QuarkusTest
class GeneratedClientJourneyTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    Pool pool;

    @Inject
    TestClock clock;

    @BeforeEach
    void startOfTheDay() {
        clock.reset(); // 2026-11-25T10:00Z: a monthly term is 25 Nov - 25 Dec, 30 days
    }

    @AfterEach
    void booksBalance() {
        LedgerCheck.balancesEqualLedgers(pool);
    }

    /** A client of the service signed in as that subject with those roles. */
    ApiClient as(String subject, String... roles) {
        String bearer = "Bearer " + Tokens.token(subject, roles);
        ApiClient client = new ApiClient();
        client.updateBaseUri(base.toString().replaceAll("/$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", bearer));
        return client;
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2).toPlainString();
    }

    static PriceRequest price(BillingMode mode, String unitPrice) {
        return new PriceRequest().billingMode(mode).unitPrice(new BigDecimal(unitPrice));
    }

    static SpecificationRequest flat(String name, PriceRequest... prices) {
        return new SpecificationRequest().name(name).pricingModel(PricingModel.FLAT).prices(List.of(prices));
    }

    @Test
    void aBuyerFindsBuysPaysUpgradesAndUnsubscribesThroughTheGeneratedClient() throws ApiException {
        String word = "journey" + UUID.randomUUID().toString().substring(0, 8).replaceAll("[0-9]", "x");
        String sellerName = Tokens.fresh("client-seller");
        String buyerName = Tokens.fresh("client-buyer");
        ApiClient seller = as(sellerName, "seller");
        ApiClient operator = as("client-operator", "operator");
        ApiClient buyer = as(buyerName, "customer");

        // the seller sets up its profile and lists a SaaS product and an image for review
        new SellerProfileApi(seller).saveSellerProfile(new SellerProfileRequest().companyName("Company of Journey Apps")
                .serviceEmail("support@journey.example").servicePhone("+1 415 555 0100")
                .supportRange("Mon-Fri 09:00-18:00 UTC"));
        SellerProductsApi sellerProducts = new SellerProductsApi(seller);
        Product crm = sellerProducts.createProduct(new ProductRequest().type(ProductType.SAAS)
                .categoryCode("CRM").name("Journey CRM " + word).summary("A CRM for the " + word + " team")
                .description("Contacts, pipelines and reports").tags(List.of(word, "crm"))
                .guideUrl("https://docs.example.com/journey-crm")
                .specifications(List.of(
                        flat("Basic", price(BillingMode.MONTHLY, "300.00"), price(BillingMode.YEARLY, "3000.00")),
                        flat("Pro", price(BillingMode.MONTHLY, "600.00"), price(BillingMode.YEARLY, "6000.00")))));
        Product lamp = sellerProducts.createProduct(new ProductRequest().type(ProductType.IMAGE)
                .categoryCode("RUNTIME_ENVIRONMENT").name("Journey LAMP " + word).summary("LAMP stack for " + word)
                .description("Linux, Apache, MySQL, PHP").tags(List.of(word, "lamp"))
                .guideUrl("https://docs.example.com/journey-lamp").securityGroups(List.of("web-80-443"))
                .specifications(List.of(flat("Std", price(BillingMode.PAY_PER_USE, "0.25"),
                        price(BillingMode.MONTHLY, "30.00"), price(BillingMode.YEARLY, "300.00")))));
        assertEquals(ProductStatus.DRAFT, crm.getStatus());
        assertEquals(ProductStatus.IN_REVIEW, sellerProducts.submitProduct(crm.getId()).getStatus());
        assertEquals(ProductStatus.IN_REVIEW, sellerProducts.submitProduct(lamp.getId()).getStatus());

        // the operator approves both
        OperatorProductReviewApi review = new OperatorProductReviewApi(operator);
        assertEquals(ProductStatus.LISTED, review.approveProduct(crm.getId()).getStatus());
        assertEquals(ProductStatus.LISTED, review.approveProduct(lamp.getId()).getStatus());

        // the buyer signs in (its account is created) and the operator credits its bank transfer
        CustomerAccountApi account = new CustomerAccountApi(buyer);
        Account fresh = account.getAccount();
        assertEquals("0.00", money(fresh.getBalance()));
        OperatorAccountsApi accounts = new OperatorAccountsApi(operator);
        assertEquals(fresh.getId(), accounts.findAccountBySubject(buyerName).getId());
        Account credited = accounts.topUpAccount(fresh.getId(),
                new TopUpRequest().amount(new BigDecimal("1000.00")).reference("bank-" + word), "top-up-" + word);
        assertEquals("1000.00", money(credited.getBalance()));

        // the buyer searches the catalogue, opens the CRM and prices a month of Basic and a year of Pro
        CatalogueApi catalogue = new CatalogueApi(buyer);
        ProductSearchPage found = catalogue.searchProducts(null, null, null, null, 0, word, null, 10,
                SearchSort.PRICE_ASC, null);
        assertEquals(2, found.getTotal());
        assertEquals(false, found.getTotalCapped());
        assertEquals("2", found.getTotalText());
        assertEquals(List.of("Journey LAMP " + word, "Journey CRM " + word),
                found.getItems().stream().map(ProductSummary::getName).toList());
        ProductSummary hit = found.getItems().get(1);
        assertEquals("300.00", money(hit.getFromPrice()));
        assertEquals("Company of Journey Apps", hit.getSellerName());
        ProductSearchPage saasOnly = catalogue.searchProducts(null, "CRM", null, null, 0, word, null, 10, null,
                ProductType.SAAS);
        assertEquals(List.of(crm.getId()), saasOnly.getItems().stream().map(ProductSummary::getId).toList());

        Product details = catalogue.getProduct(hit.getId());
        assertEquals(List.of("Basic", "Pro"), details.getSpecifications().stream().map(Specification::getName).toList());
        assertEquals("support@journey.example", details.getSeller().getServiceEmail());
        UUID basic = details.getSpecifications().get(0).getId();
        UUID pro = details.getSpecifications().get(1).getId();
        UUID std = catalogue.getProduct(lamp.getId()).getSpecifications().get(0).getId();
        Quote month = catalogue.quoteProduct(crm.getId(), new QuoteRequest().specificationId(basic)
                .billingMode(BillingMode.MONTHLY));
        assertEquals("300.00", money(month.getAmount()));
        Quote years = catalogue.quoteProduct(crm.getId(), new QuoteRequest().specificationId(pro)
                .billingMode(BillingMode.YEARLY).periods(2));
        assertEquals("12000.00", money(years.getAmount()));

        // the buyer quotes a month of Basic and places the order (pay later) with an Idempotency-Key
        CustomerOrdersApi orders = new CustomerOrdersApi(buyer);
        OrderRequest monthOfBasic = new OrderRequest().productId(crm.getId()).specificationId(basic)
                .billingMode(BillingMode.MONTHLY).quantity(1).periods(1).acceptTerms(true);
        OrderQuote quote = orders.quoteOrder(monthOfBasic);
        assertEquals("300.00", money(quote.getAmountDue()));
        String key = "order-" + word;
        Order placed = orders.placeOrder(monthOfBasic, key);
        assertEquals(OrderState.PENDING_PAYMENT, placed.getState());
        assertEquals("300.00", money(placed.getAmountDue()));
        assertEquals("USD", placed.getCurrency());

        // a retry with the same key (say the answer was lost) gives the same order, and places nothing new
        ApiResponse<Order> retry = orders.placeOrderWithHttpInfo(monthOfBasic, key);
        assertEquals(201, retry.getStatusCode());
        assertEquals(List.of("true"), retry.getHeaders().get("Idempotent-Replayed"));
        assertEquals(placed.getId(), retry.getData().getId());
        assertEquals("1000.00", money(account.getAccount().getBalance()));

        // it pays from its balance
        Order paid = orders.payOrder(placed.getId(), new PayRequest().method(PaymentMethod.BALANCE),
                "pay-" + word);
        assertEquals(OrderState.COMPLETED, paid.getState());
        assertEquals(PaymentMethod.BALANCE, paid.getPaymentMethod());
        assertEquals("700.00", money(account.getAccount().getBalance()));
        ApiResponse<Order> payAgain = orders.payOrderWithHttpInfo(placed.getId(),
                new PayRequest().method(PaymentMethod.BALANCE), "pay-" + word);
        assertEquals(List.of("true"), payAgain.getHeaders().get("Idempotent-Replayed"));
        assertEquals(OrderState.COMPLETED, payAgain.getData().getState());
        assertEquals("700.00", money(account.getAccount().getBalance()));

        // and buys a month of the image on an ECS in a VPC of its own, paying at once
        UUID vpc = account.createVpc(new VpcRequest().name("vpc-" + word).cidr("192.168.0.0/16")).getId();
        OrderRequest monthOfLamp = new OrderRequest().productId(lamp.getId()).specificationId(std)
                .billingMode(BillingMode.MONTHLY).periods(1).acceptTerms(true).paymentMethod(PaymentMethod.BALANCE)
                .ecs(new EcsRequest().vpcId(vpc).securityGroup("web-80-443").password("Gallery#2026"));
        OrderQuote lampQuote = orders.quoteOrder(monthOfLamp);
        assertEquals("30.00", money(lampQuote.getImageFee()));
        assertEquals("16.80", money(lampQuote.getEcsFee())); // a month of the quick-provisioning flavour
        assertEquals("46.80", money(lampQuote.getAmountDue()));
        Order lampOrder = orders.placeOrder(monthOfLamp, "lamp-" + word);
        assertEquals(OrderState.COMPLETED, lampOrder.getState());
        assertEquals("46.80", money(lampOrder.getAmountDue()));
        assertEquals("653.20", money(account.getAccount().getBalance()));

        // both purchases are among its apps, each for a month from today
        CustomerPurchasedAppsApi apps = new CustomerPurchasedAppsApi(buyer);
        List<PurchasedApp> mine = apps.listApps(null, 0, null, 20, null, null).getItems();
        assertEquals(2, mine.size());
        PurchasedApp app = mine.stream().filter(a -> a.getOrderId().equals(paid.getId())).findFirst().orElseThrow();
        PurchasedApp image = mine.stream().filter(a -> a.getOrderId().equals(lampOrder.getId())).findFirst()
                .orElseThrow();
        assertEquals("Journey CRM " + word, app.getProductName());
        assertEquals("Basic", app.getSpecificationName());
        assertEquals(AppStatus.ACTIVE, app.getStatus());
        assertEquals("300.00", money(app.getAmountPaid()));
        assertEquals("2026-12-25T10:00Z", app.getExpiresAt().toString());
        assertEquals(AppStatus.ACTIVE, image.getStatus());
        assertEquals("46.80", money(image.getAmountPaid()));
        assertNotNull(image.getEcsId());

        // ten days later, Pro for the 20 days left costs 20 x (600.00 / 30) - 20 x (300.00 / 30) = 200.00
        clock.advance(Duration.ofDays(10));
        ChangeQuote upgradeQuote = apps.quoteUpgrade(app.getId(), new UpgradeRequest().specificationId(pro));
        assertEquals(30, upgradeQuote.getTermDays());
        assertEquals(20, upgradeQuote.getRemainingDays());
        assertEquals("200.00", money(upgradeQuote.getFee()));
        ChangeResult upgraded = apps.upgradeApp(app.getId(),
                new UpgradeRequest().specificationId(pro).paymentMethod(PaymentMethod.BALANCE), "upgrade-" + word);
        assertEquals("200.00", money(upgraded.getOrder().getAmountDue()));
        assertEquals("Pro", upgraded.getApp().getSpecificationName());
        assertEquals("500.00", money(upgraded.getApp().getAmountPaid()));
        assertEquals("Pro", apps.getApp(app.getId()).getSpecificationName());
        assertEquals("453.20", money(account.getAccount().getBalance()));

        // the image is unsubscribed: past the 5-day full refund, 46.80 x 20 unused days / 30 = 31.20 comes back
        UnsubscriptionQuote terms = apps.quoteUnsubscription(image.getId());
        assertTrue(terms.getAllowed());
        assertEquals(20, terms.getUnusedDays());
        assertEquals("31.20", money(terms.getRefund()));
        UnsubscriptionResult gone = apps.unsubscribeApp(image.getId(), "unsubscribe-" + word,
                new UnsubscribeRequest().reason("Moving to containers"));
        assertEquals("31.20", money(gone.getApplied().getRefund()));
        assertEquals(AppStatus.UNSUBSCRIBED, gone.getApp().getStatus());
        assertEquals(AppStatus.UNSUBSCRIBED, apps.getApp(image.getId()).getStatus());

        // its ledger holds each movement once (the retries moved nothing), and the balance is what is left
        List<LedgerEntry> ledger = account.listLedgerEntries(0, 20).getItems();
        assertEquals(List.of("PAYMENT -200.00", "PAYMENT -300.00", "PAYMENT -46.80", "REFUND 31.20", "TOP_UP 1000.00"),
                ledger.stream().map(e -> e.getKind() + " " + money(e.getAmount())).sorted().toList());
        assertEquals("484.40", money(account.getAccount().getBalance()));

        // the operator's audit of the books finds nothing wrong
        PaymentAudit audit = new OperatorOrdersApi(operator).auditPayments();
        assertTrue(audit.getConsistent(), "violations: " + audit.getViolations());
    }
}
