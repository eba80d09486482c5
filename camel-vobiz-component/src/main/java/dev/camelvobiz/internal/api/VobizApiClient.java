package dev.camelvobiz.internal.api;

import dev.camelvobiz.api.VobizApiOperation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends REST calls with the account headers, asynchronously, with back-off: a 429 is retried for every
 * operation (the platform refused it, so it took no effect), a 5xx or a timeout only where the operation
 * is safe to repeat. The token goes only into the {@code X-Auth-Token} header.
 */
public final class VobizApiClient {

    /** A response as received: status and body text. */
    public record Reply(int status, String body) {}

    private final HttpClient http;

    public VobizApiClient() {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    public VobizApiClient(HttpClient http) {
        this.http = http;
    }

    public CompletableFuture<Reply> send(
            VobizApiOperation operation,
            URI uri,
            String authId,
            String authToken,
            String jsonBody,
            int retries,
            long retryDelayMillis,
            long timeoutMillis) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMillis(timeoutMillis))
                .header("X-Auth-ID", authId)
                .header("X-Auth-Token", authToken)
                .header("Accept", "application/json");
        if (jsonBody != null) {
            request.header("Content-Type", "application/json")
                    .method(operation.method(), HttpRequest.BodyPublishers.ofString(jsonBody));
        } else {
            request.method(operation.method(), HttpRequest.BodyPublishers.noBody());
        }
        return attempt(operation, request.build(), retries, retryDelayMillis);
    }

    private CompletableFuture<Reply> attempt(
            VobizApiOperation operation, HttpRequest request, int retriesLeft, long delayMillis) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    if (failure != null && retriesLeft > 0 && operation.safeToRetry() && isTimeout(failure)) {
                        return null; // retried below, like a 5xx: the outcome is unknown
                    }
                    if (failure != null) {
                        throw failure instanceof java.util.concurrent.CompletionException c
                                ? c
                                : new java.util.concurrent.CompletionException(failure);
                    }
                    return response;
                })
                .thenCompose(response -> {
                    if (response == null) {
                        return CompletableFuture.supplyAsync(
                                        () -> null,
                                        CompletableFuture.delayedExecutor(delayMillis, TimeUnit.MILLISECONDS))
                                .thenCompose(ignored -> attempt(operation, request, retriesLeft - 1, delayMillis * 2));
                    }
                    int status = response.statusCode();
                    // a 429 was refused (nothing happened); a 5xx may have happened: repeated only where harmless
                    boolean retryable = status == 429 || (status >= 500 && operation.safeToRetry());
                    if (!retryable || retriesLeft <= 0) {
                        return CompletableFuture.completedFuture(new Reply(status, response.body()));
                    }
                    long wait = response.headers()
                            .firstValue("Retry-After")
                            .map(VobizApiClient::retryAfterMillis)
                            .orElse(delayMillis);
                    return CompletableFuture.supplyAsync(
                                    () -> null, CompletableFuture.delayedExecutor(wait, TimeUnit.MILLISECONDS))
                            .thenCompose(ignored -> attempt(operation, request, retriesLeft - 1, delayMillis * 2));
                });
    }

    private static boolean isTimeout(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure;
        return cause instanceof java.net.http.HttpTimeoutException;
    }

    private static long retryAfterMillis(String header) {
        try {
            return Math.min(30_000, Long.parseLong(header.trim()) * 1000);
        } catch (NumberFormatException e) {
            return 1000; // an HTTP date: wait a second rather than parse it
        }
    }
}
