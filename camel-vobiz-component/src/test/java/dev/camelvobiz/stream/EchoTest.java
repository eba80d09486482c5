package dev.camelvobiz.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelvobiz.test.VobizPeer;
import dev.camelvobiz.test.VobizTestSupport;
import java.util.Base64;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/** The smallest voice route: every media frame played straight back, over a real socket. */
class EchoTest extends VobizTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(streamUri(""))
                        .filter(header("CamelVobizEvent").isEqualTo("media"))
                        .to("vobiz:play");
            }
        };
    }

    @Test
    void echoesFiftyFramesByteIdenticalAndInOrder() {
        try (VobizPeer call = startCall("stream-echo", "call-echo")) {
            for (int i = 0; i < 50; i++) {
                call.sendMedia(frame(1, i));
            }
            for (int i = 0; i < 50; i++) {
                JsonNode command = call.nextCommand();
                assertThat(command.get("event").asText()).isEqualTo("playAudio");
                assertThat(command.get("streamId").asText()).isEqualTo("stream-echo");
                JsonNode media = command.get("media");
                assertThat(media.get("contentType").asText()).isEqualTo("audio/x-l16");
                assertThat(media.get("sampleRate").isInt())
                        .as("sampleRate is a JSON number")
                        .isTrue();
                assertThat(media.get("sampleRate").asInt()).isEqualTo(8000);
                assertThat(Base64.getDecoder().decode(media.get("payload").asText()))
                        .as("frame %d: the same samples, sent little-endian", i)
                        .isEqualTo(echoed(frame(1, i)));
            }
        }
    }
}
