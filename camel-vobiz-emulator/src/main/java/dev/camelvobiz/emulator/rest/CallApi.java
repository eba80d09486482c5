package dev.camelvobiz.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelvobiz.emulator.CallSpec;
import dev.camelvobiz.emulator.audio.Pcm;
import dev.camelvobiz.emulator.audio.Wav;
import dev.camelvobiz.emulator.call.Call;
import dev.camelvobiz.emulator.call.Outbound;
import dev.camelvobiz.emulator.call.Recording;
import dev.camelvobiz.emulator.http.AnswerFetcher;
import dev.camelvobiz.emulator.http.Timestamps;
import dev.camelvobiz.emulator.record.CallRecord;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The Call API: place calls ({@code POST Call/}, one call per destination joined by {@code <}), list
 * and look up live calls, transfer, hang up, speak, play, send digits and record. Field checks and
 * error texts follow Vobiz's pages; what the pages leave open is the emulator's choice (docs/PROTOCOL.md
 * §8).
 */
final class CallApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DIGITS = Pattern.compile("[0-9*#wW]+");
    private static final int MAX_DESTINATIONS = 1000;
    private static final Duration DEFAULT_RING_TIMEOUT = Duration.ofSeconds(60);

    private final CallDirectory calls;
    private final AnswerFetcher fetcher;
    private final String recordingsBase;

    CallApi(CallDirectory calls, AnswerFetcher fetcher, String recordingsBase) {
        this.calls = calls;
        this.fetcher = fetcher;
        this.recordingsBase = recordingsBase;
    }

    /** {@code …/Call/}: POST places calls, GET lists the live ones. */
    Reply account(String method, String body) throws IOException {
        return switch (method) {
            case "POST" -> makeCall(read(body));
            case "GET" -> {
                ObjectNode reply = RestReplies.withApiId(JSON.createObjectNode());
                ArrayNode ids = reply.putArray("calls");
                calls.live().forEach(call -> ids.add(call.callUuid()));
                yield new Reply(200, reply);
            }
            default -> RestReplies.error(405, "Method not allowed");
        };
    }

    /** {@code …/Call/{id}/}: GET the live call, POST transfer it, DELETE hang it up. */
    Reply call(String method, Optional<Call> live, String body) throws IOException {
        if (live.isEmpty()) {
            return RestReplies.error(404, "Call not found");
        }
        Call call = live.get();
        return switch (method) {
            case "GET" -> new Reply(200, RestReplies.withApiId(details(call)));
            case "POST" -> transfer(call, read(body));
            case "DELETE" -> {
                call.end(new CallRecord.Hangup("Normal Hangup", "4000", "API Request"));
                yield new Reply(204, null);
            }
            default -> RestReplies.error(405, "Method not allowed");
        };
    }

    /** {@code …/Call/{id}/Speak/}, {@code Play/}, {@code DTMF/}, {@code Record/}. */
    Reply action(String action, String method, Optional<Call> live, String body) throws IOException {
        if (live.isEmpty()) {
            return RestReplies.error(404, "Call not found");
        }
        Call call = live.get();
        JsonNode request = read(body);
        return switch (action + " " + method) {
            case "Speak POST" -> speak(call, request);
            case "Speak DELETE" -> stop(call, "speak");
            case "Play POST" -> play(call, request);
            case "Play DELETE" -> stop(call, "play");
            case "DTMF POST" -> digits(call, request);
            case "Record POST" -> startRecording(call, request);
            case "Record DELETE" -> {
                call.stopRecordings();
                yield new Reply(204, null);
            }
            default -> RestReplies.error(405, "Method not allowed");
        };
    }

    private Reply makeCall(JsonNode request) {
        String from = text(request, "from");
        String to = text(request, "to");
        String answerUrl = text(request, "answer_url");
        for (String[] field : new String[][] {{"from", from}, {"to", to}, {"answer_url", answerUrl}}) {
            if (field[1] == null) {
                return RestReplies.error(400, field[0] + " is required");
            }
        }
        if (!isHttpUrl(answerUrl)) {
            return RestReplies.error(400, "answer_url must be a valid http(s) URL");
        }
        String[] destinations = to.split("<");
        if (destinations.length > MAX_DESTINATIONS) {
            return RestReplies.error(400, "to may name at most " + MAX_DESTINATIONS + " destinations");
        }
        String requestUuid = UUID.randomUUID().toString();
        for (String destination : destinations) {
            CallSpec spec = CallSpec.answerUrl(answerUrl)
                    .answerMethod(method(request, "answer_method"))
                    .from(from)
                    .to(destination)
                    .direction("outbound")
                    .hangupUrl(text(request, "hangup_url"))
                    .hangupMethod(method(request, "hangup_method"))
                    .callerAudio(calls.callee(destination).voiceValue());
            Long timeLimit = number(request, "time_limit");
            if (timeLimit != null) {
                spec.maxDuration(Duration.ofSeconds(timeLimit));
            }
            Long ringTimeout = number(request, "ring_timeout");
            calls.place(
                    spec,
                    new Outbound(
                            requestUuid,
                            text(request, "ring_url"),
                            method(request, "ring_method"),
                            ringTimeout == null ? DEFAULT_RING_TIMEOUT : Duration.ofSeconds(ringTimeout),
                            text(request, "machine_detection"),
                            text(request, "machine_detection_url"),
                            method(request, "machine_detection_method"),
                            text(request, "fallback_url"),
                            method(request, "fallback_method"),
                            calls.callee(destination)));
        }
        ObjectNode reply = RestReplies.withApiId(JSON.createObjectNode());
        reply.put("message", "Call fired");
        reply.put("request_uuid", requestUuid);
        return new Reply(201, reply);
    }

    private static ObjectNode details(Call call) {
        ObjectNode node = JSON.createObjectNode();
        node.put("call_uuid", call.callUuid());
        node.put("call_status", "in-progress");
        node.put("direction", call.spec().directionValue());
        node.put("from", call.spec().from());
        node.put("to", call.spec().to());
        node.put("request_uuid", call.requestUuid());
        node.put("session_start", Timestamps.local(call.startTime()));
        node.put("caller_name", "");
        node.put("stir_attestation", "Not Applicable");
        node.put("stir_verification", "Not Applicable");
        return node;
    }

    private Reply transfer(Call call, JsonNode request) {
        String legs =
                text(request, "legs") == null ? "aleg" : text(request, "legs").toLowerCase(Locale.ROOT);
        String url = text(request, "aleg_url");
        if (!legs.equals("aleg")) {
            // an emulated call has no B leg: only aleg transfers are run (docs/PROTOCOL.md §8)
            return RestReplies.error(400, "legs " + legs + " is not emulated: the emulator's calls have no B leg");
        }
        if (url == null || !isHttpUrl(url)) {
            return RestReplies.error(400, "aleg_url is required and must be a valid http(s) URL");
        }
        call.transfer(url, method(request, "aleg_method"));
        ObjectNode reply = RestReplies.withApiId(JSON.createObjectNode());
        reply.put("message", "call transferred");
        reply.put("call_uuid", call.callUuid());
        return new Reply(202, reply);
    }

    private static Reply speak(Call call, JsonNode request) {
        String text = text(request, "text");
        if (text == null) {
            return RestReplies.error(400, "text is required");
        }
        call.speak(text);
        return message(200, "speak started");
    }

    private Reply play(Call call, JsonNode request) {
        String urls = text(request, "urls");
        if (urls == null) {
            return RestReplies.error(400, "urls is required");
        }
        List<String> played = new ArrayList<>();
        for (String url : urls.split(",")) {
            try {
                Pcm audio = Wav.read(fetcher.fetchAudio(url.trim()));
                call.play(url.trim(), audio);
                played.add(url.trim());
            } catch (IOException | IllegalArgumentException e) {
                call.record().log("play (api) skipped", url.trim() + ": " + e.getMessage());
            }
        }
        return played.isEmpty()
                ? RestReplies.error(400, "none of urls could be fetched as audio")
                : message(200, "play started");
    }

    private static Reply stop(Call call, String what) {
        call.stopOverlay(what);
        return new Reply(204, null);
    }

    private static Reply digits(Call call, JsonNode request) {
        String digits = text(request, "digits");
        if (digits == null || !DIGITS.matcher(digits).matches()) {
            return RestReplies.error(400, "digits is required and may hold only 0-9, *, #, w and W");
        }
        call.digitsToCaller(digits);
        return message(202, "digits sent");
    }

    private Reply startRecording(Call call, JsonNode request) {
        String format = text(request, "file_format") == null ? "mp3" : text(request, "file_format");
        if (!format.equals("mp3") && !format.equals("wav")) {
            return RestReplies.error(400, "file_format must be mp3 or wav");
        }
        Long limit = number(request, "time_limit");
        String id = UUID.randomUUID().toString();
        Recording recording = call.startRecording(new Recording(
                id,
                recordingsBase + call.callUuid() + "/" + id + ".wav",
                call.record().nowMicros() / 1000,
                Duration.ofSeconds(limit == null ? 60 : limit),
                format,
                text(request, "callback_url"),
                method(request, "callback_method")));
        ObjectNode reply = RestReplies.withApiId(JSON.createObjectNode());
        reply.put("message", "recording started");
        reply.put("recording_id", recording.id());
        reply.put("url", recording.url());
        return new Reply(200, reply);
    }

    private static Reply message(int status, String message) {
        ObjectNode reply = RestReplies.withApiId(JSON.createObjectNode());
        reply.put("message", message);
        return new Reply(status, reply);
    }

    private static JsonNode read(String body) throws IOException {
        return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static Long number(JsonNode request, String field) {
        String text = text(request, field);
        try {
            return text == null ? null : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String method(JsonNode request, String field) {
        String method = text(request, field);
        return method == null ? "POST" : method.toUpperCase(Locale.ROOT);
    }

    private static boolean isHttpUrl(String url) {
        try {
            String scheme = URI.create(url).getScheme();
            return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
