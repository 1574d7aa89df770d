package dev.opengallery.core;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.pgclient.PgException;
import jakarta.persistence.OptimisticLockException;

/**
 * Turns every failure into an {@code application/problem+json} answer. Bad input is 400, unknown ids 404,
 * state and version conflicts 409, rule refusals 422; nothing a client sends produces a 500, and no stack
 * trace ever leaves the service. An outage of the database or the identity provider is 503 with Retry-After
 * ({@link Outages}).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    Outages outages;

    static RestResponse<Problem> respond(Problem problem) {
        return RestResponse.ResponseBuilder.<Problem> create(problem.status()).entity(problem)
                .header(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).build();
    }

    static Problem simple(int status, String slug, String title, String detail) {
        return new Problem(Problem.TYPE_BASE + slug, title, status, detail, null, null);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> problem(ProblemException e) {
        if (e.retryAfterSeconds() != null) {
            return RestResponse.ResponseBuilder.<Problem> create(e.status()).entity(e.toProblem())
                    .header(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds())).build();
        }
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> violation(ResteasyReactiveViolationException e) {
        return constraintViolation(e);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> constraintViolation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldName(v.getPropertyPath().toString()), v.getMessage()));
        }
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        return respond(ProblemException.invalid(errors).toProblem());
    }

    /** "create.request.specifications[0].name" becomes "specifications[0].name". */
    static String fieldName(String path) {
        String[] parts = path.split("\\.", 3);
        if (parts.length == 3) {
            return parts[2];
        }
        return parts.length == 2 ? parts[1] : path;
    }

    @ServerExceptionMapper({ InvalidFormatException.class, MismatchedInputException.class })
    public RestResponse<Problem> badJsonValue(JsonMappingException e) {
        String field = jsonPath(e);
        String message = e instanceof InvalidFormatException ife && ife.getTargetType() != null
                && ife.getTargetType().isEnum()
                        ? "must be one of " + java.util.Arrays.toString(ife.getTargetType().getEnumConstants())
                        : "has the wrong type or format";
        if (field.isEmpty()) {
            return respond(ProblemException.badRequest("The request body does not have the expected shape").toProblem());
        }
        return respond(ProblemException.invalid(field, message).toProblem());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> badJson(JsonProcessingException e) {
        if (e instanceof JsonMappingException jme && !(jme.getCause() instanceof JsonProcessingException)
                && !jsonPath(jme).isEmpty()) {
            return respond(ProblemException.invalid(jsonPath(jme), "is invalid").toProblem());
        }
        return respond(ProblemException.badRequest("The request body is not valid JSON").toProblem());
    }

    static String jsonPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public RestResponse<Problem> unauthorized(RuntimeException e) {
        Outages.Dependency down = Outages.classify(e);
        if (down != null) {
            return outage(down, e);
        }
        Problem p = simple(401, "unauthorized", "Authentication required",
                "Send a valid bearer token from the identity provider");
        return RestResponse.ResponseBuilder.<Problem> create(401).entity(p).header(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(ForbiddenException e) {
        return respond(simple(403, "forbidden", "Not allowed for your role",
                "Your token does not carry a role that may call this operation"));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> web(WebApplicationException e) {
        Response r = e.getResponse();
        int status = r == null ? 500 : r.getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase()
                : "Error";
        String detail = switch (status) {
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "The requested media type is not available";
            case 415 -> "Send the body as application/json";
            case 400 -> "The request could not be read: check that the body is valid JSON of the expected shape";
            default -> e.getMessage();
        };
        return respond(simple(status, "http-" + status, title, detail));
    }

    @ServerExceptionMapper({ OptimisticLockException.class, StaleStateException.class })
    public RestResponse<Problem> optimisticLock(RuntimeException e) {
        return respond(ProblemException.staleVersion("The object").toProblem());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> postgres(PgException e) {
        String state = e.getSqlState() == null ? "" : e.getSqlState();
        if (state.equals("23505")) {
            return respond(ProblemException.conflict("It already exists").toProblem());
        }
        if (state.equals("40001") || state.equals("40P01") || state.equals("55P03")) {
            return respond(ProblemException.conflict("A concurrent change got there first; retry").toProblem());
        }
        if (state.startsWith("22") || state.equals("23514") || state.equals("23502")) {
            return respond(ProblemException.badRequest("A value is out of range or malformed").toProblem());
        }
        if (state.equals("23503")) {
            return respond(ProblemException.unprocessable("It refers to something that does not exist").toProblem());
        }
        return unexpected(e);
    }

    /** A dependency is down: 503 with Retry-After, logged once per outage (see {@link Outages}). */
    RestResponse<Problem> outage(Outages.Dependency dependency, Throwable e) {
        Outages.Progress progress = dependency == Outages.Dependency.DATABASE ? Outages.progress() : null;
        boolean done = progress != null && progress.committed();
        outages.failed(dependency, e, done);
        if (dependency == Outages.Dependency.IDENTITY_PROVIDER) {
            return unavailable("unavailable", "Service unavailable", "The identity provider cannot be reached to "
                    + "verify your token; retry in a few seconds");
        }
        if (done) {
            return unavailable("outcome-unknown", "Outcome unknown", "Your request was carried out, but the database "
                    + "connection failed before its answer could be read; " + (progress.keyed()
                            ? "retry with the same Idempotency-Key to get it"
                            : "do not repeat it: look it up when the service answers again"));
        }
        return unavailable("unavailable", "Service unavailable", progress == null
                ? "The database cannot be reached; retry in a few seconds"
                : "The database cannot be reached; nothing was done. Retry in a few seconds"
                        + (progress.keyed() ? " (the same Idempotency-Key is safe)" : ""));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> outcomeUnknown(Outages.OutcomeUnknown e) {
        outages.failed(Outages.Dependency.DATABASE, e, true);
        return unavailable("outcome-unknown", "Outcome unknown", "The database connection failed while your request "
                + "was being committed, so it may or may not have been carried out. " + (e.keyed
                        ? "Retry with the same Idempotency-Key: if it was carried out the answer is replayed, "
                                + "otherwise it is carried out now"
                        : "Look before repeating it (with an Idempotency-Key a retry is always safe)"));
    }

    static RestResponse<Problem> unavailable(String slug, String title, String detail) {
        return RestResponse.ResponseBuilder.<Problem> create(503).entity(simple(503, slug, title, detail))
                .header(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Outages.RETRY_AFTER_SECONDS)).build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof CompletionException || cause.getClass().getName().endsWith("CompositeException"))
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause != e) {
            if (cause instanceof ProblemException pe) {
                return problem(pe);
            }
            if (cause instanceof PgException pg) {
                return postgres(pg);
            }
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return optimisticLock((RuntimeException) cause);
            }
            if (cause instanceof WebApplicationException wae) {
                return web(wae);
            }
            if (cause instanceof Outages.OutcomeUnknown ou) {
                return outcomeUnknown(ou);
            }
        }
        Outages.Dependency down = Outages.classify(e);
        if (down != null) {
            return outage(down, e);
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s", errorId);
        return respond(simple(500, "internal", "Internal error",
                "An unexpected error occurred; quote error id " + errorId + " to the operators"));
    }
}
