package dev.camelvobiz.internal.forward;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.VobizEndpointKind;
import dev.camelvobiz.audio.AudioData;
import dev.camelvobiz.internal.stream.StreamCommand;
import dev.camelvobiz.stream.HeardUtterance;
import dev.camelvobiz.stream.RemoteCommandException;
import dev.camelvobiz.stream.StreamClosedException;
import dev.camelvobiz.stream.StreamNotFoundException;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;

/**
 * The wire form of forwarding: one JSON text per transport message, an envelope
 * {@code {"from":…,"to":…,"entries":[…]}} carrying every command, acceptance, outcome and departure
 * notice one instance had for another within a few milliseconds. Text in the body, no headers: every
 * transport carries it unchanged with its default serialisation, and its header rules (Camel's Kafka
 * and JMS components keep Camel* headers off the wire) do not apply.
 */
final class ForwardMessages {

    static final String COMMAND = "command";
    static final String ACCEPTED = "accepted";
    static final String OUTCOME = "outcome";
    static final String DEPARTED = "departed";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<HeardUtterance>> HEARD_LIST = new TypeReference<>() {};

    private ForwardMessages() {}

    /** An envelope as read from the transport. */
    record Envelope(String from, String to, List<JsonNode> entries) {}

    static String envelope(String from, String to, List<ObjectNode> entries) {
        ObjectNode envelope = JSON.createObjectNode().put("from", from).put("to", to);
        ArrayNode list = envelope.putArray("entries");
        entries.forEach(list::add);
        return envelope.toString();
    }

    /** @throws IllegalArgumentException naming what is wrong, for anything that is not an envelope */
    static Envelope read(String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("empty message");
        }
        JsonNode envelope;
        try {
            envelope = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        String from = envelope.path("from").asText(null);
        String to = envelope.path("to").asText(null);
        JsonNode entries = envelope.path("entries");
        if (from == null || to == null || !entries.isArray()) {
            throw new IllegalArgumentException("an envelope needs from, to and entries");
        }
        List<JsonNode> list = new java.util.ArrayList<>(entries.size());
        entries.forEach(list::add);
        return new Envelope(from, to, list);
    }

    static String type(JsonNode entry) {
        return entry.path("type").asText("");
    }

    static String id(JsonNode entry) {
        return entry.path("id").asText(null);
    }

    /** {@code command} for {@code streamId} (or {@code callId}), with the play's audio from {@code from}. */
    static ObjectNode command(String id, StreamCommand command, String streamId, String callId, Message from)
            throws InvalidPayloadException {
        ObjectNode entry = entry(COMMAND, id).put("command", command.kind().uriName());
        putIfPresent(entry, "streamId", streamId);
        putIfPresent(entry, "callId", callId);
        if (command.awaitMillis() > 0) {
            entry.put("await", command.awaitMillis());
        }
        if (command.afterPlayedMillis() > 0) {
            entry.put("afterPlayed", command.afterPlayedMillis());
        }
        if (command.roomTone()) {
            entry.put("roomTone", true);
        }
        putIfPresent(entry, "generation", from.getHeader(VobizConstants.GENERATION, Integer.class));
        putIfPresent(
                entry,
                "checkpoint",
                command.name() != null ? command.name() : from.getHeader(VobizConstants.CHECKPOINT_NAME, String.class));
        if (command.kind() == VobizEndpointKind.PLAY) {
            if (from.getBody() instanceof AudioData data) {
                entry.put("format", data.format().toString()).put("audio", data.audio());
            } else {
                Object declared = from.getHeader(VobizConstants.AUDIO_FORMAT);
                putIfPresent(entry, "format", declared != null ? declared.toString() : command.audioFormat());
                entry.put("audio", from.getMandatoryBody(byte[].class));
            }
        }
        return entry;
    }

    /** The command a {@code command} entry describes, its options as the sender's endpoint had them. */
    static StreamCommand commandOf(JsonNode entry) {
        return new StreamCommand(
                VobizEndpointKind.fromUri(entry.path("command").asText("")),
                null,
                entry.path("await").asLong(0),
                entry.path("afterPlayed").asLong(0),
                null,
                entry.path("roomTone").asBoolean(false));
    }

    /** The target, names and audio of a {@code command} entry, as the local exchange it runs on. */
    static void readCommand(JsonNode entry, Message to) throws IOException {
        putIfPresent(to, VobizConstants.STREAM_ID, entry.path("streamId").asText(null));
        putIfPresent(to, VobizConstants.CALL_ID, entry.path("callId").asText(null));
        putIfPresent(
                to, VobizConstants.CHECKPOINT_NAME, entry.path("checkpoint").asText(null));
        putIfPresent(to, VobizConstants.AUDIO_FORMAT, entry.path("format").asText(null));
        if (entry.hasNonNull("generation")) {
            to.setHeader(VobizConstants.GENERATION, entry.get("generation").asInt());
        }
        to.setBody(entry.hasNonNull("audio") ? entry.get("audio").binaryValue() : new byte[0]);
    }

    static ObjectNode accepted(String id, long expectedMillis) {
        return entry(ACCEPTED, id).put("expected", expectedMillis);
    }

    /** The outcome of a command run here: what its local exchange ended with. */
    static ObjectNode outcome(String id, Exchange done) {
        ObjectNode entry = entry(OUTCOME, id);
        Message result = done.getMessage();
        putIfPresent(entry, "checkpoint", result.getHeader(VobizConstants.CHECKPOINT_NAME, String.class));
        putIfPresent(entry, "generation", result.getHeader(VobizConstants.GENERATION, Integer.class));
        putIfPresent(entry, "discardedFrames", result.getHeader(VobizConstants.DISCARDED_FRAMES, Integer.class));
        putIfPresent(entry, "outcome", result.getHeader(VobizConstants.CHECKPOINT_OUTCOME, String.class));
        Object heard = result.getHeader(VobizConstants.HEARD);
        if (heard != null) {
            entry.set("heard", JSON.valueToTree(heard));
        }
        Exception failure = done.getException();
        if (failure != null) {
            entry.put("error", failure.getClass().getSimpleName())
                    .put("errorMessage", String.valueOf(failure.getMessage()));
        }
        return entry;
    }

    /** Puts a reported outcome on the exchange that sent the command, as if it had run here. */
    static void readOutcome(JsonNode entry, Exchange sender, String owner) {
        Message to = sender.getMessage();
        putIfPresent(
                to, VobizConstants.CHECKPOINT_NAME, entry.path("checkpoint").asText(null));
        putIfPresent(
                to, VobizConstants.CHECKPOINT_OUTCOME, entry.path("outcome").asText(null));
        if (entry.hasNonNull("generation")) {
            to.setHeader(VobizConstants.GENERATION, entry.get("generation").asInt());
        }
        if (entry.hasNonNull("discardedFrames")) {
            to.setHeader(
                    VobizConstants.DISCARDED_FRAMES,
                    entry.get("discardedFrames").asInt());
        }
        if (entry.hasNonNull("heard")) {
            to.setHeader(VobizConstants.HEARD, JSON.convertValue(entry.get("heard"), HEARD_LIST));
        }
        if (entry.hasNonNull("error")) {
            sender.setException(failure(
                    entry.get("error").asText(), entry.path("errorMessage").asText(), owner));
        }
    }

    static ObjectNode departed(Collection<String> callKeys) {
        ObjectNode entry = entry(DEPARTED, null);
        ArrayNode calls = entry.putArray("calls");
        callKeys.forEach(calls::add);
        return entry;
    }

    static List<String> departedCalls(JsonNode entry) {
        List<String> calls = new java.util.ArrayList<>();
        entry.path("calls").forEach(call -> calls.add(call.asText()));
        return calls;
    }

    /** The owner's failure as the same exception type where the caller may catch it by type. */
    private static Exception failure(String type, String message, String owner) {
        String text = message + " (on instance " + owner + ")";
        return switch (type) {
            case "StreamClosedException" -> new StreamClosedException(text);
            case "StreamNotFoundException" -> new StreamNotFoundException(text);
            case "IllegalArgumentException" -> new IllegalArgumentException(text);
            default -> new RemoteCommandException(type + ": " + text);
        };
    }

    private static ObjectNode entry(String type, String id) {
        ObjectNode entry = JSON.createObjectNode().put("type", type);
        if (id != null) {
            entry.put("id", id);
        }
        return entry;
    }

    private static void putIfPresent(ObjectNode entry, String field, Object value) {
        if (value instanceof Integer number) {
            entry.put(field, number);
        } else if (value != null) {
            entry.put(field, value.toString());
        }
    }

    private static void putIfPresent(Message message, String header, String value) {
        if (value != null) {
            message.setHeader(header, value);
        }
    }
}
