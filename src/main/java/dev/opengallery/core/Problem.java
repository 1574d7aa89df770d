package dev.opengallery.core;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document: the body of every error answer ({@code application/problem+json}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "An error, as application/problem+json (RFC 9457).")
public record Problem(
        @Schema(description = "A URI naming the kind of problem", example = "https://opengallery.dev/problems/validation") String type,
        @Schema(description = "Short summary of the kind of problem", example = "Invalid request") String title,
        @Schema(description = "HTTP status", example = "400") int status,
        @Schema(description = "What went wrong with this request", example = "2 fields are invalid") String detail,
        @Schema(description = "The offending fields, for validation errors") List<FieldError> errors,
        @Schema(description = "The current state of the object, for illegal state moves", example = "LISTED") String currentState) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://opengallery.dev/problems/";

    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(example = "specifications[0].prices[1].tiers[0].unitPrice") String field,
            @Schema(example = "must be zero or more") String message) {
    }
}
