package dev.opengallery.core;

import static dev.opengallery.core.OpenApiOperations.type;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import dev.opengallery.core.BodyMutations.BodyCase;
import dev.opengallery.core.OpenApiOperations.Op;
import dev.opengallery.core.OpenApiOperations.Param;

/**
 * Every bad request the campaign sends for one operation, each changing one thing of an otherwise plausible
 * request (real ids from {@link CampaignWorld}, a base body that the service would take): malformed and unknown
 * path ids, bad query parameters, bad header values, bad bodies ({@link BodyMutations}), wrong content types and
 * charsets, bad multipart forms, an oversized body, a too-long URI, oversized headers, a wrong method and an
 * unacceptable Accept header.
 */
final class BadRequests {

    /**
     * One request. primaryOnly: sent as the operation's own role only (the big ones: a 10 MB body, a long URI,
     * oversized headers), to keep the campaign's time reasonable.
     */
    record Probe(String kind, String where, String method, String uri, String contentType, Map<String, String> headers,
            byte[] body, boolean primaryOnly) {
    }

    /** Above the server's body limit (quarkus.http.limits.max-body-size, 10M by default). */
    static final int OVERSIZED_BODY = 10 * 1024 * 1024 + 512 * 1024;

    private final CampaignWorld world;
    private final BodyMutations bodies = new BodyMutations();

    BadRequests(CampaignWorld world) {
        this.world = world;
    }

    List<Probe> probes(Op op) {
        List<Probe> out = new ArrayList<>();
        Map<String, String> ids = new LinkedHashMap<>();
        for (Param p : op.params("path")) {
            ids.put(p.name(), world.pathId(op.path(), p.name()));
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (Param p : op.params("query")) {
            if (p.required()) {
                query.put(p.name(), world.requiredQuery(p.name()));
            }
        }
        String uri = uri(op.path(), ids, query);
        boolean json = op.bodyType() != null && op.bodyType().contains("json");
        boolean multipart = op.bodyType() != null && op.bodyType().startsWith("multipart/");
        JsonNode base = json ? world.baseBody(op, bodies) : null;
        byte[] baseBytes = base == null ? null : bodies.write(base).getBytes(StandardCharsets.UTF_8);
        String baseType = json ? "application/json" : null;
        if (multipart) {
            MultipartForms forms = new MultipartForms(op.body(), world.baseForm(op));
            baseBytes = forms.base();
            baseType = forms.contentType();
            for (MultipartForms.FormCase c : forms.cases()) {
                out.add(new Probe(c.kind(), c.where(), op.method(), uri, c.contentType(), Map.of(), c.body(), false));
            }
        }

        // path ids: malformed, empty-ish, negative, huge, unknown
        for (Param p : op.params("path")) {
            for (String[] bad : new String[][] { { "malformed-id", "not-a-uuid" }, { "malformed-id", "%20" },
                    { "malformed-id", "-1" }, { "malformed-id", "99999999999999999999" }, { "malformed-id", "1.5" },
                    { "malformed-id", "%00" }, { "malformed-id", "a".repeat(300) },
                    { "unknown-id", UUID.randomUUID().toString() },
                    { "unknown-id", "00000000-0000-0000-0000-000000000000" } }) {
                Map<String, String> changed = new LinkedHashMap<>(ids);
                changed.put(p.name(), bad[1]);
                out.add(new Probe(bad[0], "path " + p.name() + "=" + abbreviate(bad[1]), op.method(),
                        uri(op.path(), changed, query), baseType, Map.of(), baseBytes, false));
            }
        }
        // query parameters
        for (Param p : op.params("query")) {
            if (p.required()) {
                Map<String, String> without = new LinkedHashMap<>(query);
                without.remove(p.name());
                out.add(new Probe("missing-required", "query " + p.name(), op.method(), uri(op.path(), ids, without),
                        baseType, Map.of(), baseBytes, false));
            }
            for (String[] bad : badQueryValues(p)) {
                Map<String, String> changed = new LinkedHashMap<>(query);
                changed.put(p.name(), bad[1]);
                out.add(new Probe(bad[0], "query " + p.name() + "=" + abbreviate(bad[1]), op.method(),
                        uri(op.path(), ids, changed), baseType, Map.of(), baseBytes, false));
            }
        }
        // header parameters
        for (Param p : op.params("header")) {
            out.add(new Probe("oversized-header-value", "header " + p.name() + " of 201 characters", op.method(), uri,
                    baseType, Map.of(p.name(), "k".repeat(201)), baseBytes, false));
        }
        if (json) {
            for (BodyCase c : bodies.cases(op.body(), base, op.bodyRequired())) {
                out.add(new Probe(c.kind(), "body " + c.where(), op.method(), uri, "application/json", Map.of(),
                        c.text().getBytes(StandardCharsets.UTF_8), false));
            }
            out.add(new Probe("wrong-content-type", "text/plain", op.method(), uri, "text/plain", Map.of(), baseBytes,
                    false));
            out.add(new Probe("wrong-content-type", "application/xml", op.method(), uri, "application/xml", Map.of(),
                    "<request><campaign>1</campaign></request>".getBytes(StandardCharsets.UTF_8), false));
            out.add(new Probe("non-utf8-charset", "application/json; charset=utf-16", op.method(), uri,
                    "application/json; charset=utf-16", Map.of(), bodies.write(base).getBytes(StandardCharsets.UTF_16),
                    false));
        }
        if (op.bodyType() != null) {
            byte[] huge = new byte[OVERSIZED_BODY];
            java.util.Arrays.fill(huge, (byte) 'x');
            byte[] prefix = "{\"campaignPadding\":\"".getBytes(StandardCharsets.UTF_8);
            System.arraycopy(prefix, 0, huge, 0, prefix.length);
            huge[huge.length - 2] = '"';
            huge[huge.length - 1] = '}';
            out.add(new Probe("oversized-body", OVERSIZED_BODY + " bytes", op.method(), uri, "application/json",
                    Map.of(), huge, true));
        }
        // HTTP level: a too-long URI, oversized headers, a wrong method, an Accept the operation cannot produce
        String sep = uri.contains("?") ? "&" : "?";
        out.add(new Probe("long-uri", "20000-character query", op.method(),
                uri + sep + "campaign=" + "u".repeat(20_000), baseType, Map.of(), baseBytes, true));
        out.add(new Probe("oversized-headers", "a 20000-character header", op.method(), uri, baseType,
                Map.of("X-Campaign-Padding", "h".repeat(20_000)), baseBytes, true));
        out.add(new Probe("method-not-allowed", "PATCH", "PATCH", uri, baseType, Map.of(), baseBytes, false));
        out.add(new Probe("not-acceptable", "Accept: application/xml", op.method(), uri, baseType,
                Map.of("Accept", "application/xml"), baseBytes, false));
        return out;
    }

    private static List<String[]> badQueryValues(Param p) {
        List<String[]> bad = new ArrayList<>();
        String type = type(p.schema());
        if (type.equals("integer") || type.equals("number")) {
            bad.add(new String[] { "non-numeric-string", "abc" });
            bad.add(new String[] { "float-for-integer", "1.5" });
            bad.add(new String[] { "negative-number", "-1" });
            bad.add(new String[] { "huge-number", "99999999999999999999" });
            bad.add(new String[] { "huge-number", "1e400" });
        } else if (type.equals("boolean")) {
            bad.add(new String[] { "string-for-boolean", "maybe" });
        } else {
            bad.add(new String[] { "unknown-enum", "NOT_A_VALUE" });
            bad.add(new String[] { "enum-by-number", "0" });
            bad.add(new String[] { "oversized-string", "q".repeat(3000) });
            bad.add(new String[] { "malformed-id", "%00" });
        }
        return bad;
    }

    /** The URI with path ids filled in (raw: a malformed id may carry its own escapes) and query values encoded. */
    static String uri(String template, Map<String, String> ids, Map<String, String> query) {
        String path = template;
        for (Map.Entry<String, String> e : ids.entrySet()) {
            path = path.replace("{" + e.getKey() + "}", e.getValue());
        }
        StringBuilder sb = new StringBuilder(path);
        char sep = '?';
        for (Map.Entry<String, String> e : query.entrySet()) {
            String v = e.getValue().startsWith("%") ? e.getValue()
                    : URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8);
            sb.append(sep).append(e.getKey()).append('=').append(v);
            sep = '&';
        }
        return sb.toString();
    }

    static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 12) + "...(" + s.length() + " chars)" : s;
    }
}
