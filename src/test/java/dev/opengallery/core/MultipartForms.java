package dev.opengallery.core;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Bad multipart/form-data bodies for an operation that takes a form: missing required fields, oversized text
 * fields, wrong values, a file of a type that is not taken, other content types, no boundary, and a truncated
 * body.
 */
final class MultipartForms {

    record FormCase(String kind, String where, String contentType, byte[] body) {
    }

    static final String BOUNDARY = "campaign-boundary-7f3a91";

    private final JsonNode schema;
    private final Map<String, String> base;

    MultipartForms(JsonNode schema, Map<String, String> base) {
        this.schema = schema;
        this.base = base;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }

    byte[] base() {
        return form(base, null);
    }

    List<FormCase> cases() {
        List<FormCase> out = new ArrayList<>();
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        Iterable<Map.Entry<String, JsonNode>> properties = schema.path("properties")::fields;
        for (Map.Entry<String, JsonNode> e : properties) {
            String name = e.getKey();
            if (OpenApiOperations.type(e.getValue()).equals("array")) {
                continue;
            }
            if (required.contains(name)) {
                Map<String, String> without = new LinkedHashMap<>(base);
                without.remove(name);
                out.add(new FormCase("missing-required", "form " + name, contentType(), form(without, null)));
                out.add(new FormCase("blank-string", "form " + name, contentType(), form(with(name, "   "), null)));
            }
            out.add(new FormCase("oversized-string", "form " + name, contentType(),
                    form(with(name, BodyMutations.OVERSIZED), null)));
            if (name.equals("version")) {
                out.add(new FormCase("non-numeric-string", "form version", contentType(),
                        form(with(name, "abc"), null)));
                out.add(new FormCase("huge-number", "form version", contentType(),
                        form(with(name, "99999999999999999999"), null)));
            }
            if (e.getValue().path("examples").path(0).asText().equals("true")) {
                out.add(new FormCase("string-for-boolean", "form " + name, contentType(),
                        form(with(name, "maybe"), null)));
            }
        }
        out.add(new FormCase("disallowed-file-type", "files: application/x-msdownload", contentType(),
                form(base, "application/x-msdownload")));
        byte[] whole = base();
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length / 2);
        out.add(new FormCase("truncated-multipart", "body cut in half", contentType(), truncated));
        out.add(new FormCase("malformed-multipart", "no boundary parameter", "multipart/form-data", whole));
        StringBuilder json = new StringBuilder("{");
        StringBuilder urlencoded = new StringBuilder();
        base.forEach((k, v) -> {
            json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":\"").append(v).append('"');
            urlencoded.append(urlencoded.isEmpty() ? "" : "&").append(k).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        json.append('}');
        out.add(new FormCase("wrong-content-type", "application/json", "application/json",
                json.toString().getBytes(StandardCharsets.UTF_8)));
        out.add(new FormCase("wrong-content-type", "text/plain", "text/plain", whole));
        out.add(new FormCase("wrong-content-type", "application/x-www-form-urlencoded",
                "application/x-www-form-urlencoded", urlencoded.toString().getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    private Map<String, String> with(String name, String value) {
        Map<String, String> m = new LinkedHashMap<>(base);
        m.put(name, value);
        return m;
    }

    /** The form's text fields, and a small file of that content type when fileType is given. */
    static byte[] form(Map<String, String> fields, String fileType) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((k, v) -> write(out, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\n\r\n" + v + "\r\n"));
        if (fileType != null) {
            write(out, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"tool.exe\"\r\n"
                    + "Content-Type: " + fileType + "\r\n\r\nMZ campaign\r\n");
        }
        write(out, "--" + BOUNDARY + "--\r\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
