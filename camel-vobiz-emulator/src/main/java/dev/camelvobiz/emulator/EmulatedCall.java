package dev.camelvobiz.emulator;

import dev.camelvobiz.emulator.audio.AudioSource;
import dev.camelvobiz.emulator.call.Call;
import dev.camelvobiz.emulator.record.CallRecord;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One call on the emulated platform: its streams, the caller's voice and keypad, and how it ends.
 * Control it while it runs ({@link #sendDtmf}, {@link #say}, {@link #dropStream}, {@link #hangup}) and
 * inspect it through its {@link #record()}.
 */
public final class EmulatedCall {

    private final Call call;

    EmulatedCall(Call call) {
        this.call = call;
    }

    public String callUuid() {
        return call.callUuid();
    }

    public CallRecord record() {
        return call.record();
    }

    /** Waits for the call to end; the usual last step of a test. */
    public CallRecord.Hangup awaitHangup(Duration timeout) throws InterruptedException, TimeoutException {
        return call.record().awaitHangup(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The caller presses keys: heard by a {@code <Gather>}, and sent on streams if the spec says so. */
    public void sendDtmf(String digits) {
        call.sendDtmf(digits);
    }

    /** The caller starts saying {@code audio} now (for barge-in tests). */
    public void say(AudioSource audio) {
        call.say(audio);
    }

    /** Cuts the current connection of every stream as a network failure would (reconnects if allowed). */
    public void dropStream() {
        call.dropStream();
    }

    /** The caller hangs up. */
    public void hangup() {
        call.end(new CallRecord.Hangup("Normal Hangup", "4000", "Caller"));
    }

    /** The platform's side of this call. */
    Call call() {
        return call;
    }
}
