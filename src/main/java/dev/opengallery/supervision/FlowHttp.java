package dev.opengallery.supervision;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.jboss.resteasy.reactive.RestResponse;

import dev.opengallery.catalog.ProductType;
import dev.opengallery.core.Params;
import dev.opengallery.core.ProblemException;

/** Shared by the three supervision resources: list filters and attachment downloads. */
final class FlowHttp {

    static final String LIST_DESCRIPTION = "Newest first. Filters: state, product type, product name (contains, "
            + "case-insensitive), order id, and the date the flow was opened (from inclusive, to exclusive, ISO dates); "
            + "frozen=true lists flows with an open appeal.";

    private FlowHttp() {
    }

    static FlowQueries.Filter filter(String state, String type, String productName, String orderId, String from,
            String to, String frozen) {
        if (productName != null && productName.length() > 200) {
            throw ProblemException.invalid("productName", "must be at most 200 characters");
        }
        Boolean f = null;
        if (frozen != null && !frozen.isBlank()) {
            if (!frozen.trim().equalsIgnoreCase("true") && !frozen.trim().equalsIgnoreCase("false")) {
                throw ProblemException.invalid("frozen", "must be true or false");
            }
            f = Boolean.parseBoolean(frozen.trim());
        }
        return new FlowQueries.Filter(Params.enumOf(FlowState.class, "state", state),
                Params.enumOf(ProductType.class, "type", type), productName, Params.uuid("orderId", orderId),
                date("from", from), date("to", to), f);
    }

    static OffsetDateTime date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim()).atStartOfDay().atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be a date like 2026-11-25");
        }
    }

    static RestResponse<byte[]> download(FlowQueries.Download d) {
        String ascii = d.fileName().replaceAll("[^A-Za-z0-9._ -]", "_");
        String encoded = URLEncoder.encode(d.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return RestResponse.ResponseBuilder.ok(d.data(), d.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store").build();
    }
}
