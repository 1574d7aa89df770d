package dev.opengallery.catalog;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.opengallery.catalog.CatalogResource.SellerPage;
import dev.opengallery.core.AppClock;
import dev.opengallery.core.Db;
import dev.opengallery.core.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Sellers' public profiles (the seller_profile table, owned by catalog) and the seller page buyers see. */
@ApplicationScoped
public class SellerProfiles {

    @Inject
    Db db;

    @Inject
    Pool pool;

    @Inject
    AppClock clock;

    @Inject
    CatalogChanges catalogChanges;

    @Inject
    SearchFeed search;

    /** The seller's own profile, or 404 until it is created. */
    public Uni<SellerProfile> own(UUID sellerId) {
        return Panache.withSession(() -> SellerProfile.<SellerProfile> findById(sellerId)).map(p -> {
            if (p == null) {
                throw ProblemException.notFound("Seller profile");
            }
            return p;
        });
    }

    /** Whether the seller has created a profile (needed before submitting products). */
    public Uni<Boolean> exists(UUID sellerId) {
        return Panache.withSession(() -> SellerProfile.<SellerProfile> findById(sellerId)).map(p -> p != null);
    }

    /**
     * Creates the profile, or updates it from the version the seller read (a stale version is 409). Buyers see it on
     * every product: the search index is told in the same transaction ({@link SearchFeed}) and, once committed, the
     * search caches of every instance are cleared ({@link CatalogChanges}).
     */
    public Uni<SellerProfile> save(UUID sellerId, SellerProfileRequest request) {
        return db.transaction(tx -> SellerProfile.<SellerProfile> findById(sellerId).chain(existing -> {
            OffsetDateTime now = clock.now().atOffset(ZoneOffset.UTC);
            if (existing == null) {
                SellerProfile created = SellerProfile.create(sellerId, request, now);
                return created.<SellerProfile> persist().replaceWith(created);
            }
            existing.update(request, now);
            return Uni.createFrom().item(existing);
        }).call(tx::flush).call(() -> search.seller(tx, sellerId))).call(() -> catalogChanges.changed());
    }

    /** A seller as buyers see it: 404 for sellers without listed products. */
    public Uni<SellerPage> page(UUID sellerId) {
        return pool.preparedQuery("""
                select s.account_id, s.company_name, s.service_email, s.service_phone, s.support_range,
                       (select count(*) from product p where p.seller_id = s.account_id and p.status = $2) as listed
                from seller_profile s where s.account_id = $1""").execute(Tuple.of(sellerId, ProductStatus.LISTED.name())).map(rows -> {
            if (rows.size() == 0 || rows.iterator().next().getLong("listed") == 0) {
                throw ProblemException.notFound("Seller");
            }
            var r = rows.iterator().next();
            return new SellerPage(new SellerInfo(r.getUUID("account_id"), r.getString("company_name"),
                    r.getString("service_email"), r.getString("service_phone"), r.getString("support_range")),
                    r.getLong("listed"));
        });
    }
}
