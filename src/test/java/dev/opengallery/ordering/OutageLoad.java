package dev.opengallery.ordering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.opengallery.payments.Idempotency;
import dev.opengallery.support.TcpProxy;
import dev.opengallery.support.Tokens;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Several customers place orders (paying at once, or placing and then paying), every request with its own
 * Idempotency-Key, while the database is taken away in every way the proxy knows: connections refused, connections
 * reset, a connection cut at COMMIT (after and before the server got it) and right after a commit was answered.
 * Then every answer is checked, every key replayed, and the money counted.
 */
final class OutageLoad {

    static final int CUSTOMERS = 5;
    static final BigDecimal PRICE = new BigDecimal("10.00");
    static final BigDecimal TOP_UP = new BigDecimal("100000.00");

    /** One request and its first answer. */
    record Call(String customer, String key, String path, Map<String, Object> body, boolean pays, int status,
            String contentType, String retryAfter, JsonObject answer) {
    }

    private final TcpProxy db;
    private final Pool pool;
    private final String product;
    private final String spec;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base = "http://localhost:" + RestAssured.port;
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

    OutageLoad(TcpProxy db, Pool pool, String product, String spec) {
        this.db = db;
        this.pool = pool;
        this.product = product;
        this.spec = spec;
    }

    /** Runs the load through the outages and checks everything; returns the number of requests answered 503. */
    int run() throws Exception {
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            customers.add(OrderFixtures.customerWith(TOP_UP.toPlainString()));
        }
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService workers = Executors.newFixedThreadPool(CUSTOMERS);
        List<Future<?>> running = new ArrayList<>();
        for (String c : customers) {
            running.add(workers.submit(() -> shop(c, stop)));
        }
        try {
            Thread.sleep(1500);
            db.refuse();
            Thread.sleep(1500);
            db.pass();
            Thread.sleep(1500);
            db.reset();
            Thread.sleep(1000);
            db.pass();
            Thread.sleep(1500);
            db.cutAtNextCommit(true);
            Thread.sleep(700);
            db.cutAtNextCommit(false);
            Thread.sleep(700);
            db.refuseAfterNextCommit();
            Thread.sleep(500);
            db.disarm();
            db.pass();
            Thread.sleep(1500);
        } finally {
            db.disarm();
            db.pass();
            stop.set(true);
            for (Future<?> f : running) {
                f.get();
            }
            workers.shutdown();
        }

        int unavailable = checkAnswers();
        replayEveryKey();
        countTheMoney(customers);
        return unavailable;
    }

    private void shop(String customer, AtomicBoolean stop) {
        String token = Tokens.token(customer, "customer");
        for (int i = 0; !stop.get(); i++) {
            Map<String, Object> order = OrderFixtures.order(product, spec, "ONE_TIME", null);
            if (i % 2 == 0) {
                order.put("paymentMethod", "BALANCE");
                send(customer, token, "/api/orders", order, true);
                continue;
            }
            Call placed = send(customer, token, "/api/orders", order, false);
            if (placed.status() == 201) {
                send(customer, token, "/api/orders/" + placed.answer().getString("id") + "/pay",
                        Map.of("method", "BALANCE"), true);
            }
        }
    }

    private Call send(String customer, String token, String path, Map<String, Object> body, boolean pays) {
        Call call = post(customer, token, UUID.randomUUID().toString(), path, body, pays);
        calls.add(call);
        if (call.status() == 503) {
            try {
                Thread.sleep(50); // a little patience (a real client waits Retry-After)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return call;
    }

    private Call post(String customer, String token, String key, String path, Map<String, Object> body, boolean pays) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(new JsonObject(body).encode()))
                .build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            String replayed = r.headers().firstValue("Idempotent-Replayed").orElse(null);
            JsonObject answer = r.body().isEmpty() ? new JsonObject() : new JsonObject(r.body());
            if (replayed != null) {
                answer.put("replayed", replayed);
            }
            return new Call(customer, key, path, body, pays, r.statusCode(),
                    r.headers().firstValue("Content-Type").orElse(""), r.headers().firstValue("Retry-After").orElse(null),
                    answer);
        } catch (Exception e) {
            throw new IllegalStateException("no answer to " + path + ": " + e, e);
        }
    }

    /** 2xx, or 503 problem+json with Retry-After; never 500 or anything else. */
    private int checkAnswers() {
        int unavailable = 0;
        int ok = 0;
        Set<String> problemTypes = new HashSet<>();
        synchronized (calls) {
            for (Call c : calls) {
                if (c.status() == 503) {
                    unavailable++;
                    assertEquals("application/problem+json", c.contentType(), "503 is a problem: " + c);
                    assertEquals("5", c.retryAfter(), "503 says when to retry: " + c);
                    problemTypes.add(c.answer().getString("type"));
                } else if (c.status() == 200 || c.status() == 201) {
                    ok++;
                } else {
                    fail("an answer that is neither a success nor 503 with Retry-After: " + c);
                }
            }
        }
        assertTrue(unavailable > 0, "the outages were noticed by requests");
        assertTrue(ok > 0, "orders were placed and paid");
        System.out.printf("Outage load: %d requests, %d answered 503 (%s)%n", calls.size(), unavailable, problemTypes);
        return unavailable;
    }

    /** Every key again: each gives its one order, the first answer's if there was one; what was cut is done now. */
    private void replayEveryKey() {
        Map<String, String> orderOfPlaceKey = new HashMap<>();
        for (Call c : List.copyOf(calls)) {
            Call again = post(c.customer(), Tokens.token(c.customer(), "customer"), c.key(), c.path(), c.body(),
                    c.pays());
            boolean placing = c.path().equals("/api/orders");
            assertEquals(placing ? 201 : 200, again.status(), "replay of " + c + " answered " + again);
            String id = again.answer().getString("id");
            if (c.status() / 100 == 2) {
                assertEquals("true", again.answer().getString("replayed"), "a committed answer is replayed: " + c);
                assertEquals(c.answer().getString("id"), id, "the same order: " + c);
            }
            if (c.pays()) {
                assertEquals("PROCESSING", again.answer().getString("state"), "paid: " + again);
            }
            if (placing) {
                assertEquals(null, orderOfPlaceKey.put(c.key(), id), "one order per key");
            }
        }
        assertEquals(orderOfPlaceKey.size(), Set.copyOf(orderOfPlaceKey.values()).size(), "no order for two keys");
    }

    /** Each order paid once if a key paid it, never otherwise; each balance is the top-up less what was paid. */
    private void countTheMoney(List<String> customers) {
        Set<String> paid = new HashSet<>();
        Set<String> orders = new HashSet<>();
        for (Call c : List.copyOf(calls)) {
            if (c.path().equals("/api/orders")) {
                String id = orderOf(c);
                orders.add(id);
                if (c.pays()) {
                    paid.add(id);
                }
            } else {
                paid.add(c.path().split("/")[3]);
            }
        }
        for (String order : orders) {
            long payments = pool.preparedQuery("select count(*) from ledger_entry where order_id = $1 and kind = 'PAYMENT'")
                    .execute(Tuple.of(UUID.fromString(order))).await().indefinitely().iterator().next().getLong(0);
            assertEquals(paid.contains(order) ? 1 : 0, payments, "payments of order " + order);
        }
        for (String c : customers) {
            long placed = orders.stream().filter(o -> owner(o).equals(c)).count();
            long count = pool.preparedQuery("""
                    select count(*) from customer_order o join account a on a.id = o.account_id where a.subject = $1""")
                    .execute(Tuple.of(c)).await().indefinitely().iterator().next().getLong(0);
            assertEquals(placed, count, "orders of " + c + ": one per placing key");
            long paidCount = paid.stream().filter(o -> owner(o).equals(c)).count();
            BigDecimal balance = pool.preparedQuery("select balance from account where subject = $1").execute(Tuple.of(c))
                    .await().indefinitely().iterator().next().getBigDecimal(0);
            assertEquals(0, TOP_UP.subtract(PRICE.multiply(BigDecimal.valueOf(paidCount))).compareTo(balance),
                    "balance of " + c + " after " + paidCount + " paid orders: " + balance);
        }
    }

    private final Map<String, String> owners = new HashMap<>();
    private final Map<String, String> placedOrders = new HashMap<>();

    private String orderOf(Call c) {
        return placedOrders.computeIfAbsent(c.key(), k -> {
            String id = pool.preparedQuery("select response_body from idempotent_request where key = $1")
                    .execute(Tuple.of(k)).await().indefinitely().iterator().next().getString(0);
            String order = new JsonObject(id).getString("id");
            owners.put(order, c.customer());
            return order;
        });
    }

    private String owner(String order) {
        return owners.get(order);
    }
}
