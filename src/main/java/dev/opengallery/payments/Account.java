package dev.opengallery.payments;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.DynamicUpdate;

import dev.opengallery.core.Currencies;
import dev.opengallery.core.FieldErrors;
import dev.opengallery.core.ProblemException;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/**
 * A customer's account (Hibernate Reactive Panache entity, optimistic locking by version): identity from the token,
 * currency, credit lines and reseller. Its state changes only through the methods below, which consult
 * {@link AccountRules}. The balance is read here but written only by {@link Ledger}'s conditional UPDATE (set-based,
 * so that concurrent movements cannot overdraw): the entity never writes it.
 */
@Entity
@Table(name = "account")
@DynamicUpdate
public class Account extends PanacheEntityBase {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "subject", columnDefinition = "text", updatable = false)
    String subject;

    @Column(name = "display_name", columnDefinition = "text")
    String displayName;

    @Column(name = "email", columnDefinition = "text")
    String email;

    @Column(name = "phone", columnDefinition = "text")
    String phone;

    @Column(name = "created_at", updatable = false)
    OffsetDateTime createdAt;

    @Column(name = "currency", columnDefinition = "char(3)", updatable = false)
    String currency;

    /** Written only by the ledger. */
    @Column(name = "balance", precision = 19, scale = 2, insertable = false, updatable = false)
    BigDecimal balance;

    @Column(name = "credit_limit", precision = 19, scale = 2)
    BigDecimal creditLimit;

    @Column(name = "reseller", columnDefinition = "text")
    String reseller;

    @Column(name = "offer_credit_limit", precision = 19, scale = 2)
    BigDecimal offerCreditLimit;

    @Column(name = "offer_credit_used", precision = 19, scale = 2)
    BigDecimal offerCreditUsed;

    @Version
    @Column(name = "version")
    long version;

    protected Account() {
    }

    /** A new account from a token's subject and claims, keeping its money in {@code currency}. */
    static Account open(UUID id, String subject, String name, String email, String phone, Currency currency,
            OffsetDateTime now) {
        Account a = new Account();
        a.id = id;
        a.subject = subject;
        a.displayName = name;
        a.email = email;
        a.phone = phone;
        a.createdAt = now;
        a.currency = currency.getCurrencyCode();
        a.balance = BigDecimal.ZERO.setScale(2);
        a.creditLimit = BigDecimal.ZERO.setScale(2);
        a.offerCreditLimit = BigDecimal.ZERO.setScale(2);
        a.offerCreditUsed = BigDecimal.ZERO.setScale(2);
        return a;
    }

    /** The account, row-locked until the transaction ends (the ledger's movements wait for it); 404 when unknown. */
    static Uni<Account> lock(UUID id) {
        return Account.<Account> findById(id, LockModeType.PESSIMISTIC_WRITE).map(a -> {
            if (a == null) {
                throw ProblemException.notFound("Account");
            }
            return a;
        });
    }

    static Uni<Account> bySubject(String subject) {
        return Account.<Account> find("subject", subject).firstResult();
    }

    // ------------------------------------------------------------------------------------------------ changes

    /** The token's claims: a claim it carries replaces the stored value, one it lacks keeps it. */
    void syncIdentity(String name, String email, String phone) {
        this.displayName = AccountRules.claim(this.displayName, name);
        this.email = AccountRules.claim(this.email, email);
        this.phone = AccountRules.claim(this.phone, phone);
    }

    /**
     * Postpaid credit (0 disables it): at most the currency's minor digits (400), and not below what the account
     * already owes on credit (422).
     */
    void changeCreditLimit(BigDecimal limit) {
        inCurrency(limit);
        refuseIf(AccountRules.creditLimitRefusal(balance, limit));
        this.creditLimit = limit;
    }

    /** The credit line of milestone-paid offer orders: not below what they use of it (422). */
    void changeOfferCreditLimit(BigDecimal limit) {
        inCurrency(limit);
        refuseIf(AccountRules.offerCreditLimitRefusal(offerCreditUsed, limit));
        this.offerCreditLimit = limit;
    }

    /** Attaches the account to a reseller, which pays its orders (null detaches it). */
    void attachReseller(String reseller) {
        this.reseller = reseller;
    }

    /** A milestone order holds its amount of the offer credit (422 when the limit does not cover it). */
    void reserveOfferCredit(BigDecimal amount) {
        refuseIf(AccountRules.offerCreditReserveRefusal(offerCreditUsed, offerCreditLimit, amount));
        this.offerCreditUsed = offerCreditUsed.add(amount);
    }

    /** Offer credit given back (a paid milestone bill, a canceled milestone order); never below zero. */
    void releaseOfferCredit(BigDecimal amount) {
        this.offerCreditUsed = AccountRules.afterRelease(offerCreditUsed, amount);
    }

    private void inCurrency(BigDecimal limit) {
        FieldErrors errors = new FieldErrors();
        Currencies.checkAmount(limit, "creditLimit", Currency.getInstance(currency.trim()), true, errors);
        errors.throwIfAny();
    }

    private static void refuseIf(String refusal) {
        if (refusal != null) {
            throw ProblemException.unprocessable(refusal);
        }
    }

    // ------------------------------------------------------------------------------------------------ reads

    public UUID id() {
        return id;
    }

    public String subject() {
        return subject;
    }

    public String displayName() {
        return displayName;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    public String currency() {
        return currency == null ? null : currency.trim();
    }

    public BigDecimal balance() {
        return balance;
    }

    public BigDecimal creditLimit() {
        return creditLimit;
    }

    public String reseller() {
        return reseller;
    }

    public BigDecimal offerCreditLimit() {
        return offerCreditLimit;
    }

    public BigDecimal offerCreditUsed() {
        return offerCreditUsed;
    }

    public long version() {
        return version;
    }
}
