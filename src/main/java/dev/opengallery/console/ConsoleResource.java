package dev.opengallery.console;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.opengallery.core.Roles;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The signed-in person as the console needs it: a name to greet and the roles that choose its menu. Part of the
 * console (its session cookie), not of the API: left out of the OpenAPI document.
 */
@Path("/console/me")
@Authenticated
public class ConsoleResource {

    public record Me(String subject, String name, List<String> roles) {
    }

    private static final List<String> ROLES = List.of(Roles.CUSTOMER, Roles.SELLER, Roles.OPERATOR);

    @Inject
    SecurityIdentity identity;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Me me() {
        String subject = identity.getPrincipal().getName();
        String name = subject;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            subject = jwt.getSubject() != null ? jwt.getSubject() : subject;
            Object claim = jwt.getClaim("name");
            Object preferred = jwt.getClaim("preferred_username");
            name = claim != null ? claim.toString() : preferred != null ? preferred.toString() : subject;
        }
        return new Me(subject, name, ROLES.stream().filter(identity::hasRole).toList());
    }
}
