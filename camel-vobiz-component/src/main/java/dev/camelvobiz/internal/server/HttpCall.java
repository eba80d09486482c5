package dev.camelvobiz.internal.server;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One HTTP request to an {@link HttpRoute}, its body already read, and the way to answer it. Keeps the
 * server library's request type out of the consumers.
 */
public final class HttpCall {

    private final HttpServerRequest request;
    private final byte[] body;
    private final AtomicInteger status = new AtomicInteger(); // 0 until replied

    HttpCall(HttpServerRequest request, byte[] body) {
        this.request = request;
        this.body = body;
    }

    public String method() {
        return request.method().name();
    }

    /** The path, without the query. */
    public String path() {
        return request.path();
    }

    /** A request header's first value, or null; names are case-insensitive. */
    public String header(String name) {
        return request.getHeader(name);
    }

    /** The query's parameters in their order, the first value of each, decoded as UTF-8. */
    public Map<String, String> queryParameters() {
        String query = request.query();
        return query == null ? new LinkedHashMap<>() : formFields(query);
    }

    /** The fields of a query string or form body, in their order, the first value of each, UTF-8. */
    public static Map<String, String> formFields(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        new QueryStringDecoder(encoded, StandardCharsets.UTF_8, false)
                .parameters()
                .forEach((name, values) -> fields.put(name, values.isEmpty() ? "" : values.get(0)));
        return fields;
    }

    /** The Host the client named (host:port), or null if it named none. */
    public String host() {
        var authority = request.authority();
        return authority == null ? null : authority.toString();
    }

    /** Scheme and authority the request came in on, e.g. {@code http://127.0.0.1:8089}: what the client asked for. */
    public String requestBase() {
        String host = host();
        if (host == null) {
            host = request.localAddress().hostAddress() + ":"
                    + request.localAddress().port();
        }
        return request.scheme() + "://" + host;
    }

    public byte[] body() {
        return body;
    }

    /** The status of the reply sent, 0 before. */
    public int status() {
        return status.get();
    }

    /** Answers the request; only the first reply counts. Safe from any thread. */
    public void reply(int status, String contentType, String text) {
        if (!this.status.compareAndSet(0, status)) {
            return;
        }
        var response = request.response().setStatusCode(status);
        if (text == null) {
            response.end();
            return;
        }
        response.putHeader("Content-Type", contentType);
        response.end(Buffer.buffer(text.getBytes(StandardCharsets.UTF_8)));
    }
}
