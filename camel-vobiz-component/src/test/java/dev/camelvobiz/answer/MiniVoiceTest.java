package dev.camelvobiz.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelvobiz.test.WireVectors;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MiniVoiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One of each of the 15 actions. */
    static MiniVoice allFifteen() {
        return MiniVoice.actions()
                .say("Hello")
                .gather("Press 1", 1, 10)
                .sendDigits("123")
                .redirect("https://example.com/next")
                .transfer("+918000000000")
                .bridge("sip:agent@example.com")
                .conference("room-1")
                .hold()
                .resume()
                .mute()
                .unmute()
                .startRecording()
                .stopRecording()
                .startStream("wss://example.com/media", "both")
                .stopStream("wss://example.com/media", null);
    }

    @Test
    void writesAllFifteenActionsKeyed() throws Exception {
        JsonNode actions = JSON.readTree(allFifteen().toJson()).path("actions");
        assertThat(actions).hasSize(15);
        assertThat(actions.get(0).toString()).isEqualTo("{\"say\":{\"text\":\"Hello\"}}");
        assertThat(actions.get(1).toString())
                .isEqualTo("{\"gather\":{\"prompt\":\"Press 1\",\"num_digits\":1,\"timeout_seconds\":10}}");
        assertThat(actions.get(7).toString()).isEqualTo("{\"hold\":{}}");
        assertThat(actions.get(13).toString())
                .isEqualTo("{\"start_stream\":{\"stream_url\":\"wss://example.com/media\",\"track\":\"both\"}}");
    }

    @Test
    void writesTypedWhenAsked() throws Exception {
        JsonNode actions = JSON.readTree(allFifteen().typed().toJson()).path("actions");
        assertThat(actions.get(0).toString()).isEqualTo("{\"type\":\"say\",\"text\":\"Hello\"}");
        assertThat(actions.get(14).toString())
                .isEqualTo("{\"type\":\"stop_stream\",\"stream_url\":\"wss://example.com/media\"}");
    }

    @Test
    void refusesStreamsMiniVoiceRefuses() {
        assertThatThrownBy(() -> MiniVoice.actions().startStream("https://example.com/media", null))
                .hasMessageContaining("wss://");
        assertThatThrownBy(() -> MiniVoice.actions().startStream("wss://example.com/media", "speaker"))
                .hasMessageContaining("speaker");
        assertThatThrownBy(() -> MiniVoice.actions().action("start_stream", Map.of()))
                .hasMessageContaining("stream_url is required");
        assertThatThrownBy(() -> MiniVoice.actions().action("dance", Map.of())).hasMessageContaining("dance");
    }

    @Test
    void streamActionsAreWrittenExactlyAsTheWireVectors() throws Exception {
        ObjectMapper json = JSON;
        String url = "wss://media.example.com/minivoice";
        assertThat(json.readTree(MiniVoice.actions().startStream(url, "both").toJson()))
                .isEqualTo(WireVectors.json("minivoice.answer_url.start_stream.keyed"));
        assertThat(json.readTree(
                        MiniVoice.actions().typed().startStream(url, "both").toJson()))
                .isEqualTo(WireVectors.json("minivoice.answer_url.start_stream.typed"));
        assertThat(json.readTree(MiniVoice.actions().stopStream(url, "both").toJson()))
                .isEqualTo(WireVectors.json("minivoice.answer_url.stop_stream.keyed"));
        assertThat(json.readTree(
                        MiniVoice.actions().typed().stopStream(url, "both").toJson()))
                .isEqualTo(WireVectors.json("minivoice.answer_url.stop_stream.typed"));
    }
}
