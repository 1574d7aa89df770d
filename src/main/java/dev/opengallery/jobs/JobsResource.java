package dev.opengallery.jobs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import dev.opengallery.core.Roles;
import io.smallrye.mutiny.Uni;

/**
 * The one way operators see and run jobs: every job by name, with its schedule and its last run (on any replica),
 * and a run now. Each job's own operation ({@code POST /api/operator/jobs/<name>/run}, its parameters and answer) is
 * documented from its {@link JobDoc}.
 */
@Path("/api/operator/jobs")
@RolesAllowed(Roles.OPERATOR)
@Tag(name = "Operator: jobs")
public class JobsResource {

    @Inject
    JobRuns jobs;

    @GET
    @Operation(operationId = "listJobs", summary = "Every job", description = "Every job an operator can run, by "
            + "name, with its schedule (absent when it runs only on demand or its schedule is off) and its last run "
            + "on any replica, scheduled or on demand: when it started, whether it succeeded, the rows it moved. "
            + "Not paged: the jobs are a short fixed list, one per time rule.")
    public Uni<List<JobStatus>> list() {
        return jobs.list();
    }

    @GET
    @Path("/{name}")
    @Operation(operationId = "getJob", summary = "One job, with its last run",
            description = "The job's schedule and its last run on any replica, scheduled or on demand.")
    public Uni<JobStatus> get(@RestPath @Parameter(example = "unpaid-orders") String name) {
        return jobs.find(name);
    }

    @POST
    @Path("/{name}/run")
    @RolesAllowed({ Roles.OPERATOR, Roles.SCHEDULER })
    @Operation(operationId = "runJob", summary = "Run a job now", description = "Runs the job once, now, as its "
            + "schedule would (each job's own operation below documents its parameters and answer), and records the "
            + "run as its last. Safe while the scheduler or another replica runs it. Operators, and the `scheduler` "
            + "client that triggers the time rules from outside when the service scales to zero "
            + "(opengallery.jobs.trigger=external).")
    public Uni<JobRun> run(@RestPath @Parameter(example = "unpaid-orders") String name, UriInfo uri) {
        Map<String, String> params = new HashMap<>();
        uri.getQueryParameters().forEach((k, v) -> params.put(k, v.isEmpty() ? "" : v.get(0)));
        return jobs.run(name, new JobRequest(params));
    }
}
