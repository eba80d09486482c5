package dev.camelvobiz.emulator.call;

import dev.camelvobiz.emulator.record.CallRecord;

/**
 * How an outbound call that never talked ends, and the {@code CallStatus} each ending reports on the
 * hang-up request. Vobiz's hang-up causes page lists the codes of normal and cancelled endings; the
 * causes of a busy, unanswered or unreachable destination are not on the pages we could read, so these
 * follow Plivo, whose API Vobiz's mirrors (docs/PROTOCOL.md §9).
 */
final class Hangups {

    static final CallRecord.Hangup BUSY = new CallRecord.Hangup("Busy Line", "3010", "Callee");
    static final CallRecord.Hangup NO_ANSWER = new CallRecord.Hangup("No Answer", "3000", "Carrier");
    static final CallRecord.Hangup UNREACHABLE = new CallRecord.Hangup("Unallocated Number", "2000", "Carrier");
    static final CallRecord.Hangup MACHINE = new CallRecord.Hangup("Machine Detected", "4000", "Vobiz");

    private Hangups() {}

    /** {@code completed} for a call that was answered; busy, no-answer or failed for one that never was. */
    static String callStatus(CallRecord.Hangup how) {
        if (how.equals(BUSY)) {
            return "busy";
        }
        if (how.equals(NO_ANSWER)) {
            return "no-answer";
        }
        if (how.equals(UNREACHABLE)) {
            return "failed";
        }
        return "completed";
    }
}
