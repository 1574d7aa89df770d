package dev.opengallery.apps;

import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;

/**
 * Encrypts SaaS application passwords at rest with AES-256-GCM. The key is {@code opengallery.apps.encryption-key}
 * (base64 of 32 random bytes, e.g. {@code openssl rand -base64 32}); dev and test profiles carry a default, any
 * other profile refuses to start without one. Each value gets a fresh 96-bit nonce and is bound to its
 * subscription (associated data), so a ciphertext copied to another row does not decrypt. Stored form:
 * {@code 0x01 | nonce(12) | ciphertext+tag}. Neither the key nor a password is ever logged or put in a message.
 */
@Startup
@ApplicationScoped
public class AppPasswordCipher {

    static final String KEY_PROPERTY = "opengallery.apps.encryption-key";
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    @Inject
    AppsConfig config;

    private final SecureRandom random = new SecureRandom();
    private SecretKey key;

    @PostConstruct
    void init() {
        init(config.encryptionKey().orElse(null));
    }

    /** With the key given (base64), as in unit tests without the container. */
    void init(String base64) {
        key = parseKey(base64);
    }

    /** The AES key from its base64 form; fails with a message naming the property (never the value). */
    static SecretKey parseKey(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException("Configuration " + KEY_PROPERTY + " (env OPENGALLERY_APPS_ENCRYPTION_KEY) "
                    + "is required: the base64 of 32 random bytes (e.g. `openssl rand -base64 32`); it encrypts SaaS "
                    + "application passwords at rest");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Configuration " + KEY_PROPERTY + " is not valid base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException("Configuration " + KEY_PROPERTY + " must decode to 32 bytes (AES-256), not "
                    + raw.length);
        }
        return new SecretKeySpec(raw, "AES");
    }

    public byte[] encrypt(String password, UUID subscriptionId) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(subscriptionId));
            byte[] sealed = cipher.doFinal(password.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt an application password (" + e.getClass().getSimpleName()
                    + ")");
        }
    }

    public String decrypt(byte[] stored, UUID subscriptionId) {
        if (stored == null || stored.length < 1 + NONCE_BYTES + TAG_BITS / 8 || stored[0] != VERSION) {
            throw new IllegalStateException("A stored application password has an unknown format");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 1, NONCE_BYTES));
            cipher.updateAAD(aad(subscriptionId));
            byte[] plain = cipher.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored application password could not be decrypted with the configured "
                    + "key (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static byte[] aad(UUID subscriptionId) {
        return ("opengallery/app-password/" + subscriptionId).getBytes(StandardCharsets.UTF_8);
    }
}
