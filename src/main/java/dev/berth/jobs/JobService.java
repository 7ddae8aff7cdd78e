package dev.berth.jobs;

import dev.berth.api.InvalidRequestException;
import dev.berth.api.JobManifest;
import dev.berth.command.ResolutionException;
import dev.berth.api.ManifestValidator;
import dev.berth.api.QueueChange;
import dev.berth.api.SitePolicyRules;
import dev.berth.core.Job;
import dev.berth.core.JobRecord;
import dev.berth.core.JobEvent;
import dev.berth.core.JobIds;
import dev.berth.core.JobSpec;
import dev.berth.core.JobStatus;
import dev.berth.core.Phase;
import dev.berth.core.Reason;
import dev.berth.core.Secrets;
import dev.berth.db.JobStore;
import dev.berth.db.NameTakenException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Accepts manifests: validates them, applies the idempotent-name rule, stores them and wakes the loop. */
public class JobService {
    private final JobStore store;
    private final ManifestValidator validator;
    private final SpecResolver resolver;
    private final JobIds ids;
    private final Clock clock;
    private final Runnable wakeReconciler;
    private final SitePolicyRules policy;

    public JobService(JobStore store, ManifestValidator validator, SpecResolver resolver, JobIds ids, Clock clock,
                      Runnable wakeReconciler, SitePolicyRules policy) {
        this.policy = policy;
        this.store = store;
        this.validator = validator;
        this.resolver = resolver;
        this.ids = ids;
        this.clock = clock;
        this.wakeReconciler = wakeReconciler;
    }

    /** The spec moved to another queue or priority, as a manifest's queue and priority are checked. */
    public JobSpec requeued(JobSpec spec, QueueChange change) {
        return validator.requeued(spec, change);
    }

    /** The stored job, and whether this call created it (false: the same named job already existed). */
    public record Submitted(JobRecord job, boolean created) { }

    /** {@code owner}: the submitting token's name, kept with the job (null: none). */
    public Submitted submit(JobManifest manifest, String owner) {
        return submit(manifest, owner, JobStore.Alongside.NOTHING);
    }

    /** The same, and a new job is stored with the rows of {@code alongside} in its transaction. */
    public Submitted submit(JobManifest manifest, String owner, JobStore.Alongside alongside) {
        // The sensitive values are taken out of the spec here, before anything is stored or shown.
        Secrets.Split split = Secrets.split(pinned(validator.toSpec(manifest)));
        JobSpec spec = split.shown();
        Map<String, String> labels = manifest.labels() == null ? Map.of() : manifest.labels();
        Optional<Submitted> existing = sameNamed(manifest.name(), split, labels, owner);
        if (existing.isPresent()) {
            return existing.get();
        }
        var now = clock.instant();
        Job job = new Job(ids.next(), manifest.name(), labels, 1, spec, split.secrets(), JobStatus.submitted(now),
                null, 0, owner);
        try {
            store.create(job, new JobEvent(now, JobEvent.EventType.Normal, Phase.Pending, Reason.Submitted,
                    owner == null ? "accepted" : "accepted from " + owner, 1), alongside);
        } catch (NameTakenException raced) {
            // Another request stored the same name between our look and our insert: judge against it.
            return sameNamed(manifest.name(), split, labels, owner).orElseThrow(() -> raced);
        }
        wakeReconciler.run();
        return new Submitted(store.findRecord(job.id()).orElseThrow(), true);
    }

    /**
     * Resolves a job once now, so that a missing or bad value of a command is a 422 naming the input
     * rather than a failed job later, and a rule of the site's policy is a 422 naming the rule; a job
     * from a command is pinned to the version it resolved against.
     */
    private JobSpec pinned(JobSpec spec) {
        SpecResolver.Resolution resolution;
        try {
            resolution = resolver.resolve(spec);
        } catch (ResolutionException e) {
            throw new InvalidRequestException(e.problems().stream().map(p -> "fromCommand: " + p).toList());
        }
        // The site's policy judges what would run: for a command, what it resolves to now.
        List<String> refused = policy.problems(spec.stepNames(), resolution.steps());
        if (!refused.isEmpty()) {
            throw new InvalidRequestException(refused);
        }
        if (spec.fromCommand() == null) {
            return spec;
        }
        return spec.withFromCommand(spec.fromCommand().withResolution(resolution.version(), resolution.sensitive()));
    }

    /** A job of that name is the same job only when all of it, its owner included, is the same. */
    private Optional<Submitted> sameNamed(String name, Secrets.Split split, Map<String, String> labels,
                                          String owner) {
        if (name == null) {
            return Optional.empty();
        }
        return store.findByName(name).map(found -> {
            Job job = found.job();
            // Its queue and priority may have been moved since (PATCH): still the same job.
            JobSpec asSubmitted = split.shown().withQueue(job.spec().queue(), job.spec().priority());
            if (!Objects.equals(job.owner(), owner) || !job.spec().equals(asSubmitted)
                    || !job.secrets().equals(split.secrets())
                    || !job.labels().equals(Map.copyOf(labels))) {
                throw new NameConflictException(name);
            }
            return new Submitted(found, false);
        });
    }
}
