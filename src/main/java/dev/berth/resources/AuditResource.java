package dev.berth.resources;

import dev.berth.db.AuditLog;
import dev.berth.db.AuditRow;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

import static dev.berth.resources.Roles.ADMIN;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** The audit trail, newest first, {@code limit} at a time; {@code after} is the {@code next} of the page before. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
    private final AuditLog audit;

    public AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    public record Entry(long id, Instant at, String actor, String action, String target, String remoteAddress,
                        int outcome) {
        static Entry of(AuditRow row) {
            return new Entry(row.id(), Instant.ofEpochMilli(row.at()), row.actor(), row.action(), row.target(),
                    row.remoteAddress(), row.outcome());
        }
    }

    public record Page(List<Entry> items, String next) { }

    @GET
    @RolesAllowed(ADMIN)
    @ApiResponse(responseCode = "200", description = "OK: the audit trail, newest first")
    @ApiResponse(responseCode = "400", description = "Bad Request: a parameter or the body is malformed")
    public Page list(@QueryParam("limit") String limit, @QueryParam("after") String after) {
        AuditLog.Page page = audit.page(after(after), ListParams.limit(limit));
        return new Page(page.items().stream().map(Entry::of).toList(),
                page.next() == null ? null : Long.toString(page.next()));
    }

    private static Long after(String after) {
        if (after == null) {
            return null;
        }
        try {
            return Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw new BadRequestException("after must be an entry id, as given in a page's next (got \"" + after
                    + "\")");
        }
    }
}
