package dev.opengallery.catalog;

import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.opengallery.catalog.FavoriteResource.Favorite;
import dev.opengallery.catalog.FavoriteResource.FavoriteRequest;
import dev.opengallery.core.AppClock;
import dev.opengallery.core.Page;
import dev.opengallery.core.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** A customer's saved products (the favorite table, owned by catalog): each statement stands alone. */
@ApplicationScoped
public class Favorites {

    @Inject
    Pool pool;

    @Inject
    AppClock clock;

    private static final String SELECT = """
            select f.id, f.product_id, p.name, p.type, p.status, f.specification_id, s.name as spec_name,
                   f.billing_mode, f.quantity, f.periods, f.created_at, count(*) over () as total
            from favorite f join product p on p.id = f.product_id
            left join specification s on s.id = f.specification_id
            """;

    /** Saves a listed product with its checked choices; the same product and specification twice is 409. */
    public Uni<Favorite> add(UUID me, UUID productId, FavoriteRequest request) {
        UUID id = UUID.randomUUID();
        return pool.preparedQuery("""
                insert into favorite (id, account_id, product_id, specification_id, billing_mode, quantity, periods,
                    created_at) values ($1, $2, $3, $4, $5, $6, $7, $8)""")
                .execute(Tuple.tuple().addValue(id).addValue(me).addValue(productId)
                        .addValue(request.specificationId())
                        .addValue(request.billingMode() == null ? null : request.billingMode().name())
                        .addValue(request.quantity()).addValue(request.periods())
                        .addValue(clock.now().atOffset(ZoneOffset.UTC)))
                .onFailure(e -> e instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState()))
                .transform(e -> ProblemException.conflict("This product and specification are already in your list"))
                .chain(() -> one(id, me));
    }

    public Uni<Page<Favorite>> list(UUID me, int page, int size) {
        return pool.preparedQuery(SELECT + """
                where f.account_id = $1 order by f.created_at desc, f.id limit $2 offset $3""")
                .execute(Tuple.of(me, size, (long) page * size)).map(rows -> Page.of(rows, Favorites::favorite, page, size));
    }

    public Uni<Void> remove(UUID id, UUID me) {
        return pool.preparedQuery("delete from favorite where id = $1 and account_id = $2").execute(Tuple.of(id, me))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw ProblemException.notFound("Favorite");
                    }
                    return null;
                });
    }

    public Uni<Favorite> one(UUID id, UUID me) {
        return pool.preparedQuery(SELECT + " where f.id = $1 and f.account_id = $2").execute(Tuple.of(id, me))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Favorite");
                    }
                    return favorite(rows.iterator().next());
                });
    }

    private static Favorite favorite(Row r) {
        String mode = r.getString("billing_mode");
        return new Favorite(r.getUUID("id"), r.getUUID("product_id"), r.getString("name"),
                ProductType.valueOf(r.getString("type")), "LISTED".equals(r.getString("status")),
                r.getUUID("specification_id"), r.getString("spec_name"), mode == null ? null : BillingMode.valueOf(mode),
                r.getInteger("quantity"), r.getInteger("periods"), r.getOffsetDateTime("created_at"));
    }
}
