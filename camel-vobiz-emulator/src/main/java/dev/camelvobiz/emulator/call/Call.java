package dev.camelvobiz.emulator.call;

import dev.camelvobiz.emulator.CallSpec;
import dev.camelvobiz.emulator.EmulatorOptions;
import dev.camelvobiz.emulator.answer.StreamAttributes;
import dev.camelvobiz.emulator.audio.AudioSource;
import dev.camelvobiz.emulator.audio.Pcm;
import dev.camelvobiz.emulator.http.Timestamps;
import dev.camelvobiz.emulator.record.CallRecord;
import dev.camelvobiz.emulator.record.PlaybackQueue;
import dev.camelvobiz.emulator.stream.CallLine;
import dev.camelvobiz.emulator.stream.CallerVoice;
import dev.camelvobiz.emulator.stream.MediaSource;
import dev.camelvobiz.emulator.stream.PlayAudioListener;
import dev.camelvobiz.emulator.stream.StreamEnd;
import dev.camelvobiz.emulator.stream.StreamIdentity;
import dev.camelvobiz.emulator.stream.StreamLeg;
import dev.camelvobiz.emulator.stream.StreamServices;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

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
    private final java.util.Set<String> finishedRecordings = ConcurrentHashMap.newKeySet();
    private final Outbound outbound;
    private final AtomicReference<Transfer> transfer = new AtomicReference<>();
    private final Map<String, Recording> recordings = new ConcurrentHashMap<>();
    private volatile MediaSource media;
    private volatile PlayAudioListener playListener;
    private volatile boolean answered;
    private volatile Boolean machine;
    private volatile Thread flowThread;
    private volatile PlaybackQueue apiAudio;

    /** An inbound call, answered as it arrives. */
    public Call(CallSpec spec, EmulatorOptions options, StreamServices streams) {
        this(spec, options, streams, null);
    }

    /** A call placed by {@code makeCall}, or an inbound one when {@code outbound} is null. */
    public Call(CallSpec spec, EmulatorOptions options, StreamServices streams, Outbound outbound) {
        this.spec = spec;
        this.options = options;
        this.streams = streams;
        this.outbound = outbound;
        this.record = new CallRecord(callUuid, spec.observers());
        this.voice = new CallerVoice(spec.callerAudioValue());
        this.media = spec.liveCallerAudio() != null ? spec.liveCallerAudio() : voice;
        this.answered = outbound == null;
    }

    /** The makeCall request and destination behind an outbound call; null for an inbound one. */
    public Outbound outbound() {
        return outbound;
    }

    /** Whether the call has been answered (an inbound call is answered as it arrives). */
    public boolean isAnswered() {
        return answered;
    }

    void answered() {
        answered = true;
    }

    /** Machine detection's verdict, sent as {@code Machine} on the requests that follow. */
    void machine(boolean machine) {
        this.machine = machine;
    }

    /** Posts a request about this call (ring, machine detection) to the app, in order with the others. */
    void post(String url, String method, Map<String, String> fields) {
        streams.callbacks().post(record, url, method, fields);
    }

    public String requestUuid() {
        return outbound != null ? outbound.requestUuid() : requestUuid;
    }

    public java.time.Instant startTime() {
        return startTime;
    }

    // ---- live-call control (the REST API) --------------------------------------------------------

    /** Interrupts the call's current answer: it fetches its next one from {@code url} (Event=Transfer). */
    public void transfer(String url, String method) {
        record.log("transfer", method + " " + url);
        transfer.set(new Transfer(url, method));
        Thread flow = flowThread;
        if (flow != null) {
            flow.interrupt(); // wakes a pause, a Gather or a stream the flow waits on
        }
    }

    Transfer takeTransfer() {
        return transfer.getAndSet(null);
    }

    void flowThread(Thread thread) {
        this.flowThread = thread;
    }

    /** Speaks {@code text} to the caller over whatever the call is doing (a tone as long as the speech). */
    public void speak(String text) {
        record.log("speak (api)", "\"" + text + "\"");
        overlay(Speech.render(text, 1));
    }

    /** Plays {@code audio} (fetched from {@code url}) to the caller over whatever the call is doing. */
    public void play(String url, Pcm audio) {
        record.log("play (api)", url + " (" + audio.durationMillis() + " ms)");
        overlay(audio);
    }

    /** Stops what the REST API speaks or plays. */
    public void stopOverlay(String what) {
        PlaybackQueue queue = apiAudio;
        if (queue != null) {
            queue.clear(record.nowMicros());
        }
        record.log("stop " + what + " (api)", "");
    }

    /** Keypad tones sent to the caller (they hear them; they are not the caller's own presses). */
    public void digitsToCaller(String digits) {
        record.log("dtmf (api)", digits + " sent to the caller");
        overlay(Pcm.tone(697, 8000, 100L * digits.length()));
    }

    private void overlay(Pcm audio) {
        PlaybackQueue queue = apiAudio;
        if (queue == null) {
            synchronized (this) {
                if (apiAudio == null) {
                    apiAudio = record.newPlaybackQueue();
                }
                queue = apiAudio;
            }
        }
        ByteBuffer bytes = ByteBuffer.allocate(audio.samples().length * 2).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asShortBuffer().put(audio.samples());
        long start = queue.enqueue(bytes.array(), audio.sampleRate(), 2, record.nowMicros());
        record.queued(start, audio);
    }

    /** Starts a recording; it ends when stopped, at its time limit, or with the call. */
    public Recording startRecording(Recording recording) {
        recordings.put(recording.id(), recording);
        record.log("recording", recording.id() + " started (" + recording.fileFormat() + ")");
        streams.ticker()
                .schedule(
                        () -> stopRecording(recording.id()),
                        recording.timeLimit().toMillis());
        return recording;
    }

    public Recording recording(String id) {
        return recordings.get(id);
    }

    /** Whether the recording has ended (stopped, timed out, or the call ended), so its file is complete. */
    public boolean recordingStopped(String id) {
        return finishedRecordings.contains(id);
    }

    /** Stops every recording still running; returns how many. */
    public int stopRecordings() {
        int stopped = 0;
        for (String id : List.copyOf(recordings.keySet())) {
            stopped += stopRecording(id) ? 1 : 0;
        }
        return stopped;
    }

    private boolean stopRecording(String id) {
        Recording recording = recordings.get(id);
        if (recording == null || !finishedRecordings.add(id)) {
            return false;
        }
        long end = record.nowMicros() / 1000;
        long duration = Math.max(0, end - recording.startMillis());
        record.log("recording", id + " stopped after " + duration + " ms");
        if (recording.callbackUrl() != null && !recording.callbackUrl().isBlank()) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("api_id", UUID.randomUUID().toString());
            fields.put("record_url", recording.url());
            fields.put("call_uuid", callUuid);
            fields.put("recording_id", id);
            fields.put("recording_duration", Long.toString(duration / 1000));
            fields.put("recording_duration_ms", Long.toString(duration));
            fields.put("recording_start_ms", Long.toString(recording.startMillis()));
            fields.put("recording_end_ms", Long.toString(end));
            streams.callbacks().post(record, recording.callbackUrl(), recording.callbackMethod(), fields);
        }
        return true;
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
            stopRecordings();
            String hangupUrl = spec.hangupUrlValue();
            if (hangupUrl != null) {
                streams.callbacks().post(record, hangupUrl, spec.hangupMethodValue(), hangupFields(how));
            }
        } finally {
            record.endingDone();
        }
    }

    private Map<String, String> hangupFields(CallRecord.Hangup how) {
        Map<String, String> fields = new LinkedHashMap<>(callFields("Hangup", Hangups.callStatus(how)));
        Instant end = Instant.now();
        long seconds = answered ? Duration.between(startTime, end).toSeconds() : 0;
        fields.put("StartTime", Timestamps.local(startTime));
        fields.put("AnswerTime", answered ? Timestamps.local(startTime) : "");
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
        fields.put("RequestUUID", requestUuid());
        if (outbound != null) { // who placed it: Vobiz's answer and hang-up requests of API calls (§9)
            fields.put("ALegUUID", callUuid);
            fields.put("ALegRequestUUID", outbound.requestUuid());
            if (machine != null) {
                fields.put("Machine", machine.toString());
            }
        }
        fields.put("SessionStart", Timestamps.local(startTime));
        fields.put("ParentAuthID", options.authId());
        return fields;
    }
}
