package dev.camelvobiz.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camelvobiz.emulator.CallRecord;
import java.net.ServerSocket;
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
        Main main = new Main(VobizApp.class);
        main.addOverrideProperty("camel.component.vobiz.port", Integer.toString(port));
        main.addOverrideProperty("demo.out", out.toString());

        CallRecord record = VobizApp.run(main)[0];

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
}
