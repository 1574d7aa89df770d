package dev.opengallery.payments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.opengallery.payments.Idempotency;
import dev.opengallery.core.AppClock;
import dev.opengallery.core.Times;
import dev.opengallery.core.Db;
import dev.opengallery.core.Outages;
import dev.opengallery.core.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import dev.opengallery.core.Tx;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Idempotency-Key handling. The key is claimed by inserting its row in the same transaction as the work: a
 * concurrent request with the same key waits on that row, then finds the stored answer and replays it, so
 * one key gives one order. The same key with another body answers 422. A failed request stores nothing. When the
 * database connection fails during or after COMMIT, the answer (503) says the outcome is unknown and to retry with
 * the same key, whose replay then returns what was committed.
 */
@ApplicationScoped
public class Idempotency {

    /** Response header marking a replayed answer. */
    public static final String REPLAYED = "Idempotent-Replayed";

    /** OpenAPI: the Idempotency-Key request header. */
    public static final String KEY_DOC = "Makes retries safe (1 to 200 characters, scoped to your account): the "
            + "same key with the same body answers as the first request did, with header Idempotent-Replayed: true, "
            + "and does nothing again; the same key with another body answers 422; concurrent requests with one key "
            + "act once.";

    /** OpenAPI: the replay response header. */
    public static final String REPLAYED_DOC = "true when this answer replays an earlier request with the same "
            + "Idempotency-Key (nothing was done again)";

    @Inject
    Db db;

    @Inject
    ObjectMapper json;

    @Inject
    AppClock clock;

    public <T> Uni<RestResponse<T>> run(UUID accountId, String key, String operation, Object request, Class<T> type,
            Function<Tx, Uni<RestResponse<T>>> work) {
        if (key == null) {
            return Outages.transaction(db, false, work);
        }
        if (key.isBlank() || key.length() > 200) {
            return Uni.createFrom().failure(ProblemException.invalid("Idempotency-Key", "must be 1 to 200 characters"));
        }
        String hash = hash(operation, request);
        return Outages.transaction(db, true, conn -> conn.preparedQuery("""
                insert into idempotent_request (account_id, key, operation, request_hash, response_status,
                    response_body, created_at) values ($1, $2, $3, $4, 0, '', $5)
                on conflict (account_id, key) do nothing returning key""")
                .execute(Tuple.of(accountId, key, operation, hash, Times.ts(clock.now())))
                .chain(claimed -> claimed.size() == 1
                        ? work.apply(conn).call(response -> store(conn, accountId, key, response))
                        : replay(conn, accountId, key, operation, hash, type)));
    }

    /**
     * The answer to send after the idempotent part: {@code entity} with the status of {@code first}, marked
     * replayed when {@code first} was.
     */
    public static <T> RestResponse.ResponseBuilder<T> answer(RestResponse<?> first, T entity) {
        RestResponse.ResponseBuilder<T> b = RestResponse.ResponseBuilder.<T> create(first.getStatus()).entity(entity);
        if (first.getHeaders().containsKey(REPLAYED)) {
            b.header(REPLAYED, "true");
        }
        return b;
    }

    private <T> Uni<Void> store(Tx conn, UUID accountId, String key, RestResponse<T> response) {
        String body;
        try {
            body = json.writeValueAsString(response.getEntity());
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return conn.preparedQuery("""
                update idempotent_request set response_status = $3, response_body = $4
                where account_id = $1 and key = $2""")
                .execute(Tuple.of(accountId, key, response.getStatus(), body)).replaceWithVoid();
    }

    private <T> Uni<RestResponse<T>> replay(Tx conn, UUID accountId, String key, String operation,
            String hash, Class<T> type) {
        return conn.preparedQuery("""
                select operation, request_hash, response_status, response_body from idempotent_request
                where account_id = $1 and key = $2""").execute(Tuple.of(accountId, key)).map(rows -> {
            Row r = rows.iterator().next();
            if (!r.getString("operation").equals(operation) || !r.getString("request_hash").equals(hash)) {
                throw ProblemException.unprocessable(
                        "This Idempotency-Key was used with another request; use a new key for a new request");
            }
            try {
                T entity = json.readValue(r.getString("response_body"), type);
                return RestResponse.ResponseBuilder.<T> create(r.getInteger("response_status")).entity(entity)
                        .header(REPLAYED, "true").build();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    String hash(String operation, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
