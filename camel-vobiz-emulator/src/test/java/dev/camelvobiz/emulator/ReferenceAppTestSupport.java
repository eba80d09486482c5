package dev.camelvobiz.emulator;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh reference app and emulator per test, both closed after it. */
abstract class ReferenceAppTestSupport {

    static final Duration WAIT = Duration.ofSeconds(10);

    ReferenceApp app;
    Emulator emulator;

    /** The emulator's options; tests that need an account or no REST API override this. */
    EmulatorOptions options() {
        return EmulatorOptions.defaults();
    }

    @BeforeEach
    void startAppAndEmulator() throws Exception {
        app = new ReferenceApp();
        emulator = Emulator.start(options());
    }

    @AfterEach
    void stopAppAndEmulator() throws Exception {
        emulator.close();
        app.close();
    }
}
