package dev.camelvobiz.emulator.answer;

import dev.camelvobiz.emulator.audio.WireFormat;
import java.net.URI;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The settings of one stream, from a {@code <Stream>} element (protocol §2), a MiniVoice
 * {@code start_stream} or a REST start (§8), with Vobiz's rules applied: clamped {@code maxRetries},
 * {@code keepCallAlive} only with {@code bidirectional}, and the reason Vobiz would refuse the stream.
 */
public record StreamAttributes(
        URI url,
        boolean bidirectional,
        String audioTrack,
        String contentType,
        long streamTimeoutSeconds,
        String statusCallbackUrl,
        String statusCallbackMethod,
        boolean keepCallAlive,
        int maxRetries,
        Map<String, String> extraHeaders,
        List<String> violations,
        String refusal) {

    public static StreamAttributes from(Instruction stream) {
        List<String> violations = new ArrayList<>();
        String refusal = null;
        String url = stream.text() == null ? "" : stream.text().trim();
        if (url.isEmpty() && stream.attributes().containsKey("url")) {
            violations.add("<Stream url=\"…\"> is not read by Vobiz: the URL goes in the element's text");
        }
        URI uri = null;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            refusal = "stream URL '" + url + "' is not a URL";
        }
        if (refusal == null && !"ws".equalsIgnoreCase(uri.getScheme()) && !"wss".equalsIgnoreCase(uri.getScheme())) {
            refusal = "stream URL '" + url + "' is not ws:// or wss://";
        }
        boolean bidirectional = stream.flag("bidirectional", false);
        String track = stream.attribute("audioTrack", "inbound").toLowerCase(Locale.ROOT);
        if (!List.of("inbound", "outbound", "both").contains(track)) {
            refusal = "audioTrack '" + track + "' is not inbound, outbound or both";
        } else if (bidirectional && !"inbound".equals(track)) {
            refusal = "bidirectional=\"true\" with audioTrack=\"" + track + "\" (only inbound works)";
        }
        String contentType = stream.attribute("contentType", "audio/x-l16;rate=8000");
        try {
            WireFormat format = WireFormat.parse(contentType, ByteOrder.BIG_ENDIAN);
            if (format.sampleRate() == 24000) {
                refusal = "contentType " + contentType + " (24 kHz is outbound only)";
            }
        } catch (IllegalArgumentException e) {
            refusal = "contentType '" + contentType + "': " + e.getMessage();
        }
        boolean keepCallAlive = stream.flag("keepCallAlive", false);
        if (keepCallAlive && !bidirectional) {
            violations.add("keepCallAlive=\"true\" without bidirectional=\"true\" has no effect");
            keepCallAlive = false;
        }
        int maxRetries = Math.max(0, Math.min(10, stream.number("maxRetries", 0)));
        return new StreamAttributes(
                uri,
                bidirectional,
                track,
                contentType,
                Math.max(1, stream.number("streamTimeout", 86400)),
                stream.attributes().get("statusCallbackUrl"),
                stream.attribute("statusCallbackMethod", "POST"),
                keepCallAlive,
                maxRetries,
                parseExtraHeaders(stream.attribute("extraHeaders", "")),
                List.copyOf(violations),
                refusal);
    }

    /** {@code k=v,k2=v2} (XML) or {@code k:v} (REST), as Vobiz reports them on callbacks. */
    private static Map<String, String> parseExtraHeaders(String text) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            int separator = pair.indexOf('=') >= 0 ? pair.indexOf('=') : pair.indexOf(':');
            if (separator > 0) {
                headers.put(
                        pair.substring(0, separator).trim(),
                        pair.substring(separator + 1).trim());
            }
        }
        return headers;
    }

    public WireFormat inboundFormat(ByteOrder byteOrder) {
        return WireFormat.parse(contentType, byteOrder);
    }

    /** Plivo passes the stream's extra headers in {@code start}; Vobiz sends the literal {@code "{}"}. */
    public String extraHeadersText() {
        Map<String, String> headers = extraHeaders;
        return headers.isEmpty()
                ? "{}"
                : headers.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(","));
    }
}
