package dev.camelvobiz.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camelvobiz.audio.AudioFormat;
import dev.camelvobiz.stream.InvalidFrameException;
import dev.camelvobiz.test.VobizPeer;
import dev.camelvobiz.test.VobizTestSupport;
import dev.camelvobiz.test.WireVectors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/**
 * Seeded random-mutation fuzzing of the inbound path (Jazzer does not resolve on this mirror). Every
 * inbound wire vector is mutated (bytes flipped, inserted, deleted, spliced, values swapped for
 * extremes) and parsed; the only failure allowed is {@link IllegalArgumentException} (or
 * {@link ArithmeticException}), which the connection reports as an invalid frame. Runs briefly by
 * default; {@code -Dvobiz.fuzz.iterations=1000000 -Dvobiz.fuzz.seed=…} runs longer or replays a seed.
 */
class InboundFuzzTest extends VobizTestSupport {

    private static final int ITERATIONS = Integer.getInteger("vobiz.fuzz.iterations", 20_000);
    private static final long SEED = Long.getLong("vobiz.fuzz.seed", 20261121L);
    private static final String[] EXTREMES = {
        "null",
        "-1",
        "9223372036854775807",
        "1e308",
        "\"\"",
        "[]",
        "{}",
        "true",
        "\"\\u0000\"",
        "\"\\ud800\"",
        "\"" + "x".repeat(300) + "\""
    };

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(InvalidFrameException.class).handled(true).to("mock:errors");
                from(streamUri("&bridgeErrorHandler=true"))
                        .filter(header("CamelVobizEvent").isEqualTo("media"))
                        .to("mock:media");
            }
        };
    }

    static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>();
        for (String name : WireVectors.names("inbound", "ws.")) {
            seeds.add(WireVectors.json(name).toString().getBytes(StandardCharsets.UTF_8));
        }
        return seeds;
    }

    static byte[] mutate(byte[] input, Random random) {
        byte[] out = input.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && out.length > 0; e++) {
            int at = random.nextInt(out.length);
            switch (random.nextInt(5)) {
                case 0 -> out[at] = (byte) random.nextInt(256);
                case 1 -> out = splice(out, at, new byte[] {(byte) "{}[]\",:\\0123456789".charAt(random.nextInt(18))});
                case 2 ->
                    out = splice(
                            java.util.Arrays.copyOfRange(out, 0, at),
                            at,
                            java.util.Arrays.copyOfRange(
                                    out, Math.min(out.length, at + 1 + random.nextInt(8)), out.length));
                case 3 -> {
                    String text = new String(out, StandardCharsets.UTF_8);
                    int colon = text.indexOf(':', at % Math.max(1, text.length()));
                    if (colon > 0) {
                        int end = colon + 1;
                        while (end < text.length() && ",}]".indexOf(text.charAt(end)) < 0) {
                            end++;
                        }
                        text = text.substring(0, colon + 1)
                                + EXTREMES[random.nextInt(EXTREMES.length)]
                                + text.substring(end);
                        out = text.getBytes(StandardCharsets.UTF_8);
                    }
                }
                default -> out = java.util.Arrays.copyOf(out, at); // truncated
            }
        }
        return out;
    }

    private static byte[] splice(byte[] head, int at, byte[] insert) {
        byte[] out = new byte[head.length + insert.length];
        int cut = Math.min(at, head.length);
        System.arraycopy(head, 0, out, 0, cut);
        System.arraycopy(insert, 0, out, cut, insert.length);
        System.arraycopy(head, cut, out, cut + insert.length, head.length - cut);
        return out;
    }

    @Test
    void mutatedFramesOnlyEverFailAsInvalidInput() {
        Random random = new Random(SEED);
        List<byte[]> seeds = seeds();
        WireReader reader = new WireReader();
        int rejected = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), random);
            InboundFrame frame = new InboundFrame();
            try {
                reader.read(input, 0, input.length, frame);
                frame.toStartEvent(AudioFormat.L16_8K);
                frame.mediaFormat(AudioFormat.L16_8K);
                frame.mediaTrack();
            } catch (IllegalArgumentException | ArithmeticException expected) {
                rejected++;
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError(
                        "seed " + SEED + " iteration " + i + ": " + e + " for input "
                                + new String(input, StandardCharsets.UTF_8),
                        e);
            }
        }
        assertThat(rejected).as("the mutations do reach the error paths").isGreaterThan(ITERATIONS / 10);
    }

    @Test
    void aCallFedMutatedFramesKeepsWorkingAndSoDoesAnother() throws Exception {
        Random random = new Random(SEED + 1);
        List<byte[]> seeds = seeds();
        MockEndpoint media = getMockEndpoint("mock:media");
        try (VobizPeer bystander = startCall("s-calm", "c-calm");
                VobizPeer fuzzed = startCall("s-fuzz", "c-fuzz")) {
            for (int i = 0; i < 300; i++) {
                fuzzed.send(
                        new String(mutate(seeds.get(random.nextInt(seeds.size())), random), StandardCharsets.UTF_8));
            }
            bystander.sendMedia(frame(1, 0));
            fuzzed.sendMedia(frame(2, 0));
            // the two frames sent after the fuzzing, recognised by their bytes, both reach the route
            org.awaitility.Awaitility.await()
                    .until(() -> media.getReceivedExchanges().stream()
                                    .map(e -> e.getMessage().getBody(byte[].class))
                                    .filter(body -> java.util.Arrays.equals(body, frame(1, 0))
                                            || java.util.Arrays.equals(body, frame(2, 0)))
                                    .count()
                            == 2);
            assertThat(bystander.isClosedByServer()).isFalse();
        }
    }
}
