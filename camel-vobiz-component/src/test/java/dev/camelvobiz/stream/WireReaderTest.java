package dev.camelvobiz.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The payload's fast path (decoded straight from the frame's bytes) and its fallback agree. */
class WireReaderTest {

    private final WireReader reader = new WireReader();

    private InboundFrame read(String json, int offset, String staleTail) {
        byte[] message = json.getBytes(StandardCharsets.UTF_8);
        byte[] buffer = new byte[offset + message.length + staleTail.length()];
        System.arraycopy(message, 0, buffer, offset, message.length);
        byte[] stale = staleTail.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(stale, 0, buffer, offset + message.length, stale.length);
        InboundFrame frame = new InboundFrame();
        reader.read(buffer, offset, message.length, frame);
        return frame;
    }

    @Test
    void aPayloadInsideALargerBufferDecodesFromItsOwnBytes() {
        InboundFrame frame = read("{\"event\":\"media\",\"media\":{\"payload\":\"AAAA/w==\"}}", 7, "\"QUJD\"}}");
        assertThat(frame.payload).containsExactly(0, 0, 0, 0xFF);
    }

    @Test
    void aPayloadWithJsonEscapesDecodesThroughTheParser() {
        InboundFrame frame = read("{\"event\":\"media\",\"media\":{\"payload\":\"AAAA\\/w==\"}}", 0, "");
        assertThat(frame.payload).containsExactly(0, 0, 0, 0xFF);
    }

    @Test
    void invalidBase64IsReportedEitherWay() {
        assertThatThrownBy(() -> read("{\"event\":\"media\",\"media\":{\"payload\":\"***\"}}", 3, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("media.payload is not valid base64");
        assertThatThrownBy(() -> read("{\"event\":\"media\",\"media\":{\"payload\":\"\\/**\"}}", 0, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("media.payload is not valid base64");
    }
}
