package dev.opengallery.metering;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.opengallery.apps.SubscriptionRules;
import dev.opengallery.core.Db;
import dev.opengallery.core.AppClock;
import dev.opengallery.core.Problem;
import dev.opengallery.core.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import dev.opengallery.core.Tx;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

/**
 * Accepts ECS events from the compute service. Each event is stored once (a repeated id is accepted and ignored),
 * then the ECS's periods of billable use are derived again from all its events in event-time order
 * ({@link BillableUse#derive}), in one transaction that holds the ECS's row lock, and the ECS is marked for
 * re-billing from the event's hour so that a late event bills exactly the hours that became billable.
 */
@ApplicationScoped
public class EcsEvents {

    @Schema(name = "EcsEventOutcome")
    public enum Outcome {
        ACCEPTED, DUPLICATE, REFUSED
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "EcsEventResult")
    public record Result(
            @Schema(description = "Position in the batch, from 0", example = "0") Integer index,
            @Schema(example = "evt-7f3a91") String id,
            @Schema(description = "ACCEPTED: stored and applied; DUPLICATE: this id was accepted before, ignored; "
                    + "REFUSED: see problem") Outcome outcome,
            @Schema(description = "Why the event was refused") Problem problem) {
    }

    @Inject
    Pool pool;

    @Inject
    Db db;

    @Inject
    AppClock clock;

    @Inject
    MeteringConfig config;

    /** Accepts one event, or fails with the problem that refuses it. */
    public Uni<Result> accept(EcsEventRequest request) {
        EcsEventRequest.Parsed e;
        try {
            e = request.parse();
        } catch (ProblemException pe) {
            return Uni.createFrom().failure(pe);
        }
        Instant now = clock.now();
        return db.transaction(conn -> apply(conn, e, now))
                .onFailure(PgException.class).recoverWithUni(failure -> {
                    // two deliveries of one id at once: the loser sees the winner's row
                    if ("23505".equals(((PgException) failure).getSqlState())) {
                        return pool.preparedQuery("select 1 from metering_event where id = $1").execute(Tuple.of(e.id()))
                                .map(rows -> {
                                    if (rows.size() == 0) {
                                        throw (PgException) failure;
                                    }
                                    return new Result(null, e.id(), Outcome.DUPLICATE, null);
                                });
                    }
                    return Uni.createFrom().failure(failure);
                });
    }

    /** Each event on its own (its own transaction), answering each: accepted, duplicate or refused with why. */
    public Uni<List<Result>> acceptAll(List<EcsEventRequest> events) {
        List<Result> results = new ArrayList<>(events.size());
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < events.size(); i++) {
            int index = i;
            EcsEventRequest request = events.get(i);
            chain = chain.chain(() -> (request == null
                    ? Uni.createFrom().<Result> failure(ProblemException.badRequest("The event is null"))
                    : accept(request))
                    .map(r -> new Result(index, r.id(), r.outcome(), null))
                    .onFailure(ProblemException.class).recoverWithItem(f -> new Result(index,
                            request == null ? null : request.id(), Outcome.REFUSED, ((ProblemException) f).toProblem()))
                    .onFailure(PgException.class).recoverWithItem(f -> new Result(index,
                            request == null ? null : request.id(), Outcome.REFUSED, pgProblem((PgException) f)))
                    .invoke(results::add).replaceWithVoid());
        }
        return chain.replaceWith(results);
    }

    static Problem pgProblem(PgException e) {
        String state = e.getSqlState() == null ? "" : e.getSqlState();
        if (state.equals("40001") || state.equals("40P01") || state.equals("55P03")) {
            return ProblemException.conflict("A concurrent change got there first; send the event again").toProblem();
        }
        if (state.startsWith("22")) {
            return ProblemException.badRequest("A value is out of range or malformed").toProblem();
        }
        throw e;
    }

    private record Ecs(UUID accountId, boolean known) {
    }

    private Uni<Result> apply(Tx conn, EcsEventRequest.Parsed e, Instant now) {
        OffsetDateTime nowTs = now.atOffset(ZoneOffset.UTC);
        return conn.preparedQuery("select 1 from metering_event where id = $1").execute(Tuple.of(e.id()))
                .chain(seen -> {
                    if (seen.size() > 0) {
                        return Uni.createFrom().item(new Result(null, e.id(), Outcome.DUPLICATE, null));
                    }
                    if (e.occurredAt().isBefore(now.minus(config.lateWindow()))) {
                        return Uni.createFrom().failure(new ProblemException(422, "event-too-old",
                                "Event too old", "Event " + e.id() + " happened at " + e.occurredAt()
                                        + ", more than " + hours(config.lateWindow()) + " ago; events are accepted up to "
                                        + hours(config.lateWindow()) + " late",
                                List.of(new Problem.FieldError("occurredAt", "is more than " + hours(config.lateWindow())
                                        + " in the past")), null));
                    }
                    if (e.occurredAt().isAfter(now.plus(config.futureTolerance()))) {
                        return Uni.createFrom().failure(ProblemException.invalid("occurredAt",
                                "is in the future (the service's clock says " + now + ")"));
                    }
                    return ecs(conn, e.ecsId()).chain(ecs -> image(conn, ecs.accountId(), e)
                            .chain(image -> lockEcs(conn, e.ecsId(), ecs.accountId(), nowTs)
                                    .chain(() -> events(conn, e.ecsId()))
                                    .chain(existing -> {
                                        checkAgainst(existing, e);
                                        return insert(conn, e, image, nowTs).chain(seq -> {
                                            if (seq == null) {
                                                return Uni.createFrom().item(new Result(null, e.id(), Outcome.DUPLICATE, null));
                                            }
                                            List<BillableUse.Event> all = new ArrayList<>(existing);
                                            all.add(new BillableUse.Event(seq, e.type(), e.occurredAt(), image, e.mode(),
                                                    e.expiresAt()));
                                            return rederive(conn, e.ecsId(), ecs.accountId(), all, e.occurredAt(), nowTs)
                                                    .replaceWith(new Result(null, e.id(), Outcome.ACCEPTED, null));
                                        });
                                    })));
                });
    }

    private static String hours(Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + " hours" : d.toMinutes() + " minutes";
    }

    /** The ECS's owner: an image order created it (its subscription carries the ECS id). Unknown: 404. */
    private Uni<Ecs> ecs(Tx conn, String ecsId) {
        return conn.preparedQuery("""
                select account_id, true as known from metering_ecs where ecs_id = $1
                union all
                (select account_id, false from subscription where ecs_id = $1 and product_type = 'IMAGE'
                 order by created_at limit 1)""").execute(Tuple.of(ecsId)).map(rows -> {
                    if (rows.size() == 0) {
                        throw new ProblemException(404, "unknown-ecs", "Unknown ECS", "ECS " + ecsId
                                + " is not known: no image order created it", List.of(new Problem.FieldError("ecsId",
                                        "is not an ECS created by an image order")), null);
                    }
                    Row r = rows.iterator().next();
                    return new Ecs(r.getUUID("account_id"), r.getBoolean("known"));
                });
    }

    /**
     * CREATED and IMAGE_REPLACED: the image must be one the ECS's account bought pay-per-use (an active pay-per-use
     * subscription of that product). The event may name the specification the account bought, or, once a seller's
     * edit removed or renamed that one (an edit keeps the ids of the specifications that persist), a specification the
     * product has now; the purchase of that very specification, else the one that created this ECS, else the oldest,
     * decides. Answers it with the hourly price of
     * the purchase: a buyer keeps the price it bought at, whatever the seller charges new buyers. Null when the event
     * carries no image.
     */
    /** The purchased apps that still bill: the live states of apps' rules. */
    private static final String[] LIVE = SubscriptionRules.LIVE.stream().map(Enum::name).toArray(String[]::new);

    private Uni<BillableUse.Image> image(Tx conn, UUID accountId, EcsEventRequest.Parsed e) {
        if (e.productId() == null) {
            return Uni.createFrom().nullItem();
        }
        return conn.preparedQuery("""
                select s.specification_id, o.unit_price as hourly_price, o.currency
                from subscription s join customer_order o on o.id = s.order_id
                where s.account_id = $1 and s.product_id = $2 and s.billing_mode = 'PAY_PER_USE'
                  and s.product_type = 'IMAGE' and s.status = any($5)
                  and ($3::uuid is null or s.specification_id = $3
                       or (not exists (select 1 from specification b where b.id = s.specification_id)
                           and exists (select 1 from specification c where c.id = $3 and c.product_id = s.product_id)))
                order by (s.specification_id = $3) desc nulls last, (s.ecs_id = $4) desc nulls last, s.created_at
                limit 1""").execute(Tuple.of(accountId, e.productId(), e.specificationId(), e.ecsId(), LIVE)).map(rows -> {
                    if (rows.size() == 0) {
                        throw new ProblemException(422, "image-not-bought-pay-per-use", "Image not bought pay-per-use",
                                "The ECS's account did not buy image " + e.productId()
                                        + (e.specificationId() == null ? "" : " (specification " + e.specificationId() + ")")
                                        + " pay-per-use",
                                List.of(new Problem.FieldError("imageProductId",
                                        "is not an image this account bought pay-per-use")), null);
                    }
                    Row r = rows.iterator().next();
                    return new BillableUse.Image(e.productId(), r.getUUID("specification_id"),
                            r.getBigDecimal("hourly_price"), r.getString("currency"));
                });
    }

    /** Creates the ECS's metering row on its first event and locks it: one ECS's events apply one at a time. */
    private Uni<Void> lockEcs(Tx conn, String ecsId, UUID accountId, OffsetDateTime now) {
        return conn.preparedQuery("""
                insert into metering_ecs (ecs_id, account_id, status, created_at, updated_at) values ($1, $2, 'NEW', $3, $3)
                on conflict (ecs_id) do nothing""").execute(Tuple.of(ecsId, accountId, now))
                .chain(() -> conn.preparedQuery("select 1 from metering_ecs where ecs_id = $1 for update")
                        .execute(Tuple.of(ecsId)))
                .replaceWithVoid();
    }

    private Uni<List<BillableUse.Event>> events(Tx conn, String ecsId) {
        return conn.preparedQuery("""
                select seq, type, occurred_at, product_id, specification_id, hourly_price, currency, ecs_billing_mode,
                    expires_at
                from metering_event where ecs_id = $1 order by occurred_at, seq""").execute(Tuple.of(ecsId)).map(rows -> {
                    List<BillableUse.Event> list = new ArrayList<>();
                    for (Row r : rows) {
                        UUID product = r.getUUID("product_id");
                        BillableUse.Image image = product == null ? null
                                : new BillableUse.Image(product, r.getUUID("specification_id"),
                                        r.getBigDecimal("hourly_price"), r.getString("currency"));
                        String mode = r.getString("ecs_billing_mode");
                        OffsetDateTime expires = r.getOffsetDateTime("expires_at");
                        list.add(new BillableUse.Event(r.getLong("seq"), BillableUse.EventType.valueOf(r.getString("type")),
                                r.getOffsetDateTime("occurred_at").toInstant(), image,
                                mode == null ? null : BillableUse.EcsBillingMode.valueOf(mode),
                                expires == null ? null : expires.toInstant()));
                    }
                    return list;
                });
    }

    /** Rules against the ECS's other events: created once; nothing after its deletion. */
    private static void checkAgainst(List<BillableUse.Event> existing, EcsEventRequest.Parsed e) {
        for (BillableUse.Event other : existing) {
            if (e.type() == BillableUse.EventType.CREATED && other.type() == BillableUse.EventType.CREATED) {
                throw ProblemException.illegalState("ECS " + e.ecsId() + " was already created (at " + other.at()
                        + ")", "CREATED");
            }
            if (other.type() == BillableUse.EventType.DELETED && e.occurredAt().isAfter(other.at())) {
                throw ProblemException.illegalState("ECS " + e.ecsId() + " was deleted at " + other.at()
                        + "; nothing can happen to it after that", "DELETED");
            }
            if (e.type() == BillableUse.EventType.DELETED && other.type() == BillableUse.EventType.DELETED) {
                throw ProblemException.illegalState("ECS " + e.ecsId() + " was already deleted (at " + other.at()
                        + ")", "DELETED");
            }
        }
    }

    /** The stored event's seq, or null when another delivery of the same id got there first. */
    private Uni<Long> insert(Tx conn, EcsEventRequest.Parsed e, BillableUse.Image image, OffsetDateTime now) {
        return conn.preparedQuery("""
                insert into metering_event (id, ecs_id, type, occurred_at, received_at, product_id, specification_id,
                    hourly_price, currency, ecs_billing_mode, expires_at)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                on conflict (id) do nothing returning seq""")
                .execute(Tuple.tuple().addValue(e.id()).addValue(e.ecsId()).addValue(e.type().name())
                        .addValue(e.occurredAt().atOffset(ZoneOffset.UTC)).addValue(now)
                        .addValue(image == null ? null : image.productId())
                        .addValue(image == null ? null : image.specificationId())
                        .addValue(image == null ? null : image.hourlyPrice())
                        .addValue(image == null ? null : image.currency())
                        .addValue(e.mode() == null ? null : e.mode().name())
                        .addValue(e.expiresAt() == null ? null : e.expiresAt().atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong("seq"));
    }

    /** Replaces this ECS's periods with those its events now give, and marks it for re-billing from the event's hour. */
    private Uni<Void> rederive(Tx conn, String ecsId, UUID accountId, List<BillableUse.Event> events,
            Instant occurredAt, OffsetDateTime now) {
        BillableUse.Derived d = BillableUse.derive(events);
        List<Tuple> rows = new ArrayList<>();
        boolean[] skip = BillableUse.skipFirstHour(d.periods());
        for (int i = 0; i < d.periods().size(); i++) {
            BillableUse.Period p = d.periods().get(i);
            rows.add(Tuple.tuple().addValue(ecsId).addValue(accountId).addValue(p.image().productId())
                    .addValue(p.image().specificationId()).addValue(p.image().hourlyPrice())
                    .addValue(p.image().currency() == null ? "USD" : p.image().currency())
                    .addValue(p.start().atOffset(ZoneOffset.UTC))
                    .addValue(p.end() == null ? null : p.end().atOffset(ZoneOffset.UTC)).addValue(skip[i]));
        }
        Uni<Void> insert = rows.isEmpty() ? Uni.createFrom().voidItem()
                : conn.preparedQuery("""
                        insert into metering_period (ecs_id, account_id, product_id, specification_id, hourly_price,
                            currency, starts_at, ends_at, skip_first_hour) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)""")
                        .executeBatch(rows).replaceWithVoid();
        return conn.preparedQuery("delete from metering_period where ecs_id = $1").execute(Tuple.of(ecsId))
                .chain(() -> insert)
                .chain(() -> conn.preparedQuery("""
                        update metering_ecs set status = $2, product_id = $3, ecs_billing_mode = $4, expires_at = $5,
                            updated_at = $6 where ecs_id = $1""")
                        .execute(Tuple.tuple().addValue(ecsId).addValue(d.status().name())
                                .addValue(d.image() == null ? null : d.image().productId())
                                .addValue(d.mode() == null ? null : d.mode().name())
                                .addValue(d.expiresAt() == null ? null : d.expiresAt().atOffset(ZoneOffset.UTC))
                                .addValue(now)))
                .chain(() -> conn.preparedQuery("""
                        insert into metering_rebill (ecs_id, from_hour, run_id) values ($1, $2, null)
                        on conflict (ecs_id) do update
                        set from_hour = least(metering_rebill.from_hour, excluded.from_hour), run_id = null""")
                        .execute(Tuple.of(ecsId, BillableUse.hourOf(occurredAt).atOffset(ZoneOffset.UTC))))
                .replaceWithVoid();
    }
}
