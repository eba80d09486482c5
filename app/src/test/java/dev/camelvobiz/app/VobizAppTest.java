package dev.camelvobiz.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camelvobiz.emulator.record.CallRecord;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main job, in demo mode: the bundled call is answered, barged in on and ended cleanly. */
class VobizAppTest {

    @TempDir
    Path out;

    @Test
    void theDemoCallIsAnsweredBargedInOnAndEndedCleanly() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        int managementPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            managementPort = socket.getLocalPort();
        }
        Main main = new Main(VobizApp.class);
        main.addOverrideProperty("camel.component.vobiz.port", Integer.toString(port));
        main.addOverrideProperty("camel.management.port", Integer.toString(managementPort));
        main.addOverrideProperty("demo.out", out.toString());
        Observer observer = new Observer(managementPort);
        observer.start();

        CallRecord record;
        try {
            record = VobizApp.run(main)[0];
        } finally {
            observer.interrupt();
        }
        assertThat(observer.metricsDuringCall)
                .as("/observe/metrics while the demo call was live")
                .contains("vobiz_calls_active 1.0")
                .containsPattern("vobiz_frames_in_total [1-9]")
                .containsPattern("vobiz_frames_out_total [1-9]");
        assertThat(observer.consoleDuringCall)
                .as("the vobiz dev console lists the live call")
                .contains("Live calls: 1", "frames in");
        assertThat(observer.healthDuringCall).contains("{\"name\":\"vobiz-servers\",\"status\":\"UP\"}");

        assertThat(record).as("the demo call ran").isNotNull();
        CallRecord.Hangup hangup = record.awaitHangup(1, TimeUnit.SECONDS);
        assertThat(hangup.causeCode())
                .as("ended by the agent's stop, then End Of XML")
                .isEqualTo("4010");
        List<String> steps =
                record.timeline().stream().map(CallRecord.Entry::what).toList();
        assertThat(steps).containsSubsequence("answer", "stream open", "clearAudio", "playedStream", "stop", "hangup");
        assertThat(record.checkpointsPlayed())
                .as("two replies and the farewell")
                .hasSize(3);
        assertThat(record.violations()).isEmpty();
        assertThat(record.callbacks("Hangup")).singleElement().satisfies(c -> assertThat(c.status())
                .isEqualTo(204));
        assertThat(Files.size(out.resolve("heard.wav"))).isGreaterThan(44);
        assertThat(Files.readString(out.resolve("timeline.txt"))).contains("playedStream");
        long greetingHeard = record.timeline().stream()
                .filter(e -> e.what().equals("clearAudio"))
                .findFirst()
                .orElseThrow()
                .atMillis();
        assertThat(greetingHeard)
                .as("the caller barged in during the 2 s greeting")
                .isLessThan(3000);
    }

    /** Scrapes the management port while the demo call runs, as Prometheus and an operator would. */
    private static final class Observer extends Thread {

        private final HttpClient http = HttpClient.newHttpClient();
        private final String base;
        volatile String metricsDuringCall = "";
        volatile String consoleDuringCall = "";
        volatile String healthDuringCall = "";

        Observer(int port) {
            super("observer");
            setDaemon(true);
            this.base = "http://127.0.0.1:" + port;
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                try {
                    String metrics = get("/observe/metrics");
                    if (metrics.contains("vobiz_calls_active 1.0")) {
                        metricsDuringCall = metrics;
                        healthDuringCall = get("/observe/health?exposureLevel=full");
                        String console = get("/q/dev/vobiz");
                        if (console.contains("Live calls: 1")) {
                            consoleDuringCall = console;
                        }
                    }
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // not up yet, or stopping
                }
            }
        }

        private String get(String path) throws Exception {
            return http.send(
                            HttpRequest.newBuilder(URI.create(base + path)).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        }
    }
}
