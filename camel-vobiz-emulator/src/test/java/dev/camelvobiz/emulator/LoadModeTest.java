package dev.camelvobiz.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Load mode against the reference app's echo agent: every frame matched to its echo. */
class LoadModeTest extends ReferenceAppTestSupport {

    @Override
    EmulatorOptions options() {
        return EmulatorOptions.defaults().restApi(false);
    }

    /** Echoes each media frame as a playAudio with the same payload (the BASELINES.md echo agent). */
    private void echo() {
        app.agent((socket, message) -> {
            if ("media".equals(message.path("event").asText())) {
                socket.send(AppMessages.playAudio(
                        message.path("streamId").asText(),
                        "audio/x-l16",
                        "8000",
                        message.path("media").path("payload").asText()));
            }
        });
    }

    @Test
    void measuresEveryFramesRoundTripWithNothingLost() throws Exception {
        echo();
        LoadSpec spec = LoadSpec.of(app.ws("/media"), 10, Duration.ofSeconds(4))
                .withRamp(Duration.ofMillis(500))
                .withWarmUp(Duration.ofMillis(500));

        LoadReport report = emulator.load(spec);

        assertThat(report.connected()).isEqualTo(10);
        assertThat(report.framesSent()).isGreaterThan(10 * 150);
        assertThat(report.framesReturned()).isGreaterThan(10 * 140);
        assertThat(report.lost()).isZero();
        assertThat(report.outOfOrder()).isZero();
        assertThat(report.unmatched()).isZero();
        assertThat(report.p50()).isPositive().isLessThanOrEqualTo(report.p99());
        assertThat(report.p99()).isLessThanOrEqualTo(report.max());
        assertThat(report.toTable()).contains("p99");
        assertThat(ReferenceApp.JSON.readTree(report.toJson()).path("connected").asInt())
                .isEqualTo(10);
    }

    @Test
    void countsFramesThatNeverComeBackAsLost() throws Exception {
        app.agent((socket, message) -> {
            if ("media".equals(message.path("event").asText())
                    && message.path("media").path("chunk").asInt() % 2 == 0) {
                socket.send(AppMessages.playAudio(
                        message.path("streamId").asText(),
                        "audio/x-l16",
                        "8000",
                        message.path("media").path("payload").asText()));
            }
        });
        LoadSpec spec = LoadSpec.of(app.ws("/media"), 2, Duration.ofSeconds(3))
                .withRamp(Duration.ofMillis(100))
                .withWarmUp(Duration.ofMillis(500));

        LoadReport report = emulator.load(spec);

        // every odd frame, of those sent up to the last second (2 calls × 50 frames are too recent to judge)
        long judged = report.framesSent() - 2 * 50;
        assertThat(report.lost()).isCloseTo(judged / 2, org.assertj.core.data.Offset.offset(15L));
        assertThat(report.framesReturned())
                .isCloseTo(report.framesSent() / 2, org.assertj.core.data.Offset.offset(10L));
    }
}
