package dev.opengallery.core;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a listing, with the total count of matching items. */
@Schema(name = "Page")
public record Page<T>(
        @Schema(description = "Items on this page") List<T> items,
        @Schema(description = "Total number of matching items", example = "137") long total,
        @Schema(description = "Page number, from 0", example = "0") int page,
        @Schema(description = "Page size", example = "20") int size) {
}
