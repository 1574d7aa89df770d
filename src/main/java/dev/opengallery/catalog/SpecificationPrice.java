package dev.opengallery.catalog;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/**
 * One tier of a specification's price in one billing mode (FLAT and LINEAR have one tier per mode), part of the
 * {@link Product} aggregate: an edit replaces a specification's prices as a whole.
 */
@Entity
@Table(name = "specification_price")
@IdClass(SpecificationPrice.Key.class)
public class SpecificationPrice extends PanacheEntityBase {

    @Id
    @Column(name = "specification_id")
    UUID specificationId;

    @Id
    @Column(name = "billing_mode", columnDefinition = "text")
    String billingMode;

    @Id
    @Column(name = "tier_from")
    int tierFrom;

    @Column(name = "tier_to")
    Integer tierTo;

    @Column(name = "unit_price", nullable = false, precision = 19, scale = 4)
    BigDecimal unitPrice;

    protected SpecificationPrice() {
    }

    SpecificationPrice(UUID specificationId, BillingMode mode, Tier tier) {
        this.specificationId = specificationId;
        this.billingMode = mode.name();
        this.tierFrom = tier.from();
        this.tierTo = tier.to();
        this.unitPrice = tier.unitPrice();
    }

    /** The prices of the specifications. */
    static Uni<List<SpecificationPrice>> of(Collection<UUID> specificationIds) {
        if (specificationIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return SpecificationPrice.<SpecificationPrice> find("specificationId in ?1", List.copyOf(specificationIds))
                .list();
    }

    /** The composite key (specification, billing mode, first quantity of the tier). */
    public static class Key implements Serializable {
        UUID specificationId;
        String billingMode;
        int tierFrom;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(specificationId, k.specificationId)
                    && Objects.equals(billingMode, k.billingMode) && tierFrom == k.tierFrom;
        }

        @Override
        public int hashCode() {
            return Objects.hash(specificationId, billingMode, tierFrom);
        }
    }
}
