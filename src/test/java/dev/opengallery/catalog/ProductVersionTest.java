package dev.opengallery.catalog;

import static dev.opengallery.catalog.CatalogFixtures.*;
import static dev.opengallery.support.Tokens.fresh;
import static dev.opengallery.support.Tokens.seller;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;
import org.junit.jupiter.api.Test;

import dev.opengallery.core.AppClock;
import dev.opengallery.core.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Product edits are version-checked: of two edits from the same version, one wins and the other answers 409. */
@QuarkusTest
class ProductVersionTest {

    @Inject
    Db db;

    @Inject
    Pool pool;

    @Inject
    AppClock clock;

    @Test
    void ofTwoConcurrentEditsFromTheSameVersionOneWinsAndTheOtherAnswers409() throws Exception {
        String s = fresh("seller");
        String id = create(s, saas("Raced CRM", "x"));
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Response>> edits = new ArrayList<>();
        for (String name : List.of("Raced CRM one", "Raced CRM two")) {
            Map<String, Object> edit = saas(name, "x");
            edit.put("version", 0);
            edits.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return seller(s).body(edit).put("/api/seller/products/" + id);
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        String winner = null;
        for (CompletableFuture<Response> f : edits) {
            Response r = f.get();
            statuses.add(r.statusCode());
            if (r.statusCode() == 200) {
                winner = r.path("name");
            } else {
                r.then().statusCode(409).contentType("application/problem+json").body("type", endsWith("/stale-version"));
            }
        }
        assertEquals(List.of(200, 409), statuses.stream().sorted().toList(), "statuses " + statuses);
        seller(s).get("/api/seller/products/" + id).then().statusCode(200).body("version", is(1), "name", is(winner));
    }

    @Test
    void aWriteFromAStaleReadIsRefusedByTheVersion() {
        String s = fresh("seller");
        profile(s);
        UUID id = UUID.fromString(create(s, saas("Versioned row", "x")));
        Throwable failure = db.transaction(tx -> Product.<Product> findById(id).chain(product -> {
            // another writer moves the row on after this read
            return pool.preparedQuery("update product set version = version + 1 where id = $1").execute(Tuple.of(id))
                    .chain(() -> {
                        product.move(ProductLifecycle.Action.SUBMIT, ProductLifecycle.Actor.SELLER, null, clock.now());
                        return product.save(tx);
                    });
        })).onItem().transform(x -> (Throwable) null).onFailure().recoverWithItem(e -> e)
                .await().atMost(Duration.ofSeconds(30));
        assertTrue(failure instanceof OptimisticLockException || failure instanceof StaleStateException
                || failure != null && failure.getCause() instanceof StaleStateException, "failure " + failure);
        seller(s).get("/api/seller/products/" + id).then().statusCode(200).body("status", is("DRAFT"), "version", is(1));
    }
}
