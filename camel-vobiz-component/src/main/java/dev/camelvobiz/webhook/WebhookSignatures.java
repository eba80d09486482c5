package dev.camelvobiz.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks who sent a webhook. Vobiz (protocol §7): {@code X-Vobiz-Signature-V3} is base64
 * HMAC-SHA256, keyed by the auth token, of the URL without its query, a dot and the nonce
 * ({@code -V2}: without the dot); the nonce header's name is undocumented, so the Plivo-style
 * {@code X-Vobiz-Signature-V3-Nonce} and two plainer names are read. A header may carry several
 * comma-separated signatures (key rotation); one match is enough. MiniVoice (§12):
 * {@code X-MiniVoice-Signature: v1=<hex HMAC-SHA256(timestamp + "." + raw body)>} with
 * {@code X-MiniVoice-Timestamp} inside a replay window. All comparisons are constant-time.
 */
public final class WebhookSignatures {

    private static final List<String> NONCE_HEADERS = List.of(
            "X-Vobiz-Signature-V3-Nonce", "X-Vobiz-Signature-V2-Nonce", "X-Vobiz-Signature-Nonce", "X-Vobiz-Nonce");

    private WebhookSignatures() {}

    /**
     * Returns null when the request is signed correctly, else why not (for the log; never the secret or
     * the expected value).
     */
    public static String problem(
            UnaryOperator<String> headers,
            String signedUrl,
            byte[] body,
            String authToken,
            String webhookSecret,
            long windowMillis) {
        String miniVoice = headers.apply("X-MiniVoice-Signature");
        if (miniVoice != null) {
            return miniVoiceProblem(
                    headers, miniVoice, body, webhookSecret != null ? webhookSecret : authToken, windowMillis);
        }
        if (authToken == null) {
            return "no authToken to check signatures with";
        }
        String nonce = NONCE_HEADERS.stream()
                .map(headers)
                .filter(n -> n != null)
                .findFirst()
                .orElse(null);
        String v3 = headers.apply("X-Vobiz-Signature-V3");
        String v2 = headers.apply("X-Vobiz-Signature-V2");
        if (v3 == null && v2 == null) {
            return "no X-Vobiz-Signature-V3 or -V2 header";
        }
        if (nonce == null) {
            return "no signature nonce header";
        }
        String url = withoutQuery(signedUrl);
        if (v3 != null && anyMatches(v3, base64Hmac(authToken, url + "." + nonce))) {
            return null;
        }
        if (v2 != null && anyMatches(v2, base64Hmac(authToken, url + nonce))) {
            return null;
        }
        return "signature does not match " + url;
    }

    private static String miniVoiceProblem(
            UnaryOperator<String> headers, String signature, byte[] body, String secret, long windowMillis) {
        if (secret == null) {
            return "no webhookSecret (or authToken) to check the MiniVoice signature with";
        }
        String timestamp = headers.apply("X-MiniVoice-Timestamp");
        if (timestamp == null) {
            return "no X-MiniVoice-Timestamp header";
        }
        long sentMillis;
        try {
            long value = Long.parseLong(timestamp.trim());
            sentMillis = value < 100_000_000_000L ? value * 1000 : value; // seconds or milliseconds
        } catch (NumberFormatException e) {
            return "X-MiniVoice-Timestamp is not a number";
        }
        if (Math.abs(System.currentTimeMillis() - sentMillis) > windowMillis) {
            return "X-MiniVoice-Timestamp outside the replay window";
        }
        byte[] signed =
                (timestamp.trim() + "." + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        String expected = "v1=" + HexFormat.of().formatHex(hmac(secret, signed));
        return anyMatches(signature, expected) ? null : "MiniVoice signature does not match";
    }

    private static boolean anyMatches(String header, String expected) {
        byte[] want = expected.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (String candidate : header.split(",")) {
            match |= MessageDigest.isEqual(candidate.trim().getBytes(StandardCharsets.UTF_8), want);
        }
        return match;
    }

    static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    static String base64Hmac(String key, String text) {
        return Base64.getEncoder().encodeToString(hmac(key, text.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
