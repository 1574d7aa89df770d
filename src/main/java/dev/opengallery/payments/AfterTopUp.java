package dev.opengallery.payments;

import java.util.UUID;

import io.smallrye.mutiny.Uni;
import dev.opengallery.core.Tx;

/**
 * Something that must happen when money arrives on an account, in the top-up's own transaction after the
 * credit (pay-per-use billing settles arrears first, for instance). Implement it as a CDI bean.
 */
public interface AfterTopUp {

    Uni<Void> afterTopUp(Tx conn, UUID accountId);
}
