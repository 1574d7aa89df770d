package dev.opengallery.core;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the OpenAPI document: the operations ("POST /api/apps/{id}/password/reveal") whose success answer carries a
 * text property named like a password, secret or token, anywhere in its schema ($refs, arrays, nested objects
 * followed); a flag such as passwordSet is no secret.
 */
final class SecretOperations {

    static final Pattern SECRET = Pattern.compile("(?i).*(password|passwd|secret|token).*");

    private SecretOperations() {
    }

    static Set<String> in(JsonNode openApi) {
        Set<String> found = new TreeSet<>();
        JsonNode schemas = openApi.path("components").path("schemas");
        for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                for (Iterator<Map.Entry<String, JsonNode>> rs = op.getValue().path("responses").fields(); rs.hasNext();) {
                    Map.Entry<String, JsonNode> response = rs.next();
                    if (!response.getKey().startsWith("2")) {
                        continue;
                    }
                    for (JsonNode media : response.getValue().path("content")) {
                        if (secret(media.path("schema"), schemas, new HashSet<>())) {
                            found.add(op.getKey().toUpperCase() + " " + path.getKey());
                        }
                    }
                }
            }
        }
        return found;
    }

    /** A string value (a flag such as passwordSet is not a secret). */
    static boolean text(JsonNode schema, JsonNode schemas) {
        if (schema.has("$ref")) {
            return text(schemas.path(schema.get("$ref").asText().replace("#/components/schemas/", "")), schemas);
        }
        return !schema.has("type") || schema.path("type").asText().equals("string")
                || (schema.path("type").isArray() && schema.path("type").toString().contains("string"));
    }

    static boolean secret(JsonNode schema, JsonNode schemas, Set<String> seen) {
        if (schema == null || schema.isMissingNode() || !schema.isObject()) {
            return false;
        }
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            return seen.add(name) && secret(schemas.path(name), schemas, seen);
        }
        for (Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").fields(); props.hasNext();) {
            Map.Entry<String, JsonNode> p = props.next();
            if ((SECRET.matcher(p.getKey()).matches() && text(p.getValue(), schemas))
                    || secret(p.getValue(), schemas, new HashSet<>(seen))) {
                return true;
            }
        }
        if (secret(schema.path("items"), schemas, seen) || secret(schema.path("additionalProperties"), schemas, seen)) {
            return true;
        }
        for (String combo : new String[] { "allOf", "anyOf", "oneOf" }) {
            for (JsonNode s : schema.path(combo)) {
                if (secret(s, schemas, seen)) {
                    return true;
                }
            }
        }
        return false;
    }
}
