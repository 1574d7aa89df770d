package dev.opengallery.core;

import static dev.opengallery.core.OpenApiOperations.type;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Bad JSON bodies made from a request-body schema and a base body: for every field (nested objects and the first
 * element of arrays included) a wrong type, a missing or null required field, unknown enum values, oversized
 * strings, huge and negative numbers; and for the body as a whole malformed JSON, other root types, duplicate keys
 * and unknown properties. Each case changes one thing of the base body.
 */
final class BodyMutations {

    /** One bad body: its kind (the report groups by it), where the change is, and the JSON text. */
    record BodyCase(String kind, String where, String text) {
    }

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String OVERSIZED = "x".repeat(100_000);
    private static final int MAX_DEPTH = 5;

    private final ObjectMapper json = new ObjectMapper();

    /** A plausible value for a schema: its first example or enum value, its minimum, or a neutral value. */
    JsonNode base(JsonNode schema, String name) {
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        if (schema.has("examples") && schema.get("examples").size() > 0 && !type(schema).equals("array")) {
            return schema.get("examples").get(0);
        }
        return switch (type(schema)) {
            case "integer" -> NODES.numberNode(Math.max(1, schema.path("minimum").asInt(1)));
            case "number" -> NODES.numberNode(new BigDecimal("10.00"));
            case "boolean" -> NODES.booleanNode(true);
            case "array" -> NODES.arrayNode().add(base(schema.path("items"), name));
            case "object" -> baseObject(schema);
            default -> switch (schema.path("format").asText()) {
                case "uuid" -> NODES.textNode(UUID.randomUUID().toString());
                case "date-time" -> NODES.textNode("2027-01-01T00:00:00Z");
                case "date" -> NODES.textNode("2027-01-01");
                default -> NODES.textNode(name.toLowerCase().contains("email") ? "campaign@example.com" : "campaign");
            };
        };
    }

    /** An object with its required properties only. */
    ObjectNode baseObject(JsonNode schema) {
        ObjectNode o = NODES.objectNode();
        for (JsonNode r : schema.path("required")) {
            JsonNode p = schema.path("properties").path(r.asText());
            if (!p.isMissingNode()) {
                o.set(r.asText(), base(p, r.asText()));
            }
        }
        return o;
    }

    /** The bad bodies; without a body at all (empty, or JSON null) only where the body is required. */
    List<BodyCase> cases(JsonNode schema, JsonNode base, boolean required) {
        List<BodyCase> out = new ArrayList<>();
        String text = write(base);
        if (base.isObject()) {
            walkObject(schema, base, base, new ArrayList<>(), out, 0);
            ObjectNode unknown = ((ObjectNode) base.deepCopy()).put("campaignUnknownProperty", true);
            out.add(new BodyCase("unknown-property", "campaignUnknownProperty", write(unknown)));
            String first = base.fieldNames().hasNext() ? base.fieldNames().next() : firstProperty(schema);
            if (first != null) {
                String rest = base.size() > 0 ? "," + text.substring(1) : ",\"" + first + "\":\"campaign\"}";
                out.add(new BodyCase("duplicate-key", first, "{\"" + first + "\":\"campaign-duplicate\"" + rest));
            }
        }
        out.add(new BodyCase("malformed-json", "truncated", text.substring(0, Math.max(1, text.length() / 2))));
        out.add(new BodyCase("malformed-json", "not JSON", "not json at all"));
        out.add(new BodyCase("malformed-json", "trailing garbage", text + " }{"));
        if (required) {
            out.add(new BodyCase("empty-body", "", ""));
            out.add(new BodyCase("null-body", "null", "null"));
        }
        out.add(new BodyCase("wrong-root-type", "array", "[" + text + "]"));
        out.add(new BodyCase("wrong-root-type", "string", "\"campaign\""));
        out.add(new BodyCase("deeply-nested", "20000 nested arrays", "[".repeat(20_000) + "]".repeat(20_000)));
        return out;
    }

    private static String firstProperty(JsonNode schema) {
        return schema.path("properties").fieldNames().hasNext() ? schema.path("properties").fieldNames().next() : null;
    }

    private void walkObject(JsonNode schema, JsonNode root, JsonNode value, List<Object> path, List<BodyCase> out,
            int depth) {
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        Iterable<Map.Entry<String, JsonNode>> properties = schema.path("properties")::fields;
        for (Map.Entry<String, JsonNode> e : properties) {
            String name = e.getKey();
            JsonNode ps = e.getValue();
            List<Object> p = with(path, name);
            if (required.contains(name)) {
                out.add(new BodyCase("missing-required", label(p), write(remove(root, p))));
                out.add(new BodyCase("null-for-required", label(p), write(set(root, p, NODES.nullNode()))));
            }
            for (Map.Entry<String, JsonNode> bad : badValues(ps, required.contains(name))) {
                out.add(new BodyCase(bad.getKey(), label(p), write(set(root, p, bad.getValue()))));
            }
            JsonNode present = value == null ? null : value.get(name);
            if (present == null || depth >= MAX_DEPTH) {
                continue;
            }
            if (present.isObject()) {
                walkObject(ps, root, present, p, out, depth + 1);
            } else if (present.isArray() && present.size() > 0) {
                JsonNode items = ps.path("items");
                List<Object> first = with(p, 0);
                if (present.get(0).isObject()) {
                    walkObject(items, root, present.get(0), first, out, depth + 1);
                } else {
                    for (Map.Entry<String, JsonNode> bad : badValues(items, true)) {
                        out.add(new BodyCase(bad.getKey(), label(first), write(set(root, first, bad.getValue()))));
                    }
                }
            }
        }
    }

    /** Wrong values for a field of this schema, by kind. */
    static List<Map.Entry<String, JsonNode>> badValues(JsonNode schema, boolean required) {
        List<Map.Entry<String, JsonNode>> bad = new ArrayList<>();
        String type = type(schema);
        if (schema.has("enum")) {
            bad.add(Map.entry("unknown-enum", NODES.textNode("NOT_A_VALUE")));
            bad.add(Map.entry("enum-by-number", NODES.numberNode(0)));
            bad.add(Map.entry("object-for-string", NODES.objectNode()));
            return bad;
        }
        switch (type) {
            case "string" -> {
                bad.add(Map.entry("number-for-string", NODES.numberNode(42)));
                bad.add(Map.entry("object-for-string", NODES.objectNode()));
                bad.add(Map.entry("array-for-scalar", NODES.arrayNode().add("campaign")));
                bad.add(Map.entry("oversized-string", NODES.textNode(OVERSIZED)));
                if (required || schema.path("minLength").asInt(0) > 0
                        || schema.path("pattern").asText().equals("\\S")) {
                    bad.add(Map.entry("blank-string", NODES.textNode("   ")));
                }
                switch (schema.path("format").asText()) {
                    case "uuid" -> bad.add(Map.entry("malformed-uuid", NODES.textNode("not-a-uuid")));
                    case "date-time", "date" -> {
                        bad.add(Map.entry("malformed-date", NODES.textNode("not-a-date")));
                        bad.add(Map.entry("malformed-date", NODES.textNode("2026-02-30T25:61:00Z")));
                    }
                    default -> {
                    }
                }
            }
            case "integer", "number" -> {
                if (type.equals("integer")) {
                    bad.add(Map.entry("float-for-integer", NODES.numberNode(new BigDecimal("1.5"))));
                }
                if (type.equals("integer")) {
                    // (a decimal amount may be sent as a string holding a number, "10.00", by design)
                    bad.add(Map.entry("string-for-number", NODES.textNode("12")));
                }
                bad.add(Map.entry("non-numeric-string", NODES.textNode("twelve")));
                bad.add(Map.entry("boolean-for-number", NODES.booleanNode(true)));
                bad.add(Map.entry("huge-number", NODES.numberNode(new BigDecimal("1E+400"))));
                bad.add(Map.entry("huge-number", NODES.numberNode(new BigInteger("99999999999999999999"))));
                bad.add(Map.entry("negative-number", NODES.numberNode(-1)));
                bad.add(Map.entry("array-for-scalar", NODES.arrayNode().add(1)));
            }
            case "boolean" -> {
                bad.add(Map.entry("string-for-boolean", NODES.textNode("true")));
                bad.add(Map.entry("number-for-boolean", NODES.numberNode(1)));
                bad.add(Map.entry("object-for-string", NODES.objectNode()));
            }
            case "array" -> {
                bad.add(Map.entry("object-for-array", NODES.objectNode()));
                bad.add(Map.entry("string-for-array", NODES.textNode("campaign")));
            }
            case "object" -> {
                bad.add(Map.entry("array-for-object", NODES.arrayNode()));
                bad.add(Map.entry("string-for-object", NODES.textNode("campaign")));
            }
            default -> {
            }
        }
        return bad;
    }

    private static List<Object> with(List<Object> path, Object step) {
        List<Object> p = new ArrayList<>(path);
        p.add(step);
        return p;
    }

    private static String label(List<Object> path) {
        StringBuilder sb = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer i) {
                sb.append('[').append(i).append(']');
            } else {
                sb.append(sb.isEmpty() ? "" : ".").append(step);
            }
        }
        return sb.toString();
    }

    /** A copy of root with the value at path replaced (parents must exist in root). */
    private static JsonNode set(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode copy = root.deepCopy();
        JsonNode parent = navigate(copy, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode o) {
            o.set((String) last, value);
        } else if (parent instanceof ArrayNode a) {
            a.set((Integer) last, value);
        }
        return copy;
    }

    private static JsonNode remove(JsonNode root, List<Object> path) {
        JsonNode copy = root.deepCopy();
        JsonNode parent = navigate(copy, path.subList(0, path.size() - 1));
        if (parent instanceof ObjectNode o) {
            o.remove((String) path.get(path.size() - 1));
        }
        return copy;
    }

    private static JsonNode navigate(JsonNode node, List<Object> path) {
        for (Object step : path) {
            node = step instanceof Integer i ? node.get(i) : node.get((String) step);
        }
        return node;
    }

    String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
