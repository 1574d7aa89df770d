package dev.opengallery.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.restassured.response.Response;

/** Fires the same request from several threads at once, as a double click or a client's retries would. */
public final class AtOnce {

    private AtOnce() {
    }

    /** Runs {@code call} on {@code n} threads released together; answers the results in submission order. */
    public static <T> List<T> run(int n, Callable<T> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            threads.shutdownNow();
        }
    }

    /** How many of the answers carry {@code Idempotent-Replayed: true}. */
    public static long replayed(List<Response> answers) {
        return answers.stream().filter(r -> "true".equals(r.header("Idempotent-Replayed"))).count();
    }

    /** The answers' status codes. */
    public static List<Integer> statuses(List<Response> answers) {
        return answers.stream().map(Response::statusCode).toList();
    }
}
