package dev.opengallery.metering;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.opengallery.core.FieldErrors;

/**
 * One ECS event from the compute service. Fields are read as text and checked here, so that a batch can answer
 * each malformed event on its own instead of refusing the whole batch.
 */
@Schema(name = "EcsEvent", description = "An ECS event reported by the compute control plane.")
public record EcsEventRequest(
        @Schema(description = "The event's own id; a repeated id is accepted and ignored", example = "evt-7f3a91",
                maxLength = 100, required = true) String id,
        @Schema(description = "What happened", enumeration = { "CREATED", "SUSPENDED", "RESUMED", "IMAGE_REPLACED",
                "EXPIRED", "RENEWED", "DELETED" }, example = "CREATED", required = true) String type,
        @Schema(description = "The ECS, as the compute service named it when the image order created it",
                example = "ecs-4b1d2c3e5f60", maxLength = 100, required = true) String ecsId,
        @Schema(description = "When it happened (ISO 8601 with offset); at most 6 hours ago", format = "date-time",
                example = "2026-11-25T10:20:00Z", required = true) String occurredAt,
        @Schema(description = "CREATED, IMAGE_REPLACED: the image's product (on IMAGE_REPLACED, leave it out for an "
                + "image that is not billed by the hour, e.g. a public image)", format = "uuid") String imageProductId,
        @Schema(description = "CREATED, IMAGE_REPLACED: the image's specification: the one the account bought or, "
                + "when a seller's edit removed or renamed that one, one the product has now (default: the one "
                + "bought); billed at the hourly price the account bought at",
                format = "uuid") String specificationId,
        @Schema(description = "CREATED: how the ECS itself is billed", enumeration = { "PAY_PER_USE", "YEARLY",
                "MONTHLY" }, example = "PAY_PER_USE") String ecsBillingMode,
        @Schema(description = "CREATED of a yearly/monthly ECS, RENEWED: when the ECS expires", format = "date-time",
                example = "2027-11-25T10:20:00Z") String expiresAt) {

    /** The event, checked and parsed. */
    public record Parsed(String id, BillableUse.EventType type, String ecsId, Instant occurredAt, UUID productId,
            UUID specificationId, BillableUse.EcsBillingMode mode, Instant expiresAt) {
    }

    /** Checks every field; a 400 problem names all offending ones. */
    public Parsed parse() {
        FieldErrors errors = new FieldErrors();
        if (id == null || id.isBlank()) {
            errors.add("id", "is required");
        } else if (id.length() > 100) {
            errors.add("id", "must be at most 100 characters");
        }
        BillableUse.EventType t = enumOf(BillableUse.EventType.class, "type", type, errors, true);
        if (ecsId == null || ecsId.isBlank()) {
            errors.add("ecsId", "is required");
        } else if (ecsId.length() > 100) {
            errors.add("ecsId", "must be at most 100 characters");
        }
        Instant at = instant("occurredAt", occurredAt, errors, true);
        UUID product = uuid("imageProductId", imageProductId, errors);
        UUID spec = uuid("specificationId", specificationId, errors);
        BillableUse.EcsBillingMode mode = enumOf(BillableUse.EcsBillingMode.class, "ecsBillingMode", ecsBillingMode,
                errors, false);
        Instant expires = instant("expiresAt", expiresAt, errors, false);
        if (t != null) {
            boolean imageEvent = t == BillableUse.EventType.CREATED || t == BillableUse.EventType.IMAGE_REPLACED;
            if (t == BillableUse.EventType.CREATED && imageProductId == null) {
                errors.add("imageProductId", "is required for CREATED");
            }
            if (!imageEvent && (imageProductId != null || specificationId != null)) {
                errors.add(imageProductId != null ? "imageProductId" : "specificationId",
                        "is only for CREATED and IMAGE_REPLACED");
            }
            if (imageEvent && imageProductId == null && specificationId != null) {
                errors.add("specificationId", "needs imageProductId");
            }
            if (t == BillableUse.EventType.CREATED) {
                if (ecsBillingMode == null) {
                    errors.add("ecsBillingMode", "is required for CREATED");
                } else if (mode != null && mode != BillableUse.EcsBillingMode.PAY_PER_USE && expiresAt == null) {
                    errors.add("expiresAt", "is required for a yearly/monthly ECS");
                } else if (mode == BillableUse.EcsBillingMode.PAY_PER_USE && expiresAt != null) {
                    errors.add("expiresAt", "a pay-per-use ECS does not expire");
                }
            } else if (ecsBillingMode != null) {
                errors.add("ecsBillingMode", "is only for CREATED");
            }
            if (t == BillableUse.EventType.RENEWED && expiresAt == null) {
                errors.add("expiresAt", "is required for RENEWED");
            }
            if (t != BillableUse.EventType.CREATED && t != BillableUse.EventType.RENEWED && expiresAt != null) {
                errors.add("expiresAt", "is only for CREATED and RENEWED");
            }
            if (expires != null && at != null && !expires.isAfter(at)) {
                errors.add("expiresAt", "must be after occurredAt");
            }
        }
        errors.throwIfAny();
        return new Parsed(id.trim(), t, ecsId.trim(), at, product, spec, mode, expires);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String field, String value, FieldErrors errors,
            boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(field, "is required");
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            errors.add(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    private static Instant instant(String field, String value, FieldErrors errors, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(field, "is required");
            }
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(field, "must be an ISO 8601 date-time with offset, e.g. 2026-11-25T10:20:00Z");
            return null;
        }
    }

    private static UUID uuid(String field, String value, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            errors.add(field, "must be a UUID");
            return null;
        }
    }
}
