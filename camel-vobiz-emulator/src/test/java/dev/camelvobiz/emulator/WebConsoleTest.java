package dev.camelvobiz.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelvobiz.emulator.audio.Pcm;
import dev.camelvobiz.emulator.audio.WireFormat;
import dev.camelvobiz.emulator.console.ConsoleSettings;
import dev.camelvobiz.emulator.console.WebConsole;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The web console without a browser: its page socket spoken to as the page speaks it (JSON commands,
 * binary microphone audio), against the reference app. The browser itself is tested end to end in
 * examples/echo (ConsoleBrowserTest).
 */
class WebConsoleTest extends ReferenceAppTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WireFormat APP_MEDIA = new WireFormat(WireFormat.L16, 8000, ByteOrder.BIG_ENDIAN);

    private final HttpClient http = HttpClient.newHttpClient();
    private WebConsole console;
    private PageSocket page;

    @BeforeEach
    void startConsole() {
        app.xml(
                "/answer",
                "<Response><Stream bidirectional=\"true\" keepCallAlive=\"true\">" + app.ws("/media")
                        + "</Stream></Response>");
        console = WebConsole.start(
                emulator, ConsoleSettings.of(app.http("/answer")).withPort(0));
    }

    @AfterEach
    void stopConsole() {
        if (page != null) {
            page.socket.abort();
        }
        console.close();
    }

    @Test
    void thePageCallsTalksHearsPressesKeysAndHangsUp() throws Exception {
        app.agent((socket, message) -> {
            if ("start".equals(message.path("event").asText())) {
                String streamId = message.path("start").path("streamId").asText();
                AppMessages.playTone(streamId, 440, 300).forEach(socket::send);
                socket.send(AppMessages.checkpoint(streamId, "hello"));
            }
        });
        page = PageSocket.open(console.url(), null);
        assertThat(page.awaitEvent("hello").path("answerUrl").asText()).isEqualTo(app.http("/answer"));

        page.command("{\"type\":\"call\"}");
        String callUuid = page.awaitEvent("calling").path("callUuid").asText();
        assertThat(page.awaitEvent("stream").path("sampleRate").asInt()).isEqualTo(8000);

        ScheduledExecutorService microphone = Executors.newSingleThreadScheduledExecutor();
        short[] tone = Pcm.tone(523, 8000, 20).samples();
        microphone.scheduleAtFixedRate(() -> page.microphone(8000, tone), 0, 20, TimeUnit.MILLISECONDS);
        try {
            ReferenceApp.AgentSocket appSocket = app.awaitSocket();
            await().atMost(WAIT)
                    .until(() -> appSocket.events("media").stream()
                                    .filter(WebConsoleTest::audible)
                                    .count()
                            >= 15); // 300 ms of the caller's voice
        } finally {
            microphone.shutdownNow();
        }

        assertThat(page.awaitEvent(e -> "checkpoint".equals(e.path("type").asText())
                                && "played".equals(e.path("state").asText()))
                        .path("name")
                        .asText())
                .isEqualTo("hello");
        assertThat(page.events("checkpoint"))
                .extracting(e -> e.path("state").asText())
                .startsWith("queued", "played");
        await().atMost(WAIT).until(() -> page.audio(ConsoleAudio.HEARD).stream().anyMatch(a -> a.rms() > 5000));
        assertThat(page.audio(ConsoleAudio.SAID).stream().anyMatch(a -> a.rms() > 5000))
                .as("the caller's audio, as the app got it, comes back for the waveform")
                .isTrue();

        page.command("{\"type\":\"dtmf\",\"digits\":\"12#\"}");
        page.awaitEvent(e -> "entry".equals(e.path("type").asText())
                && e.path("detail").asText().equals("caller presses 12#"));

        page.command("{\"type\":\"hangup\"}");
        JsonNode ended = page.awaitEvent("ended");
        assertThat(ended.path("cause").asText()).isEqualTo("Normal Hangup");
        assertThat(ended.path("record").asText()).isEqualTo("/calls/" + callUuid + ".json");

        JsonNode record = JSON.readTree(get(ended.path("record").asText()).body());
        assertThat(record.path("callUuid").asText()).isEqualTo(callUuid);
        assertThat(record.path("checkpointsPlayed").toString()).isEqualTo("[\"hello\"]");
        Pcm said = pcm(record.path("said"));
        assertThat(said.audibleMillis()).as("the caller's tone in the record").isGreaterThan(200);
        assertThat(pcm(record.path("heard")).audibleMillis()).isBetween(260L, 340L);
    }

    @Test
    void badCommandsGetAnErrorAndThePageCarriesOn() throws Exception {
        page = PageSocket.open(console.url(), null);
        page.awaitEvent("hello");

        page.command("not json");
        page.command("{\"type\":\"dance\"}");
        page.command("{\"type\":\"dtmf\",\"digits\":\"1\"}");
        page.command("{\"type\":\"call\",\"answerUrl\":\"file:///etc/passwd\"}");
        page.command("{\"type\":\"call\"}");
        page.awaitEvent("calling");
        page.command("{\"type\":\"dtmf\",\"digits\":\"12x\"}");
        page.command("{\"type\":\"call\"}");
        page.microphone(96000, new short[160]);

        await().atMost(WAIT).until(() -> page.events("error").size() == 7);
        assertThat(page.events("error"))
                .extracting(e -> e.path("message").asText())
                .satisfiesExactly(
                        m -> assertThat(m).startsWith("Console commands are JSON"),
                        m -> assertThat(m).startsWith("Unknown console command"),
                        m -> assertThat(m).isEqualTo("No call is up to press keys on"),
                        m -> assertThat(m).startsWith("The answer URL must be an http(s) URL"),
                        m -> assertThat(m).startsWith("Keys are 0-9, * and #"),
                        m -> assertThat(m).startsWith("A call is already up"),
                        m -> assertThat(m).contains("96000 Hz"));
        assertThat(emulator.calls()).hasSize(1);

        page.socket.sendClose(WebSocket.NORMAL_CLOSURE, "page closed").join();
        assertThat(emulator.calls().iterator().next().awaitHangup(WAIT).source())
                .as("closing the page hangs its call up")
                .isEqualTo("Caller");
    }

    @Test
    void anOversizedMessageClosesThePageSocketAndItsCallIsHungUp() throws Exception {
        page = PageSocket.open(console.url(), null);
        page.command("{\"type\":\"call\"}");
        page.awaitEvent("calling");

        page.socket.sendText("x".repeat(2 << 20), true);

        // The console closes (1009 too big, or 1011) while the page may still be writing the message, in
        // which case the page sees its connection drop (broken pipe) instead of the close frame.
        Integer closeCode = page.closed
                .handle((code, failure) -> droppedConnection(failure) ? -1 : code)
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(closeCode)
                .as("closed: message too big (1009), failed by the console (1011), or dropped mid-message (-1)")
                .isIn(1009, 1011, -1);
        assertThat(emulator.calls().iterator().next().awaitHangup(WAIT).source())
                .isEqualTo("Caller");
    }

    private static boolean droppedConnection(Throwable failure) {
        return failure instanceof IOException || (failure != null && failure.getCause() instanceof IOException);
    }

    @Test
    void servesOnlyItsOwnPagesAndOnlyItsOwnPagesOpenTheSocket() throws Exception {
        HttpResponse<String> index = get("/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(index.body()).contains("<title>Vobiz emulator console</title>", "console.js");
        assertThat(get("/console.js").body()).contains("microphone-tap");
        assertThat(get("/microphone-worklet.js").body()).contains("registerProcessor");
        assertThat(get("/console.css").statusCode()).isEqualTo(200);
        assertThat(get("/dev/camelvobiz/emulator/Emulator.class").statusCode()).isEqualTo(404);
        assertThat(get("/../console.js").statusCode()).isIn(400, 404);
        assertThat(get("/calls/no-such-call.json").statusCode()).isEqualTo(404);

        String consoleOrigin =
                "http://" + console.url().getHost() + ":" + console.url().getPort();
        PageSocket.open(console.url(), consoleOrigin).socket.abort();
        assertThatThrownBy(() -> PageSocket.open(console.url(), "http://evil.example"))
                .as("a socket from another site's page")
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOfSatisfying(WebSocketHandshakeException.class, refused -> assertThat(
                                refused.getResponse().statusCode())
                        .isEqualTo(403));
    }

    @Test
    void aPageUnderAnotherNameOrACallElsewhereIsRefused() throws Exception {
        int port = console.url().getPort();
        // DNS rebinding: a site's name resolved to 127.0.0.1; its page and socket carry its own name
        assertThat(rawGet(port, "/", "rebound.example:" + port)).startsWith("HTTP/1.1 403");
        assertThat(rawGet(port, "/socket", "rebound.example:" + port)).startsWith("HTTP/1.1 403");
        assertThatThrownBy(() ->
                        PageSocket.open(URI.create("http://localhost:" + port + "/"), "http://rebound.example:" + port))
                .as("a socket whose Origin is another name")
                .isInstanceOf(CompletionException.class);
        String served = rawGet(port, "/", "localhost:" + port);
        assertThat(served).startsWith("HTTP/1.1 200");
        assertThat(served.lines().takeWhile(line -> !line.isEmpty()))
                .as("no server name or version for a scanner")
                .noneMatch(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith("server:"));

        page = PageSocket.open(console.url(), null);
        page.awaitEvent("hello");
        page.command("{\"type\":\"call\",\"answerUrl\":\"http://169.254.169.254/latest/meta-data\"}");
        JsonNode refused = page.awaitEvent("error");
        assertThat(refused.path("message").asText())
                .contains("calls only answer URLs on", "169.254.169.254", "--allowed-hosts");
        assertThat(emulator.calls()).as("no request was sent").isEmpty();

        try (WebConsole wider = WebConsole.start(
                emulator,
                ConsoleSettings.of(app.http("/answer")).withPort(0).withAllowedHosts(java.util.Set.of("devbox")))) {
            int widerPort = wider.url().getPort();
            assertThat(rawGet(widerPort, "/", "devbox:" + widerPort)).startsWith("HTTP/1.1 200");
        }
    }

    /** A GET with the Host header we choose (Java's client will not send a forged one). */
    private static String rawGet(int port, String path, String host) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(console.url().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean audible(JsonNode media) {
        byte[] payload =
                Base64.getDecoder().decode(media.path("media").path("payload").asText());
        Pcm frame = APP_MEDIA.decode(payload);
        return frame.rms(0, frame.samples().length) > 5000;
    }

    private static Pcm pcm(JsonNode track) {
        byte[] bytes = Base64.getDecoder().decode(track.path("pcm").asText());
        short[] samples = new short[bytes.length / 2];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        return new Pcm(samples, track.path("sampleRate").asInt());
    }

    /** One binary audio message of the console: a direction, and its samples. */
    record ConsoleAudio(int kind, int sampleRate, double startMicros, Pcm audio) {
        static final int HEARD = 1;
        static final int SAID = 2;

        double rms() {
            return audio.rms(0, audio.samples().length);
        }
    }

    /** The console page's socket, as a test speaks it. */
    static final class PageSocket implements WebSocket.Listener {

        final List<JsonNode> events = new CopyOnWriteArrayList<>();
        final List<ConsoleAudio> audio = new CopyOnWriteArrayList<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
        WebSocket socket;

        static PageSocket open(URI consoleUrl, String origin) {
            PageSocket page = new PageSocket();
            WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
            if (origin != null) {
                builder.header("Origin", origin);
            }
            URI socketUrl = URI.create(consoleUrl.toString().replaceFirst("^http", "ws") + "socket");
            page.socket = builder.buildAsync(socketUrl, page).join();
            return page;
        }

        void command(String json) {
            socket.sendText(json, true).join();
        }

        void microphone(int sampleRate, short[] samples) {
            byte[] message = new byte[4 + samples.length * 2];
            ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN).putInt(sampleRate);
            ByteBuffer.wrap(message, 4, samples.length * 2)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .asShortBuffer()
                    .put(samples);
            synchronized (this) { // a WebSocket takes one send at a time
                socket.sendBinary(ByteBuffer.wrap(message), true).join();
            }
        }

        List<JsonNode> events(String type) {
            return events.stream()
                    .filter(e -> type.equals(e.path("type").asText()))
                    .toList();
        }

        List<ConsoleAudio> audio(int kind) {
            return audio.stream().filter(a -> a.kind() == kind).toList();
        }

        JsonNode awaitEvent(String type) {
            return awaitEvent(e -> type.equals(e.path("type").asText()));
        }

        JsonNode awaitEvent(Predicate<JsonNode> test) {
            return await().atMost(WAIT)
                    .until(() -> events.stream().filter(test).findFirst().orElse(null), Objects::nonNull);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    events.add(JSON.readTree(text.toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            binary.writeBytes(bytes);
            if (last) {
                ByteBuffer message = ByteBuffer.wrap(binary.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
                binary.reset();
                int kind = message.get(0);
                int sampleRate = message.getInt(4);
                double startMicros = message.getDouble(8);
                short[] samples = new short[(message.capacity() - 16) / 2];
                message.position(16);
                message.asShortBuffer().get(samples);
                audio.add(new ConsoleAudio(kind, sampleRate, startMicros, new Pcm(samples, sampleRate)));
            }
            webSocket.request(1);
            return null;
        }
    }
}
