package dev.camelvobiz.examples.echo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelvobiz.VobizComponent;
import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.emulator.Emulator;
import dev.camelvobiz.emulator.audio.Pcm;
import dev.camelvobiz.emulator.audio.Wav;
import dev.camelvobiz.emulator.console.ConsoleSettings;
import dev.camelvobiz.emulator.console.WebConsole;
import dev.camelvobiz.emulator.record.CallRecord;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The emulator's web console in a real browser: Debian's Chromium, driven headless by Playwright
 * ({@code src/test/browser/console-call.mjs}), with a fake microphone playing a tone. The page calls an
 * echo route, and the test checks that the caller's audio reached the route, that the echo came back
 * and played in the page, that the page showed the checkpoint as played and the keypad's DTMF, and that
 * the emulator's own record agrees. The screenshot stays in {@code target/console-browser-test/}.
 */
class ConsoleBrowserTest {

    private static final String CHECKPOINT = "echoed-1s";
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final Path HARNESS = Path.of("target", "browser");
    private static final Path ARTEFACTS = Path.of("target", "console-browser-test");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static DefaultCamelContext camel;
    private static Emulator emulator;
    private static WebConsole console;

    @BeforeAll
    static void start() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        camel = new DefaultCamelContext();
        camel.getComponent("vobiz", VobizComponent.class).getConfiguration().setHost("127.0.0.1");
        camel.getComponent("vobiz", VobizComponent.class).getConfiguration().setPort(port);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("vobiz:answer?path=/answer&streamPath=/echo").log("Answering ${header.CamelVobizCallId}");
                // the echo, and a checkpoint once the first second of it is queued
                from("vobiz:stream?path=/echo")
                        .filter(header(VobizConstants.EVENT).isEqualTo("media"))
                        .to("vobiz:play")
                        .filter(header(VobizConstants.CHUNK).isEqualTo(50))
                        .to("vobiz:checkpoint?name=" + CHECKPOINT);
            }
        });
        camel.start();
        emulator = Emulator.start();
        console = WebConsole.start(
                emulator,
                ConsoleSettings.of("http://127.0.0.1:" + port + "/answer").withPort(0));
    }

    @AfterAll
    static void stop() {
        if (console != null) {
            console.close();
        }
        if (emulator != null) {
            emulator.close();
        }
        if (camel != null) {
            camel.stop();
        }
    }

    @Test
    void aCallFromThePageIsEchoedPlayedAndShown() throws Exception {
        assumeTrue(
                Files.isExecutable(CHROMIUM),
                "SKIPPED: no Chromium at " + CHROMIUM + ", so the console's browser test cannot run here. Install"
                        + " Debian's chromium (.ci/run does: apt-get install chromium) or set CHROMIUM to a browser.");
        assertThat(HARNESS.resolve("node_modules/playwright-core"))
                .as("the build installs the Playwright harness (npm ci in target/browser)")
                .isDirectory();
        Files.createDirectories(ARTEFACTS);
        Path microphone = ARTEFACTS.resolve("microphone.wav").toAbsolutePath();
        Wav.write(syllables(), microphone);
        Path screenshot = ARTEFACTS.resolve("console.png").toAbsolutePath();

        JsonNode report =
                runHarness(console.url().toString(), microphone.toString(), screenshot.toString(), CHECKPOINT);

        assertThat(report.path("failure").asText(null)).as("the page's run").isNull();
        assertThat(report.path("pageErrors")).as("errors in the page").isEmpty();
        JsonNode stats = report.path("stats");
        assertThat(stats.path("micMessages").asInt())
                .as("microphone frames sent")
                .isGreaterThan(50);
        assertThat(stats.path("saidPeakRms").asDouble())
                .as("the tone reached the app")
                .isGreaterThan(0.1);
        assertThat(stats.path("heardMessages").asInt())
                .as("echoed frames received")
                .isGreaterThan(50);
        assertThat(stats.path("heardPeakRms").asDouble())
                .as("energy in the echo")
                .isGreaterThan(0.1);
        assertThat(stats.path("outputPeakRms").asDouble())
                .as("energy in what the page played (Web Audio)")
                .isGreaterThan(0.05);
        assertThat(report.path("checkpoints").findValuesAsText("state"))
                .as("the checkpoint, as the page shows it")
                .containsExactly("played");
        assertThat(texts(report.path("timeline")))
                .contains("answer", "stream open", "checkpoint", "playedStream", "dtmf", "hangup");
        assertThat(report.path("status").asText()).startsWith("Call ended: Normal Hangup");
        assertThat(screenshot).isNotEmptyFile();
        assertThat(Files.size(screenshot))
                .as("a screenshot with something on it")
                .isGreaterThan(20_000);

        // The emulator's own record agrees with the page.
        CallRecord record =
                emulator.findCall(stats.path("callUuid").asText()).orElseThrow().record();
        assertThat(record.checkpointsPlayed()).containsExactly(CHECKPOINT);
        assertThat(record.said(8000).audibleMillis())
                .as("the caller's tone the app got")
                .isGreaterThan(1500);
        assertThat(record.heard(8000).audibleMillis())
                .as("the echo the caller heard")
                .isGreaterThan(1500);
        assertThat(record.violations()).isEmpty();

        // The page's download link serves the call's record for loading later.
        HttpResponse<String> saved = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(console.url()
                                        .resolve(report.path("recordLink").asText()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(saved.body()).path("callUuid").asText()).isEqualTo(record.callUuid());

        // Loaded back into the page, the record shows the same call.
        JsonNode loaded = report.path("loaded");
        assertThat(loaded.path("status").asText()).startsWith("Recorded call " + record.callUuid());
        assertThat(texts(loaded.path("timeline"))).containsSubsequence(texts(report.path("timeline")));
        assertThat(texts(loaded.path("checkpoints"))).containsExactly("played");
        assertThat(loaded.path("waveformWidth").asInt())
                .as("a canvas for the whole call")
                .isGreaterThan(300);
    }

    /** What the fake microphone says, looped: bursts of tone with pauses, like syllables (1.2 s). */
    private static Pcm syllables() {
        return Pcm.tone(440, 48000, 400)
                .concat(Pcm.silence(48000, 200))
                .concat(Pcm.tone(660, 48000, 300))
                .concat(Pcm.silence(48000, 300));
    }

    private static JsonNode runHarness(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", "console-call.mjs"));
        command.addAll(List.of(arguments));
        Path reportFile = ARTEFACTS.resolve("harness-report.json").toAbsolutePath();
        Process node = new ProcessBuilder(command)
                .directory(HARNESS.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(reportFile.toFile())
                .start();
        if (!node.waitFor(120, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            throw new AssertionError("The browser harness did not finish within 120 s");
        }
        String output = Files.readString(reportFile, StandardCharsets.UTF_8).trim();
        assertThat(node.exitValue()).as("harness exit; output: " + output).isZero();
        return JSON.readTree(output.substring(output.lastIndexOf('\n') + 1));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
