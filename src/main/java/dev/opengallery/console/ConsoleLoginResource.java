package dev.opengallery.console;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.Authenticated;

/**
 * "Sign in again": a console address that is never a cached file. Without a session the console tenant sends the
 * person to the provider's login page; signed in, it leads to the console. Not part of the API document.
 */
@Path("/console/login")
@Authenticated
public class ConsoleLoginResource {

    @GET
    @Operation(hidden = true)
    public Response login() {
        return Response.seeOther(URI.create("/console/")).header("Cache-Control", "no-store").build();
    }
}
