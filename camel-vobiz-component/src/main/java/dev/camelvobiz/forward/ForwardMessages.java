package dev.camelvobiz.forward;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.audio.AudioData;
import dev.camelvobiz.stream.HeardUtterance;
import dev.camelvobiz.stream.StreamClosedException;
import dev.camelvobiz.stream.StreamCommand;
import dev.camelvobiz.stream.StreamNotFoundException;
import java.util.Base64;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;

/**
 * The wire form of forwarded commands and their replies: every value a String header (Kafka record
 * headers and JMS properties both carry Strings), a play's audio as Base64 text in the body, so any
 * transport's default serialisation carries them unchanged.
 */
final class ForwardMessages {

    /** command, accepted, outcome or departed. */
    static final String TYPE = "CamelVobizForward";

    static final String TO = "CamelVobizForwardTo";
    static final String FROM = "CamelVobizForwardFrom";
    static final String ID = "CamelVobizForwardId";
    static final String COMMAND = "CamelVobizForwardCommand";
    static final String AWAIT = "CamelVobizForwardAwait";
    static final String AFTER_PLAYED = "CamelVobizForwardAfterPlayed";
    /** In an accepted reply: how long the owner expects the command to take from now, in ms. */
    static final String EXPECTED = "CamelVobizForwardExpected";

    static final String ERROR = "CamelVobizForwardError";
    static final String ERROR_MESSAGE = "CamelVobizForwardErrorMessage";
    /** In a departed notice: the calls the stopping instance held, comma-separated. */
    static final String CALLS = "CamelVobizForwardCalls";

    static final String COMMAND_TYPE = "command";
    static final String ACCEPTED_TYPE = "accepted";
    static final String OUTCOME_TYPE = "outcome";
    static final String DEPARTED_TYPE = "departed";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<HeardUtterance>> HEARD_LIST = new TypeReference<>() {};

    private ForwardMessages() {}

    /** Writes {@code command}, with the target and the play's audio from {@code from}, into {@code to}. */
    static void writeCommand(StreamCommand command, String streamId, String callId, Message from, Message to)
            throws InvalidPayloadException {
        to.setHeader(TYPE, COMMAND_TYPE);
        to.setHeader(COMMAND, command.kind().uriName());
        putIfPresent(to, VobizConstants.STREAM_ID, streamId);
        putIfPresent(to, VobizConstants.CALL_ID, callId);
        putIfPresent(to, AWAIT, command.awaitMillis() > 0 ? Long.toString(command.awaitMillis()) : null);
        putIfPresent(
                to, AFTER_PLAYED, command.afterPlayedMillis() > 0 ? Long.toString(command.afterPlayedMillis()) : null);
        putIfPresent(to, VobizConstants.GENERATION, from.getHeader(VobizConstants.GENERATION, String.class));
        String name =
                command.name() != null ? command.name() : from.getHeader(VobizConstants.CHECKPOINT_NAME, String.class);
        putIfPresent(to, VobizConstants.CHECKPOINT_NAME, name);
        String body = "";
        switch (command.kind()) {
            case PLAY -> {
                byte[] audio;
                String format;
                if (from.getBody() instanceof AudioData data) {
                    audio = data.audio();
                    format = data.format().toString();
                } else {
                    audio = from.getMandatoryBody(byte[].class);
                    Object declared = from.getHeader(VobizConstants.AUDIO_FORMAT);
                    format = declared != null ? declared.toString() : command.audioFormat();
                }
                putIfPresent(to, VobizConstants.AUDIO_FORMAT, format);
                body = Base64.getEncoder().encodeToString(audio);
            }
            default -> {}
        }
        to.setBody(body);
    }

    /** The command's headers and audio as the local exchange a {@link StreamCommand} runs on. */
    static void readCommand(Message from, Message to) {
        for (String header : new String[] {
            VobizConstants.STREAM_ID,
            VobizConstants.CALL_ID,
            VobizConstants.CHECKPOINT_NAME,
            VobizConstants.AUDIO_FORMAT
        }) {
            putIfPresent(to, header, from.getHeader(header, String.class));
        }
        String generation = from.getHeader(VobizConstants.GENERATION, String.class);
        if (generation != null) {
            to.setHeader(VobizConstants.GENERATION, Integer.valueOf(generation));
        }
        String body = from.getBody(String.class);
        to.setBody(
                body == null || body.isEmpty()
                        ? new byte[0]
                        : Base64.getDecoder().decode(body));
    }

    /** The outcome of a command run here: what the local exchange ended with. */
    static void writeOutcome(Exchange done, Message to) {
        to.setHeader(TYPE, OUTCOME_TYPE);
        Message result = done.getMessage();
        putIfPresent(
                to, VobizConstants.CHECKPOINT_NAME, result.getHeader(VobizConstants.CHECKPOINT_NAME, String.class));
        putIfPresent(to, VobizConstants.GENERATION, result.getHeader(VobizConstants.GENERATION, String.class));
        putIfPresent(
                to, VobizConstants.DISCARDED_FRAMES, result.getHeader(VobizConstants.DISCARDED_FRAMES, String.class));
        putIfPresent(
                to,
                VobizConstants.CHECKPOINT_OUTCOME,
                result.getHeader(VobizConstants.CHECKPOINT_OUTCOME, String.class));
        Object heard = result.getHeader(VobizConstants.HEARD);
        if (heard != null) {
            try {
                to.setHeader(VobizConstants.HEARD, JSON.writeValueAsString(heard));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot write the heard utterances as JSON", e);
            }
        }
        Exception failure = done.getException();
        if (failure != null) {
            to.setHeader(ERROR, failure.getClass().getSimpleName());
            to.setHeader(ERROR_MESSAGE, String.valueOf(failure.getMessage()));
        }
        to.setBody("");
    }

    /** Puts a reported outcome on the exchange that sent the command, as if it had run here. */
    static void readOutcome(Message outcome, Exchange sender, String owner) {
        Message to = sender.getMessage();
        putIfPresent(
                to, VobizConstants.CHECKPOINT_NAME, outcome.getHeader(VobizConstants.CHECKPOINT_NAME, String.class));
        putIfPresent(
                to,
                VobizConstants.CHECKPOINT_OUTCOME,
                outcome.getHeader(VobizConstants.CHECKPOINT_OUTCOME, String.class));
        String generation = outcome.getHeader(VobizConstants.GENERATION, String.class);
        if (generation != null) {
            to.setHeader(VobizConstants.GENERATION, Integer.valueOf(generation));
        }
        String discarded = outcome.getHeader(VobizConstants.DISCARDED_FRAMES, String.class);
        if (discarded != null) {
            to.setHeader(VobizConstants.DISCARDED_FRAMES, Integer.valueOf(discarded));
        }
        String heard = outcome.getHeader(VobizConstants.HEARD, String.class);
        if (heard != null) {
            try {
                to.setHeader(VobizConstants.HEARD, JSON.readValue(heard, HEARD_LIST));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("Unreadable heard utterances from instance " + owner, e);
            }
        }
        String error = outcome.getHeader(ERROR, String.class);
        if (error != null) {
            sender.setException(failure(error, outcome.getHeader(ERROR_MESSAGE, String.class), owner));
        }
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

    static void putIfPresent(Message message, String header, String value) {
        if (value != null) {
            message.setHeader(header, value);
        }
    }
}
