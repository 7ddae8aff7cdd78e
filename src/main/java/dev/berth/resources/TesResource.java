package dev.berth.resources;

import static dev.berth.resources.Roles.SUBMITTER;
import static dev.berth.resources.Roles.VIEWER;

import dev.berth.core.Caller;
import dev.berth.core.JobIds;
import dev.berth.db.TesTaskQuery;
import dev.berth.jobs.SubmissionGate;
import dev.berth.tes.TesCreated;
import dev.berth.tes.TesService;
import dev.berth.tes.TesServiceInfo;
import dev.berth.tes.TesState;
import dev.berth.tes.TesTask;
import dev.berth.tes.TesTaskList;
import dev.berth.tes.TesView;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The GA4GH Task Execution Service, v1.1, on Berth's jobs (see docs/tes.md). Names, codes and
 * shapes are the schema's: snake_case, 200 on create, {@code POST /tasks/{id}:cancel}. Callers and
 * roles are those of the rest of the API; a submitter sees its own tasks only.
 */
@Path(TesResource.BASE)
@Produces(MediaType.APPLICATION_JSON)
public class TesResource {
    public static final String BASE = "/ga4gh/tes/v1";
    /** TES: page_size must be less than 2048, and defaults to 256. */
    static final int MAX_PAGE_SIZE = 2047;
    static final int DEFAULT_PAGE_SIZE = 256;

    private final TesService tes;
    private final SubmissionGate gate;
    private final Function<UriInfo, TesServiceInfo> serviceInfo;

    /** {@code serviceInfo}: what /service-info says, given the address the request came to. */
    public TesResource(TesService tes, SubmissionGate gate, Function<UriInfo, TesServiceInfo> serviceInfo) {
        this.tes = tes;
        this.gate = gate;
        this.serviceInfo = serviceInfo;
    }

    @GET
    @Path("service-info")
    @RolesAllowed({VIEWER, SUBMITTER})
    public TesServiceInfo serviceInfo(@Context UriInfo uri) {
        return serviceInfo.apply(uri);
    }

    @POST
    @Path("tasks")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(SUBMITTER)
    public TesCreated create(@Auth Caller caller, TesTask task) {
        if (task == null) {
            throw new BadRequestException("the request body must be a TES task");
        }
        gate.admit(caller.name());
        return new TesCreated(tes.create(task, caller));
    }

    @GET
    @Path("tasks/{id}")
    @RolesAllowed({VIEWER, SUBMITTER})
    public TesTask get(@Auth Caller caller, @PathParam("id") String id, @QueryParam("view") String view) {
        return tes.find(id, view(view), caller).orElseThrow(() -> noTask(id));
    }

    /** Newest first; a submitter's own tasks only. */
    @GET
    @Path("tasks")
    @RolesAllowed({VIEWER, SUBMITTER})
    public TesTaskList list(@Auth Caller caller, @QueryParam("name_prefix") String namePrefix,
                            @QueryParam("state") String state, @QueryParam("tag_key") List<String> tagKeys,
                            @QueryParam("tag_value") List<String> tagValues,
                            @QueryParam("page_size") String pageSize, @QueryParam("page_token") String pageToken,
                            @QueryParam("view") String view) {
        if (pageToken != null && !pageToken.isEmpty() && !JobIds.isWellFormed(pageToken)) {
            throw new BadRequestException("page_token is not one this server gave (use next_page_token)");
        }
        String after = pageToken == null || pageToken.isEmpty() ? null : pageToken;
        var query = new TesTaskQuery(namePrefix == null || namePrefix.isEmpty() ? null : namePrefix,
                tags(tagKeys, tagValues), caller.seesEveryJob() ? null : caller.name(), after, pageSize(pageSize));
        return tes.list(query, state(state), view(view));
    }

    /** 200 with {} once the task is asked to stop (or had ended already). */
    @POST
    @Path("tasks/{id}:cancel")
    @RolesAllowed(SUBMITTER)
    public Map<String, Object> cancel(@Auth Caller caller, @PathParam("id") String id) {
        if (!tes.cancel(id, caller)) {
            throw noTask(id);
        }
        return Map.of();
    }

    private static TesView view(String view) {
        return view == null || view.isEmpty() ? TesView.MINIMAL : oneOf(TesView.class, "view", view);
    }

    private static TesState state(String state) {
        return state == null || state.isEmpty() ? null : oneOf(TesState.class, "state", state);
    }

    /** The value spelled exactly as one of the enum's names, or a 400 listing them. */
    private static <E extends Enum<E>> E oneOf(Class<E> names, String parameter, String value) {
        try {
            return Enum.valueOf(names, value);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(parameter + " must be one of "
                    + Arrays.toString(names.getEnumConstants()) + " (got " + value + ")");
        }
    }

    private static int pageSize(String pageSize) {
        if (pageSize == null || pageSize.isEmpty()) {
            return DEFAULT_PAGE_SIZE;
        }
        try {
            int size = Integer.parseInt(pageSize);
            if (size >= 1 && size <= MAX_PAGE_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new BadRequestException("page_size must be a whole number from 1 to " + MAX_PAGE_SIZE + " (got "
                + pageSize + ")");
    }

    /** tag_key and tag_value zipped, as TES says: a key without its value matches any value. */
    private static Map<String, String> tags(List<String> keys, List<String> values) {
        if (values.size() > keys.size()) {
            throw new BadRequestException("tag_value given " + values.size() + " times but tag_key only "
                    + keys.size() + ": each value belongs to the tag_key at its place");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            if (key == null || key.isEmpty()) {
                throw new BadRequestException("tag_key must not be empty");
            }
            if (tags.put(key, i < values.size() && values.get(i) != null ? values.get(i) : "") != null) {
                throw new BadRequestException("tag_key " + key + " is given twice");
            }
        }
        return tags;
    }

    private static NotFoundException noTask(String id) {
        return new NotFoundException("no task with id " + id);
    }
}
