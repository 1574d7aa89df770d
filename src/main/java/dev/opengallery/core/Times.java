package dev.opengallery.core;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants as the database's {@code timestamptz} parameters and as the API shows them: UTC offsets. */
public final class Times {

    private Times() {
    }

    /** The instant at UTC; null stays null. */
    public static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
