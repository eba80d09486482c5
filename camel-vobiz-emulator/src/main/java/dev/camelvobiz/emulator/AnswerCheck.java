package dev.camelvobiz.emulator;

import dev.camelvobiz.emulator.answer.AnswerParser;
import dev.camelvobiz.emulator.answer.Instruction;
import dev.camelvobiz.emulator.answer.InvalidAnswerException;
import dev.camelvobiz.emulator.answer.StreamAttributes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Checks an answer document offline, exactly as a call would: what would make the emulator (and
 * Vobiz) drop the call or refuse a stream. Empty when the document would run.
 */
public final class AnswerCheck {

    private AnswerCheck() {}

    public static Optional<String> problem(String contentType, String body) {
        try {
            return problemIn(AnswerParser.parse(contentType, body.getBytes(StandardCharsets.UTF_8)));
        } catch (InvalidAnswerException e) {
            return Optional.of("Invalid Answer XML: " + e.getMessage());
        }
    }

    private static Optional<String> problemIn(List<Instruction> instructions) {
        for (Instruction instruction : instructions) {
            if (instruction.verb().equals("Stream")) {
                StreamAttributes stream = StreamAttributes.from(instruction);
                if (stream.refusal() != null) {
                    return Optional.of("stream refused: " + stream.refusal());
                }
                if (!stream.violations().isEmpty()) {
                    return Optional.of(stream.violations().get(0));
                }
            }
            Optional<String> nested = problemIn(instruction.children());
            if (nested.isPresent()) {
                return nested;
            }
        }
        return Optional.empty();
    }
}
