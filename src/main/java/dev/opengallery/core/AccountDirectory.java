package dev.opengallery.core;

import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * Where {@link CurrentAccount} finds (or opens) the account of a token's subject. Implemented by the package that owns
 * the account table (payments); declared here because core cannot import it.
 */
public interface AccountDirectory {

    /** A token's subject and its name, email and phone_number claims (null: the token does not carry it). */
    record Identity(String subject, String name, String email, String phone) {
    }

    /**
     * The id of the subject's account: opened on first use (in the marketplace's default currency), its name, email
     * and phone brought up to the token's claims when they differ; nothing is written otherwise.
     */
    Uni<UUID> accountOf(Identity identity);
}
