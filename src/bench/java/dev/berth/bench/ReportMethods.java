package dev.berth.bench;

/** What each section measures, in words, for the report: a figure is only as good as its definition. */
final class ReportMethods {
    /** How every server of the run is set up, whatever the sections. */
    static final String SERVERS = """
            Every Berth server runs with authentication on, as in use: each API request carries a bearer token, \
            which Berth looks up by its hash, and each POST is also written to the audit trail; the quotas are off \
            (`quotas.submissionsPerSecond=0`, no `quotas.maxActiveJobsPerOwner`), since the benchmark measures the \
            runner, not a site's limits.

            """;

    static final String THROUGHPUT = """
            N trivial jobs (`sh -c "echo bench; exit 0"` in the local test image) are submitted at once, and the \
            round ends when every one of them is done. **Berth**: N POSTs sent at once; done when no job of the \
            round is Pending, Launching or Running and none of its containers (services, in swarm mode) is \
            left on the engine (the driver asks the API every 100 ms, mostly with one list request of one item, \
            and lists the engine's objects only once no job is active, so that its polling loads neither \
            Berth nor the engine more than it must: the baseline has no poller). \
            **Baseline**: the same work directly with docker-java over the same httpclient5 transport, all N jobs in flight at once (one thread each): \
            container mode creates, starts, waits, reads the exit code, reads the logs and removes the container; \
            swarm mode creates a one-replica, restart-none service from the local image id, waits for its task \
            (one shared poll of the run's tasks every 100 ms), reads the exit code from the task's container \
            status, reads the service logs and removes the service. jobs/s = N / (first submit → last job done). \
            One Berth server per mode serves all its rounds; Berth and the baseline alternate (ABAB...), after one \
            unreported warm-up round of 20 jobs each. The ratio is Berth's median over the baseline's median.

            """;

    static final String LATENCY = """
            Two loads. *One at a time*: after the throughput rounds, rounds of 10 jobs each submitted only once \
            the one before is done (Berth and baseline alternating round by round); this is where the targets \
            are judged, since the latency then is the runner's own. *Burst*: the throughput rounds above, where \
            all N jobs wait in the engine's queue (the baseline's figures show how long). Per job, then p50 and \
            p95 per round (the table gives their median and spread over the rounds). All times are wall-clock times of this one machine. \
            *Berth: submit → Running*: from the driver's clock as the POST was sent to the time of the job's \
            `Running` event (`GET /api/v1/jobs/{id}/events`), which Berth takes from the engine: the container's \
            `StartedAt` (swarm: the task's `running` timestamp, or the container's `StartedAt` when the task had \
            already finished when Berth looked). *Baseline: create → running*: from the create call to the \
            container's `StartedAt`. *Berth: exit → terminal phase recorded*: from the container's `FinishedAt` \
            (the job's `status.finishedAt`) to the moment Berth wrote the terminal phase; that moment is \
            `job_output.captured_at`, stamped by Berth in the same transaction as the terminal status and read from \
            the database file after the server stopped (the API shows only Docker's times). *Baseline: exit → exit \
            code read*: from `FinishedAt` to the moment the baseline had the exit code (container: the wait \
            returned; swarm: its task poll saw the task finished). *Baseline: exit → exit code, state and logs \
            read*: to the moment its logs call returned, after it inspected the container: what Berth has in \
            hand when it writes the terminal phase (Berth then also commits it to disk), and the baseline's \
            figure that compares with Berth's like for like.

            """;

    /** On the bed, what differs from the text above; the image's digest reference goes in. */
    static String swarmBed(String image) {
        return String.format("""
                **On the 3-node swarm bed** (`BERTH_BENCH_LAB=1`): the manager and two workers of \
                `scripts/swarm-lab`, each a dockerd in a network namespace of its own on this machine (all three \
                share its cores), and the bed's registry. Berth (`docker.host` the manager's socket, \
                `docker.swarmMode=true`) and the baseline both talk to the manager only; the swarm spreads the \
                tasks over the three nodes. Both sides name the image by its digest in the bed's registry \
                (`%s`), not by a local id: the workers have no copy and pull it once each, on their first task \
                (normally in the unreported warm-up rounds). Container mode is not measured on the bed (a job \
                would be a container on the manager alone), nor are the API and the store, which do not depend \
                on where jobs run: `scripts/bench` without `BERTH_BENCH_LAB` measures them on one node.

                """, image);
    }

    static final String SWARM_BED_LATENCY = """
            On the bed, the manager cannot inspect a container that ran on a worker: for such a task both sides \
            take the finish from the task's status timestamp (as Berth itself does), and the baseline's \
            create → running is unknown, so its figures come from the tasks the manager ran itself.

            """;

    static final String COST = """
            **Cost per job** in the burst rounds above: each counter read before the round's first submission \
            and after its last object is removed, divided by its jobs. CPU: user + system seconds from \
            `/proc/PID/stat`, Berth's server for Berth, the benchmark's own JVM for the baseline (it runs \
            nothing else during a baseline round); dockerd's likewise (`/var/run/docker.pid`; not on the bed). \
            Engine calls: each HTTP request to the engine's API, counted by kind in the client (Berth's \
            `docker.calls` on the admin port's `/metrics`; the baseline's client counts with the same class), \
            event streams excepted. Passes: the `reconciler.pass` timer's count; DB writes: Berth's write \
            transactions (`store.writes`), each a commit (on H2 a write to disk).

            """;

    static final String STORE = """
            50 jobs (`sleep 3600`) are launched by Berth and left running; the server stops. Two copies of its \
            database are made; into one, 100,000 finished jobs are copied in SQL from one job Berth really ran to \
            completion (its row, labels, four events and logs, under new ids), and the template job is deleted from \
            both. Servers on the two copies then take turns (the same instance id, so both own the same 50 running \
            containers), each with `reconciler.interval=250ms` for 20 s. The pass durations are the server's own \
            `reconciler.pass` timer (admin `/metrics`: p50 and p95 over that server's passes); resident memory is \
            `VmRSS` from `/proc/PID/status` at the end of the 20 s. Every server in this benchmark runs as \
            `scripts/run` starts it: `java $BERTH_JAVA_OPTIONS -jar berth.jar server config.yml` (see the machine table).

            """;

    static final String INSTANCES = """
            Berth's records on PostgreSQL: the cluster scripts/bench starts with `scripts/lib/postgres.sh` (Debian's \
            PostgreSQL 15, on this machine, loopback, fsync on), a database of its own for each server or group \
            of servers, created empty. **API**: section 3's method, run once on an H2 file and once on \
            PostgreSQL. **Throughput**: one Berth process, then three processes of one instance on one database \
            (jobs submitted to each in turn; one of them leads and launches, the others serve the API), in turns \
            after a warm-up of 20 jobs each; jobs/s = N / (first submit → last container removed); CPU is that \
            of every process of the side, from `/proc`. **Failover**: on the three, the leader (the one whose \
            `GET /api/v1/info` says `leader`) is SIGKILLed, a job is at once submitted to another member, and the \
            time from the kill to that job's `Launching` event is measured; the new leader writes it just before \
            it creates the container. The killed member is started again before the next kill. The servers run \
            with the shipped config.yml, so `reconciler.leaseTimeout` is 10 s.
            """;

    private ReportMethods() {
    }

    static String queues(QueueResult q) {
        return String.format("""
                Container mode. One server with `queues.default.maxRunning=%d` is given %,d trivial jobs at once \
                (16 submissions in flight at a time), and its round ends when none is active and none of its \
                containers is left; then the baseline runs as many jobs with %d threads, each creating, starting, \
                waiting for, reading and removing one container after another: the same concurrency. One round \
                each, after a warm-up of 40 jobs on each side. Berth's `VmRSS` is read every 2 s during its round.

                Then the pass with the queue full: %d jobs (`sleep 3600`) run and a trivial job waits `Queued`; \
                copies of that database get 0, 10,000 and 100,000 queued jobs (the waiting job copied in SQL, \
                under ids older than any real one), and servers on the copies take turns, each with \
                `reconciler.interval=250ms` for 20 s, as in section 4.

                """, q.maxRunning(), q.berth().jobs(), q.maxRunning(), q.maxRunning());
    }

    static String api(ApiResult a) {
        return String.format("""
                `wrk -t%d -c%d --latency` on loopback, on the same two cores as the server, against a server started \
                with `-Ddw.reconciler.launch=false` (jobs stay Pending, nothing touches Docker). POST sends a trivial \
                manifest (each request stores a new job); GET cycles over 100 stored ids. Each is first warmed up \
                in 5 s steps until the JIT compiler threads use under 0.5 s of CPU in a step (on two cores, \
                compiling otherwise takes a core for tens of seconds); then POST and GET runs alternate. Every job POSTed stays Pending, so the store grows during the \
                section: it held %,d jobs at the end. With launching paused a submission does not wake the \
                reconciler, but its tick still runs passes, each reading every pending job: %,d passes ran \
                during the measured runs (p50 %.1f ms at the end). The server's resident \
                memory after the section: %d MB.

                """, Wrk.THREADS, Wrk.CONNECTIONS, a.storedJobs(), a.passes(), a.passMedianMillis(), a.residentMb());
    }
}
