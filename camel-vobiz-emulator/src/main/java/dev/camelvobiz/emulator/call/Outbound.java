package dev.camelvobiz.emulator.call;

import dev.camelvobiz.emulator.Callee;
import java.time.Duration;

/**
 * What makes a call outbound: the {@code makeCall} request that placed it (its id, ring URL, ring
 * timeout and machine detection) and how the dialled destination responds.
 *
 * @param machineDetection {@code true}, {@code hangup}, or null when off
 */
public record Outbound(
        String requestUuid,
        String ringUrl,
        String ringMethod,
        Duration ringTimeout,
        String machineDetection,
        String machineDetectionUrl,
        String machineDetectionMethod,
        Callee callee) {

    boolean detectsMachines() {
        return machineDetection != null;
    }

    boolean hangsUpOnMachines() {
        return "hangup".equalsIgnoreCase(machineDetection);
    }
}
