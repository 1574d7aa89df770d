package dev.opengallery.core;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Lints the OpenAPI document the service publishes, as a generated client or a linter (Spectral's {@code oas} rules)
 * reads it: every operation has a unique camelCase operationId, a tag, a summary and a description; every success
 * answer has its schema, every error the Problem schema as application/problem+json; 201 documents Location, 429
 * and 503 Retry-After; idempotent operations document Idempotency-Key and Idempotent-Replayed; paged listings
 * take page and size; every $ref resolves and every schema is used; every example fits its schema. Each finding is
 * one line of the failure message; the document must have none.
 */
@QuarkusTest
class OpenApiLintTest {

    /** The operations that accept an Idempotency-Key (README: every request that moves money, and opening a ticket). */
    static final Set<String> IDEMPOTENT = Set.of("placeOrder", "payOrder", "renewApp", "upgradeApp", "expandApp",
            "unsubscribeApp", "payMilestoneBill", "topUpAccount", "reportProviderTopUp", "openTicket",
            "postRequirement");

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    static final String PROBLEM_REF = "#/components/schemas/Problem";
    static final Pattern OPERATION_ID = Pattern.compile("[a-z][a-zA-Z0-9]*");
    static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");
    static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    JsonNode doc;
    final List<String> findings = new ArrayList<>();

    @BeforeEach
    void load() throws Exception {
        String json = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        doc = new ObjectMapper().readTree(json);
    }

    @Test
    void everyOperationIsCompleteAndFollowsTheConventions() {
        Set<String> tags = new HashSet<>();
        doc.path("tags").forEach(t -> tags.add(t.path("name").asText()));
        Map<String, String> ids = new HashMap<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                operations++;
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                operation(where, path.getKey(), op.getValue(), tags, ids);
            }
        }
        if (operations < 100) {
            findings.add("only " + operations + " operations in the document");
        }
        document();
        assertEquals("", String.join("\n", findings), findings.size() + " findings");
    }

    private void operation(String where, String path, JsonNode op, Set<String> tags, Map<String, String> ids) {
        String id = op.path("operationId").asText("");
        if (id.isEmpty()) {
            findings.add(where + ": no operationId");
        } else if (!OPERATION_ID.matcher(id).matches()) {
            findings.add(where + ": operationId " + id + " is not camelCase");
        } else if (ids.putIfAbsent(id, where) != null) {
            findings.add(where + ": operationId " + id + " is also used by " + ids.get(id));
        }
        if (!op.path("tags").isArray() || op.path("tags").isEmpty()) {
            findings.add(where + ": no tag");
        }
        op.path("tags").forEach(t -> {
            if (!tags.contains(t.asText())) {
                findings.add(where + ": tag " + t.asText() + " is not among the document's tags");
            }
        });
        if (op.path("summary").asText("").isBlank()) {
            findings.add(where + ": no summary");
        }
        if (op.path("description").asText("").isBlank()) {
            findings.add(where + ": no description");
        }
        for (JsonNode requirement : op.path("security")) {
            requirement.fields().forEachRemaining(e -> {
                JsonNode scheme = doc.path("components").path("securitySchemes").path(e.getKey());
                if (scheme.isMissingNode()) {
                    findings.add(where + ": security scheme " + e.getKey() + " is not defined");
                } else if (!Set.of("oauth2", "openIdConnect").contains(scheme.path("type").asText())
                        && !e.getValue().isEmpty()) {
                    findings.add(where + ": scopes " + e.getValue() + " on a " + scheme.path("type").asText()
                            + " scheme, which has none");
                }
            });
        }
        parameters(where, path, op);
        requestBody(where, op);
        responses(where, id, op);
    }

    private void parameters(String where, String path, JsonNode op) {
        Set<String> inTemplate = new LinkedHashSet<>();
        Matcher m = TEMPLATE.matcher(path);
        while (m.find()) {
            inTemplate.add(m.group(1));
        }
        Set<String> seen = new HashSet<>();
        Set<String> pathParams = new HashSet<>();
        for (JsonNode p : op.path("parameters")) {
            String name = p.path("name").asText();
            String in = p.path("in").asText();
            if (!seen.add(in + ":" + name)) {
                findings.add(where + ": parameter " + name + " in " + in + " is declared twice");
            }
            if (!p.has("schema") && !p.has("content")) {
                findings.add(where + ": parameter " + name + " has no schema");
            }
            if (in.equals("path")) {
                pathParams.add(name);
                if (!p.path("required").asBoolean(false)) {
                    findings.add(where + ": path parameter " + name + " is not required");
                }
                if (!inTemplate.contains(name)) {
                    findings.add(where + ": path parameter " + name + " is not in the path");
                }
            }
            if (p.has("example")) {
                validate(where + " parameter " + name + " example", p.get("example"), p.path("schema"), false);
            }
        }
        for (String name : inTemplate) {
            if (!pathParams.contains(name)) {
                findings.add(where + ": path parameter {" + name + "} is not declared");
            }
        }
        boolean idempotencyKey = seen.contains("header:Idempotency-Key");
        boolean paged = seen.contains("query:page") && seen.contains("query:size");
        if (seen.contains("query:page") != seen.contains("query:size")) {
            findings.add(where + ": takes only one of page and size");
        }
        JsonNode ok = resolve(op.path("responses").path("200").path("content").path("application/json").path("schema"));
        boolean pageAnswer = ok != null && ok.path("properties").has("items") && ok.path("properties").has("total")
                && ok.path("properties").has("page") && ok.path("properties").has("size");
        if (pageAnswer && !paged) {
            findings.add(where + ": answers a page but does not take page and size");
        }
        if (paged && !pageAnswer) {
            findings.add(where + ": takes page and size but does not answer a page (items, total, page, size)");
        }
        if (ok != null && "array".equals(ok.path("type").asText())
                && !op.path("description").asText("").contains("Not paged:")) {
            findings.add(where + ": a list that is neither paged nor says why (\"Not paged: ...\")");
        }
        if (idempotencyKey != IDEMPOTENT.contains(op.path("operationId").asText())) {
            findings.add(where + (idempotencyKey ? ": documents an Idempotency-Key it is not known to accept"
                    : ": does not document its Idempotency-Key header"));
        }
    }

    private void requestBody(String where, JsonNode op) {
        if (!op.has("requestBody")) {
            return;
        }
        JsonNode content = op.path("requestBody").path("content");
        if (content.isEmpty()) {
            findings.add(where + ": request body without content");
        }
        for (Iterator<Map.Entry<String, JsonNode>> media = content.fields(); media.hasNext();) {
            Map.Entry<String, JsonNode> mt = media.next();
            String at = where + " request " + mt.getKey();
            JsonNode schema = resolve(mt.getValue().path("schema"));
            if (schema == null) {
                findings.add(at + ": no schema");
                continue;
            }
            boolean example = mt.getValue().has("example") || mt.getValue().has("examples") || schema.has("examples");
            if (!example && "object".equals(schema.path("type").asText())) {
                for (JsonNode required : schema.path("required")) {
                    JsonNode property = schema.path("properties").path(required.asText());
                    JsonNode target = resolve(property);
                    boolean scalar = target != null && !target.has("properties") && !target.has("enum")
                            && !"array".equals(target.path("type").asText())
                            && !"boolean".equals(target.path("type").asText());
                    if (scalar && !property.has("examples") && !property.has("example") && !target.has("examples")) {
                        findings.add(at + ": required property " + required.asText() + " has no example");
                    }
                }
            }
        }
    }

    private void responses(String where, String id, JsonNode op) {
        JsonNode responses = op.path("responses");
        boolean success = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> r = it.next();
            String code = r.getKey();
            JsonNode response = r.getValue();
            String at = where + " " + code;
            if (response.path("description").asText("").isBlank()) {
                findings.add(at + ": no description");
            }
            JsonNode headers = response.path("headers");
            if (code.startsWith("2")) {
                success = true;
                if (code.equals("204")) {
                    if (!response.path("content").isEmpty()) {
                        findings.add(at + ": a 204 with content");
                    }
                } else if (response.path("content").isEmpty()) {
                    findings.add(at + ": success without content");
                }
                for (Iterator<Map.Entry<String, JsonNode>> media = response.path("content").fields(); media.hasNext();) {
                    Map.Entry<String, JsonNode> mt = media.next();
                    if (resolve(mt.getValue().path("schema")) == null) {
                        findings.add(at + " " + mt.getKey() + ": no schema");
                    }
                }
                if (code.equals("201")) {
                    header(at, headers, "Location");
                }
                if (IDEMPOTENT.contains(id)) {
                    header(at, headers, "Idempotent-Replayed");
                }
            } else if (code.startsWith("4") || code.startsWith("5")) {
                JsonNode content = response.path("content");
                if (content.size() != 1 || !content.has(Problem.MEDIA_TYPE)) {
                    findings.add(at + ": an error whose content is not only " + Problem.MEDIA_TYPE);
                } else {
                    JsonNode media = content.get(Problem.MEDIA_TYPE);
                    if (!PROBLEM_REF.equals(media.path("schema").path("$ref").asText())) {
                        findings.add(at + ": an error without the Problem schema");
                    }
                    if (media.has("example")) {
                        validate(at + " example", media.get("example"), media.get("schema"), true);
                    }
                }
                if (code.equals("429") || code.equals("503")) {
                    header(at, headers, "Retry-After");
                }
            } else {
                findings.add(at + ": an answer that is neither success nor error");
            }
        }
        if (!success) {
            findings.add(where + ": no 2xx answer");
        }
    }

    private void header(String at, JsonNode headers, String name) {
        JsonNode h = headers.path(name);
        if (h.isMissingNode()) {
            findings.add(at + ": does not document header " + name);
        } else if (!h.has("schema") || h.path("description").asText("").isBlank()) {
            findings.add(at + ": header " + name + " without schema or description");
        }
    }

    /** The whole document: info, refs that resolve, schemas that are used, examples that fit. */
    private void document() {
        JsonNode info = doc.path("info");
        for (String field : List.of("title", "version", "description")) {
            if (info.path(field).asText("").isBlank()) {
                findings.add("info." + field + " is missing");
            }
        }
        if (info.path("contact").isEmpty()) {
            findings.add("info.contact is missing");
        }
        if (doc.path("servers").isEmpty()) {
            findings.add("no servers");
        }
        Set<String> referenced = new HashSet<>();
        refs(doc, "", referenced);
        for (Iterator<String> names = doc.path("components").path("schemas").fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!referenced.contains("#/components/schemas/" + name)) {
                findings.add("schema " + name + " is not used");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("components").path("schemas").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> s = it.next();
            schemaExamples("schema " + s.getKey(), s.getValue());
            decimals("schema " + s.getKey(), s.getValue());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> p = it.next();
            p.getValue().forEach(op -> op.path("parameters").forEach(param -> schemaExamples(
                    p.getKey() + " parameter " + param.path("name").asText(), param.path("schema"))));
        }
    }

    /**
     * Money and other decimals are JSON numbers without a binary floating-point format (so that generated clients
     * read them as decimals: BigDecimal in Java), each with an example.
     */
    private void decimals(String at, JsonNode schema) {
        schema.path("properties").fields().forEachRemaining(p -> {
            JsonNode type = p.getValue().path("type");
            boolean number = type.asText().equals("number") || (type.isArray() && type.toString().contains("\"number\""));
            if (number) {
                if (p.getValue().has("format")) {
                    findings.add(at + "." + p.getKey() + ": a number with format " + p.getValue().get("format"));
                }
                if (!p.getValue().has("examples") && !p.getValue().has("example")) {
                    findings.add(at + "." + p.getKey() + ": a number without an example");
                }
            }
            decimals(at + "." + p.getKey(), p.getValue());
        });
        if (schema.has("items")) {
            decimals(at + "[]", schema.get("items"));
        }
    }

    /** Collects every $ref and checks that it resolves; a schema referring only to itself does not count as used. */
    private void refs(JsonNode node, String owner, Set<String> referenced) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null) {
                String target = ref.asText();
                if (lookup(target) == null) {
                    findings.add("$ref " + target + " does not resolve");
                }
                if (!target.equals(owner)) {
                    referenced.add(target);
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String child = owner;
                if (node == doc.path("components").path("schemas")) {
                    child = "#/components/schemas/" + e.getKey();
                }
                refs(e.getValue(), child, referenced);
            }
        } else if (node.isArray()) {
            node.forEach(n -> refs(n, owner, referenced));
        }
    }

    private void schemaExamples(String at, JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            return;
        }
        if (schema.has("example")) {
            validate(at + " example", schema.get("example"), schema, false);
        }
        schema.path("examples").forEach(e -> validate(at + " example", e, schema, false));
        schema.path("properties").fields().forEachRemaining(p -> schemaExamples(at + "." + p.getKey(), p.getValue()));
        if (schema.has("items")) {
            schemaExamples(at + "[]", schema.get("items"));
        }
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            schema.path(combinator).forEach(s -> schemaExamples(at, s));
        }
    }

    /** Does the value fit the schema (types, enums, formats uuid and date-time, bounds, required properties)? */
    private void validate(String at, JsonNode value, JsonNode schemaOrRef, boolean requireRequired) {
        JsonNode schema = resolve(schemaOrRef);
        if (schema == null) {
            return;
        }
        Set<String> types = new HashSet<>();
        if (schema.path("type").isArray()) {
            schema.path("type").forEach(t -> types.add(t.asText()));
        } else if (schema.has("type")) {
            types.add(schema.path("type").asText());
        }
        if (!types.isEmpty() && types.stream().noneMatch(t -> fits(value, t))) {
            findings.add(at + ": " + value + " is not of type " + types);
            return;
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode e : schema.get("enum")) {
                found |= e.asText().equals(value.asText());
            }
            if (!found) {
                findings.add(at + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (value.isTextual()) {
            String text = value.asText();
            String format = schema.path("format").asText("");
            if (format.equals("uuid") && !UUID_TEXT.matcher(text).matches()) {
                findings.add(at + ": " + value + " is not a uuid");
            }
            if (format.equals("date-time")) {
                try {
                    OffsetDateTime.parse(text);
                } catch (DateTimeParseException e) {
                    findings.add(at + ": " + value + " is not a date-time");
                }
            }
            if (schema.has("maxLength") && text.length() > schema.get("maxLength").asInt()) {
                findings.add(at + ": " + value + " is longer than " + schema.get("maxLength"));
            }
            if (schema.has("minLength") && text.length() < schema.get("minLength").asInt()) {
                findings.add(at + ": " + value + " is shorter than " + schema.get("minLength"));
            }
        }
        if (value.isNumber()) {
            if (schema.has("minimum") && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
                findings.add(at + ": " + value + " is below " + schema.get("minimum"));
            }
            if (schema.has("maximum") && value.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
                findings.add(at + ": " + value + " is above " + schema.get("maximum"));
            }
        }
        if (value.isObject()) {
            if (requireRequired) {
                for (JsonNode r : schema.path("required")) {
                    if (!value.has(r.asText())) {
                        findings.add(at + ": lacks required " + r.asText());
                    }
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode property = schema.path("properties").get(e.getKey());
                if (property == null) {
                    findings.add(at + ": property " + e.getKey() + " is not in the schema");
                } else {
                    validate(at + "." + e.getKey(), e.getValue(), property, requireRequired);
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (JsonNode item : value) {
                validate(at + "[]", item, schema.get("items"), requireRequired);
            }
        }
    }

    private static boolean fits(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber()
                    || (value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0);
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "null" -> value.isNull();
            default -> false;
        };
    }

    /** The schema itself, or the one its $ref names; null when missing or unresolvable. */
    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; s != null && !s.isMissingNode() && s.has("$ref") && i < 10; i++) {
            s = lookup(s.get("$ref").asText());
        }
        return s == null || s.isMissingNode() || s.isNull() ? null : s;
    }

    private JsonNode lookup(String ref) {
        if (!ref.startsWith("#/")) {
            return null;
        }
        JsonNode n = doc;
        for (String part : ref.substring(2).split("/")) {
            n = n.path(part.replace("~1", "/").replace("~0", "~"));
        }
        return n.isMissingNode() ? null : n;
    }
}
