package dev.camelvobiz.internal.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelvobiz.VobizConfiguration;
import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.api.MakeCallRequest;
import dev.camelvobiz.api.StartStreamRequest;
import dev.camelvobiz.api.VobizApiOperation;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.camel.Message;

/**
 * Builds the URI and JSON body of one {@code vobiz:api} request from the endpoint's options, the
 * exchange's headers and its body, and refuses one that lacks a field Vobiz requires, naming it, before
 * anything is sent. Where a value may come from several places: a request body (a typed request or a
 * {@code Map} of Vobiz's own field names) is sent as it is; otherwise the URI option wins over the
 * header, as for every producer.
 */
final class ApiRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DIGITS = Pattern.compile("[0-9*#wW]+");
    private static final Set<String> LEGS = Set.of("aleg", "bleg", "both");

    private ApiRequests() {}

    static URI uri(VobizConfiguration configuration, VobizApiOperation operation, Message message) {
        StringBuilder path = new StringBuilder(stripSlash(configuration.getApiBaseUrl()))
                .append("/Account/")
                .append(encode(configuration.getAuthId()))
                .append("/Call/");
        if (operation.needsCallId()) {
            String callId = required(
                    operation,
                    either(configuration.getCallId(), message.getHeader(VobizConstants.CALL_ID, String.class)),
                    "a call id (option callId or header " + VobizConstants.CALL_ID + ")");
            path.append(encode(callId)).append('/');
        }
        if (operation.needsStreamId()) {
            String streamId = required(
                    operation,
                    either(configuration.getStreamId(), message.getHeader(VobizConstants.STREAM_ID, String.class)),
                    "a stream id (option streamId or header " + VobizConstants.STREAM_ID + ")");
            path.append("Stream/").append(encode(streamId)).append('/');
        }
        return URI.create(path.append(operation.pathSuffix()).toString());
    }

    /** The JSON body, or null for an operation that sends none. */
    static String body(VobizConfiguration configuration, VobizApiOperation operation, Message message)
            throws JsonProcessingException {
        Object request =
                switch (operation) {
                    case makeCall -> makeCall(configuration, message);
                    case transferCall -> transfer(configuration, message);
                    case speak -> fields(operation, message, "text", "the text to speak");
                    case play -> fields(operation, message, "urls", "the audio URLs, comma-separated");
                    case sendDtmf -> digits(message);
                    case startRecording -> message.getBody() instanceof Map<?, ?> map ? map : Map.of();
                    case startStream -> startStream(configuration, message);
                    default -> null;
                };
        return request == null ? null : JSON.writeValueAsString(request);
    }

    private static Object makeCall(VobizConfiguration configuration, Message message) {
        Map<String, Object> fields;
        if (message.getBody() instanceof MakeCallRequest given) {
            fields = given.fields();
        } else if (message.getBody() instanceof Map<?, ?> given) {
            fields = copy(given);
        } else {
            MakeCallRequest built = MakeCallRequest.call(
                            either(configuration.getFrom(), message.getHeader(VobizConstants.FROM, String.class)),
                            trimmed(either(configuration.getTo(), message.getHeader(VobizConstants.TO, String.class))),
                            either(
                                    configuration.getAnswerUrl(),
                                    message.getHeader(VobizConstants.ANSWER_URL, String.class)))
                    .hangupUrl(configuration.getHangupUrl())
                    .ringUrl(configuration.getRingUrl())
                    .machineDetection(configuration.getMachineDetection());
            fields = built.fields();
        }
        VobizApiOperation operation = VobizApiOperation.makeCall;
        required(operation, text(fields.get("from")), "from (option from, header CamelVobizFrom, or the body)");
        String to = required(operation, text(fields.get("to")), "to (option to, header CamelVobizTo, or the body)");
        url(
                operation,
                "answer_url (option answerUrl, header CamelVobizAnswerUrl, or the body)",
                fields.get("answer_url"));
        for (String optional : new String[] {"ring_url", "hangup_url", "fallback_url", "machine_detection_url"}) {
            if (fields.get(optional) != null) {
                url(operation, optional, fields.get(optional));
            }
        }
        int destinations = to.split("<").length;
        if (destinations > MakeCallRequest.MAX_DESTINATIONS) {
            throw new IllegalArgumentException("vobiz:api makeCall: to names " + destinations
                    + " destinations; Vobiz takes at most " + MakeCallRequest.MAX_DESTINATIONS + " per request");
        }
        return fields;
    }

    private static Object transfer(VobizConfiguration configuration, Message message) {
        Map<String, Object> fields;
        if (message.getBody() instanceof Map<?, ?> given) {
            fields = copy(given);
        } else {
            fields = new LinkedHashMap<>();
            fields.put("legs", "aleg");
            fields.put(
                    "aleg_url",
                    either(configuration.getAnswerUrl(), message.getHeader(VobizConstants.ANSWER_URL, String.class)));
            fields.put("aleg_method", "POST");
        }
        VobizApiOperation operation = VobizApiOperation.transferCall;
        String legs = text(fields.getOrDefault("legs", "aleg")).toLowerCase(Locale.ROOT);
        if (!LEGS.contains(legs)) {
            throw new IllegalArgumentException(
                    "vobiz:api transferCall: legs must be aleg, bleg or both, not '" + legs + "'");
        }
        if (!legs.equals("bleg")) {
            url(
                    operation,
                    "aleg_url (option answerUrl, header CamelVobizAnswerUrl, or the body)",
                    fields.get("aleg_url"));
        }
        if (!legs.equals("aleg")) {
            url(operation, "bleg_url (in the body)", fields.get("bleg_url"));
        }
        return fields;
    }

    /** A Map body as it is, or a text body (a List joined with commas) as the operation's main field. */
    private static Object fields(VobizApiOperation operation, Message message, String field, String what) {
        Object body = message.getBody();
        Map<String, Object> fields;
        if (body instanceof Map<?, ?> given) {
            fields = copy(given);
        } else {
            fields = new LinkedHashMap<>();
            fields.put(
                    field,
                    body instanceof Collection<?> list
                            ? String.join(
                                    ",", list.stream().map(String::valueOf).toList())
                            : message.getBody(String.class));
        }
        required(
                operation,
                text(fields.get(field)),
                field + " (" + what + ": the body, or the field " + field + " of a Map body)");
        return fields;
    }

    private static Object digits(Message message) {
        @SuppressWarnings("unchecked")
        Map<String, Object> fields =
                (Map<String, Object>) fields(VobizApiOperation.sendDtmf, message, "digits", "the keys to send");
        String digits = text(fields.get("digits"));
        if (!DIGITS.matcher(digits).matches()) {
            throw new IllegalArgumentException(
                    "vobiz:api sendDtmf: digits may hold only 0-9, *, # and the pauses w and W," + " not '" + digits
                            + "'");
        }
        return fields;
    }

    private static StartStreamRequest startStream(VobizConfiguration configuration, Message message) {
        StartStreamRequest given = message.getBody(StartStreamRequest.class);
        if (given != null) {
            return given;
        }
        String serviceUrl =
                required(VobizApiOperation.startStream, configuration.getStreamUrl(), "streamUrl (the service_url)");
        return new StartStreamRequest(
                serviceUrl,
                configuration.isBidirectional(),
                configuration.getAudioTrack(),
                configuration.getContentType(),
                null,
                configuration.getStatusCallbackUrl(),
                configuration.getStatusCallbackUrl() == null ? null : "POST",
                null);
    }

    private static void url(VobizApiOperation operation, String what, Object value) {
        String url = required(operation, text(value), what);
        String scheme;
        try {
            scheme = URI.create(url).getScheme();
        } catch (IllegalArgumentException e) {
            scheme = null;
        }
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException(
                    "vobiz:api " + operation + " needs " + what + " to be an http(s) URL, not '" + url + "'");
        }
    }

    private static Map<String, Object> copy(Map<?, ?> given) {
        Map<String, Object> fields = new LinkedHashMap<>();
        given.forEach((key, value) -> fields.put(String.valueOf(key), value));
        return fields;
    }

    /** A number as it often arrives from a queue or a file: with a line break or spaces around it. */
    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }

    private static String either(String option, String header) {
        return option != null ? option : header;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    static String required(VobizApiOperation operation, String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("vobiz:api " + operation + " needs " + what);
        }
        return value;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
