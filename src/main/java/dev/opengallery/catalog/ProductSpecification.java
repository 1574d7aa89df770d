package dev.opengallery.catalog;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/**
 * A specification (SKU) of a {@link Product}, part of its aggregate: only the product's edit changes it. Its id stays
 * while its name does ({@link SpecificationPlan}).
 */
@Entity
@Table(name = "specification")
public class ProductSpecification extends PanacheEntityBase {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "product_id", nullable = false, updatable = false)
    UUID productId;

    /** Unique within the product; the order buyers see. */
    @Column(name = "position", nullable = false)
    int position;

    @Column(name = "name", nullable = false, columnDefinition = "text")
    String name;

    @Column(name = "description", columnDefinition = "text")
    String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "pricing_model", nullable = false)
    PricingModel pricingModel;

    @Column(name = "unit", columnDefinition = "text")
    String unit;

    @Column(name = "min_quantity", nullable = false)
    int minQuantity;

    @Column(name = "max_quantity")
    Integer maxQuantity;

    protected ProductSpecification() {
    }

    ProductSpecification(UUID id, UUID productId) {
        this.id = id;
        this.productId = productId;
    }

    /** The product's specifications, in position order. */
    static Uni<List<ProductSpecification>> of(UUID productId) {
        return ProductSpecification.<ProductSpecification> find("productId = ?1 order by position", productId).list();
    }

    /** Takes the content of a checked specification, at a position. */
    void describe(int position, Specification s) {
        this.position = position;
        this.name = s.name();
        this.description = s.description();
        this.pricingModel = s.pricingModel();
        this.unit = s.unit();
        this.minQuantity = s.minQuantity();
        this.maxQuantity = s.maxQuantity();
    }

    /** Moves out of the way of the positions an edit assigns (unique per product on the way, too). */
    void stepAside() {
        position = -1 - position;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }
}
