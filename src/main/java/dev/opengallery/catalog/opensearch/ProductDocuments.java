package dev.opengallery.catalog.opensearch;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import dev.opengallery.catalog.BillingMode;
import dev.opengallery.catalog.CatalogRepository;
import dev.opengallery.catalog.ProductStatus;
import dev.opengallery.catalog.ProductSummary;
import dev.opengallery.catalog.ProductType;
import io.vertx.mutiny.sqlclient.Row;

/**
 * A product as the OpenSearch index holds it (the mapping: {@code src/main/resources/opensearch/products-index.json}):
 * the four weighted text fields of the PostgreSQL search document (name; summary and tags; description), the
 * filters and sort keys, and everything a search result shows, so that OpenSearch answers a search alone. Only
 * LISTED products are in the index. The description is indexed but not kept in {@code _source}.
 * <p>
 * Plain Java: the SQL that reads documents ({@link #SELECT}) and the conversions both ways.
 */
public final class ProductDocuments {

    private ProductDocuments() {
    }

    /** The index's settings and mappings, as created by this service. */
    public static final String INDEX_DEFINITION = "opensearch/products-index.json";

    /**
     * A product's document columns, with its paid orders since {@code $1} (the popularity window); the caller adds
     * the {@code where}. LISTED or not: the caller indexes LISTED rows and deletes the others.
     */
    public static final String SELECT = "select " + CatalogRepository.SUMMARY_COLUMNS + ", p.description, "
            + "coalesce((select sum(d.paid_orders) from product_sales_day d where d.product_id = p.id"
            + " and d.day >= $1), 0) as paid_orders "
            + "from product p left join seller_profile s on s.account_id = p.seller_id";

    /** The document of a row of {@link #SELECT}. */
    public static Map<String, Object> document(Row r) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", r.getUUID("id").toString());
        d.put("name", r.getString("name"));
        d.put("summary", r.getString("summary"));
        d.put("tags", strings(r.getArrayOfStrings("tags")));
        d.put("description", r.getString("description"));
        d.put("type", r.getString("type"));
        d.put("category_code", r.getString("category_code"));
        d.put("billing_modes", strings(r.getArrayOfStrings("billing_modes")));
        d.put("seller_id", r.getUUID("seller_id").toString());
        d.put("company_name", r.getString("company_name"));
        d.put("currency", r.getString("currency"));
        BigDecimal price = r.getBigDecimal("from_price");
        d.put("from_price", price);
        d.put("from_price_text", price == null ? null : price.toPlainString());
        d.put("status", r.getString("status"));
        OffsetDateTime listed = r.getOffsetDateTime("listed_at");
        d.put("listed_at", listed == null ? null : DateTimeFormatter.ISO_INSTANT.format(listed));
        d.put("paid_orders", r.getLong("paid_orders"));
        return d;
    }

    /** Whether a row of {@link #SELECT} belongs in the index (LISTED). */
    public static boolean listed(Row r) {
        return ProductStatus.LISTED.name().equals(r.getString("status"));
    }

    /** A search result from a hit's {@code _source}. */
    public static ProductSummary summary(JsonNode s) {
        String price = text(s, "from_price_text");
        String listed = text(s, "listed_at");
        List<BillingMode> modes = new ArrayList<>();
        s.path("billing_modes").forEach(m -> modes.add(BillingMode.valueOf(m.asText())));
        List<String> tags = new ArrayList<>();
        s.path("tags").forEach(t -> tags.add(t.asText()));
        return new ProductSummary(UUID.fromString(s.path("id").asText()), text(s, "name"), text(s, "summary"),
                ProductType.valueOf(s.path("type").asText()), text(s, "category_code"), List.copyOf(tags),
                price == null ? null : CatalogRepository.price(new BigDecimal(price)), text(s, "currency"),
                List.copyOf(modes), UUID.fromString(s.path("seller_id").asText()), text(s, "company_name"),
                ProductStatus.valueOf(s.path("status").asText()),
                listed == null ? null : OffsetDateTime.parse(listed).withOffsetSameInstant(ZoneOffset.UTC),
                s.path("paid_orders").asLong());
    }

    private static String text(JsonNode s, String field) {
        JsonNode v = s.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }
}
