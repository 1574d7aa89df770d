package dev.opengallery.supervision;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.resteasy.reactive.multipart.FileUpload;

import dev.opengallery.core.Db;
import dev.opengallery.apps.AppService;
import dev.opengallery.catalog.ProductType;
import dev.opengallery.core.AppClock;
import dev.opengallery.core.FieldErrors;
import dev.opengallery.core.Page;
import dev.opengallery.core.ProblemException;
import dev.opengallery.notifications.Channel;
import dev.opengallery.notifications.Notifications;
import dev.opengallery.offers.MilestoneBills;
import dev.opengallery.ordering.OrderService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import dev.opengallery.core.Tx;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Service supervision: every move of a flow by its buyer, its seller or an operator, in one transaction each:
 * the flow row is locked, the client's version (if sent) compared, {@link FlowMachine} asked, the flow written
 * with a version guard, the move recorded with its attachments, the order completed or canceled through the
 * ordering feature, milestone bills generated, and the other party notified.
 */
@ApplicationScoped
public class SupervisionService {

    static final int MAX_TEXT = 10_000;
    static final int MAX_REASON = 2_000;
    static final int MAX_URL = 2_000;

    @Inject
    Pool pool;

    @Inject
    Db db;

    @Inject
    AppClock clock;

    @Inject
    SupervisionSettings settings;

    @Inject
    OrderService orders;

    @Inject
    MilestoneBills bills;

    @Inject
    Notifications notifications;

    @Inject
    Attachments attachments;

    @Inject
    AppService apps;

    /** Who is calling: a party with its account, or an operator (with its account, for the records). */
    public record Who(Actor actor, UUID accountId) {
        UUID buyerScope() {
            return actor == Actor.BUYER ? accountId : null;
        }

        UUID sellerScope() {
            return actor == Actor.SELLER ? accountId : null;
        }
    }

    /** The fields a delivery may carry besides its note and files. */
    public record Delivery(String note, String offlineDeliveryConfirmed, String username, String password,
            String managementUrl, String frontendUrl) {
    }

    // ------------------------------------------------------------------------------------------ moves

    public Uni<FlowViews.FlowView> submitRequest(Who who, UUID flowId, String request, String requirement,
            String version, List<FileUpload> files) {
        Long expected = version(version);
        FieldErrors errors = new FieldErrors();
        String text = text(errors, "request", request, MAX_TEXT, true);
        String description = text(errors, "requirementDescription", requirement, MAX_TEXT, false);
        errors.throwIfAny();
        return attachments.read(files).chain(uploads -> db.transaction(conn -> lock(conn, flowId, who)
                .chain(row -> {
                    FlowMachine.Outcome outcome = decide(row, FlowAction.SUBMIT_REQUEST, who, expected);
                    boolean service = row.type() == ProductType.PROFESSIONAL_SERVICE
                            || row.type() == ProductType.CONSULTING_SERVICE;
                    if (!service && description != null) {
                        throw ProblemException.invalid("requirementDescription",
                                "only professional and consulting services take a requirement description");
                    }
                    if (!service && !uploads.isEmpty()) {
                        throw ProblemException.invalid("files", "only professional and consulting services take "
                                + "attachments with the request");
                    }
                    Instant now = clock.now();
                    FlowRow.Change c = row.change();
                    c.enter(outcome.next(), now);
                    c.deliveries = 0;
                    c.requestText = text;
                    c.requirement = description;
                    String note = description == null ? text : text + "\n\nRequirement description:\n" + description;
                    return write(conn, row, c, now)
                            .chain(() -> record(conn, row, who, FlowAction.SUBMIT_REQUEST.name(), row.state(), c.state,
                                    c.milestone, note, uploads, now))
                            .chain(() -> notify(conn, row.sellerId(), "FLOW_REQUEST_SUBMITTED",
                                    "New request: " + row.productName(),
                                    "The buyer of " + row.productName() + " submitted a request"
                                            + (uploads.isEmpty() ? "" : " with " + uploads.size() + " attachment(s)")
                                            + ". It is your turn: deliver, or reject the request with a reason.",
                                    sellerLink(row)));
                }))).chain(() -> find(flowId, who));
    }

    public Uni<FlowViews.FlowView> rejectRequest(Who who, UUID flowId, String reason, Long expected) {
        String why = reason(reason);
        return db.transaction(conn -> lock(conn, flowId, who).chain(row -> {
            FlowMachine.Outcome outcome = decide(row, FlowAction.REJECT_REQUEST, who, expected);
            Instant now = clock.now();
            FlowRow.Change c = row.change();
            c.enter(outcome.next(), now);
            c.requestRejections++;
            boolean appealable = c.requestRejections >= AppealRules.REQUEST_REJECTIONS;
            return write(conn, row, c, now)
                    .chain(() -> record(conn, row, who, FlowAction.REJECT_REQUEST.name(), row.state(), c.state,
                            c.milestone, why, List.of(), now))
                    .chain(() -> notify(conn, row.accountId(), "FLOW_REQUEST_REJECTED",
                            "Request rejected: " + row.productName(),
                            "The seller rejected your request for " + row.productName() + " (rejection "
                                    + c.requestRejections + "): " + why + "\nSubmit the request again"
                                    + (appealable ? ", or appeal: the seller has rejected it "
                                            + AppealRules.REQUEST_REJECTIONS + " times." : "."),
                            buyerLink(row)));
        })).chain(() -> find(flowId, who));
    }

    public Uni<FlowViews.FlowView> deliver(Who who, UUID flowId, Delivery d, String version, List<FileUpload> files) {
        Long expected = version(version);
        FieldErrors errors = new FieldErrors();
        String note = text(errors, "note", d.note(), MAX_TEXT, true);
        String confirmed = d.offlineDeliveryConfirmed() == null ? null : d.offlineDeliveryConfirmed().trim();
        if (confirmed != null && !confirmed.isEmpty() && !confirmed.equalsIgnoreCase("true")
                && !confirmed.equalsIgnoreCase("false")) {
            errors.add("offlineDeliveryConfirmed", "must be true or false");
        }
        String username = text(errors, "username", d.username(), 200, false);
        String password = d.password() == null || d.password().isEmpty() ? null : d.password();
        if (password != null && password.length() > 200) {
            errors.add("password", "must be at most 200 characters");
        }
        String management = url(errors, "managementUrl", d.managementUrl());
        String frontend = url(errors, "frontendUrl", d.frontendUrl());
        errors.throwIfAny();
        boolean appInfo = username != null || password != null || management != null || frontend != null;
        return attachments.read(files).chain(uploads -> db.transaction(conn -> lock(conn, flowId, who)
                .chain(row -> {
                    FlowMachine.Outcome outcome = decide(row, FlowAction.DELIVER, who, expected);
                    if (row.type() == ProductType.LICENSE && !"true".equalsIgnoreCase(confirmed)) {
                        throw ProblemException.invalid("offlineDeliveryConfirmed",
                                "a license is delivered offline: confirm it with true");
                    }
                    if (row.type() != ProductType.SAAS && appInfo) {
                        throw ProblemException.invalid("username", "application information is for SaaS products only");
                    }
                    Instant now = clock.now();
                    FlowRow.Change c = row.change();
                    c.enter(outcome.next(), now);
                    c.deliveries++;
                    String recordNote = row.type() == ProductType.LICENSE ? "Delivered offline (confirmed). " + note
                            : note;
                    Uni<?> info = !appInfo ? Uni.createFrom().voidItem()
                            : applicationInfo(conn, row, who, username, password, management, frontend, now);
                    return write(conn, row, c, now).chain(() -> info)
                            .chain(() -> record(conn, row, who, FlowAction.DELIVER.name(), row.state(), c.state,
                                    c.milestone, recordNote, uploads, now))
                            .chain(() -> notify(conn, row.accountId(), "FLOW_DELIVERED",
                                    "Delivered: " + row.productName(),
                                    "The seller delivered " + row.productName()
                                            + (row.milestones() > 1 ? " (milestone " + row.milestone() + " of "
                                                    + row.milestones() + ")" : "")
                                            + ": " + note + "\nAccept the delivery, or reject it with a reason.",
                                    buyerLink(row)));
                }))).chain(() -> find(flowId, who));
    }

    /**
     * SaaS application information goes onto the purchased app through the apps feature's one operation (the same
     * rule, cipher, audit and history as the seller's app endpoint), so the buyer sees the same information on the
     * flow now and among purchased apps after completion.
     */
    private Uni<Void> applicationInfo(Tx conn, FlowRow row, Who who, String username, String password,
            String management, String frontend, Instant now) {
        return apps.supplyOfOrder(conn, row.orderId(), who.accountId(), username, password, management, frontend,
                null, "with the delivery of service flow " + row.id(), now);
    }

    public Uni<FlowViews.FlowView> accept(Who who, UUID flowId, Boolean confirmNoUnsubscribe, String note,
            Long expected) {
        if (!Boolean.TRUE.equals(confirmNoUnsubscribe)) {
            throw ProblemException.invalid("confirmNoUnsubscribe", "must be true: once accepted, the service cannot "
                    + "be unsubscribed from; if anything is missing, contact the seller before accepting");
        }
        FieldErrors errors = new FieldErrors();
        String text = text(errors, "note", note, MAX_REASON, false);
        errors.throwIfAny();
        return db.transaction(conn -> lock(conn, flowId, who).chain(row -> {
            FlowMachine.Outcome outcome = decide(row, FlowAction.ACCEPT, who, expected);
            Instant now = clock.now();
            return accepted(conn, row, who, FlowAction.ACCEPT.name(), outcome, text, now)
                    .chain(c -> notify(conn, row.sellerId(), "FLOW_ACCEPTED", "Delivery accepted: " + row.productName(),
                            outcome.nextMilestone()
                                    ? "The buyer accepted milestone " + row.milestone() + " of " + row.milestones()
                                            + " of " + row.productName() + ". Deliver milestone " + c.milestone + "."
                                    : "The buyer accepted the delivery of " + row.productName() + ". The order "
                                            + "completes " + hours(settings.completeAfter()) + " after acceptance.",
                            sellerLink(row)));
        })).chain(() -> find(flowId, who));
    }

    /**
     * Acceptance of the current milestone, by the buyer or by an operator's COMPLETE decision: the next milestone's
     * bill is generated; the flow moves on to the next milestone, or is ACCEPTED (and completes later).
     */
    private Uni<FlowRow.Change> accepted(Tx conn, FlowRow row, Who who, String action,
            FlowMachine.Outcome outcome, String note, Instant now) {
        FlowRow.Change c = row.change();
        c.enter(outcome.next(), now);
        c.openAppealId = null;
        if (outcome.nextMilestone()) {
            c.milestone = row.milestone() + 1;
            c.deliveryRejections = 0;
            c.deliveries = 0;
        } else {
            c.acceptedAt = now;
        }
        Uni<Void> bill = row.milestoneOrder() ? bills.onMilestoneAccepted(conn, row.orderId(), row.milestone())
                : Uni.createFrom().voidItem();
        String recordNote = (row.milestones() > 1 ? "Milestone " + row.milestone() + " of " + row.milestones()
                + " accepted" + (outcome.nextMilestone() ? "; bill " + (row.milestone() + 1) + " generated" : "")
                + ". " : "") + (note == null ? "" : note);
        return write(conn, row, c, now).chain(() -> bill)
                .chain(() -> record(conn, row, who, action, row.state(), c.state, row.milestone(),
                        recordNote.isBlank() ? null : recordNote.strip(), List.of(), now))
                .replaceWith(c);
    }

    public Uni<FlowViews.FlowView> rejectDelivery(Who who, UUID flowId, String reason, Long expected) {
        String why = reason(reason);
        return db.transaction(conn -> lock(conn, flowId, who).chain(row -> {
            FlowMachine.Outcome outcome = decide(row, FlowAction.REJECT_DELIVERY, who, expected);
            Instant now = clock.now();
            FlowRow.Change c = row.change();
            c.enter(outcome.next(), now);
            c.deliveryRejections++;
            boolean appealable = c.deliveryRejections >= AppealRules.DELIVERY_REJECTIONS;
            return write(conn, row, c, now)
                    .chain(() -> record(conn, row, who, FlowAction.REJECT_DELIVERY.name(), row.state(), c.state,
                            c.milestone, why, List.of(), now))
                    .chain(() -> notify(conn, row.sellerId(), "FLOW_DELIVERY_REJECTED",
                            "Delivery rejected: " + row.productName(),
                            "The buyer rejected your delivery of " + row.productName() + " (rejection "
                                    + c.deliveryRejections + "): " + why + "\nDeliver again"
                                    + (appealable ? ", or appeal: the buyer has rejected it "
                                            + AppealRules.DELIVERY_REJECTIONS + " times." : "."),
                            sellerLink(row)));
        })).chain(() -> find(flowId, who));
    }

    public Uni<FlowViews.FlowView> remind(Who who, UUID flowId) {
        return db.transaction(conn -> lock(conn, flowId, who).chain(row -> {
            decide(row, FlowAction.REMIND, who, null);
            Instant now = clock.now();
            Instant next = row.lastRemindedAt() == null ? null : row.lastRemindedAt().plus(settings.reminderInterval());
            if (next != null && now.isBefore(next)) {
                throw ProblemException.unprocessable("You reminded the seller at " + row.lastRemindedAt()
                        + "; the next reminder can be sent at " + next);
            }
            // a reminder is not a move: the flow's version and turn clock stay as they are
            return conn.preparedQuery("update service_flow set last_reminded_at = $2 where id = $1")
                    .execute(Tuple.of(flowId, ts(now)))
                    .chain(() -> conn.preparedQuery(
                            "insert into flow_reminder (id, flow_id, account_id, sent_at) values ($1, $2, $3, $4)")
                            .execute(Tuple.of(UUID.randomUUID(), flowId, who.accountId(), ts(now))))
                    .chain(() -> record(conn, row, who, FlowAction.REMIND.name(), row.state(), row.state(),
                            row.milestone(), "The buyer reminded the seller", List.of(), now))
                    .chain(() -> notifications.notify(conn, row.sellerId(), "FLOW_REMINDER",
                            "Reminder: " + row.productName(),
                            "The buyer of " + row.productName() + " is waiting for you (since " + row.stateSince()
                                    + "). Please deliver, or update the service flow.",
                            sellerLink(row), EnumSet.of(Channel.EMAIL, Channel.SMS)))
                    .replaceWithVoid();
        })).chain(() -> find(flowId, who));
    }

    public Uni<FlowViews.FlowView> appeal(Who who, UUID flowId, String reason) {
        String why = reason(reason);
        return db.transaction(conn -> lock(conn, flowId, who).chain(row -> {
            decide(row, FlowAction.APPEAL, who, null);
            Instant now = clock.now();
            List<AppealRules.Ground> grounds = AppealRules.grounds(who.actor(), row.facts(), now,
                    settings.appealAfter());
            UUID appealId = UUID.randomUUID();
            FlowRow.Change c = row.change();
            c.openAppealId = appealId;
            boolean byBuyer = who.actor() == Actor.BUYER;
            UUID other = byBuyer ? row.sellerId() : row.accountId();
            String otherLink = byBuyer ? sellerLink(row) : buyerLink(row);
            String groundText = String.join(", ", grounds.stream().map(Enum::name).toList());
            return conn.preparedQuery("""
                    insert into flow_appeal (id, flow_id, opened_by, opened_role, reason, grounds, state_at_open, status,
                        opened_at) values ($1, $2, $3, $4, $5, $6, $7, 'OPEN', $8)""")
                    .execute(Tuple.tuple().addValue(appealId).addValue(flowId).addValue(who.accountId())
                            .addValue(who.actor().role()).addValue(why)
                            .addValue(grounds.stream().map(Enum::name).toArray(String[]::new))
                            .addValue(row.state().name()).addValue(ts(now)))
                    .chain(() -> write(conn, row, c, now))
                    .chain(() -> record(conn, row, who, FlowAction.APPEAL.name(), row.state(), row.state(),
                            row.milestone(), why + " [grounds: " + groundText + "]", List.of(), now))
                    .chain(() -> notify(conn, other, "FLOW_APPEAL_OPENED", "Appeal opened: " + row.productName(),
                            "The " + (byBuyer ? "buyer" : "seller") + " appealed the service flow of "
                                    + row.productName() + ": " + why + "\nThe flow is frozen until the operations "
                                    + "manager decides.", otherLink))
                    .chain(() -> notify(conn, who.accountId(), "FLOW_APPEAL_OPENED",
                            "Your appeal is open: " + row.productName(), "Your appeal on " + row.productName()
                                    + " was received; the operations manager will decide it. Until then the flow is "
                                    + "frozen.", byBuyer ? buyerLink(row) : sellerLink(row)));
        })).chain(() -> find(flowId, who));
    }

    @Schema(name = "AppealDecisionKind")
    public enum Decision {
        RESUME, COMPLETE, CANCEL
    }

    public Uni<FlowViews.Appeal> decide(Who operator, UUID appealId, Decision decision, String note) {
        String why = reason(note);
        FlowAction action = FlowAction.valueOf(decision.name());
        return db.transaction(conn -> conn.preparedQuery("select flow_id from flow_appeal where id = $1")
                .execute(Tuple.of(appealId)).chain(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Appeal");
                    }
                    UUID flowId = rows.iterator().next().getUUID("flow_id");
                    return lock(conn, flowId, operator).chain(row -> conn.preparedQuery(
                            "select status from flow_appeal where id = $1").execute(Tuple.of(appealId)).chain(st -> {
                                String status = st.iterator().next().getString("status");
                                if (!"OPEN".equals(status) || !appealId.equals(row.openAppealId())) {
                                    throw ProblemException.illegalState("The appeal was already decided", status);
                                }
                                FlowMachine.Outcome outcome = decide(row, action, operator, null);
                                return decided(conn, row, operator, appealId, decision, outcome, why);
                            }));
                })).chain(() -> appeal(appealId));
    }

    private Uni<Void> decided(Tx conn, FlowRow row, Who operator, UUID appealId, Decision decision,
            FlowMachine.Outcome outcome, String note) {
        Instant now = clock.now();
        Uni<?> flow;
        String result;
        switch (decision) {
            case RESUME -> {
                FlowRow.Change c = row.change();
                c.enter(row.state(), now);
                c.openAppealId = null;
                c.requestRejections = 0;
                c.deliveryRejections = 0;
                flow = write(conn, row, c, now).chain(() -> record(conn, row, operator, "APPEAL_RESUME", row.state(),
                        row.state(), row.milestone(), note, List.of(), now));
                result = "resumed: the flow continues where it was (" + row.state() + ")";
            }
            case COMPLETE -> {
                flow = accepted(conn, row, operator, "APPEAL_COMPLETE", outcome, note, now);
                result = outcome.nextMilestone() ? "completed: milestone " + row.milestone() + " counts as accepted"
                        : "completed as if accepted: the order completes " + hours(settings.completeAfter()) + " later";
            }
            default -> {
                FlowRow.Change c = row.change();
                c.enter(FlowState.CANCELED, now);
                c.openAppealId = null;
                c.closedAt = now;
                flow = write(conn, row, c, now)
                        .chain(() -> record(conn, row, operator, "APPEAL_CANCEL", row.state(), FlowState.CANCELED,
                                row.milestone(), note, List.of(), now))
                        .chain(() -> orders.cancelAndRefund(conn, row.orderId(), operator.accountId(), "operator",
                                "appeal decided: canceled - " + note));
                result = "canceled: the order is canceled and what you paid is refunded";
            }
        }
        String body = "The operations manager decided the appeal on " + row.productName() + ": " + result
                + ".\nNote: " + note;
        return flow.chain(() -> conn.preparedQuery("""
                update flow_appeal set status = 'DECIDED', decision = $2, decision_note = $3, decided_by = $4,
                    decided_at = $5 where id = $1 and status = 'OPEN'""")
                .execute(Tuple.of(appealId, decision.name(), note, operator.accountId(), ts(now))))
                .chain(() -> notify(conn, row.accountId(), "FLOW_APPEAL_DECIDED",
                        "Appeal decided: " + row.productName(), body, buyerLink(row)))
                .chain(() -> notify(conn, row.sellerId(), "FLOW_APPEAL_DECIDED",
                        "Appeal decided: " + row.productName(), body, sellerLink(row)))
                .replaceWithVoid();
    }

    /**
     * The SaaS application password, for the buyer only, before the app is listed among purchased apps (afterwards
     * the apps feature's reveal serves it). The reveal is the apps feature's one operation (one audit, one rate
     * limit per app); a successful one is also recorded on the flow.
     */
    public Uni<FlowViews.RevealedPassword> revealPassword(Who who, String subject, UUID flowId) {
        return db.transaction(conn -> lock(conn, flowId, who).chain(row -> {
            if (row.type() != ProductType.SAAS) {
                throw ProblemException.notFound("Application password");
            }
            Instant now = clock.now();
            return apps.revealOfOrder(conn, row.orderId(), who.accountId(), subject, now)
                    .call(r -> !r.revealed() ? Uni.createFrom().voidItem()
                            : record(conn, row, who, "REVEAL_PASSWORD", row.state(), row.state(), row.milestone(),
                                    "The buyer revealed the application password", List.of(), now));
        })).map(r -> new FlowViews.RevealedPassword(apps.password(r)));
    }

    // -------------------------------------------------------------------------------------- helpers

    /** Locks the flow if the caller may see it (else 404). */
    Uni<FlowRow> lock(Tx conn, UUID flowId, Who who) {
        return conn.preparedQuery(FlowRow.SELECT + """
                where f.id = $1 and ($2::uuid is null or f.account_id = $2) and ($3::uuid is null or f.seller_id = $3)
                for update of f""").execute(Tuple.of(flowId, who.buyerScope(), who.sellerScope())).map(rows -> {
            if (rows.size() == 0) {
                throw ProblemException.notFound("Service flow");
            }
            return FlowRow.of(rows.iterator().next());
        });
    }

    /** Asks the state machine; a refusal becomes the problem the client sees. */
    FlowMachine.Outcome decide(FlowRow row, FlowAction action, Who who, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != row.version()) {
            throw ProblemException.staleVersion("The service flow (version " + row.version() + ", you sent "
                    + expectedVersion + ")");
        }
        FlowMachine.Outcome o = FlowMachine.decide(row.facts(), action, who.actor(), clock.now(),
                settings.appealAfter());
        if (o.allowed()) {
            return o;
        }
        switch (o.refusal()) {
            case ROLE:
                throw new ProblemException(403, "forbidden", "Not allowed for your role", o.reason(), null, null);
            case FROZEN:
                throw new ProblemException(409, "frozen", "Frozen by an open appeal", "The flow is frozen by appeal "
                        + row.openAppealId() + " opened by the " + ("seller".equals(row.appealRole()) ? "seller"
                                : "buyer") + " at " + row.appealOpenedAt()
                        + "; nobody can move it until an operator decides the appeal", null, row.state().name());
            case NOT_ELIGIBLE:
                throw ProblemException.unprocessable(o.reason());
            default:
                throw ProblemException.illegalState(o.reason(), row.state().name());
        }
    }

    /** Writes the new values, guarded by the version read under the lock. */
    Uni<Void> write(Tx conn, FlowRow row, FlowRow.Change c, Instant now) {
        return conn.preparedQuery("""
                update service_flow set state = $2, state_since = $3, request_rejections = $4, delivery_rejections = $5,
                    deliveries_this_round = $6, milestone = $7, accepted_at = $8, closed_at = $9,
                    appealable_at = case when $10 then null else appealable_at end, open_appeal_id = $11,
                    request_text = $12, requirement = $13, updated_at = $14, version = version + 1
                where id = $1 and version = $15 returning version""")
                .execute(Tuple.tuple().addValue(row.id()).addValue(c.state.name()).addValue(ts(c.stateSince))
                        .addValue(c.requestRejections).addValue(c.deliveryRejections).addValue(c.deliveries)
                        .addValue(c.milestone).addValue(ts(c.acceptedAt)).addValue(ts(c.closedAt))
                        .addValue(c.resetAppealable).addValue(c.openAppealId).addValue(c.requestText)
                        .addValue(c.requirement).addValue(ts(now)).addValue(row.version()))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.staleVersion("The service flow");
                    }
                    return null;
                });
    }

    /** One operation record with its attachments. */
    Uni<Void> record(Tx conn, FlowRow row, Who who, String action, FlowState from, FlowState to,
            int milestone, String note, List<Upload> uploads, Instant now) {
        UUID id = UUID.randomUUID();
        Uni<?> insert = conn.preparedQuery("""
                insert into flow_operation (id, flow_id, at, actor_id, actor_role, action, from_state, to_state, milestone,
                    note) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""")
                .execute(Tuple.tuple().addValue(id).addValue(row.id()).addValue(ts(now)).addValue(who.accountId())
                        .addValue(who.actor().role()).addValue(action).addValue(from == null ? null : from.name())
                        .addValue(to.name()).addValue(milestone).addValue(note));
        if (uploads.isEmpty()) {
            return insert.replaceWithVoid();
        }
        List<Tuple> files = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            Upload u = uploads.get(i);
            files.add(Tuple.tuple().addValue(UUID.randomUUID()).addValue(row.id()).addValue(id).addValue(i)
                    .addValue(who.accountId()).addValue(u.fileName()).addValue(u.contentType())
                    .addValue((long) u.data().length).addValue(io.vertx.core.buffer.Buffer.buffer(u.data())).addValue(ts(now)));
        }
        return insert.chain(() -> conn.preparedQuery("""
                insert into flow_attachment (id, flow_id, operation_id, position, uploaded_by, file_name, content_type,
                    size_bytes, data, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""").executeBatch(files))
                .replaceWithVoid();
    }

    Uni<Void> notify(Tx conn, UUID accountId, String kind, String title, String body, String link) {
        return notifications.notify(conn, accountId, kind, title, body, link, EnumSet.of(Channel.EMAIL))
                .replaceWithVoid();
    }

    static String buyerLink(FlowRow row) {
        return "/supervision/flows/" + row.id();
    }

    static String sellerLink(FlowRow row) {
        return "/seller/supervision/flows/" + row.id();
    }

    static String hours(java.time.Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + " hours" : d.toMinutes() + " minutes";
    }

    static OffsetDateTime ts(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    static Long version(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long v = Long.parseLong(value.trim());
            if (v < 0) {
                throw ProblemException.invalid("version", "must be zero or more");
            }
            return v;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("version", "must be a whole number");
        }
    }

    static String reason(String reason) {
        FieldErrors errors = new FieldErrors();
        String text = text(errors, "reason", reason, MAX_REASON, true);
        errors.throwIfAny();
        return text;
    }

    static String text(FieldErrors errors, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(field, "is required");
            }
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            errors.add(field, "must be at most " + max + " characters");
        }
        if (v.indexOf('\u0000') >= 0) {
            errors.add(field, "must not contain NUL characters");
        }
        return v;
    }

    static String url(FieldErrors errors, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            java.net.URI u = new java.net.URI(v);
            if (v.length() > MAX_URL || u.getHost() == null
                    || !("https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme()))) {
                errors.add(field, "must be an http(s) URL");
            }
        } catch (java.net.URISyntaxException e) {
            errors.add(field, "must be an http(s) URL");
        }
        return v;
    }

    // ------------------------------------------------------------------------------------------- reads

    public record Filter(FlowState state, ProductType type, String productName, UUID orderId, OffsetDateTime from,
            OffsetDateTime to, Boolean frozen) {
    }

    public Uni<Page<FlowViews.FlowSummary>> list(Who who, Filter f, int page, int size) {
        String name = f.productName() == null || f.productName().isBlank() ? null
                : f.productName().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        Tuple args = Tuple.tuple().addValue(who.buyerScope()).addValue(who.sellerScope())
                .addValue(f.state() == null ? null : f.state().name()).addValue(f.type() == null ? null : f.type().name())
                .addValue(name).addValue(f.orderId()).addValue(f.from()).addValue(f.to()).addValue(f.frozen())
                .addValue(size).addValue((long) page * size);
        return pool.preparedQuery(FlowRow.SELECT.replace("select f.id,", "select count(*) over () as total, f.id,") + """
                where ($1::uuid is null or f.account_id = $1) and ($2::uuid is null or f.seller_id = $2)
                  and ($3::text is null or f.state = $3) and ($4::text is null or o.product_type = $4)
                  and ($5::text is null or o.product_name ilike '%' || $5 || '%')
                  and ($6::uuid is null or f.order_id = $6)
                  and ($7::timestamptz is null or f.created_at >= $7) and ($8::timestamptz is null or f.created_at < $8)
                  and ($9::boolean is null or (f.open_appeal_id is not null) = $9)
                order by f.created_at desc, f.id limit $10 offset $11""").execute(args)
                .map(rows -> Page.of(rows, r -> FlowRow.of(r).summary(), page, size));
    }

    public Uni<FlowViews.FlowView> find(UUID flowId, Who who) {
        return pool.preparedQuery(FlowRow.SELECT + """
                where f.id = $1 and ($2::uuid is null or f.account_id = $2) and ($3::uuid is null or f.seller_id = $3)""")
                .execute(Tuple.of(flowId, who.buyerScope(), who.sellerScope())).chain(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Service flow");
                    }
                    FlowRow row = FlowRow.of(rows.iterator().next());
                    Uni<List<FlowViews.Operation>> ops = operations(flowId);
                    Uni<List<FlowViews.Appeal>> appeals = appeals(flowId);
                    Uni<FlowViews.AppInfo> info = row.type() == ProductType.SAAS ? appInfo(row)
                            : Uni.createFrom().nullItem();
                    return Uni.combine().all().unis(ops, appeals, info)
                            .with((o, a, i) -> view(row, who, o, a, i));
                });
    }

    FlowViews.FlowView view(FlowRow row, Who who, List<FlowViews.Operation> ops, List<FlowViews.Appeal> appeals,
            FlowViews.AppInfo info) {
        Instant now = clock.now();
        List<FlowAction> allowed = new ArrayList<>();
        for (FlowAction a : FlowAction.values()) {
            if (FlowMachine.who(a) == Actor.SYSTEM) {
                continue;
            }
            if (FlowMachine.decide(row.facts(), a, who.actor(), now, settings.appealAfter()).allowed()) {
                if (a == FlowAction.REMIND && row.lastRemindedAt() != null
                        && now.isBefore(row.lastRemindedAt().plus(settings.reminderInterval()))) {
                    continue;
                }
                allowed.add(a);
            }
        }
        FlowViews.Appealability appealability = null;
        if (who.actor() == Actor.BUYER || who.actor() == Actor.SELLER) {
            List<AppealRules.Ground> grounds = AppealRules.grounds(who.actor(), row.facts(), now,
                    settings.appealAfter());
            boolean waitingOnOther = who.actor() == Actor.BUYER ? row.state() == FlowState.WAITING_FOR_SELLER
                    : row.state() == FlowState.WAITING_FOR_ACCEPTANCE;
            Instant silentFrom = waitingOnOther ? AppealRules.silentFrom(row.facts(), settings.appealAfter()) : null;
            appealability = new FlowViews.Appealability(!row.frozen() && !grounds.isEmpty(), grounds, ts(silentFrom));
        }
        Instant nextReminder = who.actor() != Actor.BUYER || row.lastRemindedAt() == null ? null
                : row.lastRemindedAt().plus(settings.reminderInterval());
        if (nextReminder != null && !nextReminder.isAfter(now)) {
            nextReminder = null;
        }
        Instant completesAt = row.state() == FlowState.ACCEPTED && row.acceptedAt() != null
                ? row.acceptedAt().plus(settings.completeAfter()) : null;
        return new FlowViews.FlowView(row.summary(), row.requestTemplate(), row.requestText(), row.requirement(),
                row.requestRejections(), row.deliveryRejections(), ts(row.acceptedAt()), ts(completesAt),
                ts(row.closedAt()), ts(row.lastRemindedAt()), ts(nextReminder), appealability, allowed, info, ops,
                appeals);
    }

    Uni<List<FlowViews.Operation>> operations(UUID flowId) {
        Uni<Map<UUID, List<FlowViews.Attachment>>> files = pool.preparedQuery("""
                select id, operation_id, file_name, content_type, size_bytes, created_at from flow_attachment
                where flow_id = $1 order by created_at, operation_id, position""").execute(Tuple.of(flowId)).map(rows -> {
            Map<UUID, List<FlowViews.Attachment>> byOp = new LinkedHashMap<>();
            for (Row r : rows) {
                byOp.computeIfAbsent(r.getUUID("operation_id"), k -> new ArrayList<>())
                        .add(new FlowViews.Attachment(r.getUUID("id"), r.getString("file_name"),
                                r.getString("content_type"), r.getLong("size_bytes"), r.getOffsetDateTime("created_at")));
            }
            return byOp;
        });
        return files.chain(byOp -> pool.preparedQuery("""
                select id, at, actor_id, actor_role, action, from_state, to_state, milestone, note from flow_operation
                where flow_id = $1 order by seq""").execute(Tuple.of(flowId)).map(rows -> {
            List<FlowViews.Operation> out = new ArrayList<>();
            for (Row r : rows) {
                String from = r.getString("from_state");
                out.add(new FlowViews.Operation(r.getUUID("id"), r.getOffsetDateTime("at"), r.getUUID("actor_id"),
                        r.getString("actor_role"), r.getString("action"), from == null ? null : FlowState.valueOf(from),
                        FlowState.valueOf(r.getString("to_state")), r.getInteger("milestone"), r.getString("note"),
                        byOp.getOrDefault(r.getUUID("id"), List.of())));
            }
            return out;
        }));
    }

    static final String APPEAL_SELECT = """
            select a.id, a.flow_id, f.order_id, o.product_name, a.opened_by, a.opened_role, a.reason, a.grounds,
                a.state_at_open, a.status, a.decision, a.decision_note, a.decided_by, a.opened_at, a.decided_at
            from flow_appeal a join service_flow f on f.id = a.flow_id join customer_order o on o.id = f.order_id
            """;

    Uni<List<FlowViews.Appeal>> appeals(UUID flowId) {
        return pool.preparedQuery(APPEAL_SELECT + " where a.flow_id = $1 order by a.opened_at, a.id")
                .execute(Tuple.of(flowId)).map(rows -> {
                    List<FlowViews.Appeal> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(appealView(r));
                    }
                    return out;
                });
    }

    public Uni<FlowViews.Appeal> appeal(UUID appealId) {
        return pool.preparedQuery(APPEAL_SELECT + " where a.id = $1").execute(Tuple.of(appealId)).map(rows -> {
            if (rows.size() == 0) {
                throw ProblemException.notFound("Appeal");
            }
            return appealView(rows.iterator().next());
        });
    }

    /** The operators' appeal queue: oldest first; status OPEN, DECIDED or CLOSED (null: all). */
    public Uni<Page<FlowViews.Appeal>> appeals(String status, int page, int size) {
        return pool.preparedQuery(APPEAL_SELECT.replace("select a.id,", "select count(*) over () as total, a.id,")
                + " where ($1::text is null or a.status = $1) order by a.opened_at, a.id limit $2 offset $3")
                .execute(Tuple.of(status, size, (long) page * size))
                .map(rows -> Page.of(rows, SupervisionService::appealView, page, size));
    }

    static FlowViews.Appeal appealView(Row r) {
        String[] grounds = r.getArrayOfStrings("grounds");
        return new FlowViews.Appeal(r.getUUID("id"), r.getUUID("flow_id"), r.getUUID("order_id"),
                r.getString("product_name"), r.getUUID("opened_by"), r.getString("opened_role"), r.getString("reason"),
                Arrays.stream(grounds == null ? new String[0] : grounds).map(AppealRules.Ground::valueOf).toList(),
                FlowState.valueOf(r.getString("state_at_open")), r.getString("status"), r.getString("decision"),
                r.getString("decision_note"), r.getUUID("decided_by"), r.getOffsetDateTime("opened_at"),
                r.getOffsetDateTime("decided_at"));
    }

    Uni<FlowViews.AppInfo> appInfo(FlowRow row) {
        return pool.preparedQuery("""
                select app_username, app_password is not null as password_set, app_management_url, app_frontend_url,
                    app_guide_url from subscription where order_id = $1""").execute(Tuple.of(row.orderId())).map(rows -> {
            if (rows.size() == 0) {
                return new FlowViews.AppInfo(null, false, null, null, row.guideUrl());
            }
            Row r = rows.iterator().next();
            String guide = r.getString("app_guide_url");
            return new FlowViews.AppInfo(r.getString("app_username"), r.getBoolean("password_set"),
                    r.getString("app_management_url"), r.getString("app_frontend_url"),
                    guide != null ? guide : row.guideUrl());
        });
    }

    public record Download(String fileName, String contentType, byte[] data) {
    }

    public Uni<Download> download(Who who, UUID flowId, UUID attachmentId) {
        return pool.preparedQuery("""
                select a.file_name, a.content_type, a.data from flow_attachment a join service_flow f on f.id = a.flow_id
                where a.id = $1 and a.flow_id = $2 and ($3::uuid is null or f.account_id = $3)
                  and ($4::uuid is null or f.seller_id = $4)""")
                .execute(Tuple.of(attachmentId, flowId, who.buyerScope(), who.sellerScope())).map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Attachment");
                    }
                    Row r = rows.iterator().next();
                    return new Download(r.getString("file_name"), r.getString("content_type"),
                            r.getBuffer("data").getBytes());
                });
    }
}
