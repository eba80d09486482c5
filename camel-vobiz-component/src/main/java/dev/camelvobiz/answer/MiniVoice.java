package dev.camelvobiz.answer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A MiniVoice answer (protocol §12): {@code {"actions":[…]}}, run in order, each action keyed
 * ({@code {"say":{"text":"Hi"}}}, the default) or typed ({@code {"type":"say","text":"Hi"}}, see
 * {@link #typed()}). {@code start_stream} and {@code stop_stream} are checked as MiniVoice checks
 * them: {@code wss://} only, track inbound, outbound or both.
 */
public final class MiniVoice {

    /** The 15 actions MiniVoice runs. */
    public static final Set<String> ACTIONS = Set.of(
            "say",
            "gather",
            "send_digits",
            "redirect",
            "transfer",
            "bridge",
            "conference",
            "hold",
            "resume",
            "mute",
            "unmute",
            "start_recording",
            "stop_recording",
            "start_stream",
            "stop_stream");

    private static final Set<String> TRACKS = Set.of("inbound", "outbound", "both");
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Action(String type, Map<String, Object> fields) {}

    private final List<Action> actions = new ArrayList<>();
    private boolean typed;

    private MiniVoice() {}

    public static MiniVoice actions() {
        return new MiniVoice();
    }

    /** Reads the YAML data form: {@code {actions: [{say: {text: Hi}}, {type: hold}]}}. */
    public static MiniVoice fromData(Map<?, ?> document) {
        if (!(document.get("actions") instanceof List<?> list)) {
            throw new InvalidAnswerException("A MiniVoice answer is {actions: [...]}");
        }
        MiniVoice miniVoice = actions();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> map)) {
                throw new InvalidAnswerException("A MiniVoice action is a map, not: " + item);
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            String type;
            if (map.containsKey("type")) {
                type = String.valueOf(map.get("type"));
                map.forEach((key, value) -> {
                    if (!"type".equals(key)) {
                        fields.put(String.valueOf(key), value);
                    }
                });
            } else if (map.size() == 1) {
                Map.Entry<?, ?> entry = map.entrySet().iterator().next();
                type = String.valueOf(entry.getKey());
                if (entry.getValue() instanceof Map<?, ?> body) {
                    body.forEach((key, value) -> fields.put(String.valueOf(key), value));
                }
            } else {
                throw new InvalidAnswerException(
                        "A MiniVoice action is {<name>: {...}} or {type: <name>, ...}: " + map);
            }
            miniVoice.action(type, fields);
        }
        return miniVoice;
    }

    /** Writes each action as {@code {"type":"say",…}} instead of {@code {"say":{…}}}. */
    public MiniVoice typed() {
        this.typed = true;
        return this;
    }

    public MiniVoice say(String text) {
        return action("say", Map.of("text", text));
    }

    public MiniVoice gather(String prompt, int numDigits, int timeoutSeconds) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("prompt", prompt);
        fields.put("num_digits", numDigits);
        fields.put("timeout_seconds", timeoutSeconds);
        return action("gather", fields);
    }

    public MiniVoice sendDigits(String digits) {
        return action("send_digits", Map.of("digits", digits));
    }

    public MiniVoice redirect(String url) {
        return action("redirect", Map.of("url", url));
    }

    public MiniVoice transfer(String destination) {
        return action("transfer", Map.of("destination", destination));
    }

    public MiniVoice bridge(String destination) {
        return action("bridge", Map.of("destination", destination));
    }

    public MiniVoice conference(String name) {
        return action("conference", Map.of("name", name));
    }

    public MiniVoice hold() {
        return action("hold", Map.of());
    }

    public MiniVoice resume() {
        return action("resume", Map.of());
    }

    public MiniVoice mute() {
        return action("mute", Map.of());
    }

    public MiniVoice unmute() {
        return action("unmute", Map.of());
    }

    public MiniVoice startRecording() {
        return action("start_recording", Map.of());
    }

    public MiniVoice stopRecording() {
        return action("stop_recording", Map.of());
    }

    /** Streams the call to a {@code wss://} URL; {@code track} is inbound, outbound or both (null: default). */
    public MiniVoice startStream(String streamUrl, String track) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("stream_url", streamUrl);
        if (track != null) {
            fields.put("track", track);
        }
        return action("start_stream", fields);
    }

    /** Stops the streams matching {@code streamUrl} and {@code track} (either may be null: all). */
    public MiniVoice stopStream(String streamUrl, String track) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (streamUrl != null) {
            fields.put("stream_url", streamUrl);
        }
        if (track != null) {
            fields.put("track", track);
        }
        return action("stop_stream", fields);
    }

    /** Any of the 15 actions with its fields as given (for fields this builder has no method for). */
    public MiniVoice action(String type, Map<String, Object> fields) {
        String name = type.toLowerCase(Locale.ROOT);
        if (!ACTIONS.contains(name)) {
            throw new InvalidAnswerException("MiniVoice has no action '" + type + "'; it has " + ACTIONS);
        }
        if (name.equals("start_stream") || name.equals("stop_stream")) {
            checkStream(name, fields);
        }
        actions.add(new Action(name, new LinkedHashMap<>(fields)));
        return this;
    }

    private static void checkStream(String action, Map<String, Object> fields) {
        Object url = fields.get("stream_url");
        if (action.equals("start_stream") && (url == null || url.toString().isBlank())) {
            throw new InvalidAnswerException(action + ": stream_url is required");
        }
        if (url != null && !url.toString().toLowerCase(Locale.ROOT).startsWith("wss://")) {
            throw new InvalidAnswerException(action + ".stream_url: '" + url + "' must be a wss:// URL");
        }
        Object track = fields.get("track");
        if (track != null && !TRACKS.contains(track.toString())) {
            throw new InvalidAnswerException(action + ".track: '" + track + "' is not inbound, outbound or both");
        }
    }

    public String toJson() {
        List<Map<String, Object>> encoded = new ArrayList<>();
        for (Action action : actions) {
            if (typed) {
                Map<String, Object> flat = new LinkedHashMap<>();
                flat.put("type", action.type());
                flat.putAll(action.fields());
                encoded.add(flat);
            } else {
                encoded.add(Map.of(action.type(), action.fields()));
            }
        }
        try {
            return JSON.writeValueAsString(Map.of("actions", encoded));
        } catch (JsonProcessingException e) {
            throw new InvalidAnswerException("A MiniVoice field cannot be written as JSON: " + e.getOriginalMessage());
        }
    }

    @Override
    public String toString() {
        return toJson();
    }
}
