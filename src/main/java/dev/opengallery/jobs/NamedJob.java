package dev.opengallery.jobs;

import java.util.Optional;

/**
 * A {@link Job} with a fixed name whose schedule is read from the property its {@code @Scheduled(every = ...)}
 * expression reads: subclasses give only their run.
 */
public abstract class NamedJob implements Job {

    private final String name;
    private final String scheduleProperty;
    private final String scheduleFallback;

    /**
     * @param scheduleProperty the property of the job's {@code @Scheduled(every = "${property:fallback}")}
     * @param scheduleFallback its fallback in that expression
     */
    protected NamedJob(String name, String scheduleProperty, String scheduleFallback) {
        this.name = name;
        this.scheduleProperty = scheduleProperty;
        this.scheduleFallback = scheduleFallback;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public Optional<String> schedule() {
        return Job.every(scheduleProperty, scheduleFallback);
    }
}
