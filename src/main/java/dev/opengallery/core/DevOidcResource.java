package dev.opengallery.core;

import java.util.Map;
import java.util.TreeMap;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * Dev mode only: where the in-JVM OIDC Dev Service listens (its port is chosen at start) and which users it
 * knows, so that a newcomer can get a token with curl. Not built into test or production.
 */
@IfBuildProfile("dev")
@Path("/dev/oidc")
@PermitAll
@Tag(name = "Dev mode")
public class DevOidcResource {

    public record DevOidc(String authServerUrl, String tokenEndpoint, String clientId, Map<String, String> users,
            String example) {
    }

    @GET
    @Operation(operationId = "getDevOidc", summary = "Dev mode: the OIDC Dev Service's token endpoint and users")
    public DevOidc info() {
        Config config = ConfigProvider.getConfig();
        String url = config.getOptionalValue("quarkus.oidc.auth-server-url", String.class).orElse("");
        String clientId = config.getOptionalValue("quarkus.oidc.client-id", String.class).orElse("opengallery");
        Map<String, String> users = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            String prefix = "quarkus.oidc.devservices.roles.";
            if (name.startsWith(prefix)) {
                users.put(name.substring(prefix.length()), config.getValue(name, String.class));
            }
        }
        return new DevOidc(url, url + "/token", clientId, users,
                "curl -s -d grant_type=password -d client_id=" + clientId + " -d username=alice " + url + "/token");
    }
}
