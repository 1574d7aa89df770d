package dev.opengallery.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import dev.opengallery.core.Tx;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Writes a product's specifications and their prices, inside the caller's transaction. A seller's edit keeps the
 * identity of every specification that persists: one whose name (ignoring case and surrounding blanks) is in the edit
 * keeps its id, and orders, subscriptions, offers, favorites and the compute service go on naming it. Specifications
 * the edit leaves out are deleted; favorites that saved one keep the product without a specification (or go, when
 * the account already saved the product without one). Orders and subscriptions keep their own copy of the
 * specification's name and of the price they were bought at.
 */
final class SpecificationStore {

    private SpecificationStore() {
    }

    static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    /** A new product's specifications, all with new ids. */
    static Uni<Void> insert(Tx conn, UUID productId, List<Specification> specs) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            ids.add(UUID.randomUUID());
        }
        return insertRows(conn, productId, specs, ids, List.of()).chain(() -> insertPrices(conn, specs, ids));
    }

    /** Replaces an edited product's specifications, keeping the ids of those that persist (matched by name). */
    static Uni<Void> replace(Tx conn, UUID productId, List<Specification> specs) {
        return conn.preparedQuery("select id, name from specification where product_id = $1")
                .execute(Tuple.of(productId)).chain(rows -> {
                    Map<String, UUID> existing = new HashMap<>();
                    for (Row r : rows) {
                        existing.put(key(r.getString("name")), r.getUUID("id"));
                    }
                    List<UUID> ids = new ArrayList<>();
                    List<Integer> kept = new ArrayList<>();
                    for (int i = 0; i < specs.size(); i++) {
                        UUID id = existing.remove(key(specs.get(i).name()));
                        if (id != null) {
                            kept.add(i);
                        }
                        ids.add(id == null ? UUID.randomUUID() : id);
                    }
                    UUID[] removed = existing.values().toArray(new UUID[0]);
                    UUID[] keptIds = kept.stream().map(ids::get).toArray(UUID[]::new);
                    return forgetInFavorites(conn, removed)
                            .chain(() -> conn.preparedQuery("delete from specification where id = any($1)")
                                    .execute(Tuple.of(removed)))
                            // the kept ones step aside from their positions, so that the new order never collides
                            // with the unique (product, position) on the way
                            .chain(() -> conn.preparedQuery(
                                    "update specification set position = -1 - position where product_id = $1")
                                    .execute(Tuple.of(productId)))
                            .chain(() -> conn.preparedQuery(
                                    "delete from specification_price where specification_id = any($1)")
                                    .execute(Tuple.of((Object) keptIds)))
                            .chain(() -> insertRows(conn, productId, specs, ids, kept))
                            .chain(() -> insertPrices(conn, specs, ids));
                });
    }

    /**
     * Favorites of removed specifications keep the product but lose the specification and the choices saved with it;
     * where that would give an account two entries of the product without a specification, the older one stays.
     */
    private static Uni<Void> forgetInFavorites(Tx conn, UUID[] removed) {
        if (removed.length == 0) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery("""
                delete from favorite f
                where f.specification_id = any($1)
                  and exists (select 1 from favorite g
                              where g.account_id = f.account_id and g.product_id = f.product_id and g.id <> f.id
                                and (g.specification_id is null
                                     or (g.specification_id = any($1)
                                         and (g.created_at, g.id) < (f.created_at, f.id))))""")
                .execute(Tuple.of((Object) removed))
                .chain(() -> conn.preparedQuery("""
                        update favorite
                        set specification_id = null, billing_mode = null, quantity = null, periods = null
                        where specification_id = any($1)""").execute(Tuple.of((Object) removed)))
                .replaceWithVoid();
    }

    /** Inserts the specifications at {@code ids}, except those at the {@code kept} positions, which are updated. */
    private static Uni<Void> insertRows(Tx conn, UUID productId, List<Specification> specs, List<UUID> ids,
            List<Integer> kept) {
        List<Tuple> inserts = new ArrayList<>();
        List<Tuple> updates = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Specification s = specs.get(i);
            Tuple t = Tuple.tuple().addValue(ids.get(i)).addValue(productId).addValue(i).addValue(s.name())
                    .addValue(s.description()).addValue(s.pricingModel().name()).addValue(s.unit())
                    .addValue(s.minQuantity()).addValue(s.maxQuantity());
            (kept.contains(i) ? updates : inserts).add(t);
        }
        Uni<Void> update = updates.isEmpty() ? Uni.createFrom().voidItem()
                : conn.preparedQuery("""
                        update specification set position = $3, name = $4, description = $5, pricing_model = $6,
                            unit = $7, min_quantity = $8, max_quantity = $9
                        where id = $1 and product_id = $2""").executeBatch(updates).replaceWithVoid();
        Uni<Void> insert = inserts.isEmpty() ? Uni.createFrom().voidItem()
                : conn.preparedQuery("""
                        insert into specification (id, product_id, position, name, description, pricing_model, unit,
                            min_quantity, max_quantity) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)""")
                        .executeBatch(inserts).replaceWithVoid();
        return update.chain(() -> insert);
    }

    private static Uni<Void> insertPrices(Tx conn, List<Specification> specs, List<UUID> ids) {
        List<Tuple> priceRows = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            for (Specification.Price p : specs.get(i).prices()) {
                for (Tier t : p.tiers()) {
                    priceRows.add(Tuple.tuple().addValue(ids.get(i)).addValue(p.billingMode().name()).addValue(t.from())
                            .addValue(t.to()).addValue(t.unitPrice()));
                }
            }
        }
        return conn.preparedQuery("""
                insert into specification_price (specification_id, billing_mode, tier_from, tier_to, unit_price)
                values ($1, $2, $3, $4, $5)""").executeBatch(priceRows).replaceWithVoid();
    }
}
