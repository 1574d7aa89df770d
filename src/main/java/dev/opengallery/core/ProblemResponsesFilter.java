package dev.opengallery.core;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Documents the error answers of every operation as application/problem+json with the Problem schema and an
 * example: 400 where the operation takes input, 404 where it names an object, 409 and 422 where it changes
 * something. Resources document only their success answers and any error special to them. Then
 * {@link ApiConventions} adds the headers and parameter limits every operation shares.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> e : item.getOperations().entrySet()) {
                Operation op = e.getValue();
                boolean mutation = e.getKey() != PathItem.HttpMethod.GET;
                boolean input = op.getRequestBody() != null
                        || (op.getParameters() != null && op.getParameters().stream().anyMatch(p -> p.getIn() != null
                                && p.getIn() != org.eclipse.microprofile.openapi.models.parameters.Parameter.In.PATH));
                APIResponses responses = op.getResponses() == null ? OASFactory.createAPIResponses() : op.getResponses();
                if (input || mutation) {
                    add(responses, 400, "Invalid request: the offending fields are listed", "validation",
                            "Invalid request", "quantity: must be between 1 and 500");
                }
                // an object is named in the path, or in the body (a product, order, account or ECS id)
                if (path.contains("{") || op.getRequestBody() != null) {
                    add(responses, 404, "Not found, or not yours", "not-found", "Not found", "Product was not found");
                }
                if (op.getRequestBody() != null) {
                    add(responses, 415, "The body is not in a media type this operation takes", "http-415",
                            "Unsupported Media Type", "Send the body as application/json");
                }
                if (responses.hasAPIResponse("401")) {
                    add(responses, 401, "No valid bearer token", "unauthorized", "Authentication required",
                            "Send a valid bearer token from the identity provider");
                }
                if (responses.hasAPIResponse("403")) {
                    add(responses, 403, "The token lacks the role this operation needs", "forbidden",
                            "Not allowed for your role", "Your token does not carry a role that may call this operation");
                }
                if (mutation) {
                    add(responses, 409, "Not allowed in the current state, or changed concurrently", "illegal-state",
                            "Not allowed in the current state", "A seller cannot submit a product that is LISTED");
                    add(responses, 422, "Understood but refused by a rule", "unprocessable",
                            "Request cannot be carried out", "Specification 'Team' is not sold with billing mode ONE_TIME");
                }
                add(responses, 503, "The database or the identity provider cannot be reached: retry after the "
                        + "Retry-After seconds", "unavailable", "Service unavailable",
                        "The database cannot be reached; retry in a few seconds");
                op.setResponses(responses);
            }
        });
        ApiConventions.apply(openAPI);
    }

    private static void add(APIResponses responses, int status, String description, String slug, String title,
            String detail) {
        String code = String.valueOf(status);
        APIResponse existing = responses.getAPIResponse(code);
        if (existing != null && existing.getContent() != null && existing.getContent().getMediaTypes() != null
                && !existing.getContent().getMediaTypes().isEmpty()) {
            return;
        }
        if (existing != null && existing.getDescription() != null && !existing.getDescription().startsWith("Bad Request")
                && !existing.getDescription().startsWith("Not A")) {
            description = existing.getDescription();
        }
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", Problem.TYPE_BASE + slug);
        example.put("title", title);
        example.put("status", status);
        example.put("detail", detail);
        if (status == 409) {
            example.put("currentState", "LISTED");
        }
        APIResponse response = OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("Problem")).example(example)));
        responses.addAPIResponse(code, response);
    }
}
