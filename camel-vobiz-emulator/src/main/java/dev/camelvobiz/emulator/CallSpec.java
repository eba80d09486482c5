package dev.camelvobiz.emulator;

import dev.camelvobiz.emulator.audio.AudioSource;
import dev.camelvobiz.emulator.record.CallObserver;
import dev.camelvobiz.emulator.record.CallRecord;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What one emulated call does: where Vobiz fetches the answer (or which stream it opens straight away),
 * who calls whom, what the caller says, and a script of things that happen at set times (DTMF, the
 * caller talking over the app, a dropped socket, the caller hanging up).
 */
public final class CallSpec {

    /** Something that happens on the call at a time after it was placed. */
    record Step(Duration at, String description, Consumer<EmulatedCall> action) {}

    private String answerUrl;
    private String answerMethod = "POST";
    private String streamUrl;
    private String streamContentType = "audio/x-l16;rate=8000";
    private String hangupUrl;
    private String from = "918071387423";
    private String to = "918035739911";
    private String direction = "inbound";
    private AudioSource callerAudio = AudioSource.silence();
    private LiveAudio liveCallerAudio;
    private final List<CallObserver> observers = new ArrayList<>();
    private StartShape shape = StartShape.NESTED;
    private ByteOrder mediaByteOrder = ByteOrder.BIG_ENDIAN;
    private ByteOrder playAudioByteOrder = ByteOrder.LITTLE_ENDIAN;
    private boolean streamDtmf;
    private boolean keepHeardAudio = true;
    private Duration maxDuration = Duration.ofMinutes(10);
    private String hangupMethod = "POST";
    private final List<Step> script = new ArrayList<>();

    private CallSpec() {}

    /** A call whose flow comes from {@code answerUrl}, as Vobiz places it. */
    public static CallSpec answerUrl(String answerUrl) {
        CallSpec spec = new CallSpec();
        spec.answerUrl = Objects.requireNonNull(answerUrl, "answerUrl");
        return spec;
    }

    /**
     * A call answered with a bidirectional, keep-alive {@code <Stream>} to {@code streamUrl}, without
     * an answer_url: for testing a stream route on its own.
     */
    public static CallSpec stream(String streamUrl) {
        CallSpec spec = new CallSpec();
        spec.streamUrl = Objects.requireNonNull(streamUrl, "streamUrl");
        return spec;
    }

    public CallSpec answerMethod(String method) {
        this.answerMethod = method;
        return this;
    }

    /** The {@code contentType} of the stream of {@link #stream(String)} calls. */
    public CallSpec streamContentType(String contentType) {
        this.streamContentType = contentType;
        return this;
    }

    public CallSpec hangupUrl(String url) {
        this.hangupUrl = url;
        return this;
    }

    /** The HTTP method of the hang-up request (default POST). */
    public CallSpec hangupMethod(String method) {
        this.hangupMethod = method;
        return this;
    }

    public CallSpec from(String number) {
        this.from = number;
        return this;
    }

    public CallSpec to(String number) {
        this.to = number;
        return this;
    }

    public CallSpec direction(String direction) {
        this.direction = direction;
        return this;
    }

    /** What the caller says from the moment a stream opens (then silence). */
    public CallSpec callerAudio(AudioSource audio) {
        this.callerAudio = audio;
        return this;
    }

    /** The caller speaks live: whatever is written to {@code audio} goes to the app as it arrives. */
    public CallSpec callerAudio(LiveAudio audio) {
        this.liveCallerAudio = audio;
        return this;
    }

    /** Tells {@code observer} what happens on the call as it happens (see {@link CallObserver}). */
    public CallSpec observer(CallObserver observer) {
        observers.add(Objects.requireNonNull(observer, "observer"));
        return this;
    }

    public CallSpec shape(StartShape shape) {
        this.shape = shape;
        return this;
    }

    /** Byte order of L16 {@code media} the emulator sends (protocol §14.9: big-endian by default). */
    public CallSpec mediaByteOrder(ByteOrder order) {
        this.mediaByteOrder = order;
        return this;
    }

    /** Byte order the emulator reads L16 {@code playAudio} in (protocol §14.9: little-endian by default). */
    public CallSpec playAudioByteOrder(ByteOrder order) {
        this.playAudioByteOrder = order;
        return this;
    }

    /** Also send DTMF on open streams as {@code dtmf} events (Plivo does; Vobiz does not document it). */
    public CallSpec streamDtmf(boolean enabled) {
        this.streamDtmf = enabled;
        return this;
    }

    /**
     * Keep the call's audio, both what the caller heard ({@link CallRecord#heard}) and what they said
     * ({@link CallRecord#said}), and tell observers of it; off for long load runs.
     */
    public CallSpec keepHeardAudio(boolean keep) {
        this.keepHeardAudio = keep;
        return this;
    }

    /** The call is hung up by the caller after this long at the latest. */
    public CallSpec maxDuration(Duration duration) {
        this.maxDuration = duration;
        return this;
    }

    public CallSpec dtmfAt(Duration at, String digits) {
        return step(at, "caller presses " + digits, call -> call.sendDtmf(digits));
    }

    public CallSpec sayAt(Duration at, AudioSource audio) {
        return step(at, "caller speaks", call -> call.say(audio));
    }

    public CallSpec dropStreamAt(Duration at) {
        return step(at, "stream connection drops", EmulatedCall::dropStream);
    }

    public CallSpec hangupAt(Duration at) {
        return step(at, "caller hangs up", EmulatedCall::hangup);
    }

    private CallSpec step(Duration at, String description, Consumer<EmulatedCall> action) {
        script.add(new Step(at, description, action));
        return this;
    }

    public String answerUrlValue() {
        return answerUrl;
    }

    public String answerMethodValue() {
        return answerMethod;
    }

    public String streamUrl() {
        return streamUrl;
    }

    public String streamContentType() {
        return streamContentType;
    }

    public String hangupUrlValue() {
        return hangupUrl;
    }

    public String hangupMethodValue() {
        return hangupMethod;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    public String directionValue() {
        return direction;
    }

    public AudioSource callerAudioValue() {
        return callerAudio;
    }

    public LiveAudio liveCallerAudio() {
        return liveCallerAudio;
    }

    public List<CallObserver> observers() {
        return List.copyOf(observers);
    }

    public StartShape shape() {
        return shape;
    }

    public ByteOrder mediaByteOrder() {
        return mediaByteOrder;
    }

    public ByteOrder playAudioByteOrder() {
        return playAudioByteOrder;
    }

    public boolean streamDtmfEnabled() {
        return streamDtmf;
    }

    public boolean keepHeardAudio() {
        return keepHeardAudio;
    }

    public Duration maxDurationValue() {
        return maxDuration;
    }

    List<Step> script() {
        return List.copyOf(script);
    }
}
