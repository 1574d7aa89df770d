package dev.opengallery.jobs;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * Marks the method that performs one run of a job (the one its schedule and its operator endpoint both call): each
 * run is timed in {@code opengallery_job_runs_seconds{job_name, outcome}} (see {@link JobRunTimer}).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface TimedJob {

    /** The job's name, as its operator endpoint spells it ({@code /api/operator/jobs/{name}/run}). */
    @Nonbinding
    String value();
}
