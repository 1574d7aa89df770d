package dev.opengallery.notifications;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.opengallery.core.DatabaseGauges;
import dev.opengallery.jobs.Outbox;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The outbox backlog: {@code opengallery_outbox_pending{channel="EMAIL"|"SMS"}}, deliveries still PENDING. */
@Startup
@ApplicationScoped
public class NotificationMetrics implements DatabaseGauges.Source {

    static final String PENDING = "opengallery.outbox.pending";
    static final String DESCRIPTION = "Outbox rows not delivered yet (PENDING, due now or waiting for a retry), by channel";

    @Inject
    DatabaseGauges gauges;

    @Inject
    Pool pool;

    @PostConstruct
    void register() {
        for (Channel c : Channel.values()) {
            gauges.register(PENDING, DESCRIPTION, Tags.of("channel", c.name()));
        }
    }

    @Override
    public Uni<Void> refresh() {
        return pool.preparedQuery("select channel, count(*) as n from notification_delivery where status = $1 group by channel")
                .execute(Tuple.of(Outbox.Status.PENDING.name())).invoke(rows -> {
                    long[] pending = new long[Channel.values().length];
                    for (Row r : rows) {
                        pending[Channel.valueOf(r.getString("channel")).ordinal()] = r.getLong("n");
                    }
                    for (Channel c : Channel.values()) {
                        gauges.set(PENDING, DESCRIPTION, Tags.of("channel", c.name()), pending[c.ordinal()]);
                    }
                }).replaceWithVoid();
    }
}
