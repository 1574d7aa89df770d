package dev.opengallery.ordering;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import dev.opengallery.catalog.BillingMode;
import dev.opengallery.catalog.PricingModel;
import dev.opengallery.catalog.ProductType;

/**
 * What an order buys and at which price (part of {@link CustomerOrder}, in the same row): the product and
 * specification as they were when it was placed, the billing mode, quantity and periods, and the prices quoted by
 * {@code OrderPricing}. Fixed once placed: nothing here changes when the order moves.
 */
@Embeddable
public class OrderLine {

    @Column(name = "seller_id", nullable = false, updatable = false)
    UUID sellerId;

    @Column(name = "product_id", nullable = false, updatable = false)
    UUID productId;

    @Enumerated(EnumType.STRING)
    @Column(name = "product_type", nullable = false, updatable = false)
    ProductType productType;

    @Column(name = "product_name", nullable = false, updatable = false)
    String productName;

    @Column(name = "specification_id", nullable = false, updatable = false)
    UUID specificationId;

    @Column(name = "specification_name", nullable = false, updatable = false)
    String specificationName;

    @Enumerated(EnumType.STRING)
    @Column(name = "pricing_model", nullable = false, updatable = false)
    PricingModel pricingModel;

    @Enumerated(EnumType.STRING)
    @Column(name = "billing_mode", nullable = false, updatable = false)
    BillingMode billingMode;

    @Column(name = "quantity", nullable = false, updatable = false)
    int quantity;

    @Column(name = "periods", nullable = false, updatable = false)
    int periods;

    @Column(name = "currency", nullable = false, updatable = false, length = 3)
    String currency;

    @Column(name = "unit_price", nullable = false, precision = 19, scale = 4)
    BigDecimal unitPrice;

    @Column(name = "list_price", nullable = false, precision = 19, scale = 2)
    BigDecimal listPrice;

    @Column(name = "discount_amount", nullable = false, precision = 19, scale = 2)
    BigDecimal discountAmount;

    @Column(name = "image_fee", updatable = false, precision = 19, scale = 2)
    BigDecimal imageFee;

    @Column(name = "ecs_fee", updatable = false, precision = 19, scale = 2)
    BigDecimal ecsFee;

    @Column(name = "amount_due", nullable = false, precision = 19, scale = 2)
    BigDecimal amountDue;

    protected OrderLine() {
    }

    OrderLine(UUID sellerId, UUID productId, ProductType productType, String productName, UUID specificationId, String specificationName, PricingModel pricingModel, BillingMode billingMode, int quantity, int periods, String currency, BigDecimal unitPrice, BigDecimal listPrice, BigDecimal discountAmount, BigDecimal imageFee, BigDecimal ecsFee, BigDecimal amountDue) {
        this.sellerId = sellerId;
        this.productId = productId;
        this.productType = productType;
        this.productName = productName;
        this.specificationId = specificationId;
        this.specificationName = specificationName;
        this.pricingModel = pricingModel;
        this.billingMode = billingMode;
        this.quantity = quantity;
        this.periods = periods;
        this.currency = currency;
        this.unitPrice = unitPrice;
        this.listPrice = listPrice;
        this.discountAmount = discountAmount == null ? BigDecimal.ZERO : discountAmount;
        this.imageFee = imageFee;
        this.ecsFee = ecsFee;
        this.amountDue = amountDue;
    }

    public UUID sellerId() {
        return sellerId;
    }

    public UUID productId() {
        return productId;
    }

    public ProductType productType() {
        return productType;
    }

    public String productName() {
        return productName;
    }

    public UUID specificationId() {
        return specificationId;
    }

    public String specificationName() {
        return specificationName;
    }

    public PricingModel pricingModel() {
        return pricingModel;
    }

    public BillingMode billingMode() {
        return billingMode;
    }

    public int quantity() {
        return quantity;
    }

    public int periods() {
        return periods;
    }

    public String currency() {
        return currency;
    }

    public BigDecimal unitPrice() {
        return unitPrice;
    }

    public BigDecimal listPrice() {
        return listPrice;
    }

    public BigDecimal discountAmount() {
        return discountAmount;
    }

    public BigDecimal imageFee() {
        return imageFee;
    }

    public BigDecimal ecsFee() {
        return ecsFee;
    }

    public BigDecimal amountDue() {
        return amountDue;
    }
}
