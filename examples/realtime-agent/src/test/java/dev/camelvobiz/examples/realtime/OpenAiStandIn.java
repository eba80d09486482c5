package dev.camelvobiz.examples.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.ServerWebSocket;
import java.util.Base64;

/** The OpenAI Realtime API over WebSocket (GA event names), as far as the bridge uses it. */
final class OpenAiStandIn extends StandInAgent {

    OpenAiStandIn() throws Exception {}

    @Override
    Session open(ServerWebSocket socket) {
        socket.writeTextMessage(
                "{\"type\":\"session.created\",\"event_id\":\"ev-0\",\"session\":{\"type\":\"realtime\"}}");
        return new Session(socket) {
            @Override
            void text(String message) {
                JsonNode event = ServiceJson.read(message);
                switch (event.path("type").asText()) {
                    case "session.update" ->
                        socket.writeTextMessage(
                                "{\"type\":\"session.updated\",\"session\":" + event.path("session") + "}");
                    case "response.create" -> greet();
                    case "input_audio_buffer.append" ->
                        hear(Base64.getDecoder().decode(event.path("audio").asText()));
                    default -> {} // truncate, function output: recorded in texts
                }
            }

            @Override
            void callerStarted(String answerInterrupted, boolean interrupting) {
                socket.writeTextMessage(
                        "{\"type\":\"input_audio_buffer.speech_started\",\"audio_start_ms\":0,\"item_id\":\"item_user\"}");
                if (interrupting) {
                    socket.writeTextMessage("{\"type\":\"response.done\",\"response\":{\"id\":\"" + answerInterrupted
                            + "\",\"status\":\"cancelled\"}}");
                }
            }

            @Override
            void callerStopped() {
                socket.writeTextMessage(
                        "{\"type\":\"input_audio_buffer.speech_stopped\",\"audio_end_ms\":0,\"item_id\":\"item_user\"}");
                socket.writeTextMessage("{\"type\":\"input_audio_buffer.committed\",\"item_id\":\"item_user\"}");
            }

            @Override
            void answerStarted(String answer) {
                socket.writeTextMessage("{\"type\":\"response.created\",\"response\":{\"id\":\"" + answer
                        + "\",\"status\":\"in_progress\"}}");
            }

            @Override
            void audio(String answer, byte[] mulaw) {
                socket.writeTextMessage("{\"type\":\"response.output_audio.delta\",\"response_id\":\"" + answer
                        + "\",\"item_id\":\"item_" + answer + "\",\"output_index\":0,\"content_index\":0,\"delta\":\""
                        + Base64.getEncoder().encodeToString(mulaw) + "\"}");
            }

            @Override
            void answerDone(String answer) {
                socket.writeTextMessage("{\"type\":\"response.output_audio.done\",\"response_id\":\"" + answer
                        + "\",\"item_id\":\"item_" + answer + "\"}");
            }

            @Override
            void endCall() {
                socket.writeTextMessage(
                        "{\"type\":\"response.function_call_arguments.done\",\"response_id\":\"resp_x\","
                                + "\"item_id\":\"item_fc\",\"call_id\":\"call_1\",\"name\":\"end_call\",\"arguments\":\"{}\"}");
                socket.writeTextMessage(
                        "{\"type\":\"response.done\",\"response\":{\"id\":\"resp_x\",\"status\":\"completed\"}}");
            }
        };
    }
}
