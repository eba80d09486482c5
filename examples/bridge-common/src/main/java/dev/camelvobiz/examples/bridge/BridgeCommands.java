package dev.camelvobiz.examples.bridge;

import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.audio.AudioFormat;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * A command carried as JSON by a message broker, e.g.
 * {@code {"callId":"…","command":"play","audio":"<base64>","format":"audio/x-l16;rate=8000;endian=little"}},
 * {@code checkpoint} (with {@code name}), {@code clear} or {@code stop}: turned into the headers and
 * body the stream producers take, with header {@code command} naming the endpoint
 * ({@code toD("vobiz:${header.command}")}).
 */
public final class BridgeCommands {

    private static final Set<String> COMMANDS = Set.of("play", "checkpoint", "clear", "stop");

    private BridgeCommands() {}

    /** Expects the body unmarshalled to a {@code Map}; fails the exchange clearly on anything else. */
    public static void toCommand(Exchange exchange) {
        Message message = exchange.getMessage();
        Map<?, ?> command = message.getBody(Map.class);
        Object callId = command == null ? null : command.get("callId");
        Object name = command == null ? null : command.get("command");
        if (callId == null || name == null || !COMMANDS.contains(name.toString())) {
            throw new IllegalArgumentException(
                    "A command needs callId and command (play, checkpoint, clear or stop): " + command);
        }
        message.removeHeaders("*");
        message.setHeader(VobizConstants.CALL_ID, callId.toString());
        message.setHeader("command", name.toString());
        message.setBody(null);
        if (command.get("name") != null) {
            message.setHeader(
                    VobizConstants.CHECKPOINT_NAME, command.get("name").toString());
        }
        if ("play".equals(name)) {
            message.setBody(Base64.getDecoder().decode(String.valueOf(command.get("audio"))));
            if (command.get("format") != null) {
                message.setHeader(
                        VobizConstants.AUDIO_FORMAT,
                        AudioFormat.parse(command.get("format").toString(), ByteOrder.LITTLE_ENDIAN));
            }
        }
    }
}
