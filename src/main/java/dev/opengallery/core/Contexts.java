package dev.opengallery.core;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/** Vert.x contexts and Mutiny: answers that arrive on another thread handed back to the caller's context. */
public final class Contexts {

    private Contexts() {
    }

    /**
     * {@code answer}, emitted on the Vert.x context current when this is called (as it is when there is none): for
     * answers that complete on a foreign thread (another request's query, an HTTP client's I/O thread, a timer).
     */
    public static <T> Uni<T> onCallersContext(Uni<T> answer) {
        Context context = Vertx.currentContext();
        return context == null ? answer : answer.emitOn(task -> {
            if (Vertx.currentContext() == context) {
                task.run();
            } else {
                context.runOnContext(v -> task.run());
            }
        });
    }
}
