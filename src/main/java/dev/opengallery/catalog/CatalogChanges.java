package dev.opengallery.catalog;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;

/**
 * Tells every instance of the service that the listed catalogue changed (a product listed or delisted, a seller
 * profile edited), so that each clears its {@link SearchResultCache} at once rather than when its pages expire.
 * <p>
 * The instance that made a change clears its own cache and sends {@code NOTIFY opengallery_catalog}; every instance
 * keeps one connection that LISTENs on that channel (reconnecting every second after a loss, and clearing its cache
 * on every (re)subscription, since notifications sent meanwhile are lost). Should a notification not arrive, the
 * cache's TTL still bounds how old a page can be. {@code opengallery.catalog.change-notifications=false} turns the
 * listening connection off.
 */
@ApplicationScoped
public class CatalogChanges {

    static final String CHANNEL = "opengallery_catalog";

    private static final Logger LOG = Logger.getLogger(CatalogChanges.class);

    @Inject
    SearchResultCache cache;

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    CatalogConfig settings;

    /** The datasource's own settings (Quarkus's, not the catalogue's): where the listening connection goes. */
    @Inject
    Config config;

    private volatile PgSubscriber subscriber;

    private volatile boolean stopping;

    void start(@Observes StartupEvent event) {
        Optional<String> url = config.getOptionalValue("quarkus.datasource.reactive.url", String.class);
        if (!settings.changeNotifications() || url.isEmpty()) {
            return;
        }
        PgConnectOptions options = PgConnectOptions.fromUri(url.get().replaceFirst("^vertx-reactive:", ""));
        config.getOptionalValue("quarkus.datasource.username", String.class).ifPresent(options::setUser);
        config.getOptionalValue("quarkus.datasource.password", String.class).ifPresent(options::setPassword);
        PgSubscriber s = PgSubscriber.subscriber(vertx, options).reconnectPolicy(attempts -> 1000L);
        s.channel(CHANNEL)
                .subscribeHandler(cache::invalidateAll)
                .handler(payload -> cache.invalidateAll());
        subscriber = s;
        connect(s);
    }

    private void connect(PgSubscriber s) {
        s.connect().subscribe().with(
                ok -> LOG.debugf("Listening for catalogue changes on %s", CHANNEL),
                failure -> {
                    if (!stopping) {
                        LOG.warnf("Cannot listen for catalogue changes yet (%s); trying again in 5 s", failure.toString());
                        vertx.setTimer(5000, id -> connect(s));
                    }
                });
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        PgSubscriber s = subscriber;
        if (s != null) {
            s.closeAndForget();
        }
    }

    /**
     * After a committed change of the listed catalogue: clears this instance's cache now and notifies the others.
     * Never fails: when the notification cannot be sent, the other instances' pages expire by their TTL.
     */
    public Uni<Void> changed() {
        cache.invalidateAll();
        return pool.query("notify " + CHANNEL).execute().replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("Could not notify other instances of a catalogue change: %s", e.toString()))
                .onFailure().recoverWithNull();
    }
}
