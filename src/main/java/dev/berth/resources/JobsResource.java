package dev.berth.resources;

import dev.berth.api.JobList;
import dev.berth.api.JobManifest;
import dev.berth.api.JobView;
import dev.berth.core.CapturedLog;
import dev.berth.core.Job;
import dev.berth.core.JobRecord;
import dev.berth.core.JobEvent;
import dev.berth.core.SensitiveValues;
import dev.berth.db.JobStore;
import dev.berth.jobs.JobService;
import dev.berth.jobs.LiveLogs;
import jakarta.ws.rs.BadRequestException;
import dev.berth.core.LogText;
import dev.berth.jobs.JobControl;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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

@Path("/api/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {
    private final JobService jobs;
    private final JobStore store;
    private final LiveLogs liveLogs;
    private final JobControl control;
    private final LogFollowers followers;

    public JobsResource(JobService jobs, JobControl control, JobStore store, LiveLogs liveLogs,
                        LogFollowers followers) {
        this.jobs = jobs;
        this.control = control;
        this.store = store;
        this.liveLogs = liveLogs;
        this.followers = followers;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, YamlBodyReader.APPLICATION_YAML, YamlBodyReader.TEXT_YAML,
            YamlBodyReader.APPLICATION_X_YAML})
    public Response submit(JobManifest manifest, @Context UriInfo uri) {
        if (manifest == null) {
            throw new BadRequestException("the request body must be a job manifest");
        }
        JobService.Submitted submitted = jobs.submit(manifest);
        JobView view = view(submitted.job());
        if (!submitted.created()) {
            return Response.ok(view).build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(view.id()).build()).entity(view).build();
    }

    @GET
    public JobList list(@QueryParam("phase") String phase, @QueryParam("label") List<String> labels,
                        @QueryParam("limit") String limit, @QueryParam("after") String after) {
        var page = store.page(ListParams.query(phase, labels, limit, after));
        return new JobList(page.items().stream().map(JobsResource::view).toList(), page.next());
    }

    @GET
    @Path("{id}")
    public JobView get(@PathParam("id") String id) {
        return view(store.findRecord(id).orElseThrow(() -> noJob(id)));
    }

    @GET
    @Path("{id}/events")
    public EventList events(@PathParam("id") String id) {
        SensitiveValues secrets = SensitiveValues.of(find(id).spec());
        return new EventList(store.events(id).stream()
                .map(e -> new JobEvent(e.at(), e.type(), e.phase(), e.reason(), secrets.mask(e.message()), e.attempt()))
                .toList());
    }

    /**
     * Captured output once the job finished; while it runs, what the engine has so far, or with
     * {@code follow=true} a chunked stream of it until the job's attempt ends. {@code tail=N}: the
     * last N lines.
     */
    @GET
    @Path("{id}/logs")
    @Produces(MediaType.TEXT_PLAIN + "; charset=utf-8")
    public Response logs(@PathParam("id") String id, @QueryParam("follow") String follow,
                         @QueryParam("tail") String tail) {
        Job job = find(id);
        Integer lines = ListParams.tail(tail);
        if (ListParams.flag("follow", follow)) {
            return Response.ok(followers.follow(id, lines)).build();
        }
        String text = store.logs(id).map(CapturedLog::text).orElseGet(() -> liveLogs.read(job));
        return Response.ok(SensitiveValues.of(job.spec()).mask(LogText.tail(text, lines))).build();
    }

    @POST
    @Path("{id}/cancel")
    public JobView cancel(@PathParam("id") String id) {
        control.cancel(id).orElseThrow(() -> noJob(id));
        return get(id);
    }

    /** Removes a finished job, its events and logs; a live job must be cancelled first (409). */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        if (!control.delete(id)) {
            throw noJob(id);
        }
        return Response.noContent().build();
    }

    public record EventList(List<JobEvent> items) { }

    private Job find(String id) {
        return store.find(id).orElseThrow(() -> noJob(id));
    }

    private static NotFoundException noJob(String id) {
        return new NotFoundException("no job with id " + id);
    }

    private static JobView view(JobRecord record) {
        return JobView.of(record.job(), record.resolved());
    }
}
