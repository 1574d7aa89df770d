package dev.opengallery.catalog;

import static dev.opengallery.core.Times.ts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.reactive.mutiny.Mutiny;

import dev.opengallery.core.ProblemException;
import dev.opengallery.core.Tx;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/**
 * A product (Hibernate Reactive Panache entity, optimistic locking by version) with its specifications
 * ({@link ProductSpecification}) and their prices ({@link SpecificationPrice}). Its release history is its state and
 * the instants and reason of its moves (status, status_reason, submitted_at, listed_at). It changes only through the
 * methods below, which ask {@link ProductLifecycle}; its content comes checked by {@link ProductRules}. Changes are
 * written by {@link #save(Tx)}. The full-text document (search_vector) is the database's: a trigger keeps it.
 */
@Entity
@Table(name = "product")
@DynamicUpdate
public class Product extends PanacheEntityBase {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "seller_id", nullable = false, updatable = false)
    UUID sellerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false)
    ProductType type;

    @Column(name = "category_code", nullable = false, columnDefinition = "text")
    String categoryCode;

    @Column(name = "name", nullable = false, columnDefinition = "text")
    String name;

    @Column(name = "summary", nullable = false, columnDefinition = "text")
    String summary;

    @Column(name = "description", nullable = false, columnDefinition = "text")
    String description;

    @Column(name = "tags", nullable = false, columnDefinition = "text[]")
    String[] tags;

    @Column(name = "guide_url", columnDefinition = "text")
    String guideUrl;

    @Column(name = "supervised", nullable = false)
    boolean supervised;

    @Column(name = "request_template", columnDefinition = "text")
    String requestTemplate;

    @Column(name = "security_groups", nullable = false, columnDefinition = "text[]")
    String[] securityGroups;

    @Column(name = "contact_authorization_required", nullable = false)
    boolean contactAuthorizationRequired;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    ProductStatus status;

    @Column(name = "status_reason", columnDefinition = "text")
    String statusReason;

    @Column(name = "currency", nullable = false, columnDefinition = "char(3)")
    String currency;

    /** Lowest unit price over every specification and billing mode, for price filters and sorting. */
    @Column(name = "from_price", precision = 19, scale = 4)
    BigDecimal fromPrice;

    @Column(name = "billing_modes", nullable = false, columnDefinition = "text[]")
    String[] billingModes;

    @Column(name = "created_at", nullable = false, updatable = false)
    OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    OffsetDateTime updatedAt;

    @Column(name = "submitted_at")
    OffsetDateTime submittedAt;

    @Column(name = "listed_at")
    OffsetDateTime listedAt;

    @Version
    @Column(name = "version")
    long version;

    /** The specifications and prices as loaded ({@link #withSpecifications()}) or built; saved by {@link #save}. */
    @Transient
    List<ProductSpecification> specifications = new ArrayList<>();

    @Transient
    List<SpecificationPrice> prices = new ArrayList<>();

    /** Built here, not yet inserted. */
    @Transient
    boolean fresh;

    /** An edit's specifications, not yet written. */
    @Transient
    Edit pending;

    private record Edit(SpecificationPlan plan, List<Specification> specifications, long readVersion) {
    }

    protected Product() {
    }

    // ------------------------------------------------------------------------------------------- creating

    /** A new DRAFT of the seller with the checked content; inserted by {@link #save}. */
    static Product draft(UUID sellerId, ProductDraft d, Instant now) {
        Product p = new Product();
        p.id = UUID.randomUUID();
        p.sellerId = sellerId;
        p.status = ProductStatus.DRAFT;
        p.createdAt = ts(now);
        p.describe(d, now);
        p.fresh = true;
        SpecificationPlan plan = SpecificationPlan.fresh(d.specifications().size(), UUID::randomUUID);
        for (int i = 0; i < plan.size(); i++) {
            p.specifications.add(new ProductSpecification(plan.id(i), p.id));
        }
        p.describeSpecifications(plan, d.specifications());
        return p;
    }

    // ------------------------------------------------------------------------------------------- finders

    /** The seller's product, row-locked for the rest of the transaction; 404 when it is not theirs. */
    static Uni<Product> lockForSeller(UUID id, UUID sellerId) {
        return Product.<Product> find("id = ?1 and sellerId = ?2", id, sellerId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Product"));
    }

    /** Any product (operators), row-locked for the rest of the transaction; 404 when unknown. */
    static Uni<Product> lock(UUID id) {
        return Product.<Product> findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Product"));
    }

    /** Loads the specifications and their prices (needed by an edit). */
    Uni<Product> withSpecifications() {
        return ProductSpecification.of(id).chain(specs -> {
            specifications = new ArrayList<>(specs);
            return SpecificationPrice.of(specs.stream().map(ProductSpecification::id).toList());
        }).map(loaded -> {
            prices = new ArrayList<>(loaded);
            return this;
        });
    }

    // ------------------------------------------------------------------------------------------- the moves

    /**
     * Moves the product through its release lifecycle ({@link ProductLifecycle}: 409 naming the current state when
     * the actor may not), recording the reason (a rejection's or a delisting's) and when it was submitted or listed.
     */
    ProductStatus move(ProductLifecycle.Action action, ProductLifecycle.Actor actor, String reason, Instant now) {
        ProductStatus next = ProductLifecycle.next(status, action, actor);
        status = next;
        statusReason = reason;
        updatedAt = ts(now);
        if (next == ProductStatus.IN_REVIEW) {
            submittedAt = ts(now);
        } else if (next == ProductStatus.LISTED) {
            listedAt = ts(now);
        }
        return next;
    }

    /**
     * The seller's edit, from the version they read (409 when stale): the product takes the checked content and
     * becomes a DRAFT again ({@link ProductLifecycle}: DRAFT, REJECTED and DELISTED products only). Specifications
     * keep their ids by name ({@link SpecificationPlan}). Answers the ids of the specifications the edit removes
     * (their favorites are to be told before {@link #save} deletes them). Needs {@link #withSpecifications()}.
     */
    List<UUID> edit(long expectedVersion, ProductDraft d, Instant now) {
        if (expectedVersion != version) {
            throw ProblemException.staleVersion("The product");
        }
        ProductStatus next = ProductLifecycle.next(status, ProductLifecycle.Action.EDIT, ProductLifecycle.Actor.SELLER);
        status = next;
        statusReason = null;
        describe(d, now);
        SpecificationPlan plan = SpecificationPlan.of(
                specifications.stream().map(s -> new SpecificationPlan.Stored(s.id(), s.name())).toList(),
                d.specifications().stream().map(Specification::name).toList(), UUID::randomUUID);
        pending = new Edit(plan, d.specifications(), version);
        return plan.removed();
    }

    // ------------------------------------------------------------------------------------------- saving

    /**
     * Writes what changed: a new product with its specifications and prices; an edit's specifications (removed ones
     * deleted, the staying ones first moved out of the way so that the new order never collides with the unique
     * (product, position) on the way, their prices replaced, new ones inserted); the product's own columns
     * (version-checked). Every edit raises the version, even one that changes nothing of the product's own row.
     */
    Uni<Void> save(Tx tx) {
        Mutiny.Session session = tx.session();
        if (fresh) {
            fresh = false;
            List<Object> all = new ArrayList<>();
            all.add(this);
            all.addAll(specifications);
            all.addAll(prices);
            return session.persistAll(all.toArray()).chain(session::flush);
        }
        Edit edit = pending;
        pending = null;
        if (edit == null) {
            return session.flush();
        }
        Set<UUID> removed = new HashSet<>(edit.plan().removed());
        List<Object> gone = new ArrayList<>(prices);
        List<ProductSpecification> staying = new ArrayList<>();
        for (ProductSpecification s : specifications) {
            if (removed.contains(s.id())) {
                gone.add(s);
            } else {
                s.stepAside();
                staying.add(s);
            }
        }
        return session.removeAll(gone.toArray()).chain(session::flush).chain(() -> {
            List<ProductSpecification> before = specifications;
            specifications = new ArrayList<>();
            List<Object> added = new ArrayList<>();
            for (int i = 0; i < edit.plan().size(); i++) {
                UUID specId = edit.plan().id(i);
                ProductSpecification s = edit.plan().kept(i)
                        ? before.stream().filter(b -> b.id().equals(specId)).findFirst().orElseThrow()
                        : new ProductSpecification(specId, id);
                if (!edit.plan().kept(i)) {
                    added.add(s);
                }
                specifications.add(s);
            }
            describeSpecifications(edit.plan(), edit.specifications());
            added.addAll(prices);
            return session.persistAll(added.toArray()).chain(session::flush);
        }).chain(() -> version != edit.readVersion() ? Uni.createFrom().voidItem()
                // nothing of the product's own row changed (the session wrote no version): it still moves, as it
                // does for every edit
                : session.lock(this, LockModeType.PESSIMISTIC_FORCE_INCREMENT));
    }

    // ------------------------------------------------------------------------------------------- helpers

    private void describe(ProductDraft d, Instant now) {
        type = d.type();
        categoryCode = d.categoryCode();
        name = d.name();
        summary = d.summary();
        description = d.description();
        tags = d.tags().toArray(new String[0]);
        guideUrl = d.guideUrl();
        supervised = d.supervised();
        requestTemplate = d.requestTemplate();
        securityGroups = d.securityGroups().toArray(new String[0]);
        contactAuthorizationRequired = d.contactAuthorizationRequired();
        currency = d.currency();
        fromPrice = d.fromPrice();
        billingModes = d.billingModes().toArray(new String[0]);
        updatedAt = ts(now);
    }

    /** {@link #specifications} (in the plan's order) take the checked content; their prices are built anew. */
    private void describeSpecifications(SpecificationPlan plan, List<Specification> specs) {
        prices = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            ProductSpecification s = specifications.get(i);
            s.describe(i, specs.get(i));
            for (Specification.Price p : specs.get(i).prices()) {
                for (Tier t : p.tiers()) {
                    prices.add(new SpecificationPrice(plan.id(i), p.billingMode(), t));
                }
            }
        }
    }


    public UUID id() {
        return id;
    }

    public ProductStatus status() {
        return status;
    }
}
