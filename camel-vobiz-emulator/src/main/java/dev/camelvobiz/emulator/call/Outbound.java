package dev.camelvobiz.emulator.call;

import dev.camelvobiz.emulator.Callee;
import java.time.Duration;

/**
 * What makes a call outbound: the {@code makeCall} request that placed it (its id, ring URL, ring
 * timeout and machine detection) and how the dialled destination responds.
 *
 * @param machineDetection {@code true}, {@code hangup}, or null when off
 * @param fallbackUrl asked for the answer when answer_url fails (unreachable after its retries, or not 2xx), or null
 */
public record Outbound(
        String requestUuid,
        String ringUrl,
        String ringMethod,
        Duration ringTimeout,
        String machineDetection,
        String machineDetectionUrl,
        String machineDetectionMethod,
        String fallbackUrl,
        String fallbackMethod,
        Callee callee) {

    boolean detectsMachines() {
        return machineDetection != null;
    }

    boolean hangsUpOnMachines() {
        return "hangup".equalsIgnoreCase(machineDetection);
    }
}
