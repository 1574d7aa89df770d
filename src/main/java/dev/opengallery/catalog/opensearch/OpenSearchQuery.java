package dev.opengallery.catalog.opensearch;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.query_dsl.Operator;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchRequest;

import dev.opengallery.catalog.SearchCriteria;

/**
 * The OpenSearch requests of a catalogue search and of the popular applications (plain Java: the client's model
 * classes only), the counterpart of {@code catalog.SearchSql}:
 * <ul>
 * <li>the text as {@code simple_query_string} over {@code name^5}, {@code summary^2}, {@code tags^2},
 * {@code description^1} (PostgreSQL's document weights A = 1, B = 0.4, C = 0.2, times 5), every word required
 * ({@code default_operator AND}), with the mapping's analyzer ({@code catalog_english}) and only the operators of
 * PostgreSQL's web search syntax: "quoted phrases", {@code -excluded} and {@code or} (written {@code |} for
 * OpenSearch, see {@link #text});</li>
 * <li>the filters as {@code filter} clauses (they do not score): LISTED, category, type, billing mode, seller, the
 * "from" price range;</li>
 * <li>the sorts of {@link SearchCriteria#effectiveSort()}, ties broken as PostgreSQL does: relevance by score, then
 * newest listed, then id; popularity by paid orders, then newest, then id; prices with products without a price last,
 * then id; newest by listing time, then id;</li>
 * <li>the total counted up to cap + 1 ({@code track_total_hits}), so that {@code SearchPage.of} gives the same capped
 * totals; the page as {@code from}/{@code size}; the hits' {@code _source} as stored (the index keeps no description
 * there: a source filter in the request would parse every hit's source again, measured 20-25% of the node's
 * throughput).</li>
 * </ul>
 * A page whose end lies past the index's {@code max_result_window} ({@value #MAX_RESULT_WINDOW}, OpenSearch's default,
 * which the index definition keeps) is not asked of OpenSearch at all ({@link #servable}): PostgreSQL answers it.
 */
public final class OpenSearchQuery {

    private OpenSearchQuery() {
    }

    /** OpenSearch's default {@code index.max_result_window}: {@code from + size} of one search at most. */
    public static final int MAX_RESULT_WINDOW = 10_000;

    /** The analyzer of the text fields in the mapping (standard tokenizer, lowercase, English stop words, snowball). */
    public static final String ANALYZER = "catalog_english";

    /** The searched fields and their boosts: PostgreSQL's weights A, B, B, C (1, 0.4, 0.4, 0.2) times 5. */
    public static final List<String> FIELDS = List.of("name^5", "summary^2", "tags^2", "description^1");

    /** The operators of PostgreSQL's web search syntax, and the blank between words. */
    public static final String FLAGS = "OR|NOT|PHRASE|WHITESPACE";

    /** Whether OpenSearch can answer this page: its end within {@link #MAX_RESULT_WINDOW}. */
    public static boolean servable(SearchCriteria c) {
        return ((long) c.page() + 1) * c.size() <= MAX_RESULT_WINDOW;
    }

    /** One page of a search, counting at most {@code cap + 1} matches. */
    public static SearchRequest search(String index, SearchCriteria c, int cap) {
        List<Query> filters = filters(c);
        Query query = Query.of(q -> q.bool(b -> {
            if (c.hasText()) {
                b.must(m -> m.simpleQueryString(s -> s.query(text(c.text())).fields(FIELDS)
                        .defaultOperator(Operator.And).analyzer(ANALYZER).flags(f -> f.multiple(FLAGS))));
            }
            return b.filter(filters);
        }));
        return SearchRequest.of(r -> r.index(index).query(query).sort(sort(c.effectiveSort()))
                .from(c.page() * c.size()).size(c.size())
                .trackTotalHits(t -> t.count(cap + 1)));
    }

    /** The popular applications: LISTED with paid orders in the window, most first, then newest, then id. */
    public static SearchRequest popular(String index, int limit) {
        Query query = Query.of(q -> q.bool(b -> b.filter(listed()).filter(f -> f.range(
                r -> r.field("paid_orders").gt(JsonData.of(0))))));
        return SearchRequest.of(r -> r.index(index).query(query)
                .sort(field("paid_orders", SortOrder.Desc), field("listed_at", SortOrder.Desc), byId())
                .size(limit).trackTotalHits(t -> t.enabled(false)));
    }

    static List<Query> filters(SearchCriteria c) {
        List<Query> filters = new ArrayList<>();
        filters.add(listed());
        if (c.categoryCode() != null) {
            filters.add(term("category_code", c.categoryCode()));
        }
        if (c.type() != null) {
            filters.add(term("type", c.type().name()));
        }
        if (c.billingMode() != null) {
            filters.add(term("billing_modes", c.billingMode().name()));
        }
        if (c.sellerId() != null) {
            filters.add(term("seller_id", c.sellerId().toString()));
        }
        if (c.minPrice() != null || c.maxPrice() != null) {
            BigDecimal min = c.minPrice();
            BigDecimal max = c.maxPrice();
            filters.add(Query.of(q -> q.range(r -> {
                r.field("from_price");
                if (min != null) {
                    r.gte(JsonData.of(min.doubleValue()));
                }
                if (max != null) {
                    r.lte(JsonData.of(max.doubleValue()));
                }
                return r;
            })));
        }
        return filters;
    }

    private static Query listed() {
        return term("status", "LISTED");
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value))));
    }

    static List<SortOptions> sort(SearchCriteria.Sort sort) {
        return switch (sort) {
            case RELEVANCE -> List.of(SortOptions.of(s -> s.score(o -> o.order(SortOrder.Desc))),
                    field("listed_at", SortOrder.Desc), byId());
            case POPULARITY -> List.of(field("paid_orders", SortOrder.Desc), field("listed_at", SortOrder.Desc), byId());
            case PRICE_ASC -> List.of(price(SortOrder.Asc), byId());
            case PRICE_DESC -> List.of(price(SortOrder.Desc), byId());
            case NEWEST -> List.of(field("listed_at", SortOrder.Desc), byId());
        };
    }

    private static SortOptions field(String name, SortOrder order) {
        return SortOptions.of(s -> s.field(f -> f.field(name).order(order)));
    }

    private static SortOptions price(SortOrder order) {
        return SortOptions.of(s -> s.field(f -> f.field("from_price").order(order).missing(FieldValue.of("_last"))));
    }

    /** Ids as strings: a UUID's text sorts like PostgreSQL's uuid (hex digits at fixed places). */
    private static SortOptions byId() {
        return field("id", SortOrder.Asc);
    }

    /**
     * A buyer's text in PostgreSQL's web search syntax, written for {@code simple_query_string} with the flags
     * {@link #FLAGS}: words and "quoted phrases" (a leading {@code -} excludes either) are kept; the word {@code or}
     * (any case) between two terms becomes {@code |}; a {@code |} typed by the buyer is punctuation, as for
     * PostgreSQL, and dropped. Every other character reaches the analyzer, which drops punctuation; with the other
     * operators off ({@code + * ( ) ~ \}), no text is a syntax error.
     */
    public static String text(String query) {
        String s = query.replace('|', ' ').trim();
        List<String> tokens = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            if (Character.isWhitespace(s.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            if (s.charAt(i) == '-') {
                i++;
            }
            if (i < n && s.charAt(i) == '"') {
                int close = s.indexOf('"', i + 1);
                i = close < 0 ? n : close + 1;
            } else {
                while (i < n && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '"') {
                    i++;
                }
            }
            tokens.add(s.substring(start, i));
        }
        List<String> out = new ArrayList<>();
        for (int k = 0; k < tokens.size(); k++) {
            String t = tokens.get(k);
            boolean between = !out.isEmpty() && !out.get(out.size() - 1).equals("|") && k < tokens.size() - 1;
            out.add(t.equalsIgnoreCase("or") && between ? "|" : t);
        }
        return String.join(" ", out);
    }
}
