package dev.opengallery.ordering;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.opengallery.payments.Ledger;
import dev.opengallery.core.Page;
import dev.opengallery.core.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads of accounts and their ledgers. */
@ApplicationScoped
public class Accounts {

    @Inject
    Pool pool;

    @Schema(name = "LedgerEntry")
    public record LedgerEntryView(UUID id, Ledger.Kind kind, @Schema(example = "-100.00") BigDecimal amount,
            @Schema(example = "20.50") BigDecimal balanceAfter, UUID orderId, String reference, String note,
            OffsetDateTime createdAt) {
    }

    public Uni<AccountView> find(UUID id) {
        return pool.preparedQuery("select id, subject, currency, balance, credit_limit, reseller, offer_credit_limit, offer_credit_used from account where id = $1")
                .execute(Tuple.of(id)).map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Account");
                    }
                    return view(rows.iterator().next());
                });
    }

    public Uni<AccountView> findBySubject(String subject) {
        return pool.preparedQuery("select id, subject, currency, balance, credit_limit, reseller, offer_credit_limit, offer_credit_used from account where subject = $1")
                .execute(Tuple.of(subject)).map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Account");
                    }
                    return view(rows.iterator().next());
                });
    }

    static AccountView view(Row r) {
        BigDecimal balance = r.getBigDecimal("balance");
        BigDecimal credit = r.getBigDecimal("credit_limit");
        return new AccountView(r.getUUID("id"), r.getString("subject"), r.getString("currency"), balance, credit,
                balance.add(credit), r.getString("reseller"), r.getBigDecimal("offer_credit_limit"),
                r.getBigDecimal("offer_credit_used"));
    }

    public Uni<Page<LedgerEntryView>> ledger(UUID accountId, int page, int size) {
        return pool.preparedQuery("""
                select id, kind, amount, balance_after, order_id, reference, note, created_at, count(*) over () as total
                from ledger_entry where account_id = $1 order by seq desc limit $2 offset $3""")
                .execute(Tuple.of(accountId, size, (long) page * size)).map(rows -> Page.of(rows,
                        r -> new LedgerEntryView(r.getUUID("id"), Ledger.Kind.valueOf(r.getString("kind")),
                                r.getBigDecimal("amount"), r.getBigDecimal("balance_after"), r.getUUID("order_id"),
                                r.getString("reference"), r.getString("note"), r.getOffsetDateTime("created_at")),
                        page, size));
    }

    private static final String VPCS = """
            select v.id, v.name, v.cidr, v.created_at,
                   coalesce(array_agg(g.name order by g.name) filter (where g.name is not null), '{}') as groups
            from vpc v left join security_group g on g.vpc_id = v.id
            where v.account_id = $1""";

    /** The account's VPCs with the names of their security groups, oldest first. */
    public Uni<List<AccountResource.Vpc>> vpcs(UUID accountId) {
        return pool.preparedQuery(VPCS + " group by v.id order by v.created_at, v.name").execute(Tuple.of(accountId))
                .map(rows -> {
                    List<AccountResource.Vpc> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(vpc(r));
                    }
                    return out;
                });
    }

    /** One of the account's VPCs (404 another's or unknown). */
    public Uni<AccountResource.Vpc> vpc(UUID accountId, UUID id) {
        return pool.preparedQuery(VPCS + " and v.id = $2 group by v.id").execute(Tuple.of(accountId, id)).map(rows -> {
            if (rows.size() == 0) {
                throw ProblemException.notFound("VPC");
            }
            return vpc(rows.iterator().next());
        });
    }

    private static AccountResource.Vpc vpc(Row r) {
        return new AccountResource.Vpc(r.getUUID("id"), r.getString("name"), r.getString("cidr"),
                List.of(r.getArrayOfStrings("groups")), r.getOffsetDateTime("created_at"));
    }
}
