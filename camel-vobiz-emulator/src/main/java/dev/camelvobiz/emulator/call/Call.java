package dev.camelvobiz.emulator.call;

import dev.camelvobiz.emulator.CallSpec;
import dev.camelvobiz.emulator.EmulatorOptions;
import dev.camelvobiz.emulator.answer.StreamAttributes;
import dev.camelvobiz.emulator.audio.AudioSource;
import dev.camelvobiz.emulator.http.Timestamps;
import dev.camelvobiz.emulator.record.CallRecord;
import dev.camelvobiz.emulator.stream.CallLine;
import dev.camelvobiz.emulator.stream.CallerVoice;
import dev.camelvobiz.emulator.stream.MediaSource;
import dev.camelvobiz.emulator.stream.PlayAudioListener;
import dev.camelvobiz.emulator.stream.StreamEnd;
import dev.camelvobiz.emulator.stream.StreamIdentity;
import dev.camelvobiz.emulator.stream.StreamLeg;
import dev.camelvobiz.emulator.stream.StreamServices;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One call on the emulated platform as the platform runs it: its streams, the caller's voice and keypad,
 * the fields its requests carry, and how it ends. {@link dev.camelvobiz.emulator.EmulatedCall} is what
 * tests hold of it.
 */
public final class Call implements CallLine {

    private final CallSpec spec;
    private final EmulatorOptions options;
    private final StreamServices streams;
    private final String callUuid = UUID.randomUUID().toString();
    private final String requestUuid = UUID.randomUUID().toString();
    private final CallRecord record;
    private final CallerVoice voice;
    private final Instant startTime = Instant.now();
    private final List<StreamLeg> legs = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<Character> keypad = new LinkedBlockingQueue<>();
    private volatile MediaSource media;
    private volatile PlayAudioListener playListener;

    public Call(CallSpec spec, EmulatorOptions options, StreamServices streams) {
        this.spec = spec;
        this.options = options;
        this.streams = streams;
        this.record = new CallRecord(callUuid, spec.observers());
        this.voice = new CallerVoice(spec.callerAudioValue());
        this.media = spec.liveCallerAudio() != null ? spec.liveCallerAudio() : voice;
    }

    @Override
    public String callUuid() {
        return callUuid;
    }

    @Override
    public CallRecord record() {
        return record;
    }

    @Override
    public CallSpec spec() {
        return spec;
    }

    @Override
    public MediaSource media() {
        return media;
    }

    /** Streams this call's media from {@code source} from now on (load mode's marked frames). */
    public void media(MediaSource source) {
        this.media = source;
    }

    @Override
    public PlayAudioListener playListener() {
        return playListener;
    }

    public void playListener(PlayAudioListener listener) {
        this.playListener = listener;
    }

    @Override
    public StreamIdentity identity(String streamId) {
        return new StreamIdentity(
                streamId,
                callUuid,
                options.accountId(),
                options.authId(),
                spec.from(),
                spec.to(),
                spec.directionValue());
    }

    /** The caller presses keys: heard by a {@code <Gather>}, and sent on streams if the spec says so. */
    public void sendDtmf(String digits) {
        record.log("dtmf", "caller presses " + digits);
        for (char digit : digits.toCharArray()) {
            keypad.add(digit);
            if (spec.streamDtmfEnabled()) {
                legs.forEach(leg -> leg.sendDtmf(digit));
            }
        }
    }

    /** The caller starts saying {@code audio} now. */
    public void say(AudioSource audio) {
        record.log("caller speaks", "new caller audio starts");
        voice.say(audio);
        media = voice;
    }

    /** Cuts the current connection of every stream as a network failure would (reconnects if allowed). */
    public void dropStream() {
        legs.forEach(StreamLeg::drop);
    }

    LinkedBlockingQueue<Character> keypad() {
        return keypad;
    }

    public List<StreamLeg> legs() {
        return List.copyOf(legs);
    }

    public StreamLeg startStream(StreamAttributes attributes) {
        StreamLeg leg = new StreamLeg(this, attributes, streams);
        legs.add(leg);
        leg.connect();
        return leg;
    }

    /** Sleeps for the call's sake; returns false at once if the call ends meanwhile. */
    boolean pause(long millis) {
        try {
            record.hangup().get(millis, TimeUnit.MILLISECONDS);
            return false;
        } catch (TimeoutException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }

    /** Ends the call once: closes its streams, posts the hang-up webhook, then releases waiters. */
    public void end(CallRecord.Hangup how) {
        if (!record.ended(how)) {
            return;
        }
        try {
            legs.forEach(leg -> leg.stop(StreamEnd.CALL_ENDED, "call ended"));
            String hangupUrl = spec.hangupUrlValue();
            if (hangupUrl != null) {
                streams.callbacks().post(record, hangupUrl, "POST", hangupFields(how));
            }
        } finally {
            record.endingDone();
        }
    }

    private Map<String, String> hangupFields(CallRecord.Hangup how) {
        Map<String, String> fields = new LinkedHashMap<>(callFields("Hangup", "completed"));
        Instant end = Instant.now();
        long seconds = Duration.between(startTime, end).toSeconds();
        fields.put("StartTime", Timestamps.local(startTime));
        fields.put("AnswerTime", Timestamps.local(startTime));
        fields.put("EndTime", Timestamps.local(end));
        fields.put("Duration", Long.toString(seconds));
        fields.put("BillDuration", Long.toString(seconds));
        fields.put("HangupCause", how.cause());
        fields.put("HangupCauseCode", how.causeCode());
        fields.put("HangupSource", how.source());
        return fields;
    }

    /** The fields every request about this call carries (protocol §9). */
    Map<String, String> callFields(String event, String callStatus) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("CallUUID", callUuid);
        fields.put("From", spec.from());
        fields.put("To", spec.to());
        fields.put("Direction", spec.directionValue());
        fields.put("CallStatus", callStatus);
        fields.put("Event", event);
        fields.put("RequestUUID", requestUuid);
        fields.put("SessionStart", Timestamps.local(startTime));
        fields.put("ParentAuthID", options.authId());
        return fields;
    }
}
