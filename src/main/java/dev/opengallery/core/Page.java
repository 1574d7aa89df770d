package dev.opengallery.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a listing, with the total count of matching items. */
@Schema(description = "One page of a listing: the items, the total count of matching items, and the page and size asked for")
public record Page<T>(
        @Schema(description = "Items on this page") List<T> items,
        @Schema(description = "Total number of matching items", example = "137") long total,
        @Schema(description = "Page number, from 0", example = "0") int page,
        @Schema(description = "Page size", example = "20") int size) {

    /**
     * A page from rows that carry the total count of matching rows in a {@code total} column (selected as
     * {@code count(*) over ()}).
     */
    public static <T> Page<T> of(Iterable<io.vertx.mutiny.sqlclient.Row> rows,
            Function<io.vertx.mutiny.sqlclient.Row, T> item, int page, int size) {
        List<T> items = new ArrayList<>();
        long total = 0;
        for (io.vertx.mutiny.sqlclient.Row r : rows) {
            total = r.getLong("total");
            items.add(item.apply(r));
        }
        return new Page<>(items, total, page, size);
    }
}
