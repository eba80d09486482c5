package dev.camelvobiz.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelvobiz.VobizComponent;
import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.test.VobizPeer;
import dev.camelvobiz.test.VobizTestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Slow and silent clients hold no thread and lose their connection at a deadline: a trickled body or
 * header (slowloris), a connection that says nothing, a WebSocket that only pings. Meanwhile the
 * answer URL answers and a live call's audio flows. The worker pool is two threads here, so a server
 * that parked a thread per slow body would stop answering.
 */
class SlowClientsTest extends VobizTestSupport {

    private static final int REQUEST_TIMEOUT_MILLIS = 500;
    private final ScheduledExecutorService trickler = Executors.newScheduledThreadPool(1);
    private final List<Socket> sockets = new ArrayList<>();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        VobizComponent vobiz = camel.getComponent("vobiz", VobizComponent.class);
        vobiz.setRequestTimeout(REQUEST_TIMEOUT_MILLIS);
        vobiz.setWorkerPoolSize(2);
        return camel;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("vobiz:answer" + onThisServer() + "&path=/answer&streamPath=/media")
                        .to("mock:answered");
                from("vobiz:callback" + onThisServer() + "&path=/events").to("mock:callbacks");
                from(streamUri("&idleTimeout=500&blocking=false"))
                        .filter(header(VobizConstants.EVENT).isEqualTo("media"))
                        .to("vobiz:play");
            }
        };
    }

    @AfterEach
    void closeSockets() throws IOException {
        trickler.shutdownNow();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        sockets.add(socket);
        return socket;
    }

    /** Whether the server closed the connection: end of stream, or a reset. */
    private static boolean closedByServer(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            while (in.read() != -1) {
                // a 408 or similar before the close is fine
            }
            return true;
        } catch (SocketException e) {
            return true; // reset
        } catch (IOException e) {
            return false; // read timed out: still open
        }
    }

    private static void write(Socket socket, String text) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            // closed by the server meanwhile: what the test waits for
        }
    }

    @Test
    void tricklingBodiesHoldNoThreadAndAreClosedAtTheDeadline() throws Exception {
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Socket socket = connect();
            write(
                    socket,
                    "POST /events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded"
                            + "\r\nContent-Length: 1000\r\n\r\nE");
            trickler.scheduleAtFixedRate(() -> write(socket, "v"), 100, 100, TimeUnit.MILLISECONDS);
            slow.add(socket);
        }
        // While twenty bodies trickle in (ten times the worker threads), the answer URL answers...
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/answer"))
                                .timeout(Duration.ofSeconds(5))
                                .POST(HttpRequest.BodyPublishers.ofString("CallUUID=c1&From=1&To=2"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("<Stream");
        // ...and a live call's audio flows.
        try (VobizPeer call = startCall("s-live", "c-live")) {
            for (int i = 0; i < 20; i++) {
                call.sendMedia(frame(1, i));
                assertThat(Base64.getDecoder()
                                .decode(call.nextCommand().at("/media/payload").asText()))
                        .isEqualTo(echoed(frame(1, i)));
            }
        }
        for (Socket socket : slow) {
            assertThat(closedByServer(socket)).as("a trickling body is cut off").isTrue();
        }
        assertThat(getMockEndpoint("mock:callbacks").getReceivedCounter())
                .as("no trickled request reached the route")
                .isZero();
    }

    @Test
    void tricklingHeadersAreClosedAtTheDeadline() throws Exception {
        Socket socket = connect();
        write(socket, "POST /answer HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        trickler.scheduleAtFixedRate(() -> write(socket, "X-Slow: 1\r\n"), 100, 100, TimeUnit.MILLISECONDS);
        assertThat(closedByServer(socket))
                .as("closed before this test's 10 s read timeout")
                .isTrue();
        assertThat(getMockEndpoint("mock:answered").getReceivedCounter()).isZero();
    }

    @Test
    void aConnectionThatSaysNothingIsClosed() throws Exception {
        assertThat(closedByServer(connect())).isTrue();
    }

    @Test
    void aKeptAliveConnectionIsClosedWhenItSendsNoFurtherRequest() throws Exception {
        Socket socket = connect();
        write(
                socket,
                "POST /events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded"
                        + "\r\nContent-Length: 7\r\n\r\nEvent=x");
        InputStream in = socket.getInputStream();
        byte[] head = new byte[12];
        assertThat(in.readNBytes(head, 0, 12)).isEqualTo(12);
        assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 204");
        assertThat(closedByServer(socket)).isTrue();
        assertThat(getMockEndpoint("mock:callbacks").getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void aWebSocketThatOnlyPingsIsClosedByTheIdleTimeout() {
        VobizPeer pinger = VobizPeer.connect(port, "/media", "s-ping", "c-ping");
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!pinger.isClosedByServer()) {
                        try {
                            pinger.sendPing();
                        } catch (RuntimeException e) {
                            // the close raced the ping
                        }
                    }
                    return pinger.isClosedByServer();
                });
        assertThat(pinger.awaitCloseCode()).isEqualTo(1001);
    }

    @Test
    void aWebSocketCarryingAudioOutlivesTheIdleTimeout() {
        try (VobizPeer call = startCall("s-talking", "c-talking")) {
            for (int i = 0; i < 15; i++) { // 1.5 s of audio: three times the idle timeout
                call.sendMedia(frame(2, i));
                assertThat(call.nextCommand().get("event").asText()).isEqualTo("playAudio");
                await().pollDelay(Duration.ofMillis(100))
                        .until(() -> true); // pacing the audio, not waiting for a state
            }
            assertThat(call.isClosedByServer()).isFalse();
        }
    }
}
