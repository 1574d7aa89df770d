package dev.opengallery.jobs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.FieldInfo;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.RecordComponentInfo;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Gives every job its own operation in the OpenAPI document, {@code POST /api/operator/jobs/<name>/run}, from its
 * {@link JobDoc}: summary, description, query parameters, and its answer (a {@code JobRun}, or the job's own schema
 * with an example), with the security of the generic {@code /api/operator/jobs/{name}/run} that serves them all.
 * Runs at build time, before the filter that adds the shared error answers and conventions.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = 100)
public class JobDocsFilter implements OASFilter {

    static final String GENERIC = "/api/operator/jobs/{name}/run";
    static final DotName JOB_DOC = DotName.createSimple(JobDoc.class.getName());
    static final DotName SCHEMA = DotName.createSimple("org.eclipse.microprofile.openapi.annotations.media.Schema");
    static final String EXAMPLE_TIME = "2026-11-25T10:00:00Z";

    private final IndexView index;

    public JobDocsFilter(IndexView index) {
        this.index = index;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (index == null || openAPI.getPaths() == null) {
            return;
        }
        PathItem generic = openAPI.getPaths().getPathItem(GENERIC);
        if (generic == null || generic.getPOST() == null) {
            return;
        }
        List<AnnotationInstance> docs = new ArrayList<>(index.getAnnotations(JOB_DOC));
        docs.sort(Comparator.comparing(d -> d.value("name").asString()));
        for (AnnotationInstance doc : docs) {
            String name = doc.value("name").asString();
            openAPI.getPaths().addPathItem("/api/operator/jobs/" + name + "/run",
                    OASFactory.createPathItem().POST(operation(openAPI, generic.getPOST(), doc, name)));
        }
    }

    private Operation operation(OpenAPI openAPI, Operation template, AnnotationInstance doc, String name) {
        Operation op = OASFactory.createOperation().operationId(doc.value("operationId").asString())
                .summary(doc.value("summary").asString()).description(doc.value("description").asString());
        if (template.getTags() != null) {
            op.setTags(new ArrayList<>(template.getTags()));
        }
        if (template.getSecurity() != null) {
            List<SecurityRequirement> security = new ArrayList<>();
            for (SecurityRequirement r : template.getSecurity()) {
                SecurityRequirement copy = OASFactory.createSecurityRequirement();
                if (r.getSchemes() != null) {
                    r.getSchemes().forEach((scheme, scopes) -> copy.addScheme(scheme,
                            scopes == null ? new ArrayList<>() : new ArrayList<>(scopes)));
                }
                security.add(copy);
            }
            op.setSecurity(security);
        }
        AnnotationValue params = doc.value("params");
        if (params != null) {
            for (AnnotationInstance p : params.asNestedArray()) {
                String type = p.value("type") == null ? "string" : p.value("type").asString();
                Parameter parameter = OASFactory.createParameter().name(p.value("name").asString())
                        .in(Parameter.In.QUERY).description(p.value("description").asString())
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.valueOf(type.toUpperCase()))
                                .format(type.equals("integer") ? "int32" : null));
                String example = p.value("example") == null ? "" : p.value("example").asString();
                if (!example.isEmpty()) {
                    parameter.setExample(type.equals("integer") ? Integer.valueOf(example) : example);
                }
                op.addParameter(parameter);
            }
        }
        AnnotationValue answer = doc.value("answer");
        DotName answerClass = answer == null ? null : answer.asClass().name();
        String schemaName = "JobRun";
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("job", name);
        example.put("moved", 3);
        if (answerClass != null && !answerClass.toString().equals(JobRun.class.getName())) {
            schemaName = answerSchema(openAPI, answerClass, example);
        }
        example.put("ranAt", EXAMPLE_TIME);
        APIResponses responses = OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse()
                .description("What the run did").content(OASFactory.createContent().addMediaType("application/json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(schemaName)).example(example))));
        if (template.getResponses() != null) {
            for (String code : List.of("401", "403")) {
                if (template.getResponses().hasAPIResponse(code)) {
                    responses.addAPIResponse(code, OASFactory.createAPIResponse()
                            .description(template.getResponses().getAPIResponse(code).getDescription()));
                }
            }
        }
        op.setResponses(responses);
        return op;
    }

    /**
     * The answer's schema, from the record's components and their {@code @Schema} descriptions and examples, plus
     * the {@code moved} count every run answers; its example fields go into {@code example}.
     */
    private String answerSchema(OpenAPI openAPI, DotName type, Map<String, Object> example) {
        ClassInfo record = index.getClassByName(type);
        AnnotationInstance named = record.declaredAnnotation(SCHEMA);
        String schemaName = named != null && named.value("name") != null ? named.value("name").asString()
                : record.simpleName();
        Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT);
        if (named != null && named.value("description") != null) {
            schema.setDescription(named.value("description").asString());
        }
        for (RecordComponentInfo c : record.recordComponents()) {
            FieldInfo field = record.field(c.name());
            AnnotationInstance s = field == null ? null : field.annotation(SCHEMA);
            String javaType = c.type().name().toString();
            Schema property = switch (javaType) {
                case "java.util.UUID" -> OASFactory.createSchema().ref("UUID");
                case "java.time.OffsetDateTime", "java.time.Instant" -> OASFactory.createSchema().ref("OffsetDateTime");
                case "long", "java.lang.Long" -> OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int64");
                case "int", "java.lang.Integer" -> OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32");
                case "java.math.BigDecimal" -> OASFactory.createSchema().addType(Schema.SchemaType.NUMBER);
                case "boolean", "java.lang.Boolean" -> OASFactory.createSchema().addType(Schema.SchemaType.BOOLEAN);
                default -> OASFactory.createSchema().addType(Schema.SchemaType.STRING);
            };
            if (s != null && s.value("description") != null) {
                property.setDescription(s.value("description").asString());
            }
            if (s != null && s.value("example") != null) {
                String value = s.value("example").asString();
                Object typed = switch (javaType) {
                    case "long", "java.lang.Long", "int", "java.lang.Integer" -> Long.valueOf(value);
                    case "java.math.BigDecimal" -> new BigDecimal(value);
                    default -> value;
                };
                property.setExamples(new ArrayList<>(List.of(typed)));
                example.put(c.name(), typed);
            }
            schema.addProperty(c.name(), property);
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Schema existing = openAPI.getComponents().getSchemas() == null ? null
                : openAPI.getComponents().getSchemas().get(schemaName);
        if (existing == null) {
            openAPI.getComponents().addSchema(schemaName, schema);
            existing = schema;
        }
        if (existing.getProperties() == null || !existing.getProperties().containsKey("moved")) {
            existing.addProperty("moved", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                    .description("Rows the run changed").examples(new ArrayList<>(List.of(3))));
        }
        return schemaName;
    }
}
