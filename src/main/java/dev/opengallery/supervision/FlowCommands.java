package dev.opengallery.supervision;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.resteasy.reactive.multipart.FileUpload;

import dev.opengallery.apps.AppService;
import dev.opengallery.catalog.ProductType;
import dev.opengallery.core.FormFields;
import dev.opengallery.core.AppClock;
import dev.opengallery.core.Db;
import dev.opengallery.core.ProblemException;
import dev.opengallery.core.Tx;
import dev.opengallery.notifications.Channel;
import dev.opengallery.notifications.Notifications;
import dev.opengallery.offers.MilestoneBills;
import dev.opengallery.ordering.OrderService;
import io.smallrye.mutiny.Uni;

/**
 * Every move of a flow by its buyer, its seller or an operator, one transaction each ({@link Db#transaction}): the
 * input is checked ({@link FlowInput}), the {@link ServiceFlow} locked and loaded, the client's version (if sent)
 * compared, the move made by the flow's own method (which asks {@link FlowMachine}), the flow saved with its records,
 * the order completed or canceled through the ordering feature, milestone bills generated, and the other party
 * notified ({@link FlowNotices}). Each answers the flow (or the appeal) as its reader sees it after the move.
 */
@ApplicationScoped
public class FlowCommands {

    @Inject
    Db db;

    @Inject
    AppClock clock;

    @Inject
    SupervisionSettings settings;

    @Inject
    FlowQueries queries;

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

    // ------------------------------------------------------------------------------------------ buyer

    public Uni<FlowViews.FlowView> submitRequest(Who who, UUID flowId, String request, String requirement,
            String version, List<FileUpload> files) {
        Long expected = FormFields.version(version);
        FlowInput.Request r = FlowInput.request(request, requirement);
        return attachments.read(files).chain(uploads -> move(who, flowId, expected, (tx, flow) -> {
            flow.submitRequest(who, r.text(), r.requirement(), uploads, clock.now(), settings.appealAfter());
            return flow.save(tx).chain(() -> notify(tx, FlowNotices.requestSubmitted(flow.id(), flow.sellerId(),
                    flow.context().productName(), uploads.size())));
        }));
    }

    public Uni<FlowViews.FlowView> accept(Who who, UUID flowId, Boolean confirmNoUnsubscribe, String note,
            Long expected) {
        String text = FlowInput.acceptance(confirmNoUnsubscribe, note);
        return move(who, flowId, expected, (tx, flow) -> {
            ServiceFlow.Accepted a = flow.accept(who, text, clock.now(), settings.appealAfter());
            return flow.save(tx).chain(() -> bill(tx, flow, a))
                    .chain(() -> notify(tx, FlowNotices.accepted(flow.id(), flow.sellerId(),
                            flow.context().productName(), a, flow.context().milestones(), flow.milestone(),
                            settings.completeAfter())));
        });
    }

    public Uni<FlowViews.FlowView> rejectDelivery(Who who, UUID flowId, String reason, Long expected) {
        String why = FlowInput.reason(reason);
        return move(who, flowId, expected, (tx, flow) -> {
            boolean appealable = flow.rejectDelivery(who, why, clock.now(), settings.appealAfter());
            return flow.save(tx).chain(() -> notify(tx, FlowNotices.deliveryRejected(flow.id(), flow.sellerId(),
                    flow.context().productName(), flow.deliveryRejections, why, appealable)));
        });
    }

    public Uni<FlowViews.FlowView> remind(Who who, UUID flowId) {
        return move(who, flowId, null, (tx, flow) -> {
            Instant waitingSince = flow.stateSince();
            flow.remind(who, clock.now(), settings.appealAfter(), settings.reminderInterval());
            return flow.save(tx).chain(() -> notifications.notifyAll(tx, List.of(FlowNotices.reminder(flow.id(),
                    flow.sellerId(), flow.context().productName(), waitingSince)),
                    EnumSet.of(Channel.EMAIL, Channel.SMS)));
        });
    }

    /**
     * The SaaS application password, for the buyer only, before the app is listed among purchased apps (afterwards
     * the apps feature's reveal serves it). The reveal is the apps feature's one operation (one audit, one rate
     * limit per app); a successful one is also recorded on the flow.
     */
    public Uni<FlowViews.RevealedPassword> revealPassword(Who who, String subject, UUID flowId) {
        return db.transaction(tx -> ServiceFlow.lock(tx, flowId, who).chain(flow -> {
            if (flow.context().type() != ProductType.SAAS) {
                throw ProblemException.notFound("Application password");
            }
            Instant now = clock.now();
            return apps.revealOfOrder(tx, flow.orderId(), who.accountId(), subject, now).call(r -> {
                if (!r.revealed()) {
                    return Uni.createFrom().voidItem();
                }
                flow.passwordRevealed(who, now);
                return flow.save(tx);
            });
        })).map(r -> new FlowViews.RevealedPassword(apps.password(r)));
    }

    // ----------------------------------------------------------------------------------------- seller

    public Uni<FlowViews.FlowView> rejectRequest(Who who, UUID flowId, String reason, Long expected) {
        String why = FlowInput.reason(reason);
        return move(who, flowId, expected, (tx, flow) -> {
            boolean appealable = flow.rejectRequest(who, why, clock.now(), settings.appealAfter());
            return flow.save(tx).chain(() -> notify(tx, FlowNotices.requestRejected(flow.id(), flow.accountId(),
                    flow.context().productName(), flow.requestRejections, why, appealable)));
        });
    }

    public Uni<FlowViews.FlowView> deliver(Who who, UUID flowId, FlowInput.DeliveryFields fields, String version,
            List<FileUpload> files) {
        Long expected = FormFields.version(version);
        FlowInput.Delivery d = FlowInput.delivery(fields);
        return attachments.read(files).chain(uploads -> move(who, flowId, expected, (tx, flow) -> {
            Instant now = clock.now();
            flow.deliver(who, d.note(), d.offlineConfirmed(), d.appInfo(), uploads, now, settings.appealAfter());
            // SaaS application information goes onto the purchased app through the apps feature's one operation
            // (the same rule, cipher, audit and history as the seller's app endpoint)
            Uni<Void> info = !d.appInfo() ? Uni.createFrom().voidItem()
                    : apps.supplyOfOrder(tx, flow.orderId(), who.accountId(), d.username(), d.password(),
                            d.managementUrl(), d.frontendUrl(), null,
                            "with the delivery of service flow " + flow.id(), now);
            return flow.save(tx).chain(() -> info).chain(() -> notify(tx, FlowNotices.delivered(flow.id(),
                    flow.accountId(), flow.context().productName(), flow.milestone(), flow.context().milestones(),
                    d.note())));
        }));
    }

    // ---------------------------------------------------------------------------------------- appeals

    /** The buyer or the seller appeals: the flow freezes until an operator decides. */
    public Uni<FlowViews.FlowView> appeal(Who who, UUID flowId, String reason) {
        String why = FlowInput.reason(reason);
        return move(who, flowId, null, (tx, flow) -> {
            flow.appeal(who, why, clock.now(), settings.appealAfter());
            return flow.save(tx).chain(() -> notifyAll(tx, FlowNotices.appealOpened(flow.id(), flow.accountId(),
                    flow.sellerId(), flow.context().productName(), who.actor() == Actor.BUYER, why)));
        });
    }

    /**
     * An operator decides an open appeal; RESUME, COMPLETE (the next milestone's bill, if any) or CANCEL (the order is
     * canceled and refunded by the ordering feature). Deciding twice answers 409.
     */
    public Uni<FlowViews.Appeal> decide(Who operator, UUID appealId, AppealDecision decision, String note) {
        String why = FlowInput.reason(note);
        return db.transaction(tx -> FlowAppeal.<FlowAppeal> findById(appealId).chain(appeal -> {
            if (appeal == null) {
                throw ProblemException.notFound("Appeal");
            }
            // the flow's lock serializes decisions; the appeal is read again under it
            return ServiceFlow.lock(tx, appeal.flowId(), operator)
                    .call(flow -> tx.session().refresh(appeal))
                    .chain(flow -> decided(tx, flow, appeal, operator, decision, why));
        })).chain(() -> queries.appeal(appealId));
    }

    private Uni<Void> decided(Tx tx, ServiceFlow flow, FlowAppeal appeal, Who operator, AppealDecision decision,
            String note) {
        FlowState before = flow.state();
        ServiceFlow.Accepted accepted = flow.decide(operator, appeal, decision, note, clock.now(),
                settings.appealAfter());
        Uni<?> after = switch (decision) {
            case RESUME -> Uni.createFrom().voidItem();
            case COMPLETE -> bill(tx, flow, accepted);
            case CANCEL -> orders.cancelAndRefund(tx, flow.orderId(), operator.accountId(), "operator",
                    "appeal decided: canceled - " + note);
        };
        String result = FlowNotices.decisionResult(decision, before, accepted, settings.completeAfter());
        return flow.save(tx).chain(() -> after).chain(() -> notifyAll(tx, FlowNotices.appealDecided(flow.id(),
                flow.accountId(), flow.sellerId(), flow.context().productName(), result, note)));
    }

    // ----------------------------------------------------------------------------------------- common

    /**
     * One move in one transaction: the flow locked (404 when the caller may not see it), the version the client sent
     * compared (409 when stale), the move made and saved by {@code work}; then the flow as the caller sees it.
     */
    private Uni<FlowViews.FlowView> move(Who who, UUID flowId, Long expected,
            java.util.function.BiFunction<Tx, ServiceFlow, Uni<?>> work) {
        return db.transaction(tx -> ServiceFlow.lock(tx, flowId, who).chain(flow -> {
            flow.expectVersion(expected);
            return work.apply(tx, flow);
        })).chain(() -> queries.find(flowId, who));
    }

    /** The next milestone's bill, when the accepted milestone was not the last of a milestone order. */
    private Uni<Void> bill(Tx tx, ServiceFlow flow, ServiceFlow.Accepted a) {
        return flow.context().milestoneOrder() ? bills.onMilestoneAccepted(tx, flow.orderId(), a.milestone())
                : Uni.createFrom().voidItem();
    }

    private Uni<Void> notify(Tx tx, Notifications.Notice notice) {
        return notifyAll(tx, List.of(notice));
    }

    private Uni<Void> notifyAll(Tx tx, List<Notifications.Notice> notices) {
        return notifications.notifyAll(tx, notices, EnumSet.of(Channel.EMAIL));
    }
}
