package dev.opengallery.support;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;

import io.restassured.authentication.PreemptiveOAuth2HeaderScheme;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * The REST Assured filter that checks every request of the test suite, and the service's answer, against the
 * service's own OpenAPI document ({@code GET /q/openapi?format=json} of the running test instance, fetched once,
 * lazily, and kept). Installed for every request by {@link OpenApiContractCallback}; the rules are in the README
 * (Set-up, API contract):
 * <ul>
 * <li>The response is always checked: its path and method must be documented, its status documented for the
 * operation (an undocumented status fails), its content type one the status documents, and its body valid against
 * that schema (including the application/problem+json error answers; properties the schema does not name fail).</li>
 * <li>The request is checked too (path and query parameters, headers, security, body), but its errors count only
 * when the service accepted it (status below 400): a test that deliberately sends bad input gets its 4xx, and that
 * 4xx answer is still checked.</li>
 * <li>Only the few exchanges of {@link #EXEMPT} are not checked, nor the request bodies of
 * {@link #BODY_UNCHECKED}.</li>
 * </ul>
 */
public final class OpenApiContract implements OrderedFilter {

    static final OpenApiContract INSTANCE = new OpenApiContract();

    /**
     * Exchanges that are not part of the API the document describes, each with its reason: "METHOD path", the path
     * a regular expression.
     */
    private static final List<Pattern> EXEMPT = Stream.of(
            // Quarkus' own endpoints: health probes, Prometheus metrics and the OpenAPI document itself
            "[A-Z]+ /q/.*",
            // HttpEdgeTest: paths outside the API answer problem documents too (404) - not in the document
            "[A-Z]+ (?!/api/).*",
            // PlatformTest: an unknown path answers a problem document (404) - deliberately not in the document
            "GET /api/nothing-here",
            // PlatformTest: an undocumented method on a documented path answers 405
            "DELETE /api/catalog/categories",
            // SupervisionApiTest: only buyers remind; the seller's counterpart deliberately does not exist (404)
            "POST /api/seller/supervision/flows/[^/]+/remind").map(Pattern::compile).toList();

    /**
     * Operations whose request body may lie outside the document although the service answers 2xx: the body's
     * schema errors are not counted there (everything else of the exchange is).
     */
    private static final Set<String> BODY_UNCHECKED = Set.of(
            // a batch of ECS events answers 200 with one result per event and refuses a malformed event inside it
            // (a 400 problem in its result; MeteringApiTest sends one on purpose)
            "POST /api/compute/ecs-events/batch");

    /**
     * Answers the HTTP edge (core.HttpEdge) gives before any operation is reached, for any path: an unsupported method
     * or response type, a body, URI or headers over the limits. They are problem documents (HttpEdgeTest and the
     * bad-input campaign check that) but belong to no one operation, so the document does not list them per operation.
     */
    private static final Set<Integer> EDGE_STATUSES = Set.of(405, 406, 413, 414, 431);

    private final AtomicLong validated = new AtomicLong();
    private final AtomicLong exempt = new AtomicLong();
    private volatile OpenApiInteractionValidator validator;

    /** A contract of its own (its own document, read on first use); the suite shares {@link #INSTANCE}. */
    OpenApiContract() {
    }

    /** Runs after every other filter (authentication, content type), so it sees the request as sent. */
    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext ctx) {
        Response response = ctx.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        String method = request.getMethod().toUpperCase();
        if (isExempt(method, uri.getPath()) || EDGE_STATUSES.contains(response.statusCode())) {
            exempt.incrementAndGet();
            return response;
        }
        OpenApiInteractionValidator v = validator(uri);
        Request modelRequest = asSent(request, uri);
        List<ValidationReport.Message> errors = new ArrayList<>(errors(v.validateResponse(uri.getPath(),
                Request.Method.valueOf(method), RestAssuredResponse.of(response))));
        List<ValidationReport.Message> requestErrors = errors(v.validateRequest(modelRequest));
        if (response.statusCode() < 400) {
            boolean bodyUnchecked = BODY_UNCHECKED.contains(method + " " + uri.getPath());
            requestErrors.stream()
                    .filter(m -> !(bodyUnchecked && m.getKey().startsWith("validation.request.body.schema")))
                    .forEach(errors::add);
        }
        validated.incrementAndGet();
        if (!errors.isEmpty()) {
            throw new AssertionError("The exchange " + method + " " + uri.getPath() + " -> " + response.statusCode()
                    + " does not match the OpenAPI document:\n" + errors.stream().map(OpenApiContract::describe)
                            .distinct().collect(Collectors.joining("\n"))
                    + "\nresponse body: " + abbreviate(response.asString()));
        }
        return response;
    }

    long validated() {
        return validated.get();
    }

    long exempt() {
        return exempt.get();
    }

    static boolean isExempt(String method, String path) {
        String exchange = method + " " + path;
        return EXEMPT.stream().anyMatch(p -> p.matcher(exchange).matches());
    }

    /**
     * The request as it goes on the wire: the query from the final URI (tests write some into the path), the
     * bearer token REST Assured adds through {@code auth().oauth2(...)} as the Authorization header, the body.
     */
    private static Request asSent(FilterableRequestSpecification request, URI uri) {
        var b = new SimpleRequest.Builder(request.getMethod(), uri.getRawPath());
        request.getHeaders().forEach(h -> b.withHeader(h.getName(), h.getValue()));
        if (!request.getHeaders().hasHeaderWithName("Authorization")
                && request.getAuthenticationScheme() instanceof PreemptiveOAuth2HeaderScheme bearer) {
            b.withAuthorization("Bearer " + bearer.getAccessToken());
        }
        if (request.getContentType() != null) {
            b.withContentType(request.getContentType());
        }
        if (uri.getRawQuery() != null) {
            Map<String, List<String>> query = new LinkedHashMap<>();
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                query.computeIfAbsent(name, n -> new ArrayList<>()).add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
            query.forEach(b::withQueryParam);
        }
        Object body = request.getBody();
        if (!request.getMultiPartParams().isEmpty()) {
            // the validator checks only that a multipart body is there, not its parts: the text parts stand for it
            b.withBody(request.getMultiPartParams().stream().filter(part -> part.getContent() instanceof String)
                    .map(part -> encode(part.getControlName()) + "=" + encode((String) part.getContent()))
                    .collect(Collectors.joining("&")));
        } else if (body instanceof String text) {
            b.withBody(text);
        } else if (body instanceof byte[] bytes) {
            b.withBody(bytes);
        }
        return b.build();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private OpenApiInteractionValidator validator(URI uri) {
        OpenApiInteractionValidator v = validator;
        if (v == null) {
            synchronized (this) {
                v = validator;
                if (v == null) {
                    validator = v = OpenApiInteractionValidator.createForInlineApiSpecification(document(uri)).build();
                }
            }
        }
        return v;
    }

    private static String document(URI uri) {
        URI doc = uri.resolve("/q/openapi?format=json");
        try {
            HttpResponse<String> answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(HttpRequest.newBuilder(doc).timeout(Duration.ofSeconds(30)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(doc + " answered " + answer.statusCode());
            }
            return answer.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot read the OpenAPI document at " + doc, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the OpenAPI document at " + doc, e);
        }
    }

    private static List<ValidationReport.Message> errors(ValidationReport report) {
        return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR).toList();
    }

    private static String describe(ValidationReport.Message m) {
        String text = "  [" + m.getKey() + "] " + m.getMessage();
        List<String> more = new ArrayList<>(m.getAdditionalInfo());
        m.getNestedMessages().forEach(n -> more.add(n.getMessage()));
        return more.isEmpty() ? text : text + " (" + String.join("; ", more) + ")";
    }

    private static String abbreviate(String body) {
        return body == null || body.length() <= 2000 ? body : body.substring(0, 2000) + "…";
    }
}
