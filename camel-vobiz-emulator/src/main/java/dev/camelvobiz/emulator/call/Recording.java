package dev.camelvobiz.emulator.call;

import java.time.Duration;

/**
 * One recording of a call started through the REST API, from {@code startMillis} on the call's clock
 * until it is stopped, its time limit passes or the call ends.
 */
public record Recording(
        String id,
        String url,
        long startMillis,
        Duration timeLimit,
        String fileFormat,
        String callbackUrl,
        String callbackMethod) {}
