package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.support.BerthTestApp;
import dev.berth.support.JobsApi;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathBuilderException;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Berth behind its own TLS: the application connector is Dropwizard's https connector on a PKCS12
 * keystore made for this run (a self-signed certificate for 127.0.0.1), the admin connector stays
 * plain HTTP on 127.0.0.1. A client that trusts exactly that certificate is served; plain HTTP and a
 * client trusting only the usual authorities are not.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class TlsConnectorTest {
    private static final String INSTANCE = TestEngine.newInstanceId();
    private static final String PASSWORD = UUID.randomUUID().toString();
    // Made before APP (static fields start in order): the application reads the keystore as it starts.
    private static final Path KEYSTORE = createKeystore(Path.of("target", "tls", INSTANCE, "berth.p12"));
    private static final String CONNECTOR = "server.applicationConnectors[0].";
    private static final int ALERT = 21;
    private static final int FATAL = 2;
    static final DropwizardAppExtension<BerthConfiguration> APP = BerthTestApp.create(INSTANCE,
            ConfigOverride.config(CONNECTOR + "type", "https"),
            ConfigOverride.config(CONNECTOR + "keyStorePath", KEYSTORE.toAbsolutePath().toString()),
            ConfigOverride.config(CONNECTOR + "keyStorePassword", PASSWORD),
            ConfigOverride.config(CONNECTOR + "keyStoreType", "PKCS12"),
            // Jetty would check the server's own chain at start; a self-signed one has none (false is the default).
            ConfigOverride.config(CONNECTOR + "validateCerts", "false"));

    @Test
    void aClientTrustingTheCertificateIsServedWithTheAdminToken() throws Exception {
        String token = Files.readString(BerthTestApp.tokenFile(INSTANCE)).strip();

        HttpResponse<String> response = trustingTheCertificate().send(info("https").header("Authorization",
                "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JobsApi.read(response.body()).path("instanceId").asText()).isEqualTo(INSTANCE);
    }

    @Test
    void withoutATokenTheRequestIs401() throws Exception {
        HttpResponse<String> response = trustingTheCertificate().send(info("https").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    }

    /**
     * The TLS engine takes a plain request line for a broken handshake: it answers with one fatal
     * alert record and closes, so there is no HTTP answer at all (no 400 page either).
     */
    @Test
    void plainHttpToTheSamePortGetsATlsAlertAndNoHttp() throws IOException {
        byte[] answer;
        try (Socket socket = new Socket("127.0.0.1", APP.getLocalPort())) {
            socket.getOutputStream().write("GET /api/v1/info HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            answer = socket.getInputStream().readAllBytes();
        }

        assertThat(answer).as("content type alert (21), version, length 2, level fatal (2), description")
                .hasSize(7).startsWith(ALERT, 3, 3, 0, 2, FATAL);
    }

    @Test
    void aClientTrustingOnlyTheUsualAuthoritiesFailsTheHandshake() {
        HttpClient defaults = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        assertThatThrownBy(() -> defaults.send(info("https").build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class).hasRootCauseInstanceOf(CertPathBuilderException.class);
    }

    @Test
    void theAdminConnectorStaysPlainHttp() throws Exception {
        var ping = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP.getAdminPort() + "/ping")).build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(ping, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body().strip()).isEqualTo("pong");
    }

    private static HttpRequest.Builder info(String scheme) {
        return HttpRequest.newBuilder(URI.create(scheme + "://127.0.0.1:" + APP.getLocalPort() + "/api/v1/info"));
    }

    /** A client whose only trusted certificate is the one in this run's keystore. */
    private static HttpClient trustingTheCertificate() throws IOException, GeneralSecurityException {
        KeyStore server = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(KEYSTORE)) {
            server.load(in, PASSWORD.toCharArray());
        }
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("berth", server.getCertificate("berth"));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(context).build();
    }

    /** The JDK's keytool (beside the java running this test) makes a key pair valid for 127.0.0.1. */
    private static Path createKeystore(Path keystore) {
        Path keytool = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("keytool");
        List<String> command = List.of(keytool.toString(), "-genkeypair", "-alias", "berth", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toAbsolutePath().toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        try {
            Files.createDirectories(keystore.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            if (exit != 0 || !Files.isRegularFile(keystore)) {
                throw new AssertionError(keytool + " exited " + exit + ": " + output);
            }
            return keystore;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + keytool, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
