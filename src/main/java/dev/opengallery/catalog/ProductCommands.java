package dev.opengallery.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.opengallery.catalog.ProductLifecycle.Action;
import dev.opengallery.catalog.ProductLifecycle.Actor;
import dev.opengallery.core.AppClock;
import dev.opengallery.core.Currencies;
import dev.opengallery.core.Db;
import dev.opengallery.core.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * What sellers and operators do to products: drafts, edits and the release moves, each one transaction on the
 * {@link Product} aggregate (row-locked, version-checked), answered with the product as read afterwards
 * ({@link CatalogRepository}). A move that changes what buyers can find (a listing, a delisting) clears the search
 * caches of every instance ({@link CatalogChanges}) once committed. Every write tells the search index in its own
 * transaction ({@link SearchFeed}).
 */
@ApplicationScoped
public class ProductCommands {

    @Inject
    Db db;

    @Inject
    AppClock clock;

    @Inject
    Currencies currencies;

    @Inject
    CatalogRepository products;

    @Inject
    SellerProfiles profiles;

    @Inject
    Favorites favorites;

    @Inject
    CatalogChanges catalogChanges;

    @Inject
    SearchFeed search;

    /** A new DRAFT of the seller's, from a request {@link ProductRules} accept. */
    public Uni<ProductView> create(UUID sellerId, ProductRequest request) {
        return products.categoryCodes().map(codes -> ProductRules.check(request, codes, currencies))
                .chain(draft -> {
                    Product product = Product.draft(sellerId, draft, clock.now());
                    return db.transaction(tx -> product.save(tx).call(() -> search.products(tx, List.of(product.id()))))
                            .replaceWith(product.id());
                })
                .chain(id -> products.findForSeller(id, sellerId));
    }

    /**
     * The seller's edit of a DRAFT, REJECTED or DELISTED product, from the version they read (400 without one, 409
     * when stale). Favorites of removed specifications keep the product ({@link Favorites#forgetSpecifications}).
     */
    public Uni<ProductView> edit(UUID id, UUID sellerId, ProductRequest request) {
        if (request.version() == null) {
            throw ProblemException.invalid("version", "is required when editing");
        }
        return products.categoryCodes().map(codes -> ProductRules.check(request, codes, currencies))
                .chain(draft -> {
                    Instant now = clock.now();
                    return db.transaction(tx -> Product.lockForSeller(id, sellerId)
                            .chain(Product::withSpecifications)
                            .chain(product -> {
                                var removed = product.edit(request.version(), draft, now);
                                return favorites.forgetSpecifications(tx, removed).chain(() -> product.save(tx))
                                        .call(() -> search.products(tx, List.of(product.id())));
                            }));
                })
                .chain(() -> products.findForSeller(id, sellerId));
    }

    /** DRAFT, REJECTED or DELISTED to IN_REVIEW; the seller needs a profile first (422). */
    public Uni<ProductView> submit(UUID id, UUID sellerId) {
        return profiles.exists(sellerId).chain(exists -> {
            if (!exists) {
                throw ProblemException.unprocessable(
                        "Create your seller profile (PUT /api/seller/profile) before submitting products");
            }
            return bySeller(id, sellerId, Action.SUBMIT);
        });
    }

    /** IN_REVIEW back to DRAFT. */
    public Uni<ProductView> withdraw(UUID id, UUID sellerId) {
        return bySeller(id, sellerId, Action.WITHDRAW);
    }

    /** LISTED to DELISTED, by its seller. */
    public Uni<ProductView> delistBySeller(UUID id, UUID sellerId) {
        return bySeller(id, sellerId, Action.DELIST);
    }

    /** IN_REVIEW to LISTED. */
    public Uni<ProductView> approve(UUID id) {
        return byOperator(id, Action.APPROVE, null);
    }

    /** IN_REVIEW to REJECTED, with the reason the seller sees. */
    public Uni<ProductView> reject(UUID id, String reason) {
        return byOperator(id, Action.REJECT, reason);
    }

    /** LISTED to DELISTED, by an operator, with a reason. */
    public Uni<ProductView> delistByOperator(UUID id, String reason) {
        return byOperator(id, Action.DELIST, reason);
    }

    private Uni<ProductView> bySeller(UUID id, UUID sellerId, Action action) {
        return move(() -> Product.lockForSeller(id, sellerId), action, Actor.SELLER, null)
                .chain(() -> products.findForSeller(id, sellerId));
    }

    private Uni<ProductView> byOperator(UUID id, Action action, String reason) {
        return move(() -> Product.lock(id), action, Actor.OPERATOR, reason).chain(() -> products.findAny(id));
    }

    private Uni<Void> move(Supplier<Uni<Product>> locked, Action action, Actor actor, String reason) {
        Instant now = clock.now();
        return db.transaction(tx -> locked.get().chain(product -> {
            product.move(action, actor, reason, now);
            return product.save(tx).call(() -> search.products(tx, List.of(product.id())));
        })).call(() -> action == Action.APPROVE || action == Action.DELIST
                ? catalogChanges.changed() // what buyers can find changed
                : Uni.createFrom().voidItem());
    }
}
