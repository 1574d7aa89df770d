package dev.opengallery.catalog;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.opengallery.core.ProblemException;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/**
 * A product a customer saved to their list, with the choices to buy it with (Hibernate Reactive Panache entity). The
 * database keeps one entry per account, product and specification. An edit of the product that removes the saved
 * specification keeps the entry without it ({@link Favorites#forgetSpecifications}, set-based).
 */
@Entity
@Table(name = "favorite")
public class Favorite extends PanacheEntityBase {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "account_id", nullable = false, updatable = false)
    UUID accountId;

    @Column(name = "product_id", nullable = false, updatable = false)
    UUID productId;

    @Column(name = "specification_id")
    UUID specificationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "billing_mode")
    BillingMode billingMode;

    @Column(name = "quantity")
    Integer quantity;

    @Column(name = "periods")
    Integer periods;

    @Column(name = "created_at", nullable = false, updatable = false)
    OffsetDateTime createdAt;

    protected Favorite() {
    }

    /** A new entry for choices {@link FavoriteRules#check} accepted. */
    static Favorite save(UUID accountId, FavoriteRequest request, OffsetDateTime now) {
        Favorite f = new Favorite();
        f.id = UUID.randomUUID();
        f.accountId = accountId;
        f.productId = request.productId();
        f.specificationId = request.specificationId();
        f.billingMode = request.billingMode();
        f.quantity = request.quantity();
        f.periods = request.periods();
        f.createdAt = now;
        return f;
    }

    /** The account's entry; 404 when it is another account's or unknown. */
    static Uni<Favorite> own(UUID id, UUID accountId) {
        return Favorite.<Favorite> find("id = ?1 and accountId = ?2", id, accountId).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Favorite"));
    }

    public UUID id() {
        return id;
    }
}
