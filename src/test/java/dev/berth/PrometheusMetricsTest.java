package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.support.BerthTestApp;
import dev.berth.support.JobsApi;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_33_0.Metrics;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin port's /metrics/prometheus, scraped as Prometheus does after real jobs ran (one that
 * succeeds, one that exits 3, one whose image is missing), and read with the Prometheus client's
 * own protobuf parser: Dropwizard's JVM, Jetty and pool metrics, and Berth's own.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PrometheusMetricsTest {
    private static final String INSTANCE = TestEngine.newInstanceId();
    static final DropwizardAppExtension<BerthConfiguration> APP = BerthTestApp.create(INSTANCE);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PROTOBUF =
            "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited";

    @AfterAll
    static void cleanUp() {
        TestEngine.removeAllOf(INSTANCE);
    }

    @Test
    void dropwizardsAndBerthsOwnMetricsAreScrapedAndParsed() throws Exception {
        JobsApi api = new JobsApi(APP.client(), APP.getLocalPort());
        String ok = api.submitJson(job("true"));
        String failing = api.submitJson(job("exit 3"));
        String missing = api.submitJson("{\"image\": \"berth-no-such-image:" + INSTANCE + "\", \"command\": [\"true\"]}");
        for (String id : List.of(ok, failing, missing)) {
            api.awaitTerminal(id, Duration.ofSeconds(120));
        }

        Map<String, Metrics.MetricFamily> families = scrape();

        assertThat(families.keySet()).anyMatch(name -> name.startsWith("jvm_memory_heap"))
                .anyMatch(name -> name.contains("jetty")).anyMatch(name -> name.contains("QueuedThreadPool"));
        assertThat(gauge(families, "berth_jobs", Map.of("queue", "default", "phase", "Succeeded"))).isGreaterThanOrEqualTo(1);
        assertThat(gauge(families, "berth_jobs", Map.of("queue", "default", "phase", "Failed"))).isGreaterThanOrEqualTo(2);
        assertThat(gauge(families, "berth_leader", Map.of())).isEqualTo(1);
        assertThat(counter(families, "berth_launches_total", Map.of("backend", "container"))).isGreaterThanOrEqualTo(3);
        assertThat(counter(families, "berth_failures_total", Map.of("reason", "NonZeroExit"))).isGreaterThanOrEqualTo(1);
        assertThat(counter(families, "berth_failures_total", Map.of("reason", "ImageNotFound"))).isGreaterThanOrEqualTo(1);
        assertThat(histogramCount(families, "berth_reconcile_pass_seconds", Map.of())).isPositive();
        assertThat(histogramCount(families, "berth_exit_to_terminal_recorded_seconds", Map.of()))
                .as("the two jobs whose container exited").isGreaterThanOrEqualTo(2);
        assertThat(histogramCount(families, "berth_docker_call_seconds", Map.of("call", "create.container")))
                .isGreaterThanOrEqualTo(2);
        assertThat(counter(families, "berth_docker_call_errors_total", Map.of("call", "create.container")))
                .as("the create of the missing image's container answered 404").isGreaterThanOrEqualTo(1);

        HttpResponse<String> text = HTTP.send(HttpRequest.newBuilder(metricsUri()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(text.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(text.body()).contains("# TYPE berth_jobs gauge").contains("berth_leader 1.0")
                .contains("# TYPE berth_reconcile_pass_seconds histogram");
    }

    private static String job(String script) {
        return "{\"image\": \"" + TestEngine.IMAGE + "\", \"command\": [\"sh\", \"-c\", \"" + script + "\"]}";
    }

    private static URI metricsUri() {
        return URI.create("http://127.0.0.1:" + APP.getAdminPort() + "/metrics/prometheus");
    }

    private static Map<String, Metrics.MetricFamily> scrape() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(metricsUri()).header("Accept", PROTOBUF)
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Metrics.MetricFamily> families = new TreeMap<>();
        try (InputStream in = new ByteArrayInputStream(response.body())) {
            Metrics.MetricFamily family;
            while ((family = Metrics.MetricFamily.parseDelimitedFrom(in)) != null) {
                families.put(family.getName(), family);
            }
        }
        assertThat(families).as("parsed as Prometheus' protobuf exposition").isNotEmpty();
        return families;
    }

    private static double gauge(Map<String, Metrics.MetricFamily> families, String name, Map<String, String> labels) {
        return metric(families, name, labels).map(metric -> metric.getGauge().getValue()).orElse(-1.0);
    }

    private static double counter(Map<String, Metrics.MetricFamily> families, String name, Map<String, String> labels) {
        return metric(families, name, labels).map(metric -> metric.getCounter().getValue()).orElse(-1.0);
    }

    private static long histogramCount(Map<String, Metrics.MetricFamily> families, String name,
                                       Map<String, String> labels) {
        return metric(families, name, labels).map(metric -> metric.getHistogram().getSampleCount()).orElse(-1L);
    }

    /** The one metric of the family whose labels include these. */
    private static Optional<Metrics.Metric> metric(Map<String, Metrics.MetricFamily> families, String name,
                                                   Map<String, String> labels) {
        Metrics.MetricFamily family = families.get(name);
        assertThat(family).as(name + " among " + families.keySet()).isNotNull();
        Predicate<Metrics.Metric> matches = metric -> labels.entrySet().stream().allMatch(wanted ->
                metric.getLabelList().stream().anyMatch(pair -> pair.getName().equals(wanted.getKey())
                        && pair.getValue().equals(wanted.getValue())));
        List<Metrics.Metric> found = new ArrayList<>(family.getMetricList().stream().filter(matches).toList());
        return found.stream().findFirst();
    }
}
