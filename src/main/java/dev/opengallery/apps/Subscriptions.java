package dev.opengallery.apps;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.opengallery.catalog.BillingMode;
import dev.opengallery.catalog.PricingModel;
import dev.opengallery.catalog.ProductType;
import dev.opengallery.catalog.SellerInfo;
import dev.opengallery.core.Page;
import dev.opengallery.core.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import dev.opengallery.core.Db;
import dev.opengallery.core.Sql;
import dev.opengallery.core.Tx;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Reads purchased apps. Ownership is part of every query: another account's subscription, or one not yet
 * listed among purchased apps (SaaS whose supervision has not completed), is simply not found.
 */
@ApplicationScoped
public class Subscriptions {

    static final String SELECT = """
            select s.id, s.account_id, s.order_id, s.product_id, p.name as product_name, s.product_type,
                p.guide_url as product_guide_url, s.specification_id,
                coalesce(s.specification_name, o.specification_name) as specification_name,
                coalesce(s.pricing_model, o.pricing_model) as pricing_model, s.billing_mode, s.quantity,
                s.discount_rate, s.amount_paid, o.currency, s.starts_at, s.expires_at, s.status, s.visible, s.ecs_id,
                s.created_at, s.version, o.seller_id, sp.account_id as profile_id, sp.company_name, sp.service_email,
                sp.service_phone, sp.support_range, o.ecs ->> 'flavor' as ecs_flavor, o.paid_by_reseller,
                coalesce(s.term_starts_at, s.starts_at) as term_starts_at, coalesce(s.term_periods, o.periods) as term_periods,
                coalesce(s.term_list_price, o.list_price) as term_list_price,
                coalesce(s.periods_bought, o.periods) as periods_bought,
                s.auto_renew, s.auto_renew_periods, s.auto_renew_next_try, s.auto_renew_failures, s.auto_renew_error,
                s.grace_at, s.retention_at, s.released_at, s.unsubscribed_at, s.refund_amount,
                s.app_username, s.app_password is not null as app_password_set, s.app_management_url,
                s.app_frontend_url, s.app_guide_url, s.app_info_updated_at
            from subscription s
            join customer_order o on o.id = s.order_id
            join product p on p.id = s.product_id
            left join seller_profile sp on sp.account_id = o.seller_id
            """;

    @Inject
    Pool pool;

    @Inject
    Db db;

    /** One of the buyer's purchased apps (listed ones only). */
    public Uni<PurchasedApp> findOwned(UUID accountId, UUID id) {
        return one(db.reads(), SELECT + "where s.id = $1 and s.account_id = $2 and s.visible", Tuple.of(id, accountId));
    }

    /** The same, locked for the caller's transaction. */
    public Uni<PurchasedApp> lockOwned(Tx conn, UUID accountId, UUID id) {
        return one(conn, SELECT + "where s.id = $1 and s.account_id = $2 and s.visible for update of s",
                Tuple.of(id, accountId));
    }

    /** Any subscription, locked; null when another transaction holds it (jobs skip it) or it does not exist. */
    public Uni<PurchasedApp> tryLock(Tx conn, UUID id) {
        return conn.preparedQuery(SELECT + "where s.id = $1 for update of s skip locked").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : of(rows.iterator().next()));
    }

    /** A subscription of one of the seller's products (listed or not yet: the seller supplies its app info). */
    public Uni<PurchasedApp> findForSeller(Sql client, UUID sellerId, UUID id, boolean lock) {
        return one(client, SELECT + "where s.id = $1 and o.seller_id = $2" + (lock ? " for update of s" : ""),
                Tuple.of(id, sellerId));
    }

    private static Uni<PurchasedApp> one(Sql client, String sql, Tuple args) {
        return client.preparedQuery(sql).execute(args).map(rows -> {
            if (rows.size() == 0) {
                throw ProblemException.notFound("Purchased app");
            }
            return of(rows.iterator().next());
        });
    }

    public record Filter(UUID accountId, UUID sellerId, ProductType type, AppStatus status,
            String productName, Integer expiringWithinDays, Instant now) {
    }

    public Uni<Page<PurchasedApp>> list(Filter f, int page, int size) {
        OffsetDateTime now = f.now().atOffset(ZoneOffset.UTC);
        OffsetDateTime until = f.expiringWithinDays() == null ? null : now.plusDays(f.expiringWithinDays());
        String like = f.productName() == null || f.productName().isBlank() ? null
                : "%" + f.productName().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        Tuple args = Tuple.tuple().addValue(f.accountId()).addValue(f.sellerId())
                .addValue(f.type() == null ? null : f.type().name())
                .addValue(f.status() == null ? null : f.status().name()).addValue(like).addValue(now).addValue(until)
                .addValue(size).addValue((long) page * size);
        String sql = SELECT.replace("select s.id,", "select count(*) over () as total, s.id,") + """
                where ($1::uuid is null or (s.account_id = $1 and s.visible)) and ($2::uuid is null or o.seller_id = $2)
                  and ($3::text is null or s.product_type = $3) and ($4::text is null or s.status = $4)
                  and ($5::text is null or p.name ilike $5)
                  and ($7::timestamptz is null or (s.expires_at > $6 and s.expires_at <= $7))
                order by s.created_at desc, s.id
                limit $8 offset $9""";
        return pool.preparedQuery(sql).execute(args).map(rows -> Page.of(rows, Subscriptions::of, page, size));
    }

    @Schema(name = "AppEvent")
    public record Event(OffsetDateTime at, UUID actorId, String actorRole, String kind, String fromStatus,
            String toStatus, UUID orderId, String note) {
    }

    public Uni<List<Event>> events(UUID subscriptionId) {
        return pool.preparedQuery("""
                select at, actor_id, actor_role, kind, from_status, to_status, order_id, note
                from subscription_event where subscription_id = $1 order by id""").execute(Tuple.of(subscriptionId))
                .map(rows -> {
                    List<Event> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new Event(r.getOffsetDateTime("at"), r.getUUID("actor_id"), r.getString("actor_role"),
                                r.getString("kind"), r.getString("from_status"), r.getString("to_status"),
                                r.getUUID("order_id"), r.getString("note")));
                    }
                    return out;
                });
    }

    static PurchasedApp of(Row r) {
        SellerInfo seller = r.getUUID("profile_id") == null ? null
                : new SellerInfo(r.getUUID("seller_id"), r.getString("company_name"), r.getString("service_email"),
                        r.getString("service_phone"), r.getString("support_range"));
        return new PurchasedApp(r.getUUID("id"), r.getUUID("account_id"), r.getUUID("order_id"), r.getUUID("product_id"),
                r.getString("product_name"), ProductType.valueOf(r.getString("product_type")),
                r.getString("product_guide_url"), r.getUUID("specification_id"), r.getString("specification_name"),
                PricingModel.valueOf(r.getString("pricing_model")), BillingMode.valueOf(r.getString("billing_mode")),
                r.getInteger("quantity"), r.getBigDecimal("discount_rate"), r.getBigDecimal("amount_paid"),
                r.getString("currency"), r.getOffsetDateTime("starts_at"), r.getOffsetDateTime("expires_at"),
                AppStatus.valueOf(r.getString("status")), r.getBoolean("visible"), r.getString("ecs_id"),
                r.getOffsetDateTime("created_at"), r.getLong("version"), r.getUUID("seller_id"), seller,
                r.getString("ecs_flavor"), r.getBoolean("paid_by_reseller"), r.getOffsetDateTime("term_starts_at"),
                r.getInteger("term_periods"), r.getBigDecimal("term_list_price"), r.getInteger("periods_bought"),
                r.getBoolean("auto_renew"), r.getInteger("auto_renew_periods"), r.getOffsetDateTime("auto_renew_next_try"),
                r.getInteger("auto_renew_failures"), r.getString("auto_renew_error"), r.getOffsetDateTime("grace_at"),
                r.getOffsetDateTime("retention_at"), r.getOffsetDateTime("released_at"),
                r.getOffsetDateTime("unsubscribed_at"), r.getBigDecimal("refund_amount"), r.getString("app_username"),
                r.getBoolean("app_password_set"), r.getString("app_management_url"), r.getString("app_frontend_url"),
                r.getString("app_guide_url"), r.getOffsetDateTime("app_info_updated_at"));
    }

}
