package dev.camelvobiz.app;

import dev.camelvobiz.emulator.CallSpec;
import dev.camelvobiz.emulator.EmulatedCall;
import dev.camelvobiz.emulator.Emulator;
import dev.camelvobiz.emulator.EmulatorOptions;
import dev.camelvobiz.emulator.audio.AudioSource;
import dev.camelvobiz.emulator.audio.Wav;
import dev.camelvobiz.emulator.record.CallRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One emulated call against the running app: the emulator fetches its answer URL, streams the bundled
 * caller audio, and plays back what the app says; then the timeline is printed and what the caller
 * heard is written as a WAV.
 */
public final class DemoCall {

    private DemoCall() {}

    public static CallRecord place(int port, String authToken, String callerAudio, Path out) throws Exception {
        EmulatorOptions options = EmulatorOptions.defaults().restApi(false);
        if (authToken != null && !authToken.isBlank()) {
            options.authToken(authToken);
        }
        try (Emulator emulator = Emulator.start(options)) {
            EmulatedCall call = emulator.call(CallSpec.answerUrl("http://127.0.0.1:" + port + "/answer")
                    .hangupUrl("http://127.0.0.1:" + port + "/events")
                    .callerAudio(AudioSource.of(Wav.read(Prompts.load(callerAudio))))
                    .maxDuration(Duration.ofSeconds(60)));
            call.awaitHangup(Duration.ofSeconds(70));
            emulator.close(); // deliver the last callbacks before the record is read
            CallRecord record = call.record();
            Files.createDirectories(out);
            record.writeHeardWav(out.resolve("heard.wav"));
            record.writeTimeline(out.resolve("timeline.txt"));
            return record;
        }
    }
}
