package dev.opengallery.console;

import java.security.SecureRandom;
import java.util.Base64;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TokenStateManager;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Server-side console sessions: the console's session cookie holds only a random id; the tokens it stands for are
 * kept in the table {@code console_sessions}. Signing out ({@code /console/logout}) deletes the row, so a copy of the
 * old cookie authenticates nothing afterwards (with Quarkus' default, the cookie itself carries the encrypted tokens
 * and stays valid until they expire). Rows live at most {@code opengallery.console.session-max-age} and are swept
 * as new sessions start. Used by the code-flow (console) tenant only; bearer tokens never reach it.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ConsoleSessions implements TokenStateManager {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Pool pool;

    @Inject
    ConsoleConfig config;

    @Override
    public Uni<String> createTokenState(RoutingContext routingContext, OidcTenantConfig oidcConfig,
            AuthorizationCodeTokens tokens, OidcRequestContext<String> requestContext) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return pool.preparedQuery("delete from console_sessions where expires_at < now()").execute()
                .chain(() -> pool.preparedQuery("insert into console_sessions (id, id_token, access_token, refresh_token,"
                        + " access_expires_in, expires_at) values ($1, $2, $3, $4, $5, now() + make_interval(secs => $6))")
                        .execute(Tuple.of(id, tokens.getIdToken(), tokens.getAccessToken(), tokens.getRefreshToken(),
                                tokens.getAccessTokenExpiresIn(), (double) config.sessionMaxAge().toSeconds())))
                .replaceWith(id);
    }

    @Override
    public Uni<AuthorizationCodeTokens> getTokens(RoutingContext routingContext, OidcTenantConfig oidcConfig,
            String tokenState, OidcRequestContext<AuthorizationCodeTokens> requestContext) {
        return pool.preparedQuery("select id_token, access_token, refresh_token, access_expires_in from console_sessions"
                + " where id = $1 and expires_at > now()").execute(Tuple.of(tokenState))
                .onItem().transform(rows -> {
                    if (rows.size() == 0) {
                        throw new AuthenticationFailedException("The console session has ended");
                    }
                    Row row = rows.iterator().next();
                    return new AuthorizationCodeTokens(row.getString("id_token"), row.getString("access_token"),
                            row.getString("refresh_token"), row.getLong("access_expires_in"));
                });
    }

    @Override
    public Uni<Void> deleteTokens(RoutingContext routingContext, OidcTenantConfig oidcConfig, String tokenState,
            OidcRequestContext<Void> requestContext) {
        return pool.preparedQuery("delete from console_sessions where id = $1").execute(Tuple.of(tokenState))
                .replaceWithVoid();
    }
}
