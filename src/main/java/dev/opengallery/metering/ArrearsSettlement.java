package dev.opengallery.metering;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.opengallery.core.AppClock;
import dev.opengallery.payments.AfterTopUp;
import dev.opengallery.payments.Ledger;
import dev.opengallery.jobs.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import dev.opengallery.core.Tx;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A top-up settles pay-per-use arrears first, in the top-up's own transaction: as much of the arrears as the
 * balance (and credit) now covers is debited (ledger SETTLEMENT). When nothing is left owing, every ECS suspended
 * for the arrears gets a RESUME event in the outbox.
 */
@ApplicationScoped
public class ArrearsSettlement implements AfterTopUp {

    @Inject
    Ledger ledger;

    @Inject
    AppClock clock;

    @Inject
    ComputeEventOutbox outbox;

    @Override
    public Uni<Void> afterTopUp(Tx conn, UUID accountId) {
        Instant now = clock.now();
        return conn.preparedQuery("""
                select m.arrears, a.balance + a.credit_limit as available
                from metering_account m join account a on a.id = m.account_id
                where m.account_id = $1 for update of m""").execute(Tuple.of(accountId)).chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    Row r = rows.iterator().next();
                    BigDecimal arrears = r.getBigDecimal("arrears");
                    BigDecimal available = r.getBigDecimal("available").max(BigDecimal.ZERO);
                    BigDecimal settle = arrears.min(available);
                    Uni<Void> pay = settle.signum() <= 0 ? Uni.createFrom().voidItem()
                            : ledger.post(conn, accountId, Ledger.Kind.SETTLEMENT, settle.negate(), Ledger.Floor.CREDIT_LIMIT,
                                    null, "metering-arrears", "Pay-per-use image arrears settled", now)
                                    .chain(() -> conn.preparedQuery("""
                                            update metering_account set arrears = arrears - $2, updated_at = $3
                                            where account_id = $1""").execute(Tuple.of(accountId, settle,
                                            now.atOffset(ZoneOffset.UTC))))
                                    .replaceWithVoid();
                    if (arrears.signum() > 0 && settle.compareTo(arrears) < 0) {
                        return pay; // still owing: the ECSs stay suspended
                    }
                    return pay.chain(() -> resume(conn, accountId, now));
                });
    }

    /** RESUME for every ECS of the account that was suspended for arrears. */
    private Uni<Void> resume(Tx conn, UUID accountId, Instant now) {
        return conn.preparedQuery("""
                with r as (
                    update metering_ecs set arrears_suspended = false, updated_at = $2
                    where account_id = $1 and arrears_suspended
                    returning ecs_id, account_id
                )
                insert into metering_outbox (id, ecs_id, account_id, type, reason, created_at, status, next_attempt_at)
                select gen_random_uuid(), ecs_id, account_id, 'RESUME', 'Pay-per-use image arrears settled',
                       $2::timestamptz, '{PENDING}', $2::timestamptz
                from r order by ecs_id""".replace("{PENDING}", Outbox.Status.PENDING.name()))
                .execute(Tuple.of(accountId, now.atOffset(ZoneOffset.UTC)))
                .invoke(rows -> {
                    if (rows.rowCount() > 0) {
                        outbox.sendAfterCommit(conn);
                    }
                }).replaceWithVoid();
    }
}
