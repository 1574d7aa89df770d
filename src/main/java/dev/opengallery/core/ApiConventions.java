package dev.opengallery.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * The conventions every operation follows, written into the OpenAPI document in one place so that no resource can
 * forget them (the API's tests check the real answers): paging parameters with their limits, the Idempotency-Key
 * request header and the Idempotent-Replayed answer header, Location on every 201, Retry-After on 429 and 503, and
 * one schema per listing's page.
 * Called by {@link ProblemResponsesFilter} once the error answers are in place.
 */
final class ApiConventions {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private ApiConventions() {
    }

    static void apply(OpenAPI openAPI) {
        Map<String, String> pages = namePages(openAPI);
        binaryFileParts(openAPI);
        Schema uuid = openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null ? null
                : openAPI.getComponents().getSchemas().get("UUID");
        if (uuid != null && uuid.getExamples() == null) {
            uuid.examples(List.of("3fa85f64-5717-4562-b3fc-2c963f66afa6"));
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> e : item.getOperations().entrySet()) {
                renamePageRefs(e.getValue(), pages);
                if (path.startsWith("/api/")) {
                    apply(e.getValue());
                }
                rolesOutOfScopes(e.getValue());
            }
        });
    }

    /**
     * Gives each page of a listing the name of its items' schema plus "Page" ({@code OrderPage},
     * {@code ProductSummaryPage}) instead of the Java type's ({@code PageOrderView}), so generated clients get one
     * readable class per listing. The unparameterised {@code Page} is not used by any operation and is dropped.
     * Answers old name to new name.
     */
    private static Map<String, String> namePages(OpenAPI openAPI) {
        Map<String, String> renamed = new LinkedHashMap<>();
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return renamed;
        }
        Map<String, Schema> schemas = new LinkedHashMap<>(openAPI.getComponents().getSchemas());
        schemas.forEach((name, schema) -> {
            if (!name.startsWith("Page") || schema.getProperties() == null) {
                return;
            }
            Schema items = schema.getProperties().get("items");
            if (!schema.getProperties().keySet().containsAll(List.of("items", "total", "page", "size"))
                    || items == null) {
                return;
            }
            if (items.getItems() == null || items.getItems().getRef() == null) {
                if (name.equals("Page")) {
                    openAPI.getComponents().removeSchema(name);
                }
                return;
            }
            String ref = items.getItems().getRef();
            String target = ref.substring(ref.lastIndexOf('/') + 1) + "Page";
            if (!schemas.containsKey(target)) {
                openAPI.getComponents().removeSchema(name);
                openAPI.getComponents().addSchema(target, schema);
                renamed.put(name, target);
            }
        });
        return renamed;
    }

    /**
     * The bearer scheme is HTTP authentication, which has no scopes: the roles an operation needs (which Quarkus
     * writes into the security requirement) go to the {@code x-roles} extension and the description instead, and
     * the requirement names the scheme with an empty list, as OpenAPI tools expect.
     */
    private static void rolesOutOfScopes(Operation op) {
        if (op.getSecurity() == null) {
            return;
        }
        Set<String> roles = new LinkedHashSet<>();
        for (SecurityRequirement requirement : op.getSecurity()) {
            if (requirement.getSchemes() == null) {
                continue;
            }
            Map<String, List<String>> schemes = new LinkedHashMap<>(requirement.getSchemes());
            schemes.forEach((scheme, scopes) -> {
                if (scopes != null && !scopes.isEmpty()) {
                    roles.addAll(scopes);
                    requirement.addScheme(scheme, new ArrayList<>());
                }
            });
        }
        if (!roles.isEmpty()) {
            op.addExtension("x-roles", new ArrayList<>(roles));
            String needs = (roles.size() == 1 ? "Role: " : "Roles (any of): ") + String.join(", ", roles) + ".";
            op.setDescription(op.getDescription() == null ? needs : op.getDescription() + " " + needs);
        }
    }

    /** A multipart list of files: each item is a binary string (the format belongs to the items, not the list). */
    private static void binaryFileParts(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        for (Schema schema : openAPI.getComponents().getSchemas().values()) {
            if (schema.getProperties() == null) {
                continue;
            }
            for (Schema property : schema.getProperties().values()) {
                if ("binary".equals(property.getFormat()) && property.getItems() != null) {
                    property.setFormat(null);
                    property.getItems().format("binary");
                }
            }
        }
    }

    private static void renamePageRefs(Operation op, Map<String, String> renamed) {
        if (renamed.isEmpty() || op.getResponses() == null || op.getResponses().getAPIResponses() == null) {
            return;
        }
        for (APIResponse response : op.getResponses().getAPIResponses().values()) {
            if (response.getContent() == null || response.getContent().getMediaTypes() == null) {
                continue;
            }
            response.getContent().getMediaTypes().values().forEach(media -> {
                Schema schema = media.getSchema();
                if (schema != null && schema.getRef() != null) {
                    String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
                    if (renamed.containsKey(name)) {
                        schema.setRef(renamed.get(name));
                    }
                }
            });
        }
    }

    private static void apply(Operation op) {
        boolean idempotent = false;
        List<Parameter> parameters = op.getParameters() == null ? List.of() : op.getParameters();
        for (Parameter p : parameters) {
            if (p.getIn() == Parameter.In.QUERY && "page".equals(p.getName())) {
                p.description("Page number, from 0").schema(integer(0, 100_000, 0));
            } else if (p.getIn() == Parameter.In.QUERY && "size".equals(p.getName())) {
                p.description("Items per page").schema(integer(1, Params.MAX_PAGE_SIZE, 20));
            } else if (p.getIn() == Parameter.In.HEADER && IDEMPOTENCY_KEY.equalsIgnoreCase(p.getName())) {
                p.schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1).maxLength(200)
                        .examples(List.of("5f0c6a1e-2b7d-4c1a-9e3f-7a8b9c0d1e2f")));
                idempotent = true;
            }
        }
        if (op.getResponses() == null || op.getResponses().getAPIResponses() == null) {
            return;
        }
        for (Map.Entry<String, APIResponse> r : op.getResponses().getAPIResponses().entrySet()) {
            String code = r.getKey();
            APIResponse response = r.getValue();
            if (code.equals("201")) {
                header(response, "Location", "Where the created resource can be read (a path on this server; "
                        + "upgrades, expansions and renewals: the order they placed)",
                        OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri-reference")
                                .examples(List.of("/api/orders/0b8f4c4e-4a7e-4f3a-9d7c-2f1e5b6a7c8d")));
            }
            if (idempotent && code.startsWith("2")) {
                header(response, REPLAYED, "true when this answer replays an earlier request with the same "
                        + "Idempotency-Key (nothing was done again); absent otherwise",
                        OASFactory.createSchema().addType(Schema.SchemaType.STRING).enumeration(List.of("true")));
            }
            if (code.equals("429") || code.equals("503")) {
                header(response, "Retry-After", "Seconds to wait before trying again", integer(1, null, null));
            }
        }
    }

    private static void header(APIResponse response, String name, String description, Schema schema) {
        if (response.getHeaders() != null && response.getHeaders().containsKey(name)) {
            Header h = response.getHeaders().get(name);
            if (h.getSchema() == null) {
                h.schema(schema);
            }
            if (h.getDescription() == null) {
                h.description(description);
            }
            return;
        }
        response.addHeader(name, OASFactory.createHeader().description(description).schema(schema));
    }

    private static Schema integer(Integer min, Integer max, Integer dflt) {
        Schema s = OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32");
        if (min != null) {
            s.minimum(BigDecimal.valueOf(min));
        }
        if (max != null) {
            s.maximum(BigDecimal.valueOf(max));
        }
        if (dflt != null) {
            s.defaultValue(dflt);
        }
        return s;
    }
}
