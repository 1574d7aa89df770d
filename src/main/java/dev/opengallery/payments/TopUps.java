package dev.opengallery.payments;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.resteasy.reactive.RestResponse;

import dev.opengallery.core.AppClock;
import dev.opengallery.core.Currencies;
import dev.opengallery.core.FieldErrors;
import dev.opengallery.core.ProblemException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import dev.opengallery.core.Tx;
import io.vertx.mutiny.sqlclient.Tuple;

/** Credits money to an account: once per external reference, and once per Idempotency-Key. */
@ApplicationScoped
public class TopUps {

    @Inject
    Idempotency idempotency;

    @Inject
    Ledger ledger;

    @Inject
    AppClock clock;

    @Inject
    jakarta.enterprise.inject.Instance<AfterTopUp> hooks;

    /** What a top-up request asks for; its Idempotency-Key is compared against this. */
    @RegisterForReflection
    public record Request(UUID accountId, BigDecimal amount, String reference, String note) {
    }

    /**
     * Credits the account: the entity is true when credited now, false when the reference was credited before.
     * With an Idempotency-Key (of the caller's account) a repeated request answers as the first did (credited
     * or not) and credits nothing again; the key is claimed in the top-up's transaction.
     */
    public Uni<RestResponse<Boolean>> topUp(UUID caller, String idempotencyKey, String operation, Request r) {
        return idempotency.run(caller, idempotencyKey, operation, r, Boolean.class,
                conn -> credit(conn, r.accountId(), r.amount(), r.reference(), r.note())
                        .map(credited -> RestResponse.ResponseBuilder.ok(credited).build()));
    }

    private Uni<Boolean> credit(Tx conn, UUID accountId, BigDecimal amount, String reference, String note) {
        return conn.preparedQuery("select id, currency from account where id = $1 for update")
                .execute(Tuple.of(accountId)).chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().failure(ProblemException.notFound("Account"));
                    }
                    FieldErrors errors = new FieldErrors();
                    Currencies.checkAmount(amount, "amount", Currency.getInstance(rows.iterator().next()
                            .getString("currency").trim()), false, errors);
                    errors.throwIfAny();
                    if (reference == null) {
                        return Uni.createFrom().item(false);
                    }
                    return conn.preparedQuery(
                            "select account_id from ledger_entry where kind = 'TOP_UP' and reference = $1")
                            .execute(Tuple.of(reference)).map(seen -> {
                                if (seen.size() > 0 && !seen.iterator().next().getUUID("account_id").equals(accountId)) {
                                    throw ProblemException.conflict("This reference was credited to another account");
                                }
                                return seen.size() > 0;
                            });
                }).chain(already -> already ? Uni.createFrom().item(false)
                        : ledger.post(conn, accountId, Ledger.Kind.TOP_UP, amount, Ledger.Floor.NONE, null, reference,
                                note, clock.now()).chain(() -> afterTopUp(conn, accountId)).replaceWith(true));
    }

    /** Runs every {@link AfterTopUp} in the top-up's transaction, one after the other. */
    private Uni<Void> afterTopUp(Tx conn, UUID accountId) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (AfterTopUp hook : hooks) {
            chain = chain.chain(() -> hook.afterTopUp(conn, accountId));
        }
        return chain;
    }
}
