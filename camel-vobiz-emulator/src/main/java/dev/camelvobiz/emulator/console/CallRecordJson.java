package dev.camelvobiz.emulator.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelvobiz.emulator.audio.Pcm;
import dev.camelvobiz.emulator.record.CallRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * A call record as one JSON document, what the web console loads to show a recorded call: the
 * timeline, the checkpoints, how it ended, and both directions of audio (16-bit little-endian PCM,
 * base64) on the call's clock.
 */
public final class CallRecordJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CallRecordJson() {}

    public static ObjectNode of(CallRecord record) {
        ObjectNode root = JSON.createObjectNode();
        root.put("callUuid", record.callUuid());
        ArrayNode timeline = root.putArray("timeline");
        for (CallRecord.Entry entry : record.timeline()) {
            timeline.addObject()
                    .put("at", entry.atMillis())
                    .put("what", entry.what())
                    .put("detail", entry.detail());
        }
        record.checkpointsPlayed().forEach(root.putArray("checkpointsPlayed")::add);
        record.checkpointsVoided().forEach(root.putArray("checkpointsVoided")::add);
        record.violations().forEach(root.putArray("violations")::add);
        CallRecord.Hangup hangup = record.hangup().getNow(null);
        if (hangup != null) {
            root.putObject("hangup")
                    .put("cause", hangup.cause())
                    .put("causeCode", hangup.causeCode())
                    .put("source", hangup.source());
        }
        root.set("said", audio(record.said(record.saidSampleRate())));
        root.set("heard", audio(record.heard(record.heardSampleRate())));
        return root;
    }

    public static void write(CallRecord record, Path file) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(of(record)));
    }

    private static ObjectNode audio(Pcm pcm) {
        ByteBuffer bytes = ByteBuffer.allocate(pcm.samples().length * 2).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asShortBuffer().put(pcm.samples());
        return JSON.createObjectNode()
                .put("sampleRate", pcm.sampleRate())
                .put("pcm", Base64.getEncoder().encodeToString(bytes.array()));
    }
}
