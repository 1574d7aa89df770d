package dev.opengallery.catalog;

import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.JDBCException;

import dev.opengallery.core.AppClock;
import dev.opengallery.core.Db;
import dev.opengallery.core.Page;
import dev.opengallery.core.ProblemException;
import dev.opengallery.core.Tx;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

/**
 * A customer's saved products (the favorite table, owned by catalog): saved and removed one at a time as
 * {@link Favorite} entities, read with their product's name and state in one statement.
 */
@ApplicationScoped
public class Favorites {

    @Inject
    Db db;

    @Inject
    AppClock clock;

    @Inject
    CatalogRepository products;

    private static final String SELECT = """
            select f.id, f.product_id, p.name, p.type, p.status, f.specification_id, s.name as spec_name,
                   f.billing_mode, f.quantity, f.periods, f.created_at, count(*) over () as total
            from favorite f join product p on p.id = f.product_id
            left join specification s on s.id = f.specification_id
            """;

    /**
     * Saves a listed product (404 otherwise) with choices it can be bought with ({@link FavoriteRules}); the same
     * product and specification twice is 409.
     */
    public Uni<FavoriteView> add(UUID me, FavoriteRequest request) {
        return products.findListed(request.productId()).chain(product -> {
            FavoriteRules.check(product, request);
            Favorite favorite = Favorite.save(me, request, clock.now().atOffset(ZoneOffset.UTC));
            return db.transaction(tx -> tx.session().persist(favorite).chain(tx::flush))
                    .onFailure(Favorites::duplicate)
                    .transform(e -> ProblemException.conflict("This product and specification are already in your list"))
                    .chain(() -> one(favorite.id(), me));
        });
    }

    private static boolean duplicate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && "23505".equals(pg.getSqlState())
                    || t instanceof JDBCException j && "23505".equals(j.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Deletes the account's entry (404 for another account's). */
    public Uni<Void> remove(UUID id, UUID me) {
        return db.transaction(tx -> Favorite.own(id, me).chain(f -> tx.session().remove(f)).chain(tx::flush));
    }

    public Uni<Page<FavoriteView>> list(UUID me, int page, int size) {
        return db.reads().preparedQuery(SELECT + """
                where f.account_id = $1 order by f.created_at desc, f.id limit $2 offset $3""")
                .execute(Tuple.of(me, size, (long) page * size)).map(rows -> Page.of(rows, Favorites::favorite, page, size));
    }

    public Uni<FavoriteView> one(UUID id, UUID me) {
        return db.reads().preparedQuery(SELECT + " where f.id = $1 and f.account_id = $2").execute(Tuple.of(id, me))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Favorite");
                    }
                    return favorite(rows.iterator().next());
                });
    }

    /** The entry's choices completed and priced ({@link FavoriteRules#purchase}); 404 once the product is unlisted. */
    public Uni<FavoritePurchase> purchase(UUID id, UUID me) {
        return one(id, me).chain(f -> products.findListed(f.productId()).map(p -> FavoriteRules.purchase(f, p)));
    }

    /**
     * Favorites of specifications an edit removes keep the product but lose the specification and the choices saved
     * with it; where that would give an account two entries of the product without a specification, the older one
     * stays. Set-based (a specification may be saved by many customers), in the edit's transaction, before the
     * specifications go.
     */
    Uni<Void> forgetSpecifications(Tx tx, List<UUID> removed) {
        if (removed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] ids = removed.toArray(new UUID[0]);
        return tx.preparedQuery("""
                delete from favorite f
                where f.specification_id = any($1)
                  and exists (select 1 from favorite g
                              where g.account_id = f.account_id and g.product_id = f.product_id and g.id <> f.id
                                and (g.specification_id is null
                                     or (g.specification_id = any($1)
                                         and (g.created_at, g.id) < (f.created_at, f.id))))""")
                .execute(Tuple.of((Object) ids))
                .chain(() -> tx.preparedQuery("""
                        update favorite
                        set specification_id = null, billing_mode = null, quantity = null, periods = null
                        where specification_id = any($1)""").execute(Tuple.of((Object) ids)))
                .replaceWithVoid();
    }

    private static FavoriteView favorite(Row r) {
        String mode = r.getString("billing_mode");
        return new FavoriteView(r.getUUID("id"), r.getUUID("product_id"), r.getString("name"),
                ProductType.valueOf(r.getString("type")), ProductStatus.LISTED.name().equals(r.getString("status")),
                r.getUUID("specification_id"), r.getString("spec_name"), mode == null ? null : BillingMode.valueOf(mode),
                r.getInteger("quantity"), r.getInteger("periods"), r.getOffsetDateTime("created_at"));
    }
}
