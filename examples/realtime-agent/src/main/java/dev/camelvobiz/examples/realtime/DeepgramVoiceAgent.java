package dev.camelvobiz.examples.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The Deepgram Voice Agent API (v1): a {@code Settings} message first, then the caller's audio as binary
 * frames both ways; {@code UserStartedSpeaking} means barge-in, {@code AgentThinking} the end of the
 * caller's turn, {@code AgentAudioDone} the end of an answer's audio, and a client-side function
 * {@code end_call} the agent's decision to hang up.
 */
public final class DeepgramVoiceAgent implements RealtimeProtocol {

    @Override
    public String defaultUrl() {
        return "wss://agent.deepgram.com/v1/agent/converse";
    }

    @Override
    public Map<String, Object> handshakeHeaders(String apiKey) {
        return Map.of("Authorization", "Token " + apiKey);
    }

    @Override
    public List<Object> opening(AgentSettings settings) {
        ObjectNode message = ServiceJson.object().put("type", "Settings");
        ObjectNode audio = message.putObject("audio");
        audio.putObject("input").put("encoding", "mulaw").put("sample_rate", 8000);
        audio.putObject("output")
                .put("encoding", "mulaw")
                .put("sample_rate", 8000)
                .put("container", "none");
        ObjectNode agent = message.putObject("agent").put("language", "en");
        agent.putObject("listen").putObject("provider").put("type", "deepgram").put("model", settings.listenModel());
        ObjectNode think = agent.putObject("think").put("prompt", settings.prompt());
        think.putObject("provider").put("type", "open_ai").put("model", settings.thinkModel());
        think.putArray("functions").add(endCallFunction());
        agent.putObject("speak").putObject("provider").put("type", "deepgram").put("model", settings.voice());
        agent.put("greeting", settings.greeting());
        return List.of(message.toString());
    }

    private static ObjectNode endCallFunction() {
        ObjectNode function = ServiceJson.object()
                .put("name", "end_call")
                .put("description", "Ends the call, once the caller has said goodbye and you have too.");
        function.putObject("parameters").put("type", "object").putObject("properties");
        return function;
    }

    @Override
    public Object callerAudio(byte[] mulaw) {
        return mulaw;
    }

    @Override
    public ServiceEvent read(Object message) {
        if (message instanceof byte[] audio) {
            return ServiceEvent.audio(audio, null);
        }
        JsonNode event = ServiceJson.read(message.toString());
        return switch (event.path("type").asText()) {
            case "UserStartedSpeaking" -> ServiceEvent.of(ServiceEvent.Kind.CALLER_STARTED);
            case "AgentThinking" -> ServiceEvent.of(ServiceEvent.Kind.CALLER_STOPPED);
            case "AgentStartedSpeaking" ->
                new ServiceEvent(
                        ServiceEvent.Kind.ANSWER_STARTED,
                        null,
                        null,
                        null,
                        event.has("total_latency")
                                ? Math.round(event.path("total_latency").asDouble() * 1000)
                                : -1);
            case "AgentAudioDone" -> ServiceEvent.of(ServiceEvent.Kind.ANSWER_DONE);
            case "ConversationText" ->
                ServiceEvent.text(
                        ServiceEvent.Kind.TRANSCRIPT,
                        null,
                        event.path("role").asText() + ": "
                                + event.path("content").asText());
            case "FunctionCallRequest" -> endCall(event);
            case "Error" ->
                ServiceEvent.text(
                        ServiceEvent.Kind.ERROR,
                        null,
                        event.path("code").asText("") + " "
                                + event.path("description").asText(event.toString()));
            default -> ServiceEvent.of(ServiceEvent.Kind.OTHER);
        };
    }

    private static ServiceEvent endCall(JsonNode request) {
        for (JsonNode function : request.path("functions")) {
            if ("end_call".equals(function.path("name").asText())) {
                return ServiceEvent.text(
                        ServiceEvent.Kind.END_CALL, null, function.path("id").asText());
            }
        }
        return ServiceEvent.text(ServiceEvent.Kind.ERROR, null, "unknown function call " + request);
    }

    @Override
    public Object functionResult(String callId, String result) {
        return ServiceJson.object()
                .put("type", "FunctionCallResponse")
                .put("id", callId)
                .put("name", "end_call")
                .put("content", result)
                .toString();
    }

    @Override
    public Object interrupted(String answerId, long heardMillis) {
        return null; // the agent's history is its own: it heard the caller interrupt
    }
}
