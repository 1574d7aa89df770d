package dev.opengallery.requirements;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.resteasy.reactive.RestResponse;

import dev.opengallery.catalog.CatalogRepository;
import dev.opengallery.catalog.ProductStatus;
import dev.opengallery.core.AppClock;
import dev.opengallery.core.Currencies;
import dev.opengallery.core.Db;
import dev.opengallery.core.FieldErrors;
import dev.opengallery.core.ProblemException;
import dev.opengallery.core.Tx;
import dev.opengallery.notifications.Channel;
import dev.opengallery.notifications.Notifications;
import dev.opengallery.offers.OfferService;
import dev.opengallery.offers.OfferView;
import dev.opengallery.payments.Idempotency;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The moves of application requirements: the buyer posts and closes, an operator publishes or rejects, a seller
 * answers with a private offer. Each move is one transaction that changes the {@link Requirement} through its methods
 * and writes its notifications (inbox and e-mail).
 */
@ApplicationScoped
public class Requirements {

    static final Set<Channel> EMAIL = EnumSet.of(Channel.EMAIL);

    @Inject
    Db db;

    @Inject
    AppClock clock;

    @Inject
    Currencies currencies;

    @Inject
    CatalogRepository catalog;

    @Inject
    Notifications notifications;

    @Inject
    OfferService offers;

    @Inject
    Idempotency idempotency;

    @Inject
    RequirementQueries queries;

    /** The id of a requirement posted (what an Idempotency-Key replay answers). */
    public record Ref(UUID id) {
    }

    // ------------------------------------------------------------------------------------------ buyer

    /** Posts a SUBMITTED requirement; with an Idempotency-Key, a retry answers the first one and posts nothing. */
    public Uni<RestResponse<RequirementView>> post(UUID accountId, RequirementRequest r, String idempotencyKey) {
        return check(r).chain(budget -> idempotency.run(accountId, idempotencyKey, "post-requirement", r, Ref.class,
                tx -> {
                    Instant now = clock.now();
                    Requirement q = Requirement.post(UUID.randomUUID(), accountId, r, budget, now);
                    return tx.session().persist(q)
                            .chain(() -> notifications.notify(tx, accountId, "REQUIREMENT_SUBMITTED",
                                    "We received your application requirement",
                                    "Your requirement in category " + q.categoryCode() + " was received: \""
                                            + q.description() + "\". An operator reviews it and publishes it to the "
                                            + "sellers of that category, without your contact details.",
                                    buyerLink(q.id()), EMAIL))
                            .map(n -> RestResponse.ResponseBuilder.<Ref> create(201).entity(new Ref(q.id())).build());
                }))
                .chain(first -> queries.findForBuyer(first.getEntity().id(), accountId)
                        .map(v -> Idempotency.answer(first, v).build()));
    }

    private Uni<RequirementRules.Budget> check(RequirementRequest r) {
        return catalog.categoryCodes().map(codes -> {
            FieldErrors errors = new FieldErrors();
            if (!codes.contains(r.categoryCode())) {
                errors.add("categoryCode", "is not a catalogue category (GET /api/catalog/categories)");
            }
            RequirementRules.Budget budget = RequirementRules.budget(r.budgetMin(), r.budgetMax(), r.currency(),
                    currencies, errors);
            errors.throwIfAny();
            return budget;
        });
    }

    /** The buyer closes an open requirement (served or not). */
    public Uni<RequirementView> close(UUID id, UUID accountId) {
        Instant now = clock.now();
        return db.transaction(tx -> Requirement.lockForBuyer(id, accountId).chain(q -> {
            q.close(now);
            return notifications.notify(tx, accountId, "REQUIREMENT_CLOSED", "Your application requirement is closed",
                    "You closed your requirement \"" + q.description() + "\". Sellers can no longer answer it; "
                            + "their offers stay usable until they expire.",
                    buyerLink(id), EMAIL);
        })).chain(() -> queries.findForBuyer(id, accountId));
    }

    // ------------------------------------------------------------------------------------------ operator

    /** Publishes a submitted requirement to the sellers of its category, who are told (inbox and e-mail). */
    public Uni<RequirementView> publish(UUID id) {
        Instant now = clock.now();
        return db.transaction(tx -> Requirement.lock(id).chain(q -> {
            q.publish(now);
            return notifications.notify(tx, q.accountId(), "REQUIREMENT_PUBLISHED",
                    "Your application requirement is published",
                    "Your requirement \"" + q.description() + "\" is now shown to the sellers of category "
                            + q.categoryCode() + " (without your contact details). Their offers come to your inbox.",
                    buyerLink(id), EMAIL)
                    .chain(() -> notifySellers(tx, q));
        })).chain(() -> queries.findForOperator(id));
    }

    /** Every seller with a listed product in the requirement's category, told in one statement. */
    private Uni<Void> notifySellers(Tx tx, Requirement q) {
        // the status is written into the statement, so that the partial index of listed products applies
        return tx.preparedQuery("select distinct seller_id from product where category_code = $1 and status = '"
                + ProductStatus.LISTED.name() + "'").execute(Tuple.of(q.categoryCode())).chain(rows -> {
                    List<Notifications.Notice> notices = new ArrayList<>();
                    rows.forEach(r -> {
                        UUID seller = r.getUUID("seller_id");
                        if (!seller.equals(q.accountId())) {
                            notices.add(new Notifications.Notice(seller, "REQUIREMENT_FOR_SELLERS",
                                    "A buyer needs an application in " + q.categoryCode(),
                                    "A buyer is looking for an application in category " + q.categoryCode() + ": \""
                                            + q.description() + "\". Answer with a private offer for one of your "
                                            + "products.", "/seller/requirements/" + q.id()));
                        }
                    });
                    return notifications.notifyAll(tx, notices, EMAIL);
                });
    }

    /** Rejects a submitted requirement with a reason the buyer is told. */
    public Uni<RequirementView> reject(UUID id, String reason) {
        Instant now = clock.now();
        return db.transaction(tx -> Requirement.lock(id).chain(q -> {
            q.reject(reason, now);
            return notifications.notify(tx, q.accountId(), "REQUIREMENT_REJECTED",
                    "Your application requirement was not published",
                    "An operator did not publish your requirement \"" + q.description() + "\": " + reason.strip(),
                    buyerLink(id), EMAIL);
        })).chain(() -> queries.findForOperator(id));
    }

    // ------------------------------------------------------------------------------------------ seller

    /**
     * A seller answers a published requirement of a category it sells in with a private offer for one of its
     * listed products of that category, addressed to the requirement's buyer and linked to the requirement. The
     * offer flow tells the buyer (inbox, e-mail, SMS). The requirement stays locked meanwhile, so that it cannot be
     * closed under the answer.
     */
    public Uni<OfferView> answer(UUID id, UUID sellerId, RequirementAnswerRequest r) {
        return db.transaction(tx -> queries.visibleToSeller(tx, id, sellerId).chain(visible -> {
            if (!visible) {
                throw ProblemException.notFound("Requirement");
            }
            return Requirement.lock(id);
        }).chain(q -> {
            q.checkAnswerable();
            return catalog.findForSeller(r.productId(), sellerId).chain(product -> {
                if (!product.categoryCode().equals(q.categoryCode())) {
                    throw ProblemException.unprocessable("productId", "The product is in category "
                            + product.categoryCode() + "; the requirement asks for one in " + q.categoryCode());
                }
                return offers.create(sellerId, r.offerFor(q.accountId()), q.id());
            });
        }));
    }

    static String buyerLink(UUID id) {
        return "/requirements/" + id;
    }
}
