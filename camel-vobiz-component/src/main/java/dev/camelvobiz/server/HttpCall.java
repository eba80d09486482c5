package dev.camelvobiz.server;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One HTTP request to an {@link HttpRoute}, its body already read, and the way to answer it. Keeps the
 * server library's request type out of the consumers.
 */
public final class HttpCall {

    private final HttpServerRequest request;
    private final byte[] body;
    private final AtomicBoolean replied = new AtomicBoolean();

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
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = request.query();
        if (query != null) {
            new QueryStringDecoder(query, StandardCharsets.UTF_8, false)
                    .parameters()
                    .forEach((name, values) -> parameters.put(name, values.isEmpty() ? "" : values.get(0)));
        }
        return parameters;
    }

    /** Scheme and authority the request came in on, e.g. {@code http://127.0.0.1:8089}: what the client asked for. */
    public String requestBase() {
        var authority = request.authority();
        String host = authority != null
                ? authority.toString()
                : request.localAddress().hostAddress() + ":"
                        + request.localAddress().port();
        return request.scheme() + "://" + host;
    }

    public byte[] body() {
        return body;
    }

    /** Answers the request; only the first reply counts. Safe from any thread. */
    public void reply(int status, String contentType, String text) {
        if (!replied.compareAndSet(false, true)) {
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
