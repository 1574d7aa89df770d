package dev.opengallery.supervision;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.resteasy.reactive.multipart.FileUpload;

import dev.opengallery.core.Problem;
import dev.opengallery.core.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Checks uploaded files against the configured limits (count, size per file, allowed content types) and reads them
 * without blocking. Too large answers 413, a disallowed type 415, too many or empty files 400; nothing is stored.
 */
@ApplicationScoped
public class Attachments {

    static final int MAX_FILE_NAME = 255;

    @Inject
    SupervisionSettings settings;

    @Inject
    Vertx vertx;

    public Uni<List<Upload>> read(List<FileUpload> files) {
        List<FileUpload> present = files == null ? List.of()
                : files.stream().filter(f -> f != null && f.uploadedFile() != null).toList();
        try {
            check(present);
        } catch (ProblemException e) {
            return Uni.createFrom().failure(e);
        }
        if (present.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Uni<Upload>> reads = new ArrayList<>();
        for (FileUpload f : present) {
            reads.add(vertx.fileSystem().readFile(f.uploadedFile().toString())
                    .map(buffer -> new Upload(fileName(f.fileName()), contentType(f.contentType()), buffer.getBytes())));
        }
        return Uni.join().all(reads).andFailFast().map(list -> {
            long max = settings.attachmentMaxBytes();
            for (Upload u : list) {
                if (u.data().length > max) {
                    throw tooLarge(u.fileName(), max);
                }
            }
            return list;
        });
    }

    void check(List<FileUpload> files) {
        if (files.size() > settings.attachmentMaxCount()) {
            throw ProblemException.invalid("files", "at most " + settings.attachmentMaxCount() + " files per step");
        }
        long max = settings.attachmentMaxBytes();
        List<String> allowed = settings.attachmentTypes();
        for (FileUpload f : files) {
            String name = fileName(f.fileName());
            if (f.size() <= 0) {
                throw ProblemException.invalid("files", name + " is empty");
            }
            if (f.size() > max) {
                throw tooLarge(name, max);
            }
            String type = contentType(f.contentType());
            if (!allowed.contains(type)) {
                throw new ProblemException(415, "attachment-type", "Attachment type not allowed",
                        name + " is " + type + "; allowed: " + String.join(", ", allowed),
                        List.of(new Problem.FieldError("files", "content type " + type + " is not allowed")), null);
            }
        }
    }

    static ProblemException tooLarge(String name, long max) {
        return new ProblemException(413, "attachment-too-large", "Attachment too large",
                name + " is larger than " + human(max), List.of(new Problem.FieldError("files",
                        "each file may have at most " + human(max))), null);
    }

    static String human(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }

    /** The declared type without parameters, lower case; "application/octet-stream" when none. */
    static String contentType(String declared) {
        if (declared == null || declared.isBlank()) {
            return "application/octet-stream";
        }
        int semi = declared.indexOf(';');
        return (semi >= 0 ? declared.substring(0, semi) : declared).trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Control and format characters: C0/C1 controls, bidirectional embeddings, overrides, isolates and marks
     * (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C), zero-width and other format characters, line and
     * paragraph separators, lone surrogates. None belongs in a file name, and the bidirectional ones make a name
     * display as another ("résumé \u202egnp.pdf" shows as "résumé fdp.png").
     */
    private static final Pattern INVISIBLE = Pattern.compile(
            "[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Cs}]");

    /** The base name only (NFC), without control or format characters, at most 255 characters. */
    static String fileName(String given) {
        String name = given == null ? "" : Normalizer.normalize(given, Normalizer.Form.NFC);
        name = INVISIBLE.matcher(name).replaceAll("");
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1).replace("\"", "'").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "attachment";
        }
        if (name.length() > MAX_FILE_NAME) {
            name = name.substring(name.length() - MAX_FILE_NAME);
            name = Character.isLowSurrogate(name.charAt(0)) ? name.substring(1) : name;
        }
        return name;
    }
}
