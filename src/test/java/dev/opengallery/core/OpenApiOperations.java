package dev.opengallery.core;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The operations of the service's own OpenAPI document (as served at test time): path x method, with their
 * path/query/header parameters and request body, every {@code $ref} resolved against the document's schemas.
 */
final class OpenApiOperations {

    /** A parameter: where it goes (path, query, header), its name, whether required, and its resolved schema. */
    record Param(String in, String name, boolean required, JsonNode schema) {
    }

    /**
     * One operation; body is the resolved request-body schema (null without a body), bodyType its media type,
     * bodyRequired whether the document says a body must be sent.
     */
    record Op(String method, String path, List<Param> params, String bodyType, String bodySchemaName, JsonNode body,
            boolean bodyRequired) {

        List<Param> params(String in) {
            return params.stream().filter(p -> p.in().equals(in)).toList();
        }

        String key() {
            return method + " " + path;
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final JsonNode schemas;
    private final List<Op> operations = new ArrayList<>();

    OpenApiOperations(String document) throws Exception {
        JsonNode doc = json.readTree(document);
        schemas = doc.path("components").path("schemas");
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> m = methods.next();
                if (!List.of("get", "put", "post", "delete", "patch").contains(m.getKey())) {
                    continue;
                }
                operations.add(operation(m.getKey().toUpperCase(), path.getKey(), m.getValue(), path.getValue()));
            }
        }
    }

    List<Op> operations() {
        return operations;
    }

    private Op operation(String method, String path, JsonNode op, JsonNode item) {
        List<Param> params = new ArrayList<>();
        for (JsonNode source : List.of(item.path("parameters"), op.path("parameters"))) {
            for (JsonNode p : source) {
                JsonNode param = resolve(p);
                params.add(new Param(param.path("in").asText(), param.path("name").asText(),
                        param.path("required").asBoolean(false), resolve(param.path("schema"))));
            }
        }
        JsonNode requestBody = resolve(op.path("requestBody"));
        JsonNode content = requestBody.path("content");
        String bodyType = null;
        String schemaName = null;
        JsonNode body = null;
        Iterator<Map.Entry<String, JsonNode>> types = content.fields();
        if (types.hasNext()) {
            Map.Entry<String, JsonNode> t = types.next();
            bodyType = t.getKey();
            JsonNode schema = t.getValue().path("schema");
            schemaName = schema.has("$ref") ? refName(schema.get("$ref").asText()) : null;
            body = resolve(schema);
        }
        return new Op(method, path, List.copyOf(params), bodyType, schemaName, body,
                requestBody.path("required").asBoolean(false));
    }

    private static String refName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    /**
     * The node with its {@code $ref} replaced by the referenced schema (the referencing node's own keys, such as
     * a description, win), recursively for properties and array items.
     */
    JsonNode resolve(JsonNode node) {
        return resolve(node, 0);
    }

    private JsonNode resolve(JsonNode node, int depth) {
        if (node == null || node.isMissingNode() || !node.isObject() || depth > 12) {
            return node;
        }
        ObjectNode out = json.createObjectNode();
        if (node.has("$ref")) {
            JsonNode target = schemas.path(refName(node.get("$ref").asText()));
            out.setAll((ObjectNode) resolve(target, depth + 1).deepCopy());
        }
        node.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("$ref")) {
                out.set(e.getKey(), e.getValue());
            }
        });
        if (out.has("properties")) {
            ObjectNode props = json.createObjectNode();
            out.get("properties").fields()
                    .forEachRemaining(e -> props.set(e.getKey(), resolve(e.getValue(), depth + 1)));
            out.set("properties", props);
        }
        if (out.has("items")) {
            out.set("items", resolve(out.get("items"), depth + 1));
        }
        return out;
    }

    /** The schema's type, the first that is not "null" when it names several. */
    static String type(JsonNode schema) {
        JsonNode t = schema.path("type");
        if (t.isArray()) {
            for (JsonNode x : t) {
                if (!x.asText().equals("null")) {
                    return x.asText();
                }
            }
        }
        if (t.isTextual()) {
            return t.asText();
        }
        if (schema.has("properties")) {
            return "object";
        }
        return schema.has("enum") ? "string" : "";
    }

    static boolean nullable(JsonNode schema) {
        JsonNode t = schema.path("type");
        if (t.isArray()) {
            for (JsonNode x : t) {
                if (x.asText().equals("null")) {
                    return true;
                }
            }
        }
        return schema.path("nullable").asBoolean(false);
    }
}
