package dev.opengallery.requirements;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.opengallery.catalog.ProductStatus;
import dev.opengallery.core.Db;
import dev.opengallery.core.Money;
import dev.opengallery.core.Page;
import dev.opengallery.core.ProblemException;
import dev.opengallery.core.Sql;
import dev.opengallery.offers.OfferService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Reads of requirements: the buyer's own, the operators' queue, and the published ones a seller may see (those of
 * the categories it has a listed product in, without the buyer's contact details).
 */
@ApplicationScoped
public class RequirementQueries {

    static final String SELECT = "select q.*, count(*) over () as total from requirement q";

    /** The seller (the parameter {@code seller}, e.g. "$2") has a listed product in the requirement's category. */
    static String sellsInCategory(String seller) {
        return """
                exists (select 1 from product p where p.seller_id = %s and p.category_code = q.category_code
                        and p.status = '%s')""".formatted(seller, ProductStatus.LISTED.name());
    }

    @Inject
    Db db;

    @Inject
    OfferService offers;

    @Inject
    RequirementsConfig config;

    // ------------------------------------------------------------------------------------------ buyer

    public Uni<Page<RequirementView>> listForBuyer(UUID accountId, int page, int size) {
        return db.reads().preparedQuery(SELECT + " where q.account_id = $1 order by q.created_at desc, q.id"
                + " limit $2 offset $3").execute(Tuple.of(accountId, size, (long) page * size))
                .map(rows -> Page.of(rows, this::view, page, size));
    }

    /** The buyer's own requirement with its answers (and their links); 404 for another account's. */
    public Uni<RequirementView> findForBuyer(UUID id, UUID accountId) {
        return one(SELECT + " where q.id = $1 and q.account_id = $2", Tuple.of(id, accountId))
                .chain(v -> answers(id, true).map(v::withAnswers));
    }

    // ------------------------------------------------------------------------------------------ operator

    public Uni<Page<RequirementView>> listForOperator(RequirementState state, String categoryCode, int page, int size) {
        return db.reads().preparedQuery(SELECT + " where ($1::text is null or q.state = $1)"
                + " and ($2::text is null or q.category_code = $2) order by q.created_at, q.id limit $3 offset $4")
                .execute(Tuple.tuple().addValue(state == null ? null : state.name()).addValue(categoryCode).addValue(size)
                        .addValue((long) page * size))
                .map(rows -> Page.of(rows, this::view, page, size));
    }

    /** Any requirement with its answers (without the offers' links, which are the buyer's access path). */
    public Uni<RequirementView> findForOperator(UUID id) {
        return one(SELECT + " where q.id = $1", Tuple.of(id)).chain(v -> answers(id, false).map(v::withAnswers));
    }

    // ------------------------------------------------------------------------------------------ seller

    /** The open (PUBLISHED) requirements of the categories the seller sells in, newest published first. */
    public Uni<Page<SellerRequirementView>> listForSeller(UUID sellerId, int page, int size) {
        // the state is written into the statement, so that the partial index of published requirements applies
        return db.reads().preparedQuery(SELECT + " where q.state = '" + RequirementState.PUBLISHED.name() + "' and "
                + sellsInCategory("$1") + " order by q.published_at desc, q.id limit $2 offset $3")
                .execute(Tuple.of(sellerId, size, (long) page * size))
                .map(rows -> Page.of(rows, this::sellerView, page, size));
    }

    /**
     * A requirement that was published (open, or closed since) in a category the seller sells in; 404 otherwise
     * (another category, or never published).
     */
    public Uni<SellerRequirementView> findForSeller(UUID id, UUID sellerId) {
        return db.reads().preparedQuery(SELECT + " where q.id = $1 and q.published_at is not null and "
                + sellsInCategory("$2")).execute(Tuple.of(id, sellerId)).map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Requirement");
                    }
                    return sellerView(rows.iterator().next());
                });
    }

    /** Whether the seller may see the requirement (see {@link #findForSeller}); read in the caller's transaction. */
    Uni<Boolean> visibleToSeller(Sql sql, UUID id, UUID sellerId) {
        return sql.preparedQuery("select 1 from requirement q where q.id = $1 and q.published_at is not null and "
                + sellsInCategory("$2")).execute(Tuple.of(id, sellerId)).map(rows -> rows.size() > 0);
    }

    // ------------------------------------------------------------------------------------------ rows

    private Uni<RequirementView> one(String sql, Tuple args) {
        return db.reads().preparedQuery(sql).execute(args).map(rows -> {
            if (rows.size() == 0) {
                throw ProblemException.notFound("Requirement");
            }
            return view(rows.iterator().next());
        });
    }

    private Uni<List<RequirementAnswer>> answers(UUID id, boolean withLinks) {
        return offers.listForRequirement(id)
                .map(list -> list.stream().map(o -> RequirementAnswer.of(o, withLinks)).toList());
    }

    RequirementView view(Row r) {
        String currency = r.getString("currency");
        OffsetDateTime created = r.getOffsetDateTime("created_at");
        String closed = r.getString("closed_reason");
        return new RequirementView(r.getUUID("id"), r.getUUID("account_id"), r.getString("description"),
                r.getString("company"), r.getString("contact_person"), r.getString("phone"), r.getString("email"),
                r.getString("category_code"), money(r.getBigDecimal("budget_min"), currency),
                money(r.getBigDecimal("budget_max"), currency), currency,
                RequirementState.valueOf(r.getString("state")), r.getString("reject_reason"),
                closed == null ? null : ClosedReason.valueOf(closed), created, r.getOffsetDateTime("published_at"),
                r.getOffsetDateTime("decided_at"), r.getOffsetDateTime("closed_at"), expiresAt(r, created), null);
    }

    SellerRequirementView sellerView(Row r) {
        String currency = r.getString("currency");
        return new SellerRequirementView(r.getUUID("id"), r.getString("description"), r.getString("category_code"),
                money(r.getBigDecimal("budget_min"), currency), money(r.getBigDecimal("budget_max"), currency), currency,
                RequirementState.valueOf(r.getString("state")), r.getOffsetDateTime("published_at"),
                expiresAt(r, r.getOffsetDateTime("created_at")), r.getOffsetDateTime("closed_at"));
    }

    /** When an open requirement closes by itself; null once it is no longer open. */
    private OffsetDateTime expiresAt(Row r, OffsetDateTime created) {
        RequirementState state = RequirementState.valueOf(r.getString("state"));
        return RequirementRules.OPEN.contains(state)
                ? RequirementRules.expiresAt(created.toInstant(), config.openDays()).atOffset(created.getOffset())
                : null;
    }

    private static BigDecimal money(BigDecimal value, String currency) {
        return value == null ? null : Money.round(value, Currency.getInstance(currency));
    }
}
