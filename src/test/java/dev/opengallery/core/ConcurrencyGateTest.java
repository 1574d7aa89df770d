package dev.opengallery.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.UniEmitter;

/** The gate in front of search statements: how many run at once, who goes next, when a caller is refused. */
class ConcurrencyGateTest {

    /** Operations that end when the test says so; records the order in which they started. */
    static final class Ops {
        final List<String> started = new ArrayList<>();
        final List<UniEmitter<? super String>> emitters = new ArrayList<>();
        final List<AtomicBoolean> cancelled = new ArrayList<>();

        Uni<String> op(String name) {
            AtomicBoolean c = new AtomicBoolean();
            return Uni.createFrom().<String> emitter(e -> {
                started.add(name);
                emitters.add(e);
                cancelled.add(c);
            }).onCancellation().invoke(() -> c.set(true));
        }
    }

    /** What a caller got: the item, the failure, or nothing yet. */
    static final class Outcome {
        final AtomicReference<String> item = new AtomicReference<>();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        Cancellable subscription;
    }

    private static Outcome call(ConcurrencyGate gate, Ops ops, String name) {
        Outcome o = new Outcome();
        o.subscription = gate.run(() -> ops.op(name)).subscribe().with(o.item::set, o.failure::set);
        return o;
    }

    @Test
    void runsAtMostThePermitsAtOnceAndTheRestInArrivalOrder() {
        ConcurrencyGate gate = new ConcurrencyGate("searches", 2, 10);
        Ops ops = new Ops();
        Outcome a = call(gate, ops, "a");
        Outcome b = call(gate, ops, "b");
        Outcome c = call(gate, ops, "c");
        Outcome d = call(gate, ops, "d");
        assertEquals(List.of("a", "b"), ops.started);
        assertEquals(2, gate.running());
        assertEquals(2, gate.waiting());

        ops.emitters.get(1).complete("B");
        assertEquals("B", b.item.get());
        assertEquals(List.of("a", "b", "c"), ops.started, "the first in line takes the freed permit");
        assertEquals(2, gate.running());

        ops.emitters.get(0).complete("A");
        assertEquals(List.of("a", "b", "c", "d"), ops.started);
        ops.emitters.get(2).complete("C");
        ops.emitters.get(3).complete("D");
        assertEquals("A", a.item.get());
        assertEquals("C", c.item.get());
        assertEquals("D", d.item.get());
        assertEquals(0, gate.running());
        assertEquals(0, gate.waiting());
    }

    @Test
    void refusesWith503AndRetryAfterWhenTheQueueIsFull() {
        ConcurrencyGate gate = new ConcurrencyGate("searches", 1, 1);
        Ops ops = new Ops();
        call(gate, ops, "a");
        Outcome queued = call(gate, ops, "b");
        Outcome refused = call(gate, ops, "c");
        ProblemException e = assertInstanceOf(ProblemException.class, refused.failure.get());
        assertEquals(503, e.status());
        assertEquals(1L, e.retryAfterSeconds());
        assertTrue(e.getMessage().contains("searches"), e.getMessage());
        assertEquals(List.of("a"), ops.started, "a refused call never runs");

        ops.emitters.get(0).complete("A");
        assertEquals(List.of("a", "b"), ops.started);
        assertNull(queued.failure.get());
    }

    @Test
    void aFailedOperationGivesItsPermitBackAndItsFailureToItsCaller() {
        ConcurrencyGate gate = new ConcurrencyGate("searches", 1, 5);
        Ops ops = new Ops();
        Outcome a = call(gate, ops, "a");
        call(gate, ops, "b");
        IllegalStateException boom = new IllegalStateException("connection closed");
        ops.emitters.get(0).fail(boom);
        assertEquals(boom, a.failure.get());
        assertEquals(List.of("a", "b"), ops.started);
        assertEquals(1, gate.running());
    }

    @Test
    void anOperationThatThrowsBeforeItsUniGivesItsPermitBack() {
        ConcurrencyGate gate = new ConcurrencyGate("searches", 1, 5);
        Outcome o = new Outcome();
        gate.<String> run(() -> {
            throw new IllegalArgumentException("bad statement");
        }).subscribe().with(o.item::set, o.failure::set);
        assertInstanceOf(IllegalArgumentException.class, o.failure.get());
        assertEquals(0, gate.running());
    }

    @Test
    void aCallerGoneWhileRunningCancelsItsOperationAndFreesThePermit() {
        ConcurrencyGate gate = new ConcurrencyGate("searches", 1, 5);
        Ops ops = new Ops();
        Outcome a = call(gate, ops, "a");
        call(gate, ops, "b");
        a.subscription.cancel();
        assertTrue(ops.cancelled.get(0).get(), "the running statement is cancelled");
        assertEquals(List.of("a", "b"), ops.started, "the next in line starts");
        assertEquals(1, gate.running());
    }

    @Test
    void aCallerGoneWhileWaitingLeavesTheQueueAndNeverRuns() {
        ConcurrencyGate gate = new ConcurrencyGate("searches", 1, 5);
        Ops ops = new Ops();
        call(gate, ops, "a");
        Outcome b = call(gate, ops, "b");
        Outcome c = call(gate, ops, "c");
        b.subscription.cancel();
        assertEquals(1, gate.waiting());
        ops.emitters.get(0).complete("A");
        assertEquals(List.of("a", "c"), ops.started);
        ops.emitters.get(1).complete("C");
        assertEquals("C", c.item.get());
        assertEquals(0, gate.running());
    }

    @Test
    void refusesSettingsThatCouldNeverRunAnything() {
        assertThrows(IllegalArgumentException.class, () -> new ConcurrencyGate("searches", 0, 5));
        assertThrows(IllegalArgumentException.class, () -> new ConcurrencyGate("searches", 1, -1));
    }
}
