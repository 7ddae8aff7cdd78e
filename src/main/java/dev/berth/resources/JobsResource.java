package dev.berth.resources;

import dev.berth.api.JobList;
import dev.berth.api.JobManifest;
import dev.berth.api.JobView;
import dev.berth.api.QueueChange;
import dev.berth.core.Caller;
import dev.berth.core.Job;
import dev.berth.core.StepSpec;
import dev.berth.core.JobRecord;
import dev.berth.core.JobEvent;
import dev.berth.core.Reason;
import dev.berth.core.StreamName;
import dev.berth.db.JobStore;
import dev.berth.jobs.JobService;
import dev.berth.jobs.JobLogs;
import jakarta.ws.rs.BadRequestException;
import dev.berth.jobs.JobControl;
import dev.berth.jobs.SubmissionGate;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

import static dev.berth.resources.Roles.ADMIN;
import static dev.berth.resources.Roles.SUBMITTER;
import static dev.berth.resources.Roles.VIEWER;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Parameter;

@Path("/api/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {
    private final JobService jobs;
    private final JobStore store;
    private final JobLogs logs;
    private final JobControl control;
    private final LogFollowers followers;
    private final SubmissionGate gate;

    public JobsResource(JobService jobs, JobControl control, JobStore store, JobLogs logs,
                        LogFollowers followers, SubmissionGate gate) {
        this.gate = gate;
        this.jobs = jobs;
        this.control = control;
        this.store = store;
        this.logs = logs;
        this.followers = followers;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, YamlBodyReader.APPLICATION_YAML, YamlBodyReader.TEXT_YAML,
            YamlBodyReader.APPLICATION_X_YAML})
    @RolesAllowed(SUBMITTER)
    @ApiResponse(responseCode = "201", description = "Created: submit a job manifest")
    @ApiResponse(responseCode = "200", description = "OK: a job of this name and the same spec existed: it is the answer")
    @ApiResponse(responseCode = "400", description = "Bad Request: a parameter or the body is malformed")
    @ApiResponse(responseCode = "409", description = "Conflict")
    @ApiResponse(responseCode = "413", description = "Payload Too Large: over api.maxBodySize")
    @ApiResponse(responseCode = "415", description = "Unsupported Media Type")
    @ApiResponse(responseCode = "422", description = "Unprocessable: the body breaks a rule; every problem is listed")
    @ApiResponse(responseCode = "429", description = "Too Many Requests: see Retry-After")
    public Response submit(@Parameter(hidden = true) @Auth Caller caller, JobManifest manifest, @Context UriInfo uri) {
        if (manifest == null) {
            throw new BadRequestException("the request body must be a job manifest");
        }
        gate.admit(caller.name());
        JobService.Submitted submitted = jobs.submit(manifest, caller.name());
        JobView view = view(submitted.job());
        if (!submitted.created()) {
            return Response.ok(view).build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(view.id()).build()).entity(view).build();
    }

    /** Newest first; a submitter's own jobs only, anyone's {@code owner=NAME} for the other roles. */
    @GET
    @RolesAllowed({VIEWER, SUBMITTER})
    @ApiResponse(responseCode = "200", description = "OK: list jobs, newest first (a submitter's own)")
    @ApiResponse(responseCode = "400", description = "Bad Request: a parameter or the body is malformed")
    @ApiResponse(responseCode = "403", description = "Forbidden")
    public JobList list(@Parameter(hidden = true) @Auth Caller caller, @QueryParam("phase") String phase,
                        @QueryParam("label") List<String> labels, @QueryParam("owner") String owner,
                        @QueryParam("queue") String queue, @QueryParam("limit") String limit,
                        @QueryParam("after") String after) {
        if (!caller.seesEveryJob() && owner != null && !owner.equals(caller.name())) {
            throw new ForbiddenException("a submitter lists its own jobs only: leave out owner, or give "
                    + caller.name());
        }
        String ownedBy = caller.seesEveryJob() ? owner : caller.name();
        var page = store.page(ListParams.query(phase, labels, limit, after, ownedBy, queue));
        return new JobList(page.items().stream().map(JobsResource::view).toList(), page.next());
    }

    /** The job with every attempt and its steps. */
    @GET
    @Path("{id}")
    @RolesAllowed({VIEWER, SUBMITTER})
    @ApiResponse(responseCode = "200", description = "OK: one job")
    @ApiResponse(responseCode = "404", description = "Not Found")
    public JobView get(@Parameter(hidden = true) @Auth Caller caller, @PathParam("id") String id) {
        JobRecord record = store.findRecord(id).filter(r -> caller.mayTouch(r.job().owner()))
                .orElseThrow(() -> noJob(id));
        Long position = record.job().status().reason() == Reason.Queued
                ? store.queuePosition(record.job()).orElse(null) : null;
        return JobView.of(record.job(), record.resolved(), store.attempts(id), position);
    }

    @GET
    @Path("{id}/events")
    @RolesAllowed({VIEWER, SUBMITTER})
    @ApiResponse(responseCode = "200", description = "OK: its history")
    @ApiResponse(responseCode = "404", description = "Not Found")
    public EventList events(@Parameter(hidden = true) @Auth Caller caller, @PathParam("id") String id) {
        find(caller, id);
        return new EventList(store.events(id));
    }

    /**
     * The output of an attempt (the latest unless {@code attempt=N}), all its steps in order, each
     * stdout then stderr: captured when a step ended, from the engine for the step still running.
     * {@code step=NAME} and {@code stream=stdout|stderr} narrow it, {@code tail=N} keeps the last N
     * lines; {@code follow=true} streams the running attempt until it ends (with {@code step}, that
     * step until it ends).
     */
    @GET
    @Path("{id}/logs")
    @Produces(MediaType.TEXT_PLAIN + "; charset=utf-8")
    @RolesAllowed({VIEWER, SUBMITTER})
    @ApiResponse(responseCode = "200", description = "OK: its stdout and stderr")
    @ApiResponse(responseCode = "400", description = "Bad Request: a parameter or the body is malformed")
    @ApiResponse(responseCode = "404", description = "Not Found")
    @ApiResponse(responseCode = "503", description = "Service Unavailable: the engine or the database cannot be reached")
    public Response logs(@Parameter(hidden = true) @Auth Caller caller, @PathParam("id") String id, @QueryParam("follow") String follow,
                         @QueryParam("tail") String tail, @QueryParam("attempt") String attempt,
                         @QueryParam("step") String step, @QueryParam("stream") String stream) {
        Job job = find(caller, id);
        Integer lines = ListParams.tail(tail);
        Integer number = ListParams.attempt(attempt);
        StreamName which = ListParams.stream(stream);
        if (ListParams.flag("follow", follow)) {
            if (number != null || which != null) {
                throw new BadRequestException("follow=true streams the running attempt, both streams as written:"
                        + " attempt and stream are for captured output");
            }
            return Response.ok(followers.follow(id, lines, step == null ? null : stepIndex(job, step))).build();
        }
        return Response.ok(LogsView.text(id, attemptLog(job, number), step, which, lines)).build();
    }

    /** The index of the job's step named {@code name}; 404 naming its steps when it has none of that name. */
    private static int stepIndex(Job job, String name) {
        List<String> names = job.spec().stepSpecs().stream().map(StepSpec::name).toList();
        if (!names.contains(name)) {
            throw new NotFoundException("job " + job.id() + " has no step named " + name + " (its steps: " + names + ")");
        }
        return names.indexOf(name);
    }

    /** The same output with {@code Accept: application/json}: each step's streams apart. */
    @GET
    @Path("{id}/logs")
    @Produces(MediaType.APPLICATION_JSON + ";qs=0.5")
    @RolesAllowed({VIEWER, SUBMITTER})
    @ApiResponse(responseCode = "200", description = "OK: its stdout and stderr")
    @ApiResponse(responseCode = "400", description = "Bad Request: a parameter or the body is malformed")
    @ApiResponse(responseCode = "404", description = "Not Found")
    @ApiResponse(responseCode = "503", description = "Service Unavailable: the engine or the database cannot be reached")
    public LogsView.AttemptLogs logsAsJson(@Parameter(hidden = true) @Auth Caller caller, @PathParam("id") String id,
                                          @QueryParam("follow") String follow,
                                          @QueryParam("tail") String tail, @QueryParam("attempt") String attempt,
                                          @QueryParam("step") String step, @QueryParam("stream") String stream) {
        Job job = find(caller, id);
        if (ListParams.flag("follow", follow)) {
            throw new BadRequestException("follow=true streams text/plain; ask for JSON without follow");
        }
        return LogsView.json(id, attemptLog(job, ListParams.attempt(attempt)), step, ListParams.stream(stream),
                ListParams.tail(tail));
    }

    private JobLogs.AttemptLog attemptLog(Job job, Integer number) {
        if (number == null && job.status().attempts() == 0) {
            return new JobLogs.AttemptLog(0, List.of()); // never launched: no output yet
        }
        int wanted = number != null ? number : job.status().attempts();
        return logs.of(job, number).orElseThrow(() -> new NotFoundException("job " + job.id() + " has no attempt "
                + wanted + " (it has " + job.status().attempts() + ")"));
    }

    /** Moves a job that waits to launch to another queue or priority: {"queue": ..., "priority": ...}. */
    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed(ADMIN)
    @ApiResponse(responseCode = "200", description = "OK: move a job that waits to launch to another queue or priority")
    @ApiResponse(responseCode = "400", description = "Bad Request: a parameter or the body is malformed")
    @ApiResponse(responseCode = "404", description = "Not Found")
    @ApiResponse(responseCode = "409", description = "Conflict")
    @ApiResponse(responseCode = "415", description = "Unsupported Media Type")
    @ApiResponse(responseCode = "422", description = "Unprocessable: the body breaks a rule; every problem is listed")
    public JobView requeue(@Parameter(hidden = true) @Auth Caller caller, @PathParam("id") String id, QueueChange change) {
        control.requeue(id, spec -> jobs.requeued(spec, change)).orElseThrow(() -> noJob(id));
        return get(caller, id);
    }

    /** A submitter cancels its own jobs; someone else's is a 404, as if it did not exist. */
    @POST
    @Path("{id}/cancel")
    @RolesAllowed(SUBMITTER)
    @ApiResponse(responseCode = "200", description = "OK: cancel a live job")
    @ApiResponse(responseCode = "404", description = "Not Found")
    @ApiResponse(responseCode = "409", description = "Conflict")
    public JobView cancel(@Parameter(hidden = true) @Auth Caller caller, @PathParam("id") String id) {
        if (!caller.seesEveryJob()) {
            find(caller, id); // only a submitter's cancel needs the owner read first
        }
        control.cancel(id, caller.name()).orElseThrow(() -> noJob(id));
        return get(caller, id);
    }

    /** Removes a finished job, its events and logs; a live job must be cancelled first (409). */
    @DELETE
    @Path("{id}")
    @RolesAllowed(ADMIN)
    @ApiResponse(responseCode = "204", description = "No Content: delete a finished job")
    @ApiResponse(responseCode = "404", description = "Not Found")
    @ApiResponse(responseCode = "409", description = "Conflict")
    public Response delete(@PathParam("id") String id) {
        if (!control.delete(id)) {
            throw noJob(id);
        }
        return Response.noContent().build();
    }

    public record EventList(List<JobEvent> items) { }

    /** The job, if the caller may see it: someone else's is as missing to a submitter as a job never stored. */
    private Job find(Caller caller, String id) {
        return store.find(id).filter(job -> caller.mayTouch(job.owner())).orElseThrow(() -> noJob(id));
    }

    private static NotFoundException noJob(String id) {
        return new NotFoundException("no job with id " + id);
    }

    private static JobView view(JobRecord record) {
        return JobView.of(record.job(), record.resolved());
    }
}
