package dev.camelvobiz.emulator.http;

import dev.camelvobiz.emulator.CallbackSignature;
import dev.camelvobiz.emulator.record.CallRecord;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers status callbacks and hang-up webhooks as Vobiz does (protocol §7): form-encoded, by POST
 * or as a GET query, signed when the emulator has an auth token. One delivery thread keeps them in the
 * order they happened; a slow or failing receiver delays callbacks, never the call's audio.
 */
public final class Callbacks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Callbacks.class);

    private final HttpClient http;
    private final String authToken;
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "vobiz-emulator-callbacks");
        thread.setDaemon(true);
        return thread;
    });

    public Callbacks(HttpClient http, String authToken) {
        this.http = http;
        this.authToken = authToken;
    }

    static String formEncode(Map<String, String> fields) {
        StringJoiner form = new StringJoiner("&");
        fields.forEach((name, value) -> form.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8)));
        return form.toString();
    }

    public void post(CallRecord record, String url, String method, Map<String, String> fields) {
        Map<String, String> copy = Map.copyOf(fields);
        record.log("callback", fields.get("Event") + " → " + url);
        try {
            delivery.execute(() -> record.callback(new CallRecord.Callback(url, copy, deliver(url, method, fields))));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            record.callback(new CallRecord.Callback(url, copy, -1)); // the emulator is closing: not delivered
        }
    }

    /**
     * A form request as Vobiz sends it: the fields in the query for GET, else as a form body; signed
     * (V2 and V3, a fresh nonce each time, so a retry is not a replay) when {@code signingToken} is set.
     */
    static HttpRequest.Builder formRequest(String url, String method, Map<String, String> fields, String signingToken) {
        String form = formEncode(fields);
        HttpRequest.Builder request;
        if ("GET".equalsIgnoreCase(method)) {
            request = HttpRequest.newBuilder(URI.create(url + (url.contains("?") ? "&" : "?") + form))
                    .GET();
        } else {
            request = HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
        }
        if (signingToken != null && !signingToken.isEmpty()) {
            CallbackSignature.headers(url, signingToken).forEach(request::header);
        }
        return request;
    }

    /** Sends one form request and returns the status, or -1 when the receiver could not be reached. */
    int deliver(String url, String method, Map<String, String> fields) {
        try {
            HttpRequest.Builder request = formRequest(url, method, fields, authToken);
            request.timeout(Duration.ofSeconds(5)).header("User-Agent", "camel-vobiz-emulator");
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (Exception e) {
            LOG.info("Callback to {} failed: {}", url, e.toString());
            return -1;
        }
    }

    /** Waits briefly for callbacks already queued, so a closing emulator still delivers them. */
    @Override
    public void close() {
        delivery.shutdown();
        try {
            delivery.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
