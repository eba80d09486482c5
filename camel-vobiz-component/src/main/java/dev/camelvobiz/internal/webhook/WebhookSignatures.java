package dev.camelvobiz.internal.webhook;

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
 *
 * <p>What a signature proves, and what it does not: a Vobiz signature covers the URL (without its
 * query) and the nonce, not the body or the query, so it proves that Vobiz sent a request to this
 * URL once, and nothing about what the request carried. A captured request can therefore be sent
 * again with any body; the {@link Verdict#replayKey()} of an accepted request identifies it, so the
 * consumer can refuse it the second time. A MiniVoice signature covers the timestamp and the body.
 */
public final class WebhookSignatures {

    private static final List<String> NONCE_HEADERS = List.of(
            "X-Vobiz-Signature-V3-Nonce", "X-Vobiz-Signature-V2-Nonce", "X-Vobiz-Signature-Nonce", "X-Vobiz-Nonce");

    private WebhookSignatures() {}

    /**
     * The outcome of a check: {@code problem} is null when the request is signed correctly, else why not
     * (for the log; never the secret or the expected value); {@code replayKey} names an accepted request,
     * the same for a replay of it, whichever signature version the replay carries.
     */
    public record Verdict(String problem, String replayKey) {

        static Verdict refused(String problem) {
            return new Verdict(problem, null);
        }

        public boolean accepted() {
            return problem == null;
        }
    }

    /** Checks a request's signature headers against its URL (Vobiz) or body (MiniVoice). */
    public static Verdict check(
            UnaryOperator<String> headers,
            String signedUrl,
            byte[] body,
            String authToken,
            String webhookSecret,
            long windowMillis) {
        String miniVoice = headers.apply("X-MiniVoice-Signature");
        if (miniVoice != null) {
            return miniVoice(headers, miniVoice, body, webhookSecret != null ? webhookSecret : authToken, windowMillis);
        }
        if (authToken == null) {
            return Verdict.refused("no authToken to check signatures with");
        }
        String nonce = NONCE_HEADERS.stream()
                .map(headers)
                .filter(n -> n != null)
                .findFirst()
                .orElse(null);
        String v3 = headers.apply("X-Vobiz-Signature-V3");
        String v2 = headers.apply("X-Vobiz-Signature-V2");
        if (v3 == null && v2 == null) {
            return Verdict.refused("no X-Vobiz-Signature-V3 or -V2 header");
        }
        if (nonce == null) {
            return Verdict.refused("no signature nonce header");
        }
        String url = withoutQuery(signedUrl);
        String expectedV3 = base64Hmac(authToken, url + "." + nonce);
        if ((v3 != null && anyMatches(v3, expectedV3))
                || (v2 != null && anyMatches(v2, base64Hmac(authToken, url + nonce)))) {
            // 128 bits of the V3 signature of (URL, nonce): unique per request, small to remember
            return new Verdict(null, "vobiz:" + expectedV3.substring(0, 22));
        }
        return Verdict.refused("signature does not match " + url);
    }

    private static Verdict miniVoice(
            UnaryOperator<String> headers, String signature, byte[] body, String secret, long windowMillis) {
        if (secret == null) {
            return Verdict.refused("no webhookSecret (or authToken) to check the MiniVoice signature with");
        }
        String timestamp = headers.apply("X-MiniVoice-Timestamp");
        if (timestamp == null) {
            return Verdict.refused("no X-MiniVoice-Timestamp header");
        }
        long sentMillis;
        try {
            long value = Long.parseLong(timestamp.trim());
            sentMillis = value < 100_000_000_000L ? value * 1000 : value; // seconds or milliseconds
        } catch (NumberFormatException e) {
            return Verdict.refused("X-MiniVoice-Timestamp is not a number");
        }
        if (Math.abs(System.currentTimeMillis() - sentMillis) > windowMillis) {
            return Verdict.refused("X-MiniVoice-Timestamp outside the replay window");
        }
        byte[] signed =
                (timestamp.trim() + "." + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        String expected = "v1=" + HexFormat.of().formatHex(hmac(secret, signed));
        return anyMatches(signature, expected)
                ? new Verdict(null, "minivoice:" + expected.substring(3, 35))
                : Verdict.refused("MiniVoice signature does not match");
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
