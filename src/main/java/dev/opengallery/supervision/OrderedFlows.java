package dev.opengallery.supervision;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.opengallery.catalog.ProductType;
import dev.opengallery.core.Tx;
import dev.opengallery.ordering.Fulfilment;
import dev.opengallery.ordering.OrderView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/** The service flow of a paid supervised order (supervision owns the service_flow table). */
@ApplicationScoped
public class OrderedFlows implements Fulfilment.ServiceFlows {

    @Override
    public Uni<Void> open(Tx tx, OrderView o, Instant now) {
        FlowState state = o.productType() == ProductType.LICENSE ? FlowState.WAITING_FOR_SELLER
                : FlowState.WAITING_FOR_REQUEST;
        return tx.preparedQuery("""
                insert into service_flow (id, order_id, account_id, seller_id, state, created_at, updated_at)
                values ($1, $2, $3, $4, $5, $6, $6)""")
                .execute(Tuple.of(UUID.randomUUID(), o.id(), o.accountId(), o.sellerId(), state.name(),
                        now.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }
}
