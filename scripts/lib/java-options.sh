# shellcheck shell=bash
# The JVM options Berth is started with by scripts/run (and by scripts/bench, which measures Berth as
# it is run). Without them the JVM sizes its heap from the machine (a quarter of its memory) and keeps
# hundreds of MB it does not need; Berth's live data is small (jobs are read a page at a time, logs are
# capped by logs.maxBytes). The serial collector has the smallest footprint and suits two cores.
# TieredStopAtLevel=1 compiles with C1 only: Berth's work per job is short and varied (HTTP, SQL,
# JSON), and C2 spent as much CPU compiling it over the first thousand jobs as Berth spent running
# them (docs/benchmarks.md, section 1). BERTH_JAVA_OPTIONS replaces them.
BERTH_JAVA_OPTIONS=${BERTH_JAVA_OPTIONS:-"-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"}
