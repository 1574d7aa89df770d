package dev.opengallery.supervision;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import dev.opengallery.core.Tx;
import dev.opengallery.ordering.Fulfilment;
import dev.opengallery.ordering.OrderView;
import io.smallrye.mutiny.Uni;

/** The service flow of a paid supervised order (supervision owns the service_flow table). */
@ApplicationScoped
public class OrderedFlows implements Fulfilment.ServiceFlows {

    @Override
    public Uni<Void> open(Tx tx, OrderView o, Instant now) {
        return tx.session().persist(ServiceFlow.open(o, now));
    }
}
