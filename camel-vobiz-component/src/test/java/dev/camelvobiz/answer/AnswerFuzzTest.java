package dev.camelvobiz.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camelvobiz.emulator.AnswerCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random answers through the data form (any element, any attribute, hostile values): each is
 * either refused with {@link InvalidAnswerException} when built, or yields a document the emulator
 * (written from the Vobiz docs) runs. Never an unexpected exception, never invalid XML.
 */
class AnswerFuzzTest {

    private static final int ITERATIONS = Integer.getInteger("vobiz.fuzz.iterations", 3_000);
    private static final long SEED = Long.getLong("vobiz.fuzz.seed", 20261121L);
    private static final String[] ELEMENTS = {
        "stream",
        "speak",
        "play",
        "wait",
        "gather",
        "dial",
        "record",
        "conference",
        "redirect",
        "hangup",
        "preanswer",
        "dtmf",
        "say"
    };
    private static final String[] ATTRIBUTES = {
        "url",
        "text",
        "bidirectional",
        "audioTrack",
        "contentType",
        "keepCallAlive",
        "maxRetries",
        "streamTimeout",
        "statusCallbackUrl",
        "voice",
        "loop",
        "length",
        "silence",
        "beep",
        "action",
        "numDigits",
        "executionTimeout",
        "reason",
        "schedule",
        "async",
        "method",
        "speak",
        "play",
        "number",
        "colour"
    };
    private static final Object[] VALUES = {
        "wss://a.example/m?x=1&y=2",
        "https://a.example/p?a=<b>&c=\"d\"",
        "ws://a",
        "ftp://a",
        "",
        "inbound",
        "both",
        "outbound",
        "audio/x-l16;rate=24000",
        "audio/x-mulaw;rate=8000",
        "MAN",
        "busy",
        "GET",
        "12w#",
        "x]]>y",
        true,
        false,
        0,
        -1,
        11,
        61,
        30,
        86400,
        Integer.MAX_VALUE,
        "é ü 中文 \u0007",
        "1 & 2 < 3"
    };

    @Test
    void everyRandomAnswerIsRefusedClearlyOrRuns() {
        Random random = new Random(SEED);
        int built = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            List<Object> document = new ArrayList<>();
            for (int e = 0; e < 1 + random.nextInt(4); e++) {
                Map<String, Object> attributes = new LinkedHashMap<>();
                for (int a = 0; a < random.nextInt(5); a++) {
                    attributes.put(
                            ATTRIBUTES[random.nextInt(ATTRIBUTES.length)], VALUES[random.nextInt(VALUES.length)]);
                }
                document.add(Map.of(ELEMENTS[random.nextInt(ELEMENTS.length)], attributes));
            }
            String xml;
            try {
                xml = AnswerData.toVobizXml(document).toXml();
            } catch (InvalidAnswerException refused) {
                continue;
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + SEED + " iteration " + i + ": " + e + " for " + document, e);
            }
            built++;
            Optional<String> problem = AnswerCheck.problem("application/xml", xml);
            assertThat(problem).as("seed %d iteration %d: %s", SEED, i, xml).isEmpty();
        }
        assertThat(built).as("some random answers are valid").isGreaterThan(ITERATIONS / 50);
    }
}
