package dev.camelvobiz.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camelvobiz.emulator.CallbackSignature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The main job started the way a container starts it: configured by environment variables only
 * ({@code CAMEL_COMPONENT_VOBIZ_*} as Camel names them), in a JVM of its own. Each variable takes
 * effect (the port, the auth token that makes unsigned callbacks fail, the stream token); both ports
 * listen on loopback only; no console shows a secret, even one passed as a JVM argument.
 */
class EnvironmentOnlyTest {

    private static final String AUTH_TOKEN = "env-auth-token-0123";
    private static final String STREAM_TOKEN = "env-stream-token-4567";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Process app;
    private static int port;
    private static int managementPort;
    private static final List<String> output = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void startTheMainJob() throws Exception {
        port = freePort();
        managementPort = freePort();
        ProcessBuilder builder = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-Dsecret.passed.as.argument=" + AUTH_TOKEN, // what an operator should not do, masked anyway
                        "-cp",
                        System.getProperty("java.class.path"),
                        VobizApp.class.getName())
                .redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("CAMEL_"));
        environment.put("CAMEL_COMPONENT_VOBIZ_PORT", Integer.toString(port));
        environment.put("CAMEL_COMPONENT_VOBIZ_AUTH_TOKEN", AUTH_TOKEN);
        environment.put("CAMEL_COMPONENT_VOBIZ_TOKEN", STREAM_TOKEN);
        environment.put("DEMO_CALL", "false");
        environment.put("MANAGEMENT_PORT", Integer.toString(managementPort));
        app = builder.start();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    output.add(line);
                    if (line.startsWith("Waiting for calls")) {
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        assertThat(ready.await(90, TimeUnit.SECONDS))
                .as("the main job started: %s", output)
                .isTrue();
    }

    @AfterAll
    static void stopTheMainJob() throws Exception {
        if (app != null) {
            app.destroy();
            if (!app.waitFor(20, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static HttpResponse<String> post(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("CallUUID=env-call&From=100&To=200&Event=Hangup"));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> signed(String path, String nonce) {
        String url = "http://127.0.0.1:" + port + path;
        return Map.of(
                CallbackSignature.V3, CallbackSignature.v3(url, nonce, AUTH_TOKEN), CallbackSignature.V3_NONCE, nonce);
    }

    @Test
    void theAuthTokenFromTheEnvironmentGuardsTheWebhooks() throws Exception {
        assertThat(post("/events", Map.of()).statusCode()).as("unsigned").isEqualTo(403);
        assertThat(post("/events", signed("/events", "env-nonce-1")).statusCode())
                .isEqualTo(204);
        HttpResponse<String> answer = post("/answer", signed("/answer", "env-nonce-2"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body())
                .as("the stream URL carries the stream token from the environment")
                .contains("ws://127.0.0.1:" + port + "/media/" + STREAM_TOKEN);
        assertThat(answer.headers().firstValue("Server")).isEmpty();
    }

    @Test
    void theStreamTokenFromTheEnvironmentGuardsTheStream() {
        assertThatThrownBy(() -> HTTP.newWebSocketBuilder()
                        .buildAsync(URI.create("ws://127.0.0.1:" + port + "/media"), new WebSocket.Listener() {})
                        .join())
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOfSatisfying(WebSocketHandshakeException.class, refused -> assertThat(
                                refused.getResponse().statusCode())
                        .isEqualTo(401));
        WebSocket socket = HTTP.newWebSocketBuilder()
                .buildAsync(
                        URI.create("ws://127.0.0.1:" + port + "/media/" + STREAM_TOKEN), new WebSocket.Listener() {})
                .join();
        socket.abort();
    }

    @Test
    void noConsoleShowsASecret() throws Exception {
        HttpResponse<String> health = get("/observe/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("Server"))
                .as("no server name or version")
                .isEmpty();
        for (String console :
                List.of("jvm", "system-properties", "properties", "route", "route-dump", "endpoint", "vobiz")) {
            HttpResponse<String> shown = get("/q/dev/" + console);
            assertThat(shown.body())
                    .as(console)
                    .isNotBlank()
                    .doesNotContain(AUTH_TOKEN)
                    .doesNotContain(STREAM_TOKEN);
        }
        assertThat(get("/q/dev/jvm").body())
                .as("the JVM argument is there, masked")
                .contains("-Dsecret.passed.as.argument=xxxxxx");
    }

    @Test
    void bothPortsListenOnLoopbackOnly() throws Exception {
        Optional<InetAddress> outside = nonLoopbackAddress();
        org.junit.jupiter.api.Assumptions.assumeTrue(
                outside.isPresent(), "this machine has no address but loopback to try from");
        for (int listening : new int[] {port, managementPort}) {
            try (Socket socket = new Socket()) {
                assertThatThrownBy(() -> socket.connect(new InetSocketAddress(outside.get(), listening), 2000))
                        .as("port %d from %s", listening, outside.get())
                        .isInstanceOf(ConnectException.class);
            }
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        return NetworkInterface.networkInterfaces()
                .filter(network -> {
                    try {
                        return network.isUp() && !network.isLoopback();
                    } catch (IOException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address)
                .findFirst();
    }
}
