package dev.camelvobiz.emulator;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a callback the way protocol §7 describes: HMAC-SHA256 keyed by the auth token, base64, over
 * the URL without its query plus a nonce ({@code url + nonce} for V2, {@code url + "." + nonce} for
 * V3); the body is not signed. The nonce header name is not documented; these follow Plivo's
 * {@code X-Plivo-Signature-V3-Nonce}.
 */
public final class CallbackSignature {

    public static final String V2 = "X-Vobiz-Signature-V2";
    public static final String V3 = "X-Vobiz-Signature-V3";
    public static final String V2_NONCE = "X-Vobiz-Signature-V2-Nonce";
    public static final String V3_NONCE = "X-Vobiz-Signature-V3-Nonce";

    private static final SecureRandom RANDOM = new SecureRandom();

    private CallbackSignature() {}

    /** The signature headers for a callback to {@code url}, with a fresh nonce. */
    public static Map<String, String> headers(String url, String authToken) {
        byte[] nonceBytes = new byte[10];
        RANDOM.nextBytes(nonceBytes);
        String nonce = HexFormat.of().formatHex(nonceBytes);
        String signedUrl = withoutQuery(url);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(V2, hmac(authToken, signedUrl + nonce));
        headers.put(V2_NONCE, nonce);
        headers.put(V3, hmac(authToken, signedUrl + "." + nonce));
        headers.put(V3_NONCE, nonce);
        return headers;
    }

    /** The V3 signature Vobiz would send for {@code url} and {@code nonce}: what a receiver recomputes. */
    public static String v3(String url, String nonce, String authToken) {
        return hmac(authToken, withoutQuery(url) + "." + nonce);
    }

    static String withoutQuery(String url) {
        URI uri = URI.create(url);
        return uri.getQuery() == null ? url : url.substring(0, url.indexOf('?'));
    }

    private static String hmac(String key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
