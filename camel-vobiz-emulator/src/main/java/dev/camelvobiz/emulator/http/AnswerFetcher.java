package dev.camelvobiz.emulator.http;

import dev.camelvobiz.emulator.answer.AnswerParser;
import dev.camelvobiz.emulator.answer.Instruction;
import dev.camelvobiz.emulator.answer.InvalidAnswerException;
import dev.camelvobiz.emulator.record.CallRecord;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Fetches answer documents (answer_url, Redirect, Gather action) with the form fields of protocol §9,
 * signed as callbacks are, and audio for {@code <Play>}.
 */
public final class AnswerFetcher {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Vobiz retries an answer_url that cannot be reached 3 times before its fallback (protocol §9). */
    static final int RETRIES = 3;

    private static final long RETRY_DELAY_MILLIS = 100;

    private final HttpClient http;
    private final String signingToken;

    /** {@code signingToken}: sign requests like callbacks (Plivo signs answer_url fetches too); null: unsigned. */
    public AnswerFetcher(HttpClient http, String signingToken) {
        this.http = http;
        this.signingToken = signingToken;
    }

    /**
     * Fetches and checks a document.
     *
     * @throws IOException the URL could not be fetched or did not answer 2xx
     * @throws InvalidAnswerException it answered, with something Vobiz would not run
     */
    public List<Instruction> fetch(CallRecord record, String url, String method, Map<String, String> fields)
            throws IOException, InvalidAnswerException {
        for (int retry = 1; ; retry++) {
            try {
                return fetchOnce(record, url, method, fields);
            } catch (Unreachable e) {
                if (retry > RETRIES) {
                    throw (IOException) e.getCause();
                }
                // a kept-alive connection the app just closed is the usual cause: a fresh one will do
                record.log("answer failed", url + ": " + e.getCause() + "; retry " + retry + " of " + RETRIES);
                pause(RETRY_DELAY_MILLIS);
            }
        }
    }

    /** No response came at all (as opposed to a non-2xx one, which is not retried). */
    private static final class Unreachable extends IOException {
        private static final long serialVersionUID = 1L;

        Unreachable(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private static void pause(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private List<Instruction> fetchOnce(CallRecord record, String url, String method, Map<String, String> fields)
            throws IOException, InvalidAnswerException {
        HttpRequest.Builder request = Callbacks.formRequest(url, method, fields, signingToken);
        HttpResponse<byte[]> response;
        try {
            response = send(request.timeout(TIMEOUT).build());
        } catch (IOException e) {
            throw new Unreachable(e);
        }
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        record.log(
                "answer",
                method.toUpperCase() + " " + url + " (" + fields.get("Event") + ") → " + response.statusCode() + " "
                        + contentType + ", " + response.body().length + " bytes");
        if (response.statusCode() / 100 != 2) {
            throw new IOException(url + " answered HTTP " + response.statusCode());
        }
        return AnswerParser.parse(contentType, response.body());
    }

    public byte[] fetchAudio(String url) throws IOException {
        HttpResponse<byte[]> response = send(
                HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(url + " answered HTTP " + response.statusCode());
        }
        return response.body();
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IllegalArgumentException e) {
            throw new IOException("bad URL: " + e.getMessage(), e);
        }
    }
}
