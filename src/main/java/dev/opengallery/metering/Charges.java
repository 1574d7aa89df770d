package dev.opengallery.metering;

import static dev.opengallery.core.Times.ts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.opengallery.core.Page;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Buyers' reads of their pay-per-use charges and arrears. */
@ApplicationScoped
public class Charges {

    /** A month's CSV is read in pages of this many rows. */
    static final int CSV_CHUNK = 5000;

    @Inject
    Pool pool;

    @Schema(name = "MeteringCharge", description = "One image-hour: an image in billable use on an ECS at some moment of the hour.")
    public record ChargeView(
            @Schema(example = "ecs-4b1d2c3e5f60") String ecsId,
            UUID productId,
            @Schema(example = "LAMP stack") String productName,
            UUID specificationId,
            @Schema(description = "The clock hour charged (UTC, start)", example = "2026-11-25T10:00:00Z") OffsetDateTime hour,
            @Schema(description = "The hourly price of the image's specification", example = "0.2500") BigDecimal amount,
            @Schema(example = "USD") String currency) {
    }

    public record Filter(String ecsId, UUID productId, Instant from, Instant to) {
    }

    @Schema(name = "MeteringAccount", description = "Your pay-per-use billing state.")
    public record AccountState(
            @Schema(description = "Charges the balance and credit could not cover; a top-up settles them first",
                    example = "0.00") BigDecimal arrears,
            @Schema(description = "Charged fractions of a cent not yet posted to the ledger", example = "0.0025")
            BigDecimal unposted,
            @Schema(description = "ECSs suspended because of the arrears", example = "[\"ecs-4b1d2c3e5f60\"]")
            List<String> suspendedEcsIds) {
    }

    private static final String WHERE = """
            where c.account_id = $1 and ($2::text is null or c.ecs_id = $2) and ($3::uuid is null or c.product_id = $3)
              and ($4::timestamptz is null or c.hour >= $4) and ($5::timestamptz is null or c.hour < $5)""";

    public Uni<Page<ChargeView>> list(UUID accountId, Filter f, int page, int size) {
        return pool.preparedQuery("""
                select c.ecs_id, c.product_id, p.name as product_name, c.specification_id, c.hour, c.amount, c.currency,
                       count(*) over () as total
                from metering_charge c left join product p on p.id = c.product_id
                """ + WHERE + """

                order by c.hour desc, c.ecs_id, c.product_id limit $6 offset $7""")
                .execute(Tuple.tuple().addValue(accountId).addValue(f.ecsId()).addValue(f.productId())
                        .addValue(ts(f.from())).addValue(ts(f.to())).addValue(size).addValue((long) page * size))
                .map(rows -> {
                    List<ChargeView> items = new ArrayList<>();
                    long total = 0;
                    for (Row r : rows) {
                        total = r.getLong("total");
                        items.add(view(r));
                    }
                    if (items.isEmpty() && page > 0) {
                        return new Page<ChargeView>(items, -1, page, size);
                    }
                    return new Page<>(items, total, page, size);
                }).chain(p -> p.total() >= 0 ? Uni.createFrom().item(p)
                        : pool.preparedQuery("select count(*) as n from metering_charge c " + WHERE)
                                .execute(Tuple.tuple().addValue(accountId).addValue(f.ecsId()).addValue(f.productId())
                                        .addValue(ts(f.from())).addValue(ts(f.to())))
                                .map(rows -> new Page<>(p.items(), rows.iterator().next().getLong("n"), page, size)));
    }

    /** A month (UTC) of charges as CSV, oldest first, with a total line. */
    public Uni<String> csv(UUID accountId, YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder("hour,ecs_id,product_id,product_name,specification_id,amount,currency\r\n");
        return chunk(accountId, from, to, null, sb).map(total -> sb.append("total,,,,,").append(total.toPlainString())
                .append(",\r\n").toString());
    }

    /** Keyset pages of the month, appended to the CSV; answers the month's total. */
    private Uni<BigDecimal> chunk(UUID accountId, Instant from, Instant to, Object[] after, StringBuilder sb) {
        return pool.preparedQuery("""
                select c.id, c.ecs_id, c.product_id, p.name as product_name, c.specification_id, c.hour, c.amount, c.currency
                from metering_charge c left join product p on p.id = c.product_id
                where c.account_id = $1 and c.hour >= $2 and c.hour < $3
                  and ($4::timestamptz is null or (c.hour, c.id) > ($4::timestamptz, $5::bigint))
                order by c.hour, c.id limit $6""")
                .execute(Tuple.tuple().addValue(accountId).addValue(ts(from)).addValue(ts(to))
                        .addValue(after == null ? null : after[0]).addValue(after == null ? null : after[1])
                        .addValue(CSV_CHUNK))
                .chain(rows -> {
                    BigDecimal sum = BigDecimal.ZERO;
                    Object[] last = null;
                    for (Row r : rows) {
                        ChargeView c = view(r);
                        sum = sum.add(c.amount());
                        sb.append(c.hour().toInstant()).append(',').append(csvText(c.ecsId())).append(',').append(c.productId())
                                .append(',').append(csvText(c.productName())).append(',').append(c.specificationId())
                                .append(',').append(c.amount().toPlainString()).append(',').append(c.currency())
                                .append("\r\n");
                        last = new Object[] { r.getOffsetDateTime("hour"), r.getLong("id") };
                    }
                    BigDecimal here = sum;
                    if (rows.size() < CSV_CHUNK) {
                        return Uni.createFrom().item(here);
                    }
                    return chunk(accountId, from, to, last, sb).map(here::add);
                });
    }

    /** Quotes a text field when it holds a comma, quote or line break; defuses spreadsheet formulas. */
    static String csvText(String s) {
        if (s == null) {
            return "";
        }
        String v = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    public Uni<AccountState> state(UUID accountId) {
        return pool.preparedQuery("""
                select coalesce((select arrears from metering_account where account_id = $1), 0) as arrears,
                       coalesce((select carry from metering_account where account_id = $1), 0) as carry,
                       coalesce((select array_agg(ecs_id order by ecs_id) from metering_ecs
                                 where account_id = $1 and arrears_suspended), '{}') as suspended""")
                .execute(Tuple.of(accountId)).map(rows -> {
                    Row r = rows.iterator().next();
                    return new AccountState(r.getBigDecimal("arrears"), r.getBigDecimal("carry"),
                            List.of(r.getArrayOfStrings("suspended")));
                });
    }

    static ChargeView view(Row r) {
        return new ChargeView(r.getString("ecs_id"), r.getUUID("product_id"), r.getString("product_name"),
                r.getUUID("specification_id"), r.getOffsetDateTime("hour").withOffsetSameInstant(ZoneOffset.UTC),
                r.getBigDecimal("amount"), r.getString("currency"));
    }
}
