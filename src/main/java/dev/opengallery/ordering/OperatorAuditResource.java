package dev.opengallery.ordering;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.opengallery.core.Roles;
import io.smallrye.mutiny.Uni;

/** Operators verify the deployment's own books. */
@Path("/api/operator/audit")
@RolesAllowed(Roles.OPERATOR)
@Tag(name = "Operator: orders")
public class OperatorAuditResource {

    @Inject
    PaymentAudit audit;

    @GET
    @Path("/payments")
    @Operation(operationId = "auditPayments", summary = "Check the books",
            description = "Read-only check over the whole database, in one snapshot: every balance is the sum of its "
                    + "ledger; every paid order has the payment record its way of paying requires (ledger PAYMENT of "
                    + "its amount for BALANCE/CREDIT, the reseller's record for RESELLER, milestone bills for "
                    + "MONTHLY_SETTLEMENT, nothing for a pay-per-use image); unpaid orders moved no money; canceled "
                    + "paid orders were refunded; nothing was refunded beyond what was paid. `consistent` is true "
                    + "when no rule is broken; at most 1000 violations are listed.")
    public Uni<PaymentAudit.Report> payments() {
        return audit.run();
    }
}
