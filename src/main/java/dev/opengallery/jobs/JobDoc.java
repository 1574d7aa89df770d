package dev.opengallery.jobs;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The operator documentation of a {@link Job}, on its class: {@link JobDocsFilter} turns it into the job's own
 * operation in the OpenAPI document, {@code POST /api/operator/jobs/<name>/run}, beside the generic
 * {@code /api/operator/jobs/{name}/run} that serves it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface JobDoc {

    /** The job's name, as {@link Job#name()} answers it. */
    String name();

    String operationId();

    String summary();

    String description();

    /** The query parameters the job reads from its {@link JobRequest}. */
    Param[] params() default {};

    /**
     * A record whose components (with their {@code @Schema} descriptions and examples) are the fields the job adds
     * to its {@link JobRun} ({@link JobRun#details()}); {@code JobRun} itself when it adds none.
     */
    Class<?> answer() default JobRun.class;

    @Retention(RetentionPolicy.RUNTIME)
    @Target({})
    @interface Param {
        String name();

        String description();

        String example() default "";

        /** An OpenAPI type: {@code string} or {@code integer}. */
        String type() default "string";
    }
}
