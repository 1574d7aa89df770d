package dev.opengallery.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesFrom30SecondsUpToAnHour() {
        assertEquals(Duration.ofSeconds(30), Backoff.after(1));
        assertEquals(Duration.ofMinutes(1), Backoff.after(2));
        assertEquals(Duration.ofMinutes(2), Backoff.after(3));
        assertEquals(Duration.ofMinutes(32), Backoff.after(7));
        assertEquals(Duration.ofHours(1), Backoff.after(8));
        assertEquals(Duration.ofHours(1), Backoff.after(500));
        assertEquals(Duration.ofSeconds(30), Backoff.after(0));
    }
}
