package dev.camelvobiz.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camelvobiz.VobizComponent;
import dev.camelvobiz.answer.MiniVoice;
import dev.camelvobiz.emulator.CallSpec;
import dev.camelvobiz.emulator.EmulatedCall;
import dev.camelvobiz.emulator.Emulator;
import dev.camelvobiz.emulator.EmulatorOptions;
import dev.camelvobiz.emulator.record.CallRecord;
import dev.camelvobiz.test.VobizPeer;
import dev.camelvobiz.test.VobizTestSupport;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** wss:// served straight from the shared server with Camel's sslContextParameters. */
class TlsStreamTest extends VobizTestSupport {

    private static final String PASSWORD = "changeit";
    private static final Path KEYSTORE = selfSignedKeystore();

    private final int answerPort = AvailablePortFinder.getNextAvailable();

    @BindToRegistry("vobizTls")
    private final SSLContextParameters tls = serverTls();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("vobiz:stream?host=localhost&port=" + port + "&path=/media&sslContextParameters=#vobizTls")
                        .to("mock:stream")
                        .filter(header("CamelVobizEvent").isEqualTo("media"))
                        .to("vobiz:play");
                // MiniVoice streams are wss:// only: a start_stream and, at once, a stop_stream
                from("vobiz:answer?host=127.0.0.1&port=" + answerPort + "&path=/minivoice")
                        .setBody(constant(MiniVoice.actions()
                                .startStream("wss://localhost:" + port + "/media", null)
                                .stopStream(null, null)
                                .say("after the stop")));
            }
        };
    }

    @Test
    void aMiniVoiceStopStreamStopsAStreamThatIsStillConnecting() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().trustAllCertificates(true))) {
            EmulatedCall call = emulator.call(CallSpec.answerUrl("http://127.0.0.1:" + answerPort + "/minivoice"));
            CallRecord.Hangup hangup = call.awaitHangup(Duration.ofSeconds(10));
            assertThat(hangup.causeCode()).as(call.record().timelineText()).isEqualTo("4010");
            assertThat(call.record().timeline().stream().map(CallRecord.Entry::what))
                    .as("the stop came before the stream opened: it never starts, the call moves on")
                    .contains("speak")
                    .doesNotContain("stream open");
            assertThat(call.record().violations()).isEmpty();
        }
        assertThat(getMockEndpoint("mock:stream").getExchanges())
                .as("no start, no media reached the route")
                .noneMatch(e -> "start".equals(e.getMessage().getHeader("CamelVobizEvent")));
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        camel.getComponent("vobiz", VobizComponent.class).setRequestTimeout(500);
        return camel;
    }

    @Test
    void aHandshakeThatNeverStartsIsClosedAtTheRequestTimeout() throws Exception {
        try (Socket silent = new Socket("localhost", port)) {
            silent.setSoTimeout(10_000); // fails the test if the server does not close first
            assertThat(silent.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void echoesOverWss() throws Exception {
        HttpClient client =
                HttpClient.newBuilder().sslContext(clientTrustingTheKeystore()).build();
        try (VobizPeer call =
                VobizPeer.connect(URI.create("wss://localhost:" + port + "/media"), client, "s-tls", "c-tls")) {
            call.sendStart("audio/x-l16", 8000);
            call.sendMedia(frame(5, 0));
            assertThat(Base64.getDecoder()
                            .decode(call.nextCommand().at("/media/payload").asText()))
                    .isEqualTo(echoed(frame(5, 0)));
        }
    }

    static SSLContextParameters serverTls() {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + KEYSTORE);
        store.setPassword(PASSWORD);
        store.setType("PKCS12");
        KeyManagersParameters keys = new KeyManagersParameters();
        keys.setKeyStore(store);
        keys.setKeyPassword(PASSWORD);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setKeyManagers(keys);
        return parameters;
    }

    static SSLContext clientTrustingTheKeystore() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(KEYSTORE)) {
            store.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    /** A fresh self-signed certificate for localhost, made with the JDK's own keytool. */
    private static Path selfSignedKeystore() {
        try {
            Path dir = Files.createTempDirectory("vobiz-tls");
            Path keystore = dir.resolve("server.p12");
            Process keytool = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "keytool")
                                    .toString(),
                            "-genkeypair",
                            "-alias",
                            "vobiz",
                            "-keyalg",
                            "RSA",
                            "-keysize",
                            "2048",
                            "-validity",
                            "2",
                            "-dname",
                            "CN=localhost",
                            "-ext",
                            "SAN=dns:localhost,ip:127.0.0.1",
                            "-storetype",
                            "PKCS12",
                            "-keystore",
                            keystore.toString(),
                            "-storepass",
                            PASSWORD,
                            "-keypass",
                            PASSWORD)
                    .redirectErrorStream(true)
                    .start();
            String output = new String(keytool.getInputStream().readAllBytes());
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            return keystore;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create a test keystore", e);
        }
    }

    @AfterAll
    static void deleteKeystore() throws Exception {
        Files.deleteIfExists(KEYSTORE);
        Files.deleteIfExists(KEYSTORE.getParent());
    }
}
