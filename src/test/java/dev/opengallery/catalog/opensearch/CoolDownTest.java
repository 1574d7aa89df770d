package dev.opengallery.catalog.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch._types.ErrorResponse;
import org.opensearch.client.opensearch._types.OpenSearchException;

/** When searches skip OpenSearch after a failure, when they try it again, and when that is logged. */
class CoolDownTest {

    final AtomicLong nanos = new AtomicLong(1_000);
    final CoolDown coolDown = new CoolDown(Duration.ofSeconds(5), nanos::get);

    void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void afterAFailureSearchesSkipOpenSearchForTheCoolDownThenOneTriesAgain() {
        assertNull(coolDown.skip(), "up: ask OpenSearch");
        assertTrue(coolDown.failed(FallbackReason.UNREACHABLE), "the first failure warns");
        assertEquals(FallbackReason.UNREACHABLE, coolDown.skip());
        advance(Duration.ofMillis(4999));
        assertEquals(FallbackReason.UNREACHABLE, coolDown.skip());
        advance(Duration.ofMillis(1));
        assertNull(coolDown.skip(), "after the cool-down one search tries again ...");
        assertEquals(FallbackReason.UNREACHABLE, coolDown.skip(), "... the others keep to PostgreSQL meanwhile");
        assertFalse(coolDown.failed(FallbackReason.UNREACHABLE), "the same outage does not warn again at once");
        advance(Duration.ofSeconds(5));
        assertNull(coolDown.skip());
        assertTrue(coolDown.succeeded(), "an answer ends the outage (logged once)");
        assertNull(coolDown.skip());
        assertNull(coolDown.skip());
        assertFalse(coolDown.succeeded(), "answers while up are not news");
    }

    @Test
    void anOutageWarnsOnEveryChangeAndAtMostOnceAMinute() {
        assertTrue(coolDown.failed(FallbackReason.TIMEOUT));
        for (int i = 0; i < 11; i++) {
            advance(Duration.ofSeconds(5));
            assertFalse(coolDown.failed(FallbackReason.TIMEOUT), "second " + (i + 1) * 5);
        }
        advance(Duration.ofSeconds(5));
        assertTrue(coolDown.failed(FallbackReason.TIMEOUT), "a minute later: still down");
        assertTrue(coolDown.failed(FallbackReason.MISSING_INDEX), "another reason is another state");
        assertEquals(14, coolDown.failures());
        coolDown.succeeded();
        assertTrue(coolDown.failed(FallbackReason.MISSING_INDEX), "a new outage warns");
    }

    @Test
    void failuresAreToldApart() {
        assertEquals(FallbackReason.UNREACHABLE, FallbackReason.of(new CompletionException(new ConnectException("refused"))));
        assertEquals(FallbackReason.UNREACHABLE, FallbackReason.of(new IOException("reset")));
        assertEquals(FallbackReason.TIMEOUT, FallbackReason.of(new io.smallrye.mutiny.TimeoutException()));
        assertEquals(FallbackReason.TIMEOUT, FallbackReason.of(new CompletionException(new TimeoutException())));
        assertEquals(FallbackReason.MISSING_INDEX, FallbackReason.of(error(404, "index_not_found_exception")));
        assertEquals(FallbackReason.ERROR, FallbackReason.of(new CompletionException(error(503, "unavailable"))));
        assertEquals(FallbackReason.ERROR, FallbackReason.of(error(429, "rejected_execution_exception")));
        assertEquals(FallbackReason.INVALID_RESPONSE, FallbackReason.of(new IllegalArgumentException("No enum constant")));
        assertEquals("missing_index", FallbackReason.MISSING_INDEX.tag());
    }

    private static OpenSearchException error(int status, String type) {
        return new OpenSearchException(ErrorResponse.of(e -> e.status(status).error(c -> c.type(type).reason(type))));
    }
}
