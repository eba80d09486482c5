package dev.camelvobiz.examples.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The OpenAI Realtime API over WebSocket: {@code session.update} (G.711 μ-law both ways, server VAD,
 * an {@code end_call} tool), {@code response.create} for the greeting, the caller's audio in
 * {@code input_audio_buffer.append}; {@code input_audio_buffer.speech_started} means barge-in,
 * {@code speech_stopped} the end of the turn, {@code response.output_audio.delta} carries speech, and
 * an interrupted answer is truncated to what was heard ({@code conversation.item.truncate}).
 */
public final class OpenAiRealtime implements RealtimeProtocol {

    @Override
    public String defaultUrl() {
        return "wss://api.openai.com/v1/realtime?model=gpt-realtime";
    }

    @Override
    public Map<String, Object> handshakeHeaders(String apiKey) {
        return Map.of("Authorization", "Bearer " + apiKey);
    }

    @Override
    public List<Object> opening(AgentSettings settings) {
        ObjectNode update = ServiceJson.object().put("type", "session.update");
        ObjectNode session = update.putObject("session").put("type", "realtime").put("instructions", settings.prompt());
        ObjectNode audio = session.putObject("audio");
        ObjectNode input = audio.putObject("input");
        input.putObject("format").put("type", "audio/pcmu");
        input.putObject("turn_detection").put("type", "server_vad");
        ObjectNode output = audio.putObject("output").put("voice", settings.voice());
        output.putObject("format").put("type", "audio/pcmu");
        ObjectNode tool = session.putArray("tools")
                .addObject()
                .put("type", "function")
                .put("name", "end_call")
                .put("description", "Ends the call, once the caller has said goodbye and you have too.");
        tool.putObject("parameters").put("type", "object").putObject("properties");

        ObjectNode greet = ServiceJson.object().put("type", "response.create");
        greet.putObject("response").put("instructions", "Greet the caller with: " + settings.greeting());
        return List.of(update.toString(), greet.toString());
    }

    @Override
    public Object callerAudio(byte[] mulaw) {
        return "{\"type\":\"input_audio_buffer.append\",\"audio\":\""
                + Base64.getEncoder().encodeToString(mulaw) + "\"}";
    }

    @Override
    public ServiceEvent read(Object message) {
        JsonNode event = ServiceJson.read(
                message instanceof byte[] bytes
                        ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                        : message.toString());
        String answer = event.path("response_id")
                .asText(event.path("response").path("id").asText(null));
        return switch (event.path("type").asText()) {
            case "response.output_audio.delta" ->
                ServiceEvent.audio(
                        Base64.getDecoder().decode(event.path("delta").asText()),
                        answer + "/" + event.path("item_id").asText());
            case "input_audio_buffer.speech_started" -> ServiceEvent.of(ServiceEvent.Kind.CALLER_STARTED);
            case "input_audio_buffer.speech_stopped" -> ServiceEvent.of(ServiceEvent.Kind.CALLER_STOPPED);
            case "response.created" -> ServiceEvent.text(ServiceEvent.Kind.ANSWER_STARTED, answer, null);
            case "response.output_audio.done" -> ServiceEvent.text(ServiceEvent.Kind.ANSWER_DONE, answer, null);
            case "response.output_audio_transcript.done" ->
                ServiceEvent.text(
                        ServiceEvent.Kind.TRANSCRIPT,
                        answer,
                        "agent: " + event.path("transcript").asText());
            case "conversation.item.input_audio_transcription.completed" ->
                ServiceEvent.text(
                        ServiceEvent.Kind.TRANSCRIPT,
                        null,
                        "user: " + event.path("transcript").asText());
            case "response.function_call_arguments.done" ->
                "end_call".equals(event.path("name").asText())
                        ? ServiceEvent.text(
                                ServiceEvent.Kind.END_CALL,
                                answer,
                                event.path("call_id").asText())
                        : ServiceEvent.text(ServiceEvent.Kind.ERROR, answer, "unknown function call " + event);
            case "error" ->
                ServiceEvent.text(
                        ServiceEvent.Kind.ERROR,
                        null,
                        event.path("error").path("code").asText("") + " "
                                + event.path("error").path("message").asText(event.toString()));
            default -> ServiceEvent.of(ServiceEvent.Kind.OTHER);
        };
    }

    @Override
    public Object functionResult(String callId, String result) {
        ObjectNode message = ServiceJson.object().put("type", "conversation.item.create");
        message.putObject("item")
                .put("type", "function_call_output")
                .put("call_id", callId)
                .put("output", result);
        return message.toString();
    }

    @Override
    public Object interrupted(String answerId, long heardMillis) {
        // the audio's answer id is "response/item": the item is what gets truncated
        String item = answerId.substring(answerId.indexOf('/') + 1);
        return ServiceJson.object()
                .put("type", "conversation.item.truncate")
                .put("item_id", item)
                .put("content_index", 0)
                .put("audio_end_ms", heardMillis)
                .toString();
    }
}
