package dev.opengallery.payments;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.JDBCException;

import dev.opengallery.core.AppClock;
import dev.opengallery.core.Times;
import dev.opengallery.core.Db;
import dev.opengallery.core.ProblemException;
import dev.opengallery.core.Tx;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

/**
 * The changes of the account aggregate (account, VPCs, security groups): each loads the entity and calls its method.
 * Operations without a {@link Tx} open their own transaction; those with one run in the caller's.
 */
@ApplicationScoped
public class AccountService {

    @Inject
    Db db;

    @Inject
    AppClock clock;

    /** Sets the postpaid credit limit (400 beyond the currency's digits, 422 below what is owed, 404 unknown). */
    public Uni<Void> setCreditLimit(UUID accountId, BigDecimal limit) {
        return db.transaction(tx -> Account.lock(accountId).invoke(a -> a.changeCreditLimit(limit))).replaceWithVoid();
    }

    /**
     * Sets the postpaid credit limit in the caller's transaction (a service ticket's credit-limit resolution): the same
     * rules, and a refusal rolls the caller's change back with it.
     */
    public Uni<Void> setCreditLimit(Tx tx, UUID accountId, BigDecimal limit) {
        return Account.lock(accountId).invoke(a -> a.changeCreditLimit(limit)).replaceWithVoid();
    }

    /** Sets the offer credit limit (400 beyond the currency's digits, 422 below what is in use, 404 unknown). */
    public Uni<Void> setOfferCreditLimit(UUID accountId, BigDecimal limit) {
        return db.transaction(tx -> Account.lock(accountId).invoke(a -> a.changeOfferCreditLimit(limit)))
                .replaceWithVoid();
    }

    /** Attaches the account to a reseller, or detaches it (null); 404 unknown. */
    public Uni<Void> setReseller(UUID accountId, String reseller) {
        return db.transaction(tx -> Account.lock(accountId).invoke(a -> a.attachReseller(reseller))).replaceWithVoid();
    }

    /** A milestone order takes {@code amount} of the offer credit, in the caller's transaction (422 when not covered). */
    public Uni<Void> reserveOfferCredit(Tx tx, UUID accountId, BigDecimal amount) {
        return Account.lock(accountId).invoke(a -> a.reserveOfferCredit(amount)).replaceWithVoid();
    }

    /** Offer credit given back, in the caller's transaction (never below zero in use). */
    public Uni<Void> releaseOfferCredit(Tx tx, UUID accountId, BigDecimal amount) {
        return Account.lock(accountId).invoke(a -> a.releaseOfferCredit(amount)).replaceWithVoid();
    }

    /** A VPC as it was created. */
    public record CreatedVpc(UUID id, String name, String cidr, OffsetDateTime createdAt) {
    }

    /** A new VPC of the account (409 when the account has one of that name). */
    public Uni<CreatedVpc> createVpc(UUID accountId, String name, String cidr) {
        OffsetDateTime now = Times.ts(clock.now());
        Vpc vpc = Vpc.create(accountId, name, cidr, now);
        return db.transaction(tx -> vpc.persist().chain(() -> tx.flush())
                .replaceWith(new CreatedVpc(vpc.id(), vpc.name(), vpc.cidr(), vpc.createdAt())))
                .onFailure().transform(AccountService::duplicate);
    }

    /** A new security group in one of the account's VPCs (404 another's or unknown, 409 the VPC has that name). */
    public Uni<Void> createSecurityGroup(UUID accountId, UUID vpcId, String name) {
        OffsetDateTime now = Times.ts(clock.now());
        return db.transaction(tx -> Vpc.owned(accountId, vpcId).chain(vpc -> {
            if (vpc == null) {
                return Uni.createFrom().<Void> failure(ProblemException.notFound("VPC"));
            }
            return vpc.addSecurityGroup(name, now).persist().chain(() -> tx.flush());
        })).onFailure().transform(AccountService::duplicate);
    }

    /** A unique key refused the row: 409, as any duplicate does. */
    static Throwable duplicate(Throwable failure) {
        return isUniqueViolation(failure) ? ProblemException.conflict("It already exists") : failure;
    }

    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JDBCException j && "23505".equals(j.getSQLState())) {
                return true;
            }
            if (t instanceof PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }
}
