package dev.camelvobiz.answer;

import static dev.camelvobiz.answer.DataValues.bool;
import static dev.camelvobiz.answer.DataValues.constant;
import static dev.camelvobiz.answer.DataValues.integer;
import static dev.camelvobiz.answer.DataValues.string;

import dev.camelvobiz.answer.AnswerEnums.AudioTrack;
import dev.camelvobiz.answer.AnswerEnums.HttpMethod;
import dev.camelvobiz.answer.AnswerEnums.StreamContentType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code <Stream>}: open a WebSocket with the call's audio (protocol §2). The URL is the element's text. */
public final class Stream extends XmlElement {

    Stream(String url) {
        super("Stream");
        text(url);
    }

    public Stream bidirectional(boolean bidirectional) {
        attribute("bidirectional", bidirectional, false);
        return this;
    }

    public Stream audioTrack(AudioTrack track) {
        attribute("audioTrack", track, AudioTrack.INBOUND);
        return this;
    }

    /** Seconds until the stream stops (default 86400). */
    public Stream streamTimeout(int seconds) {
        attribute("streamTimeout", seconds, 86400);
        return this;
    }

    /** The format of the caller's audio on the stream (the inbound direction only). */
    public Stream contentType(StreamContentType contentType) {
        attribute("contentType", contentType, StreamContentType.L16_8K);
        return this;
    }

    public Stream statusCallbackUrl(String url) {
        attribute("statusCallbackUrl", url, null);
        return this;
    }

    public Stream statusCallbackMethod(HttpMethod method) {
        attribute("statusCallbackMethod", method, HttpMethod.POST);
        return this;
    }

    /** Metadata Vobiz passes on status callbacks as {@code X-VH-<key>}: letters and digits only, 512 bytes. */
    public Stream extraHeaders(Map<String, String> headers) {
        attribute(
                "extraHeaders",
                headers.isEmpty()
                        ? null
                        : headers.entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .collect(Collectors.joining(",")),
                null);
        return this;
    }

    /** Hold the call on this element until the stream ends; needs {@code bidirectional}. */
    public Stream keepCallAlive(boolean keepCallAlive) {
        attribute("keepCallAlive", keepCallAlive, false);
        return this;
    }

    /** Reconnect attempts after a failed connect or a drop (0 to 10), each with a new stream id. */
    public Stream maxRetries(int retries) {
        attribute("maxRetries", retries, 0);
        return this;
    }

    @Override
    protected void validate() {
        String url = text();
        String scheme;
        try {
            scheme = url == null ? null : URI.create(url.trim()).getScheme();
        } catch (IllegalArgumentException e) {
            throw invalid("URL", "'" + url + "' is not a valid URL: " + e.getMessage());
        }
        if (scheme == null || !(scheme.equalsIgnoreCase("wss") || scheme.equalsIgnoreCase("ws"))) {
            throw invalid("URL", "'" + url + "' is not a wss:// (or ws:// for tests) URL");
        }
        boolean bidirectional = "true".equals(attribute("bidirectional"));
        String track = attribute("audioTrack");
        if (bidirectional && track != null) {
            throw invalid(
                    "audioTrack",
                    "bidirectional=\"true\" works only with audioTrack=\"inbound\", not \"" + track
                            + "\" (Vobiz rejects the stream and ends the call)");
        }
        if ("true".equals(attribute("keepCallAlive")) && !bidirectional) {
            throw invalid("keepCallAlive", "needs bidirectional=\"true\"");
        }
        if (StreamContentType.L16_24K.wireValue().equals(attribute("contentType"))) {
            throw invalid("contentType", "24 kHz is not supported for the inbound stream (use it in playAudio only)");
        }
        String retries = attribute("maxRetries");
        if (retries != null && (Integer.parseInt(retries) < 0 || Integer.parseInt(retries) > 10)) {
            throw invalid("maxRetries", retries + " is outside 0 to 10");
        }
        String timeout = attribute("streamTimeout");
        if (timeout != null && Integer.parseInt(timeout) <= 0) {
            throw invalid("streamTimeout", "must be a positive number of seconds");
        }
        String extra = attribute("extraHeaders");
        if (extra != null) {
            if (extra.getBytes(StandardCharsets.UTF_8).length > 512) {
                throw invalid("extraHeaders", "longer than 512 bytes");
            }
            for (String pair : extra.split(",")) {
                if (!pair.toLowerCase(Locale.ROOT).matches("[a-z0-9]+=[a-z0-9]+")) {
                    throw invalid("extraHeaders", "'" + pair + "' is not key=value of letters and digits");
                }
            }
        }
    }

    private static Map<String, String> extraHeadersOf(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            map.forEach((key, header) -> headers.put(String.valueOf(key), String.valueOf(header)));
            return headers;
        }
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (String pair : string(value).split(",")) {
            String[] parts = pair.split("=", 2);
            headers.put(parts[0].trim(), parts.length > 1 ? parts[1].trim() : "");
        }
        return headers;
    }

    @Override
    void set(String attribute, Object value) {
        switch (attribute) {
            case "bidirectional" -> bidirectional(bool(value));
            case "audioTrack" -> audioTrack(constant(AudioTrack.class, attribute, value));
            case "streamTimeout" -> streamTimeout(integer(value));
            case "contentType" -> contentType(StreamContentType.parse(DataValues.string(value)));
            case "statusCallbackUrl" -> statusCallbackUrl(string(value));
            case "statusCallbackMethod" -> statusCallbackMethod(constant(HttpMethod.class, attribute, value));
            case "extraHeaders" -> extraHeaders(extraHeadersOf(value));
            case "keepCallAlive" -> keepCallAlive(bool(value));
            case "maxRetries" -> maxRetries(integer(value));
            default -> throw noSuchAttribute(attribute);
        }
    }
}
