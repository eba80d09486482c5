package dev.camelvobiz.examples.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;

/** The Deepgram Voice Agent API (v1), as far as the bridge uses it. */
final class DeepgramStandIn extends StandInAgent {

    DeepgramStandIn() throws Exception {}

    @Override
    Session open(ServerWebSocket socket) {
        socket.writeTextMessage("{\"type\":\"Welcome\",\"request_id\":\"req-1\"}");
        return new Session(socket) {
            @Override
            void text(String message) {
                JsonNode event = ServiceJson.read(message);
                if ("Settings".equals(event.path("type").asText())) {
                    socket.writeTextMessage("{\"type\":\"SettingsApplied\"}");
                    // junk a broken or hostile service might send: ignored, one escaped line, the call carries on
                    socket.writeTextMessage("not json\r\n12:00:00 INFO forged line");
                    socket.writeTextMessage("{\"type\":\"ConversationText\",\"role\":\"assistant\",\"content\":"
                            + event.path("agent").path("greeting") + "}");
                    greet();
                }
            }

            @Override
            void callerStarted(String answerInterrupted, boolean interrupting) {
                socket.writeTextMessage("{\"type\":\"UserStartedSpeaking\"}");
            }

            @Override
            void callerStopped() {
                socket.writeTextMessage("{\"type\":\"ConversationText\",\"role\":\"user\",\"content\":\"(a tone)\"}");
                socket.writeTextMessage("{\"type\":\"AgentThinking\",\"content\":\"\"}");
            }

            @Override
            void answerStarted(String answer) {
                if (!"resp_2".equals(answer)) {
                    return; // an experimental event in v1: only the first answer has it, the bridge needs none
                }
                socket.writeTextMessage(
                        "{\"type\":\"AgentStartedSpeaking\",\"total_latency\":0.3,\"tts_latency\":0.1,\"ttt_latency\":0.2}");
            }

            @Override
            void audio(String answer, byte[] mulaw) {
                socket.writeBinaryMessage(Buffer.buffer(mulaw));
            }

            @Override
            void answerDone(String answer) {
                socket.writeTextMessage("{\"type\":\"AgentAudioDone\"}");
            }

            @Override
            void endCall() {
                socket.writeTextMessage("{\"type\":\"FunctionCallRequest\",\"functions\":[{\"id\":\"fc-1\","
                        + "\"name\":\"end_call\",\"arguments\":\"{}\",\"client_side\":true}]}");
            }
        };
    }
}
