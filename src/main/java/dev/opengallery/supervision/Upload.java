package dev.opengallery.supervision;

/** A checked attachment, read into memory, waiting to be stored with its operation record. */
record Upload(String fileName, String contentType, byte[] data) {
}
