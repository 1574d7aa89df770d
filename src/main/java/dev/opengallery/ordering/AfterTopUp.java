package dev.opengallery.ordering;

import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Something that must happen when money arrives on an account, in the top-up's own transaction after the
 * credit (pay-per-use billing settles arrears first, for instance). Implement it as a CDI bean.
 */
public interface AfterTopUp {

    Uni<Void> afterTopUp(SqlConnection conn, UUID accountId);
}
