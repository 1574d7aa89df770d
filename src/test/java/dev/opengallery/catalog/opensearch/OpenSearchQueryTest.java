package dev.opengallery.catalog.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.opengallery.catalog.BillingMode;
import dev.opengallery.catalog.ProductType;
import dev.opengallery.catalog.SearchCriteria;
import dev.opengallery.catalog.SearchCriteria.Sort;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The OpenSearch requests a search and the popular list send, without a node. */
class OpenSearchQueryTest {

    private static SearchCriteria text(String text, Sort sort) {
        return new SearchCriteria(text, null, null, null, null, null, null, sort, 0, 20);
    }

    private static JsonObject json(SearchCriteria c) {
        return new JsonObject(OpenSearchQuery.search("p-products", c, 1000).toJsonString());
    }

    @Test
    void textIsASimpleQueryStringOverTheWeightedFieldsWithEveryWordRequired() {
        JsonObject r = json(text("backup tools", null));
        JsonObject sqs = r.getJsonObject("query").getJsonObject("bool").getJsonArray("must").getJsonObject(0)
                .getJsonObject("simple_query_string");
        assertEquals("backup tools", sqs.getString("query"));
        assertEquals(new JsonArray().add("name^5").add("summary^2").add("tags^2").add("description^1"),
                sqs.getJsonArray("fields"));
        assertEquals("and", sqs.getString("default_operator"));
        assertEquals("catalog_english", sqs.getString("analyzer"));
        assertEquals("OR|NOT|PHRASE|WHITESPACE", sqs.getString("flags"));
        // relevance: score, newest, id; the total counted up to cap + 1; the page; no description in _source
        assertEquals(new JsonArray().add(new JsonObject().put("_score", new JsonObject().put("order", "desc")))
                .add(new JsonObject().put("listed_at", new JsonObject().put("order", "desc")))
                .add(new JsonObject().put("id", new JsonObject().put("order", "asc"))), r.getJsonArray("sort"));
        assertEquals(1001, r.getInteger("track_total_hits"));
        assertEquals(0, r.getInteger("from"));
        assertEquals(20, r.getInteger("size"));
        // the stored _source has no description (the index definition leaves it out): no filter to parse hits again
        assertEquals(null, r.getValue("_source"));
        // only LISTED products, as a filter
        assertEquals(new JsonArray().add(term("status", "LISTED")),
                r.getJsonObject("query").getJsonObject("bool").getJsonArray("filter"));
    }

    @Test
    void webSearchSyntaxBecomesSimpleQueryStringSyntax() {
        assertEquals("backup | restore", OpenSearchQuery.text("backup or restore"));
        assertEquals("backup | restore | sync", OpenSearchQuery.text("backup OR restore Or sync"));
        assertEquals("\"data warehouse\" -oracle", OpenSearchQuery.text("  \"data warehouse\"   -oracle "));
        assertEquals("-\"big data\" or", OpenSearchQuery.text("-\"big data\" or"), "a trailing or is a word");
        assertEquals("or backup", OpenSearchQuery.text("or backup"), "a leading or is a word (a stop word)");
        assertEquals("a b", OpenSearchQuery.text("a | b"), "a typed bar is punctuation, as for PostgreSQL");
        assertEquals("high-performance \"unclosed phrase", OpenSearchQuery.text("high-performance \"unclosed phrase"));
        assertEquals("-or", OpenSearchQuery.text("-or"));
    }

    @Test
    void everyFilterIsAFilterClause() {
        UUID seller = UUID.randomUUID();
        SearchCriteria c = new SearchCriteria(null, "SECURITY", ProductType.LICENSE, BillingMode.ONE_TIME, seller,
                new BigDecimal("1.50"), new BigDecimal("300.00"), null, 0, 20);
        JsonObject bool = json(c).getJsonObject("query").getJsonObject("bool");
        assertEquals(null, bool.getJsonArray("must"), "no text, nothing scored");
        assertEquals(new JsonArray().add(term("status", "LISTED")).add(term("category_code", "SECURITY"))
                .add(term("type", "LICENSE")).add(term("billing_modes", "ONE_TIME"))
                .add(term("seller_id", seller.toString()))
                .add(new JsonObject().put("range", new JsonObject().put("from_price",
                        new JsonObject().put("gte", 1.5).put("lte", 300.0)))), bool.getJsonArray("filter"));
        JsonObject onlyMax = json(new SearchCriteria(null, null, null, null, null, null, new BigDecimal("0.25"), null,
                0, 20)).getJsonObject("query").getJsonObject("bool").getJsonArray("filter").getJsonObject(1);
        assertEquals(new JsonObject().put("range", new JsonObject().put("from_price", new JsonObject().put("lte", 0.25))),
                onlyMax);
    }

    @Test
    void sortsBreakTiesLikePostgresql() {
        assertEquals(sorts("paid_orders:desc", "listed_at:desc", "id:asc"), json(text("x", Sort.POPULARITY))
                .getJsonArray("sort"));
        assertEquals(sorts("listed_at:desc", "id:asc"), json(text("x", Sort.NEWEST)).getJsonArray("sort"));
        // no text: relevance is newest, as SearchCriteria.effectiveSort says
        assertEquals(sorts("listed_at:desc", "id:asc"), json(text(null, Sort.RELEVANCE)).getJsonArray("sort"));
        assertEquals(sorts("listed_at:desc", "id:asc"), json(text(" ", null)).getJsonArray("sort"));
        JsonArray asc = json(text("x", Sort.PRICE_ASC)).getJsonArray("sort");
        assertEquals(new JsonObject().put("from_price", new JsonObject().put("missing", "_last").put("order", "asc")),
                asc.getJsonObject(0));
        assertEquals(new JsonObject().put("id", new JsonObject().put("order", "asc")), asc.getJsonObject(1));
        assertEquals("desc", json(text("x", Sort.PRICE_DESC)).getJsonArray("sort").getJsonObject(0)
                .getJsonObject("from_price").getString("order"));
        assertEquals("_last", json(text("x", Sort.PRICE_DESC)).getJsonArray("sort").getJsonObject(0)
                .getJsonObject("from_price").getString("missing"));
    }

    @Test
    void pagesAreFromAndSizeUpToTheResultWindow() {
        JsonObject r = json(new SearchCriteria("x", null, null, null, null, null, null, null, 3, 50));
        assertEquals(150, r.getInteger("from"));
        assertEquals(50, r.getInteger("size"));
        assertTrue(OpenSearchQuery.servable(new SearchCriteria("x", null, null, null, null, null, null, null, 99, 100)));
        assertFalse(OpenSearchQuery.servable(new SearchCriteria("x", null, null, null, null, null, null, null, 100, 100)),
                "past max_result_window: PostgreSQL answers");
        assertFalse(OpenSearchQuery.servable(new SearchCriteria("x", null, null, null, null, null, null, null,
                Integer.MAX_VALUE, 100)));
    }

    @Test
    void popularIsProductsWithPaidOrdersMostFirst() {
        JsonObject r = new JsonObject(OpenSearchQuery.popular("p-products", 10).toJsonString());
        assertEquals(new JsonArray().add(term("status", "LISTED")).add(new JsonObject().put("range",
                new JsonObject().put("paid_orders", new JsonObject().put("gt", 0)))),
                r.getJsonObject("query").getJsonObject("bool").getJsonArray("filter"));
        assertEquals(sorts("paid_orders:desc", "listed_at:desc", "id:asc"), r.getJsonArray("sort"));
        assertEquals(10, r.getInteger("size"));
        assertEquals(false, r.getValue("track_total_hits"));
    }

    private static JsonObject term(String field, String value) {
        return new JsonObject().put("term", new JsonObject().put(field, new JsonObject().put("value", value)));
    }

    private static JsonArray sorts(String... fieldOrders) {
        JsonArray a = new JsonArray();
        for (String fo : fieldOrders) {
            String[] p = fo.split(":");
            a.add(new JsonObject().put(p[0], new JsonObject().put("order", p[1])));
        }
        return a;
    }
}
