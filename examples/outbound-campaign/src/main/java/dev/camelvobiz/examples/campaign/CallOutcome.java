package dev.camelvobiz.examples.campaign;

/**
 * What became of one placed call, as published on the results topic.
 *
 * @param outcome {@code answered}, {@code busy}, {@code no-answer} or {@code failed}
 * @param heard what the callee was told, empty when the call was not answered
 */
public record CallOutcome(
        String requestId,
        String to,
        String requestUuid,
        String callId,
        String outcome,
        long durationSeconds,
        String hangupCause,
        String heard) {}
