package dev.opengallery.supervision;

/**
 * A checked attachment, read into memory, waiting to be stored with its operation record (public: service tickets
 * take files by the same rules, {@link Attachments#read}).
 */
public record Upload(String fileName, String contentType, byte[] data) {
}
