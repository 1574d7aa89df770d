package dev.opengallery.apps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class AppPasswordCipherTest {

    static AppPasswordCipher cipher(String key) {
        AppPasswordCipher c = new AppPasswordCipher();
        c.init(key);
        return c;
    }

    static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));

    @Test
    void encryptsWithAFreshNonceAndDecryptsForTheSameSubscriptionOnly() {
        AppPasswordCipher c = cipher(KEY);
        UUID sub = UUID.randomUUID();
        byte[] a = c.encrypt("S3cret-pa55!", sub);
        byte[] b = c.encrypt("S3cret-pa55!", sub);
        assertNotEquals(Base64.getEncoder().encodeToString(a), Base64.getEncoder().encodeToString(b));
        assertFalse(new String(a, StandardCharsets.ISO_8859_1).contains("S3cret"));
        assertEquals("S3cret-pa55!", c.decrypt(a, sub));
        assertThrows(IllegalStateException.class, () -> c.decrypt(a, UUID.randomUUID()));
        byte[] tampered = a.clone();
        tampered[tampered.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> c.decrypt(tampered, sub));
        assertArrayEquals(new byte[] { 1 }, new byte[] { a[0] });
    }

    @Test
    void anotherKeyCannotDecrypt() {
        UUID sub = UUID.randomUUID();
        byte[] sealed = cipher(KEY).encrypt("pw", sub);
        String other = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8));
        assertThrows(IllegalStateException.class, () -> cipher(other).decrypt(sealed, sub));
    }

    @Test
    void aMissingOrMalformedKeyFailsNamingThePropertyNotTheValue() {
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> cipher(null));
        assertTrue(missing.getMessage().contains("opengallery.apps.encryption-key"), missing.getMessage());
        assertTrue(missing.getMessage().contains("OPENGALLERY_APPS_ENCRYPTION_KEY"), missing.getMessage());
        String shortKey = Base64.getEncoder().encodeToString("too-short-secret".getBytes(StandardCharsets.UTF_8));
        IllegalStateException wrong = assertThrows(IllegalStateException.class, () -> cipher(shortKey));
        assertFalse(wrong.getMessage().contains(shortKey), wrong.getMessage());
        assertTrue(wrong.getMessage().contains("32 bytes"), wrong.getMessage());
        assertThrows(IllegalStateException.class, () -> cipher("not base64 !!"));
    }
}
