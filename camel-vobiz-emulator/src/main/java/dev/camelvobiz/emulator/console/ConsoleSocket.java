package dev.camelvobiz.emulator.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelvobiz.emulator.CallSpec;
import dev.camelvobiz.emulator.EmulatedCall;
import dev.camelvobiz.emulator.Emulator;
import dev.camelvobiz.emulator.LiveAudio;
import dev.camelvobiz.emulator.audio.Pcm;
import dev.camelvobiz.emulator.record.CallObserver;
import dev.camelvobiz.emulator.record.CallRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;

/**
 * One browser page on the console: its softphone and its view of the call. The page sends JSON
 * commands ({@code call}, {@code dtmf}, {@code hangup}) and its microphone as binary messages
 * ({@code u32 sampleRate} then 16-bit little-endian samples); it gets the call's events as JSON and both
 * directions of audio as binary messages ({@code u8 kind} (1 heard, 2 said), 3 bytes padding,
 * {@code u32 sampleRate}, {@code f64 startMicros}, then 16-bit little-endian samples). One call at a time;
 * closing the page hangs its call up.
 */
final class ConsoleSocket implements FrameHandler, CallObserver {

    static final byte HEARD = 1;
    static final byte SAID = 2;
    private static final int HEADER_BYTES = 16;
    private static final int MAX_MESSAGE_BYTES = 1 << 20;
    private static final Pattern DIGITS = Pattern.compile("[0-9*#]{1,32}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Emulator emulator;
    private final ConsoleSettings settings;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private byte partialOpCode;
    private volatile CoreSession session;
    private volatile EmulatedCall call;
    private volatile LiveAudio microphone;

    ConsoleSocket(Emulator emulator, ConsoleSettings settings) {
        this.emulator = emulator;
        this.settings = settings;
    }

    @Override
    public void onOpen(CoreSession coreSession, Callback callback) {
        session = coreSession;
        callback.succeeded();
        send(event("hello")
                .put("answerUrl", settings.answerUrl())
                .put("from", settings.from())
                .put("to", settings.to()));
        coreSession.demand();
    }

    @Override
    public void onFrame(Frame frame, Callback callback) {
        byte opCode = frame.getOpCode();
        if (opCode == OpCode.TEXT || opCode == OpCode.BINARY || opCode == OpCode.CONTINUATION) {
            if (opCode != OpCode.CONTINUATION) {
                partial.reset();
                partialOpCode = opCode;
            }
            ByteBuffer payload = frame.getPayload();
            byte[] bytes = new byte[payload == null ? 0 : payload.remaining()];
            if (payload != null) {
                payload.get(bytes);
            }
            partial.writeBytes(bytes);
            if (partial.size() > MAX_MESSAGE_BYTES) {
                callback.failed(new IOException("Console message over " + MAX_MESSAGE_BYTES + " bytes"));
                return;
            }
            if (frame.isFin()) {
                byte[] message = partial.toByteArray();
                partial.reset();
                if (partialOpCode == OpCode.TEXT) {
                    onCommand(new String(message, StandardCharsets.UTF_8));
                } else {
                    onMicrophone(message);
                }
            }
        }
        callback.succeeded();
        CoreSession current = session;
        if (opCode != OpCode.CLOSE && current != null) {
            current.demand();
        }
    }

    private void onCommand(String text) {
        try {
            JsonNode command = JSON.readTree(text);
            switch (command.path("type").asText()) {
                case "call" -> placeCall(command.path("answerUrl").asText(settings.answerUrl()));
                case "dtmf" -> pressKeys(command.path("digits").asText());
                case "hangup" -> {
                    EmulatedCall current = call;
                    if (current != null) {
                        current.hangup();
                    }
                }
                default -> refuse("Unknown console command: " + text);
            }
        } catch (IOException e) {
            refuse("Console commands are JSON: " + e.getMessage());
        }
    }

    private void placeCall(String answerUrl) {
        if (call != null && !call.record().isEnded()) {
            refuse("A call is already up: hang it up first");
            return;
        }
        URI url;
        try {
            url = URI.create(answerUrl.trim());
        } catch (IllegalArgumentException e) {
            refuse("Not a URL: " + answerUrl);
            return;
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            refuse("The answer URL must be an http(s) URL: " + answerUrl);
            return;
        }
        if (!settings.trusts(url.getHost())) {
            refuse("The console calls only answer URLs on " + settings.allowedHosts() + ", not " + url.getHost()
                    + ": start it with --allowed-hosts " + url.getHost() + " to add that host");
            return;
        }
        LiveAudio live = new LiveAudio(16_000); // holds 8 and 16 kHz streams' audio without loss
        microphone = live;
        call = emulator.call(CallSpec.answerUrl(url.toString())
                .from(settings.from())
                .to(settings.to())
                .streamDtmf(settings.streamDtmf())
                .callerAudio(live)
                .observer(this));
        send(event("calling").put("callUuid", call.callUuid()).put("answerUrl", url.toString()));
    }

    private void pressKeys(String digits) {
        EmulatedCall current = call;
        if (current == null || current.record().isEnded()) {
            refuse("No call is up to press keys on");
        } else if (!DIGITS.matcher(digits).matches()) {
            refuse("Keys are 0-9, * and #: '" + digits + "'");
        } else {
            current.sendDtmf(digits);
        }
    }

    private void onMicrophone(byte[] message) {
        LiveAudio live = microphone;
        if (live == null || message.length < 4 || (message.length - 4) % 2 != 0) {
            return; // no call to talk to, or not audio: the page sends nothing else as binary
        }
        ByteBuffer bytes = ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN);
        int sampleRate = bytes.getInt();
        if (sampleRate < 8000 || sampleRate > 48000) {
            refuse("Microphone audio at " + sampleRate + " Hz: the console takes 8000 to 48000 Hz");
            return;
        }
        short[] samples = new short[bytes.remaining() / 2];
        bytes.asShortBuffer().get(samples);
        live.write(new Pcm(samples, sampleRate).resample(live.sampleRate()).samples());
    }

    private void refuse(String why) {
        send(event("error").put("message", why));
    }

    // ---- the call, as it happens ---------------------------------------------------------------

    @Override
    public void logged(CallRecord.Entry entry) {
        send(event("entry")
                .put("at", entry.atMillis())
                .put("what", entry.what())
                .put("detail", entry.detail()));
    }

    @Override
    public void streamOpened(String streamId, int sampleRate) {
        send(event("stream").put("streamId", streamId).put("sampleRate", sampleRate));
    }

    @Override
    public void said(long atMicros, short[] samples, int sampleRate) {
        sendAudio(SAID, atMicros, samples, sampleRate);
    }

    @Override
    public void queued(long startMicros, short[] samples, int sampleRate) {
        sendAudio(HEARD, startMicros, samples, sampleRate);
    }

    @Override
    public void cleared(long atMicros) {
        send(event("cleared").put("atMicros", atMicros));
    }

    @Override
    public void checkpoint(String name, CheckpointState state) {
        send(event("checkpoint").put("name", name).put("state", state.name().toLowerCase(Locale.ROOT)));
    }

    @Override
    public void ended(CallRecord.Hangup hangup) {
        EmulatedCall ended = call;
        microphone = null;
        send(event("ended")
                .put("cause", hangup.cause())
                .put("causeCode", hangup.causeCode())
                .put("source", hangup.source())
                .put("record", ended == null ? null : "/calls/" + ended.callUuid() + ".json"));
    }

    private static ObjectNode event(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    private void send(ObjectNode event) {
        CoreSession current = session;
        if (current != null && current.isOutputOpen()) {
            current.sendFrame(new Frame(OpCode.TEXT).setPayload(event.toString()), Callback.NOOP, false);
        }
    }

    private void sendAudio(byte kind, long startMicros, short[] samples, int sampleRate) {
        CoreSession current = session;
        if (current == null || !current.isOutputOpen()) {
            return;
        }
        ByteBuffer message =
                ByteBuffer.allocate(HEADER_BYTES + samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        message.put(kind).put(new byte[3]).putInt(sampleRate).putDouble(startMicros);
        message.asShortBuffer().put(samples);
        current.sendFrame(new Frame(OpCode.BINARY).setPayload(message.rewind()), Callback.NOOP, false);
    }

    // ---- the page goes away ----------------------------------------------------------------------

    @Override
    public void onError(Throwable cause, Callback callback) {
        callback.succeeded();
    }

    @Override
    public void onClosed(CloseStatus closeStatus, Callback callback) {
        session = null;
        EmulatedCall current = call;
        if (current != null) {
            current.hangup(); // nobody is left to talk: the caller hangs up
        }
        callback.succeeded();
    }
}
