package dev.opengallery.core;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The one clock of the service. Every rule reads time from here (never {@code Instant.now()} or SQL
 * {@code now()}), so tests move time by replacing the {@link Clock} bean.
 */
@ApplicationScoped
public class AppClock {

    @Inject
    Clock clock;

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    @Singleton
    public static class SystemClockProducer {
        @Produces
        @DefaultBean
        @Singleton
        Clock systemClock() {
            return Clock.systemUTC();
        }
    }
}
