package dev.opengallery.tickets;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import dev.opengallery.core.FormFields;
import dev.opengallery.core.AppClock;
import dev.opengallery.core.Db;
import dev.opengallery.core.ProblemException;
import dev.opengallery.core.Tx;
import dev.opengallery.notifications.Channel;
import dev.opengallery.notifications.Notifications;
import dev.opengallery.payments.AccountService;
import dev.opengallery.payments.Idempotency;
import dev.opengallery.supervision.Attachments;
import dev.opengallery.supervision.Upload;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Every change of a ticket, one transaction each: input checked ({@link TicketInput}), files read by the supervision
 * attachment rules, the ticket locked (404 when the caller may not see it), the version the client sent compared, the
 * change made by the ticket's own method (which asks {@link TicketMachine}), saved with its records, and the people
 * concerned notified (inbox and e-mail, {@link TicketNotices}) in the same transaction. Each answers the ticket as the
 * caller sees it afterwards.
 */
@ApplicationScoped
public class TicketCommands {

    static final String OPEN_OPERATION = "open-ticket";

    @Inject
    Db db;

    @Inject
    AppClock clock;

    @Inject
    TicketSettings settings;

    @Inject
    TicketQueries queries;

    @Inject
    Attachments attachments;

    @Inject
    Idempotency idempotency;

    @Inject
    Notifications notifications;

    @Inject
    AccountService accounts;

    /** What an opening's Idempotency-Key is compared on: the fields and each file (name, type, SHA-256). */
    record OpeningHash(String category, String subject, String description, UUID orderId, UUID appId, UUID productId,
            List<String> files) {
    }

    /** A buyer opens a ticket (201); with an Idempotency-Key the same request answers the same ticket again. */
    public Uni<RestResponse<TicketViews.View>> open(Who buyer, String key, TicketRequests.OpenForm form) {
        TicketInput.Opening o = TicketInput.opening(form.category, form.subject, form.description, form.orderId,
                form.appId, form.productId);
        return attachments.read(form.files).chain(uploads -> {
            OpeningHash hash = new OpeningHash(o.category().name(), o.subject(), o.description(), o.orderId(),
                    o.appId(), o.productId(), uploads.stream().map(TicketCommands::digest).toList());
            return idempotency.run(buyer.accountId(), key, OPEN_OPERATION, hash, TicketViews.Opened.class,
                    tx -> TicketRelations.check(tx, buyer.accountId(), o).chain(related -> {
                        Ticket t = Ticket.open(buyer, o.category(), o.subject(), o.description(), related, uploads,
                                clock.now());
                        return t.save(tx, true).replaceWith(RestResponse.ResponseBuilder
                                .<TicketViews.Opened> create(RestResponse.Status.CREATED)
                                .entity(new TicketViews.Opened(t.id())).build());
                    }));
        }).chain(first -> queries.find(first.getEntity().id(), buyer)
                .map(view -> Idempotency.answer(first, view)
                        .location(java.net.URI.create("/api/tickets/" + view.ticket().id())).build()));
    }

    public Uni<TicketViews.View> reply(Who who, UUID id, String text, String version, List<FileUpload> files) {
        String message = TicketInput.message("text", text);
        Long expected = FormFields.version(version);
        return attachments.read(files).chain(uploads -> move(who, id, expected, TicketAction.REPLY, message,
                (tx, t) -> {
                    t.reply(who, message, uploads, clock.now(), settings.reopenWithin());
                    return Uni.createFrom().voidItem();
                }));
    }

    public Uni<TicketViews.View> reopen(Who who, UUID id, String text, Long expected) {
        String message = TicketInput.message("text", text);
        return move(who, id, expected, TicketAction.REOPEN, message, (tx, t) -> {
            t.reopen(who, message, clock.now(), settings.reopenWithin());
            return Uni.createFrom().voidItem();
        });
    }

    public Uni<TicketViews.View> close(Who who, UUID id, String text, Long expected) {
        String message = who.actor() == TicketActor.OPERATOR ? TicketInput.message("text", text)
                : TicketInput.note("text", text);
        return move(who, id, expected, TicketAction.CLOSE, message, (tx, t) -> {
            t.close(who, message, clock.now(), settings.reopenWithin());
            return Uni.createFrom().voidItem();
        });
    }

    public Uni<TicketViews.View> askBuyer(Who who, UUID id, String text, Long expected) {
        String message = TicketInput.message("text", text);
        return move(who, id, expected, TicketAction.ASK_BUYER, message, (tx, t) -> {
            t.askBuyer(who, message, clock.now(), settings.reopenWithin());
            return Uni.createFrom().voidItem();
        });
    }

    public Uni<TicketViews.View> involveSeller(Who who, UUID id, String text, Long expected) {
        String message = TicketInput.message("text", text);
        return move(who, id, expected, TicketAction.INVOLVE_SELLER, message, (tx, t) -> {
            t.involveSeller(who, message, clock.now(), settings.reopenWithin());
            return Uni.createFrom().voidItem();
        });
    }

    /**
     * An operator resolves the ticket; a credit-limit ticket GRANTED sets the buyer's credit limit through the
     * account's own operation in the same transaction, so that a refused limit (422) leaves the ticket unresolved.
     */
    public Uni<TicketViews.View> resolve(Who who, UUID id, TicketRequests.Resolve r) {
        String message = TicketInput.message("text", r.text());
        return move(who, id, r.version(), TicketAction.RESOLVE, message, (tx, t) -> {
            t.resolve(who, message, r.outcome(), r.creditLimit(), clock.now(), settings.reopenWithin());
            return r.outcome() == Ticket.CreditOutcome.GRANTED
                    ? t.save(tx, false).chain(() -> accounts.setCreditLimit(tx, t.accountId(), r.creditLimit()))
                    : Uni.createFrom().voidItem();
        });
    }

    /** An operator takes the ticket, or gives it to another operator named by token subject. */
    public Uni<TicketViews.View> assign(Who who, UUID id, String assigneeSubject, Long expected) {
        String subject = assigneeSubject == null || assigneeSubject.isBlank() ? null : assigneeSubject.strip();
        if (subject != null && subject.length() > 255) {
            throw ProblemException.invalid("assigneeSubject", "must be at most 255 characters");
        }
        return move(who, id, expected, TicketAction.ASSIGN, null, (tx, t) -> assignee(tx, who, subject)
                .invoke(a -> t.assign(who, a, subject == null ? "the operator who took it" : subject, clock.now(),
                        settings.reopenWithin()))
                .replaceWithVoid());
    }

    /** The operator account named by subject: one that has acted as an operator on tickets (422 otherwise). */
    private Uni<UUID> assignee(Tx tx, Who who, String subject) {
        if (subject == null) {
            return Uni.createFrom().item(who.accountId());
        }
        return tx.preparedQuery("""
                select a.id from account a where a.subject = $1
                  and (a.id = $2 or exists (select 1 from ticket_message m where m.actor_id = a.id
                                                and m.actor_role = $3))""")
                .execute(Tuple.of(subject, who.accountId(), TicketActor.OPERATOR.role())).map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.unprocessable("assigneeSubject", "No operator " + subject
                                + " has acted on tickets yet; an operator can first take a ticket themselves");
                    }
                    return rows.iterator().next().getUUID("id");
                });
    }

    /**
     * One change in one transaction: the ticket locked (404 when the caller may not see it), the version compared,
     * {@code work} applied, the ticket saved and the people concerned notified; then the ticket as the caller sees it.
     */
    private Uni<TicketViews.View> move(Who who, UUID id, Long expected, TicketAction action, String text,
            BiFunction<Tx, Ticket, Uni<Void>> work) {
        return db.transaction(tx -> Ticket.lock(id, who).chain(t -> {
            t.expectVersion(expected);
            TicketState from = t.state();
            return work.apply(tx, t).chain(() -> t.save(tx, false))
                    .chain(() -> notifications.notifyAll(tx, TicketNotices.of(t, who, action, from, text),
                            EnumSet.of(Channel.EMAIL)));
        })).chain(() -> queries.find(id, who));
    }

    static String digest(Upload u) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return u.fileName() + ";" + u.contentType() + ";" + HexFormat.of().formatHex(sha.digest(u.data()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
