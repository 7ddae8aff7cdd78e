package dev.berth.api;

import dev.berth.core.Reservations;
import dev.berth.core.ResolvedSpec;
import dev.berth.core.Resources;
import dev.berth.core.SitePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The site's policy applied to what a job would run, step by step (a job from a command as its
 * command resolves): each broken rule is one problem naming the step's field and the rule.
 */
public final class SitePolicyRules {
    private final SitePolicy policy;
    private final List<Pattern> images;

    public SitePolicyRules(SitePolicy policy) {
        this.policy = policy;
        this.images = policy.allowedImages().stream().map(SitePolicyRules::glob).toList();
    }

    public List<String> problems(List<String> stepNames, List<ResolvedSpec> steps) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            String where = steps.size() == 1 ? "" : "steps[" + stepNames.get(i) + "].";
            problems.addAll(problems(where, steps.get(i)));
        }
        return problems.stream().distinct().toList();
    }

    private List<String> problems(String where, ResolvedSpec step) {
        List<String> problems = new ArrayList<>();
        if (!images.isEmpty() && step.image() != null && images.stream().noneMatch(p -> p.matcher(step.image()).matches())) {
            problems.add(where + "image: " + step.image() + " is not allowed by policy.allowedImages "
                    + policy.allowedImages());
        }
        if (!policy.allowRootUser() && isRoot(step.user())) {
            problems.add(where + "user: policy.allowRootUser is false: give a user other than root, such as"
                    + " \"1000:1000\" (got " + (step.user() == null ? "none, which is the image's, often root"
                    : "\"" + step.user() + "\"") + ")");
        }
        Resources resources = step.resources() == null ? Resources.NONE : step.resources();
        if (policy.maxCpus() != null && resources.cpus() != null && resources.cpus() > policy.maxCpus()) {
            problems.add("resources.cpus: " + resources.cpus() + " is above policy.maxCpus " + policy.maxCpus());
        }
        if (policy.maxMemoryMb() != null) {
            Long memory = resources.memoryMb() != null ? resources.memoryMb() : policy.defaultMemoryMb();
            if (memory == null) {
                problems.add("resources.memoryMb: policy.maxMemoryMb is " + policy.maxMemoryMb()
                        + ": give a memory limit no higher");
            } else if (memory > policy.maxMemoryMb()) {
                problems.add("resources.memoryMb: " + memory + " is above policy.maxMemoryMb " + policy.maxMemoryMb());
            }
        }
        Reservations reservations = resources.reservations();
        if (!policy.allowGpus() && reservations != null && reservations.gpus() > 0) {
            problems.add("resources.reservations.generic.gpu: policy.allowGpus is false: no job may use GPUs");
        }
        return problems;
    }

    /** Root by name or id, or no user at all (the image's, which is root unless the image says otherwise). */
    private static boolean isRoot(String user) {
        if (user == null || user.isBlank()) {
            return true;
        }
        String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
        return name.equals("root") || name.equals("0");
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
