package dev.opengallery.notifications;

/** Where a notification is delivered besides the in-app inbox. */
public enum Channel {
    /** To the account's e-mail address (from the identity provider's {@code email} claim). */
    EMAIL,
    /** To the account's mobile number ({@code account.phone}). */
    SMS
}
