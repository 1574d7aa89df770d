package dev.opengallery.console;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import dev.opengallery.core.AppClock;
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
 * Server-side console sessions: the console's session cookie holds only a random secret; the tokens it stands for are
 * kept in the table {@code console_sessions}. Signing out ({@code /console/logout}) deletes the row, so a copy of the
 * old cookie authenticates nothing afterwards (with Quarkus' default, the cookie itself carries the encrypted tokens
 * and stays valid until they expire). Rows live at most {@code opengallery.console.session-max-age} (by the service's
 * clock) and are swept as new sessions start. Used by the code-flow (console) tenant only; bearer tokens never reach
 * it.
 *
 * <p>
 * The table holds neither the cookie's secret nor usable tokens: a row is keyed by the SHA-256 of the secret, and its
 * tokens are encrypted (AES-256-GCM, a fresh nonce each) with a key derived from the secret. Someone who reads the
 * database (a backup, a replica) can neither present a session nor call the API with its tokens; only the holder of
 * the cookie can.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ConsoleSessions implements TokenStateManager {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    @Inject
    Pool pool;

    @Inject
    ConsoleConfig config;

    @Inject
    AppClock clock;

    @Override
    public Uni<String> createTokenState(RoutingContext routingContext, OidcTenantConfig oidcConfig,
            AuthorizationCodeTokens tokens, OidcRequestContext<String> requestContext) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.now(), ZoneOffset.UTC);
        SecretKey key = key(secret);
        return pool.preparedQuery("delete from console_sessions where expires_at < $1").execute(Tuple.of(now))
                .chain(() -> pool.preparedQuery("insert into console_sessions (id, id_token, access_token, refresh_token,"
                        + " access_expires_in, created_at, expires_at) values ($1, $2, $3, $4, $5, $6, $7)")
                        .execute(Tuple.tuple().addValue(rowId(secret)).addValue(seal(key, tokens.getIdToken()))
                                .addValue(seal(key, tokens.getAccessToken()))
                                .addValue(seal(key, tokens.getRefreshToken()))
                                .addValue(tokens.getAccessTokenExpiresIn()).addValue(now)
                                .addValue(now.plus(config.sessionMaxAge()))))
                .replaceWith(secret);
    }

    @Override
    public Uni<AuthorizationCodeTokens> getTokens(RoutingContext routingContext, OidcTenantConfig oidcConfig,
            String tokenState, OidcRequestContext<AuthorizationCodeTokens> requestContext) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.now(), ZoneOffset.UTC);
        return pool.preparedQuery("select id_token, access_token, refresh_token, access_expires_in from console_sessions"
                + " where id = $1 and expires_at > $2").execute(Tuple.of(rowId(tokenState), now))
                .onItem().transform(rows -> {
                    if (rows.size() == 0) {
                        throw new AuthenticationFailedException("The console session has ended");
                    }
                    Row row = rows.iterator().next();
                    SecretKey key = key(tokenState);
                    return new AuthorizationCodeTokens(open(key, row.getString("id_token")),
                            open(key, row.getString("access_token")), open(key, row.getString("refresh_token")),
                            row.getLong("access_expires_in"));
                });
    }

    @Override
    public Uni<Void> deleteTokens(RoutingContext routingContext, OidcTenantConfig oidcConfig, String tokenState,
            OidcRequestContext<Void> requestContext) {
        return pool.preparedQuery("delete from console_sessions where id = $1").execute(Tuple.of(rowId(tokenState)))
                .replaceWithVoid();
    }

    /** The row's key: the SHA-256 of the cookie's secret (base64url). */
    static String rowId(String secret) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256("opengallery-console-session-id:" + secret));
    }

    /** The tokens' key: another SHA-256 of the secret, so that the row's key says nothing about it. */
    static SecretKey key(String secret) {
        return new SecretKeySpec(sha256("opengallery-console-session-key:" + secret), "AES");
    }

    /** nonce + AES-GCM ciphertext of the token, base64; null stays null (a provider may send no refresh token). */
    static String seal(SecretKey key, String token) {
        if (token == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The token sealed by {@link #seal}; a row that does not open with this key authenticates nothing. */
    static String open(SecretKey key, String sealed) {
        if (sealed == null) {
            return null;
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new AuthenticationFailedException("The console session cannot be read");
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
