package dev.opengallery.catalog;

import static dev.opengallery.catalog.CatalogFixtures.*;
import static dev.opengallery.support.Tokens.anonymous;
import static dev.opengallery.support.Tokens.fresh;
import static org.hamcrest.Matchers.*;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.opengallery.core.Db;
import dev.opengallery.support.AtOnce;
import dev.opengallery.support.TestClock;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * What a buyer's search answers, whichever statement runs it ({@link SearchSql.Path}): {@link SearchTest} runs it
 * on the RUM path (the test databases come from template1, where `.ci/run` created the extension), {@link
 * FallbackSearchTest} on a database without the extension. Relevance in score order (for one word the same as
 * ts_rank_cd), rows of equal score on a page newest first, filters, sorts, paging also past the capped total,
 * popular applications.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SearchContract {

    /** The path this class expects the service to have chosen. */
    abstract SearchSql.Path expectedPath();

    /**
     * Called after the test changed products or sales directly, before it searches: an engine fed from PostgreSQL
     * (OpenSearch) brings its index up to date here; PostgreSQL needs nothing.
     */
    void indexUpToDate() {
    }

    /**
     * The engine's own order of every match of {@code query} when it does not rank with PostgreSQL's ts_rank_cd
     * (OpenSearch: BM25 over the same weighted fields), checked by the engine's subclass; null (PostgreSQL's paths):
     * the ranking test checks ts_rank_cd's scores and order in full.
     */
    List<String> ownRanking(String query) {
        return null;
    }

    @Inject
    SearchIndex searchIndex;

    @Inject
    CatalogRepository repository;

    @Inject
    Pool pool;

    @Inject
    Db db;

    @Inject
    TestClock clock;

    /** A word no other test uses, so every search here sees only this class's products. */
    final String word = "kv" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String seller;
    String sellerId;
    String inName;
    String inDescription;
    String image;
    String license;
    String cheapSaas;

    @BeforeEach
    void catalogue() {
        if (seller != null) {
            return;
        }
        seller = fresh("seller");
        profile(seller);
        sellerId = dev.opengallery.support.Tokens.seller(seller).get("/api/seller/profile").then().extract().path("id");
        // listings a minute apart, so NEWEST has an order to show
        clock.reset();
        inDescription = listed(seller, saas("Ledger books", "Accounting that mentions " + word + " once, deep in the text."));
        clock.advance(Duration.ofMinutes(1));
        inName = listed(seller, saas(word + " analytics", "Dashboards and reports."));
        clock.advance(Duration.ofMinutes(1));
        image = listed(seller, product("IMAGE", "RUNTIME_ENVIRONMENT", word + " stack image", "LAMP server",
                List.of(Map.of("name", "Std", "pricingModel", "FLAT", "prices", List.of(
                        Map.of("billingMode", "PAY_PER_USE", "unitPrice", "0.25"),
                        Map.of("billingMode", "MONTHLY", "unitPrice", "30.00"))))));
        clock.advance(Duration.ofMinutes(1));
        license = listed(seller, product("LICENSE", "SECURITY", word + " antivirus license", "Endpoint protection",
                List.of(flatSpec("Perpetual", "ONE_TIME", "300.00"))));
        Map<String, Object> cheap = product("SAAS", "PROJECT_MANAGEMENT", word + " tasks", "Boards",
                List.of(Map.of("name", "Per user", "pricingModel", "LINEAR", "unit", "user", "maxQuantity", 100,
                        "prices", List.of(Map.of("billingMode", "MONTHLY", "unitPrice", "3.00")))));
        clock.advance(Duration.ofMinutes(1));
        cheapSaas = listed(seller, cheap);
        // a draft with the word must never show up
        create(seller, saas(word + " unreleased", "x"));
        clock.reset();
        indexUpToDate();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void relevanceRanksNameMatchesFirstAndCountsEverything() {
        anonymous().get("/api/catalog/products?q=" + word).then().statusCode(200)
                .body("total", is(5), "items", hasSize(5), "items.id", not(hasItem(nullValue())))
                .body("items[4].id", is(inDescription));
        anonymous().get("/api/catalog/products?q=" + word + " analytics").then()
                .body("total", is(1), "items[0].id", is(inName));
        anonymous().get("/api/catalog/products?q=" + word + " -analytics").then().body("total", is(4));
        // English stemming: "licenses" finds "license"
        anonymous().get("/api/catalog/products?q=" + word + " licenses").then().body("items.id", contains(license));
    }

    @Test
    void filters() {
        String base = "/api/catalog/products?q=" + word;
        anonymous().get(base + "&type=IMAGE").then().body("items.id", contains(image));
        anonymous().get(base + "&billingMode=PAY_PER_USE").then().body("items.id", contains(image));
        anonymous().get(base + "&billingMode=ONE_TIME").then().body("items.id", contains(license));
        anonymous().get(base + "&category=SECURITY").then().body("items.id", contains(license));
        anonymous().get(base + "&sellerId=" + sellerId).then().body("total", is(5));
        anonymous().get(base + "&sellerId=" + UUID.randomUUID()).then().body("total", is(0));
        // fromPrice: image 0.25, tasks 3.00, SaaS tiers 8.00, license 300.00
        anonymous().get(base + "&minPrice=1&maxPrice=10").then().body("items.id", containsInAnyOrder(cheapSaas, inName, inDescription));
        anonymous().get(base + "&maxPrice=0.25").then().body("items.id", contains(image));
    }

    @Test
    void sortingAndPaging() {
        String base = "/api/catalog/products?q=" + word;
        anonymous().get(base + "&sort=PRICE_ASC").then().body("items[0].id", is(image), "items[4].id", is(license));
        anonymous().get(base + "&sort=PRICE_DESC").then().body("items[0].id", is(license));
        anonymous().get(base + "&sort=NEWEST").then().body("items[0].id", is(cheapSaas));
        anonymous().get(base + "&sort=PRICE_ASC&size=2&page=0").then()
                .body("total", is(5), "items", hasSize(2), "items[0].id", is(image), "page", is(0), "size", is(2));
        anonymous().get(base + "&sort=PRICE_ASC&size=2&page=2").then()
                .body("total", is(5), "items", hasSize(1), "items[0].id", is(license));
        anonymous().get(base + "&size=2&page=7").then().body("total", is(5), "items", hasSize(0));
    }

    @Test
    void manySearchesAtOnceAreAllAnsweredInFull() throws Exception {
        // 24 different searches (so that the result cache answers none) against 4 running at once: the rest wait
        // their turn and each gets its own full answer
        AtomicInteger n = new AtomicInteger();
        List<Response> answers = AtOnce.run(24, () -> {
            int size = n.incrementAndGet();
            return anonymous().get("/api/catalog/products?q=" + word + "&sort=PRICE_ASC&size=" + size);
        });
        for (Response r : answers) {
            int size = r.path("size");
            r.then().statusCode(200).body("total", is(5), "items", hasSize(Math.min(size, 5)),
                    "items[0].id", is(image));
        }
    }

    @Test
    void badSearchParametersAnswer400() {
        String base = "/api/catalog/products?q=" + word;
        for (String bad : List.of("&type=GADGET", "&billingMode=WEEKLY", "&sort=RANDOM", "&page=-1", "&size=0",
                "&size=1000", "&minPrice=abc", "&minPrice=-5", "&minPrice=10&maxPrice=5", "&sellerId=xyz")) {
            anonymous().get(base + bad).then().statusCode(400).contentType("application/problem+json")
                    .body("errors", hasSize(1));
        }
        anonymous().get("/api/catalog/products?q=" + "x".repeat(201)).then().statusCode(400);
        // odd search syntax is not an error
        anonymous().get("/api/catalog/products?q=" + "\"unbalanced -or | & !(").then().statusCode(200);
    }

    @Test
    void popularApplicationsCountPaidOrdersOfTheLast30Days() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        record(inName, today, 6);
        record(image, today.minusDays(29), 4);
        record(license, today.minusDays(30), 50); // just outside the window
        anonymous().get("/api/catalog/popular?limit=50").then().statusCode(200)
                .body("id", hasItems(inName, image), "id", not(hasItem(license)));
        List<String> ids = anonymous().get("/api/catalog/popular?limit=50").then().extract().path("id");
        org.junit.jupiter.api.Assertions.assertTrue(ids.indexOf(inName) < ids.indexOf(image));
        anonymous().get("/api/catalog/products?q=" + word + "&sort=POPULARITY").then()
                .body("items[0].id", is(inName), "items[0].paidOrdersLast30Days", is(6), "items[1].id", is(image));
        anonymous().get("/api/catalog/products/" + inName).then().statusCode(200);

        // a day later the image's orders have left the window
        clock.advance(Duration.ofDays(1));
        indexUpToDate();
        anonymous().get("/api/catalog/popular?limit=50").then().body("id", hasItem(inName), "id", not(hasItem(image)));
        // a delisted product is not popular
        dev.opengallery.support.Tokens.seller(seller).post("/api/seller/products/" + inName + "/delist").then().statusCode(200);
        indexUpToDate();
        anonymous().get("/api/catalog/popular?limit=50").then().body("id", not(hasItem(inName)));
        anonymous().get("/api/catalog/popular?limit=0").then().statusCode(400);
        dev.opengallery.support.Tokens.seller(seller).post("/api/seller/products/" + inName + "/submit").then().statusCode(200);
        dev.opengallery.support.Tokens.operator().post("/api/operator/products/" + inName + "/approve").then().statusCode(200);
        indexUpToDate();
    }

    @Test
    void theServiceSearchesOnTheExpectedPath() {
        org.junit.jupiter.api.Assertions.assertEquals(expectedPath(), searchIndex.path().await().indefinitely(),
                "the test database's search path (the RUM path needs postgresql-15-rum and `create extension rum` in "
                        + "template1 as the superuser: .ci/run does both)");
    }

    /** A second word, in 1,010 products made in one statement: more than the 1,000 a total counts. */
    final String many = "rk" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    static final int MANY = 1010;

    /**
     * The fixed data set: 1,010 listed products of one seller with the word {@link #many} weighted differently (in
     * the name of every 7th, the summary of every 5th, the tags of every 11th, the description of each; at most once
     * per field, as product copy has it: a word repeated within a field is scored differently by RUM), so that their
     * scores fall into six groups of equal score, the largest of 630; listed a minute apart.
     */
    void manyProducts() {
        if (pool.preparedQuery("select 1 from product where name = $1").execute(io.vertx.mutiny.sqlclient.Tuple.of(many + " suite 7"))
                .await().indefinitely().size() > 0) {
            return;
        }
        pool.preparedQuery("""
                insert into product (id, seller_id, type, category_code, name, summary, description, tags, supervised,
                                     status, currency, from_price, billing_modes, created_at, updated_at, submitted_at,
                                     listed_at)
                select gen_random_uuid(), p.seller_id, p.type, p.category_code,
                       case when i % 7 = 0 then $1 || ' suite ' || i else 'Bundle ' || i end,
                       case when i % 5 = 0 then 'About ' || $1 else 'About things' end,
                       'Text ' || repeat('filler ', i % 4) || $1 || ' and more',
                       case when i % 11 = 0 then array[$1] else '{}'::text[] end,
                       p.supervised, 'LISTED', p.currency, p.from_price, p.billing_modes, p.created_at, p.updated_at,
                       p.submitted_at, p.listed_at - i * interval '1 minute'
                from product p, generate_series(1, $2) i where p.id = $3""")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(many, MANY, UUID.fromString(inName))).await().indefinitely();
        pool.query("notify opengallery_catalog").execute().await().indefinitely();
        indexUpToDate();
    }

    @AfterAll
    void removeManyProducts() {
        pool.preparedQuery("delete from product where search_vector @@ plainto_tsquery('english', $1)")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(many)).await().indefinitely();
    }

    /**
     * Every match of the word with its ts_rank_cd score, the score the path orders by ({@code tie}: RUM's distance,
     * or minus ts_rank_cd) and listing time, in the documented order: score, newest listed first, id.
     */
    private List<io.vertx.mutiny.sqlclient.Row> scored(String query) {
        List<io.vertx.mutiny.sqlclient.Row> out = new ArrayList<>();
        pool.preparedQuery("""
                select p.id, ts_rank_cd(p.search_vector, q) as rank, %s::float8 as tie, p.listed_at""".formatted(
                expectedPath() == SearchSql.Path.RUM ? "(p.search_vector <=> q)" : "(-ts_rank_cd(p.search_vector, q))") + """

                from product p, websearch_to_tsquery('english', $1) q
                where p.status = 'LISTED' and p.search_vector @@ q
                order by tie, p.listed_at desc, p.id""").execute(io.vertx.mutiny.sqlclient.Tuple.of(query))
                .await().indefinitely().forEach(out::add);
        return out;
    }

    @Test
    void rankingFollowsTheScoreTiesComeNewestFirstAndPagesCoverEveryMatchOnce() {
        manyProducts();
        List<String> own = ownRanking(many);
        if (own != null) {
            pagesFollowTheEnginesOwnRanking(own);
            return;
        }
        List<io.vertx.mutiny.sqlclient.Row> expected = scored(many);
        org.junit.jupiter.api.Assertions.assertEquals(MANY, expected.size());
        Map<String, Float> rank = new java.util.HashMap<>();
        Map<String, Double> tie = new java.util.HashMap<>();
        Map<String, java.time.OffsetDateTime> listedAt = new java.util.HashMap<>();
        for (var r : expected) {
            rank.put(r.getUUID("id").toString(), r.getFloat("rank"));
            tie.put(r.getUUID("id").toString(), r.getDouble("tie"));
            listedAt.put(r.getUUID("id").toString(), r.getOffsetDateTime("listed_at"));
        }
        // the first page: the same top 20 as ts_rank_cd, up to the order of equal scores
        List<String> top = anonymous().get("/api/catalog/products?q=" + many).then().statusCode(200)
                .body("total", is(1000), "totalCapped", is(true), "totalText", is("1,000+"), "items", hasSize(20))
                .extract().path("items.id");
        org.junit.jupiter.api.Assertions.assertEquals(expected.subList(0, 20).stream().map(r -> r.getFloat("rank")).toList(),
                top.stream().map(rank::get).toList(), "scores of the first page, best first");
        float twentieth = expected.get(19).getFloat("rank");
        org.junit.jupiter.api.Assertions.assertEquals(
                expected.stream().filter(r -> r.getFloat("rank") > twentieth).map(r -> r.getUUID("id").toString())
                        .collect(java.util.stream.Collectors.toSet()),
                top.stream().filter(id -> rank.get(id) > twentieth).collect(java.util.stream.Collectors.toSet()));

        // every page, also past the capped total, in score order; every match exactly once
        List<String> all = new ArrayList<>();
        for (int page = 0; page * 100 < MANY; page++) {
            List<String> ids = anonymous().get("/api/catalog/products?q=" + many + "&size=100&page=" + page).then()
                    .statusCode(200).body("total", is(1000), "totalCapped", is(true)).extract().path("items.id");
            for (int k = 1; k < ids.size(); k++) {
                String a = ids.get(k - 1);
                String b = ids.get(k);
                org.junit.jupiter.api.Assertions.assertTrue(rank.get(a) >= rank.get(b), "score order on page " + page);
                org.junit.jupiter.api.Assertions.assertTrue(tie.get(a) <= tie.get(b), "the path's order on page " + page);
                if (tie.get(a).equals(tie.get(b))) {
                    org.junit.jupiter.api.Assertions.assertTrue(listedAt.get(a).isAfter(listedAt.get(b)),
                            "equal scores newest first on page " + page);
                }
            }
            all.addAll(ids);
        }
        org.junit.jupiter.api.Assertions.assertEquals(MANY, all.size());
        org.junit.jupiter.api.Assertions.assertEquals(MANY, new java.util.HashSet<>(all).size(), "a match shown twice");
        org.junit.jupiter.api.Assertions.assertEquals(expected.stream().map(r -> rank.get(r.getUUID("id").toString())).toList(),
                all.stream().map(rank::get).toList(), "score order over all pages");
        // equal scores newest listed first (then by id) over all pages, not only on one
        org.junit.jupiter.api.Assertions.assertEquals(expected.stream().map(r -> r.getUUID("id").toString()).toList(), all);
        // past the last page: no items, the capped total
        anonymous().get("/api/catalog/products?q=" + many + "&size=100&page=11").then().statusCode(200)
                .body("items", hasSize(0), "total", is(1000), "totalCapped", is(true), "page", is(11));
    }

    /**
     * Sorted otherwise than by relevance, on both sides of the cap: the newest first over all 1,010 matches of
     * {@link #many} (past the cap, where every match is read and sorted) and over the 144 of "suite" (below it, where
     * the page is sorted from the matches the count found), each match once, page after page.
     */
    @Test
    void otherSortsPageEveryMatchInOrderAboveAndBelowTheCap() {
        manyProducts();
        List<String> newest = new ArrayList<>();
        pool.preparedQuery("select id from product where status = 'LISTED' and search_vector @@ plainto_tsquery('english', $1)"
                + " order by listed_at desc, id").execute(io.vertx.mutiny.sqlclient.Tuple.of(many)).await().indefinitely()
                .forEach(r -> newest.add(r.getUUID("id").toString()));
        org.junit.jupiter.api.Assertions.assertEquals(MANY, newest.size());
        List<String> all = new ArrayList<>();
        for (int page = 0; page * 100 < MANY; page++) {
            all.addAll(anonymous().get("/api/catalog/products?q=" + many + "&sort=NEWEST&size=100&page=" + page).then()
                    .statusCode(200).body("total", is(1000), "totalCapped", is(true))
                    .extract().<List<String>> path("items.id"));
        }
        org.junit.jupiter.api.Assertions.assertEquals(newest, all);
        List<String> suite = new ArrayList<>();
        for (int page = 0; page < 2; page++) {
            suite.addAll(anonymous().get("/api/catalog/products?q=" + many + " suite&sort=NEWEST&size=100&page=" + page)
                    .then().statusCode(200).body("total", is(144), "totalCapped", is(false))
                    .extract().<List<String>> path("items.id"));
        }
        org.junit.jupiter.api.Assertions.assertEquals(144, suite.size());
        List<String> inNames = newest.stream().filter(suite::contains).toList();
        org.junit.jupiter.api.Assertions.assertEquals(inNames, suite, "newest first below the cap too");
    }

    @Test
    void belowTheCapTheTotalIsExact() {
        manyProducts();
        // the word in the name of every 7th: 144 products
        anonymous().get("/api/catalog/products?q=" + many + " suite&size=100&page=1").then().statusCode(200)
                .body("total", is(144), "totalCapped", is(false), "totalText", is("144"), "items", hasSize(44));
        // only stop words: no match, not an error
        anonymous().get("/api/catalog/products?q=the").then().statusCode(200)
                .body("total", is(0), "totalCapped", is(false), "items", hasSize(0));
        // a filter that nothing passes
        anonymous().get("/api/catalog/products?q=" + many + "&type=HARDWARE").then().statusCode(200)
                .body("total", is(0), "totalCapped", is(false), "totalText", is("0"), "items", hasSize(0));
        // without text, newest first, counted up to the cap too (the seller's own listings here)
        anonymous().get("/api/catalog/products?sellerId=" + sellerId + "&size=3").then().statusCode(200)
                .body("items", hasSize(3), "totalCapped", is(true), "total", is(1000));
    }

    /** Every page of {@link #many} (also past the capped total) in the engine's own order, every match once. */
    private void pagesFollowTheEnginesOwnRanking(List<String> own) {
        org.junit.jupiter.api.Assertions.assertEquals(MANY, own.size());
        List<String> all = new ArrayList<>();
        for (int page = 0; page * 100 < MANY; page++) {
            all.addAll(anonymous().get("/api/catalog/products?q=" + many + "&size=100&page=" + page).then()
                    .statusCode(200).body("total", is(1000), "totalCapped", is(true), "totalText", is("1,000+"))
                    .extract().<List<String>> path("items.id"));
        }
        org.junit.jupiter.api.Assertions.assertEquals(MANY, new java.util.HashSet<>(all).size(), "a match shown twice");
        org.junit.jupiter.api.Assertions.assertEquals(own, all);
        anonymous().get("/api/catalog/products?q=" + many + "&size=100&page=11").then().statusCode(200)
                .body("items", hasSize(0), "total", is(1000), "totalCapped", is(true), "page", is(11));
    }

    /**
     * The ranking pin, one data set for every engine: a word in the name (and so in the fixture's summary) ranks
     * above the word in the summary or the tags alone, which rank above the word in the description alone.
     */
    @Test
    void aNameMatchRanksAboveSummaryAndTagsMatchesAboveADescriptionMatch() {
        String pin = "pn" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        clock.reset();
        String inDescriptionOnly = listed(seller, saas("Store", "Keeps files; says " + pin + " once."));
        clock.advance(Duration.ofMinutes(1));
        Map<String, Object> summary = saas("Vault", "Keeps files.");
        summary.put("summary", "Backups with " + pin);
        String inSummaryOnly = listed(seller, summary);
        clock.advance(Duration.ofMinutes(1));
        Map<String, Object> tags = saas("Keeper", "Keeps files.");
        tags.put("tags", List.of(pin));
        String inTagsOnly = listed(seller, tags);
        clock.advance(Duration.ofMinutes(1));
        String inName = listed(seller, saas(pin + " vault", "Keeps files."));
        clock.reset();
        indexUpToDate();
        List<String> ids = anonymous().get("/api/catalog/products?q=" + pin).then().statusCode(200)
                .body("total", is(4)).extract().path("items.id");
        org.junit.jupiter.api.Assertions.assertEquals(inName, ids.get(0));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Set.of(inSummaryOnly, inTagsOnly),
                java.util.Set.copyOf(ids.subList(1, 3)));
        org.junit.jupiter.api.Assertions.assertEquals(inDescriptionOnly, ids.get(3));
        // the same top result for the word with a filter, and for its stem
        anonymous().get("/api/catalog/products?q=" + pin + "&type=SAAS&size=1").then().body("items[0].id", is(inName));
        anonymous().get("/api/catalog/products?q=" + pin + " vaults").then().body("items.id", contains(inName, inSummaryOnly));
    }

    protected void record(String productId, LocalDate day, int times) {
        for (int i = 0; i < times; i++) {
            db.transaction(c -> repository.recordPaidOrder(c, UUID.fromString(productId), day)).await()
                    .indefinitely();
        }
        indexUpToDate();
    }
}
