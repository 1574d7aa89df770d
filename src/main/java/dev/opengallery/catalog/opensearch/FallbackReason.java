package dev.opengallery.catalog.opensearch;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.transport.httpclient5.ResponseException;

/**
 * Why a search was answered by PostgreSQL although the engine is OpenSearch: the tag {@code reason} of the counter
 * {@code opengallery.search.fallback} (plain Java).
 */
public enum FallbackReason {
    /** The cluster could not be reached (connection refused or reset, unknown host). */
    UNREACHABLE,
    /** No answer within {@code opengallery.search.opensearch.timeout}. */
    TIMEOUT,
    /** The alias (or its index) does not exist: nothing indexed yet, or deleted. */
    MISSING_INDEX,
    /** OpenSearch answered with an error (5xx, a rejected request). */
    ERROR,
    /** The answer could not be read (an unexpected document or response shape). */
    INVALID_RESPONSE,
    /** The page ends past the index's max_result_window: PostgreSQL answers such deep pages by design. */
    DEEP_PAGE;

    /** The metric's tag value: {@code unreachable}, {@code timeout}, ... */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The reason of a failed request (the cause chain is searched: the async client wraps its failures). */
    public static FallbackReason of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OpenSearchException e) {
                String type = e.error() == null ? null : e.error().type();
                return e.status() == 404 || "index_not_found_exception".equals(type) ? MISSING_INDEX : ERROR;
            }
            if (t instanceof ResponseException e) { // an error status whose body the client did not parse
                return e.status() == 404 ? MISSING_INDEX : ERROR;
            }
            if (t instanceof TimeoutException || t instanceof SocketTimeoutException
                    || t instanceof io.smallrye.mutiny.TimeoutException) {
                return TIMEOUT;
            }
            if (t instanceof IOException) {
                return UNREACHABLE;
            }
        }
        return INVALID_RESPONSE;
    }
}
