package dev.camelvobiz.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelvobiz.emulator.EmulatorOptions;
import dev.camelvobiz.emulator.answer.Instruction;
import dev.camelvobiz.emulator.answer.StreamAttributes;
import dev.camelvobiz.emulator.call.Call;
import dev.camelvobiz.emulator.http.Timestamps;
import dev.camelvobiz.emulator.record.CallRecord;
import dev.camelvobiz.emulator.stream.StreamEnd;
import dev.camelvobiz.emulator.stream.StreamLeg;
import dev.camelvobiz.emulator.stream.StreamSocket;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The Audio Streams REST API of protocol §8 on a local port: start, list, get, stop one and stop all
 * streams of a call, and hang a call up; {@code X-Auth-ID}/{@code X-Auth-Token} checked (401),
 * PascalCase paths with the trailing slash, the documented status codes and error bodies.
 */
public final class RestApi extends Handler.Abstract {

    private static final String BASE = "/api/v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmulatorOptions options;
    private final Function<String, Optional<Call>> calls;
    private final Server server;
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus;

    private RestApi(EmulatorOptions options, Function<String, Optional<Call>> calls) {
        this.options = options;
        this.calls = calls;
        this.server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(options.restHost());
        connector
                .getConnectionFactory(HttpConnectionFactory.class)
                .getHttpConfiguration()
                .setSendServerVersion(false);
        connector.setPort(options.restPort());
        server.addConnector(connector);
        server.setHandler(this);
    }

    /** Serves the API on the options' REST host and port, for the calls {@code calls} finds by CallUUID. */
    public static RestApi start(EmulatorOptions options, Function<String, Optional<Call>> calls) throws Exception {
        RestApi api = new RestApi(options, calls);
        api.server.start();
        return api;
    }

    public URI baseUrl() {
        ServerConnector connector = (ServerConnector) server.getConnectors()[0];
        return URI.create("http://" + options.restHost() + ":" + connector.getLocalPort() + BASE);
    }

    public void failNext(int status, int count) {
        failureStatus = status;
        failuresLeft.set(count);
    }

    public void shutdown() {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping anyway
        }
    }

    private record Reply(int status, JsonNode body) {}

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Reply reply;
        try {
            reply = route(request);
        } catch (IOException e) {
            reply = error(400, "Invalid request body: " + e.getMessage());
        }
        response.setStatus(reply.status());
        if (reply.body() == null) {
            callback.succeeded();
        } else {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            Content.Sink.write(response, true, JSON.writeValueAsString(reply.body()), callback);
        }
        return true;
    }

    private Reply route(Request request) throws IOException {
        if (!authorized(request)) {
            return error(401, "Authentication failed: check X-Auth-ID and X-Auth-Token");
        }
        if (failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            return platformError(failureStatus);
        }
        String path = Request.getPathInContext(request);
        String prefix = BASE + "/Account/" + options.authId() + "/Call/";
        if (!path.startsWith(prefix)) {
            // Vobiz answers a wrongly cased path with 401, not 404 (protocol §8)
            return path.toLowerCase().startsWith(prefix.toLowerCase())
                    ? error(401, "Authentication failed (path is case-sensitive: /Account/…/Call/…/Stream/)")
                    : error(404, "Resource not found");
        }
        if (!path.endsWith("/")) {
            return error(404, "Resource not found (the path ends with '/')");
        }
        String[] parts = path.substring(prefix.length()).split("/");
        Optional<Call> call = calls.apply(parts[0]).filter(c -> !c.record().isEnded());
        String method = request.getMethod();
        if (parts.length == 1) {
            if (!"DELETE".equals(method)) {
                return error(405, "Method not allowed");
            }
            if (call.isEmpty()) {
                return error(404, "Call not found");
            }
            call.get().end(new CallRecord.Hangup("Normal Hangup", "4000", "API Request"));
            return new Reply(204, null);
        }
        if (!"Stream".equals(parts[1]) || parts.length > 3) {
            return error(parts[1].equalsIgnoreCase("stream") ? 401 : 404, "Resource not found");
        }
        if (call.isEmpty()) {
            // one stream of a call that has ended (or never was): the Stop Stream page's "unknown,
            // already stopped, or belongs to a different call" answer
            return error(404, parts.length == 3 ? "Stream not found" : "Call not found");
        }
        if (parts.length == 2) {
            return switch (method) {
                case "POST" -> startStream(call.get(), Content.Source.asString(request, StandardCharsets.UTF_8));
                case "GET" -> listStreams(call.get(), Request.extractQueryParameters(request));
                case "DELETE" -> stopAll(call.get());
                default -> error(405, "Method not allowed");
            };
        }
        Optional<StreamSocket> stream = findStream(call.get(), parts[2]);
        return switch (method) {
            case "GET" ->
                stream.map(s -> new Reply(200, withApiId(streamObject(call.get(), s))))
                        .orElse(error(404, "Stream not found"));
            case "DELETE" ->
                stream.filter(StreamSocket::isOpen)
                        .map(s -> {
                            s.close(StreamEnd.API_STOP, "stopped through the REST API");
                            return new Reply(204, null);
                        })
                        .orElse(error(404, "Stream not found"));
            default -> error(405, "Method not allowed");
        };
    }

    private boolean authorized(Request request) {
        String id = request.getHeaders().get("X-Auth-ID");
        String token = request.getHeaders().get("X-Auth-Token");
        return id != null
                && token != null
                && MessageDigest.isEqual(bytes(id), bytes(options.authId()))
                && MessageDigest.isEqual(bytes(token), bytes(options.authToken()));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private Reply startStream(Call call, String body) throws IOException {
        JsonNode request = JSON.readTree(body.isBlank() ? "{}" : body);
        String url = request.path("service_url").asText("");
        if (url.isBlank()) {
            return error(400, "service_url is required");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("bidirectional", request.path("bidirectional").asText("false"));
        attributes.put("audioTrack", request.path("audio_track").asText("inbound"));
        attributes.put("contentType", contentType(request));
        attributes.put("streamTimeout", request.path("stream_timeout").asText("86400"));
        attributes.put("extraHeaders", request.path("extra_headers").asText(""));
        if (request.hasNonNull("status_callback_url")) {
            attributes.put(
                    "statusCallbackUrl", request.get("status_callback_url").asText());
        }
        attributes.put(
                "statusCallbackMethod", request.path("status_callback_method").asText("POST"));
        StreamAttributes stream = StreamAttributes.from(new Instruction("Stream", attributes, url, List.of()));
        if (stream.refusal() != null) {
            return error(400, "Invalid stream: " + stream.refusal());
        }
        call.record().log("api", "POST Stream/ " + url);
        StreamLeg leg = call.startStream(stream);
        ObjectNode reply = JSON.createObjectNode();
        reply.put("api_id", UUID.randomUUID().toString());
        reply.put("message", "audio streaming started");
        reply.put("stream_id", leg.sockets().get(0).streamId());
        return new Reply(202, reply);
    }

    /** {@code content_type} of the docs, or {@code audio_format} ({@code mulaw}/{@code pcm}) of the SDKs. */
    private static String contentType(JsonNode request) {
        if (request.hasNonNull("content_type")) {
            return request.get("content_type").asText();
        }
        return "mulaw".equals(request.path("audio_format").asText())
                ? "audio/x-mulaw;rate=8000"
                : "audio/x-l16;rate=8000";
    }

    private Reply listStreams(Call call, Fields query) {
        int limit = intParameter(query, "limit", 20);
        int offset = intParameter(query, "offset", 0);
        List<StreamSocket> all = streams(call);
        ArrayNode objects = JSON.createArrayNode();
        all.stream().skip(offset).limit(limit).forEach(s -> objects.add(streamObject(call, s)));
        ObjectNode reply = JSON.createObjectNode();
        reply.put("api_id", UUID.randomUUID().toString());
        reply.put("page", limit == 0 ? 1 : offset / limit + 1);
        reply.put("per_page", limit);
        reply.put("total", all.size());
        reply.set("objects", objects);
        return new Reply(200, reply);
    }

    private static int intParameter(Fields query, String name, int fallback) {
        try {
            return query.get(name) == null
                    ? fallback
                    : Integer.parseInt(query.get(name).getValue());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private Reply stopAll(Call call) {
        streams(call).stream()
                .filter(StreamSocket::isOpen)
                .forEach(s -> s.close(StreamEnd.API_STOP, "stopped through the REST API"));
        return new Reply(204, null);
    }

    private static List<StreamSocket> streams(Call call) {
        List<StreamSocket> sockets = new ArrayList<>();
        call.legs().forEach(leg -> sockets.addAll(leg.sockets()));
        return sockets;
    }

    private static Optional<StreamSocket> findStream(Call call, String streamId) {
        return streams(call).stream().filter(s -> s.streamId().equals(streamId)).findFirst();
    }

    private ObjectNode streamObject(Call call, StreamSocket socket) {
        StreamAttributes attributes = socket.leg().attributes();
        ObjectNode stream = JSON.createObjectNode();
        stream.put("stream_id", socket.streamId());
        stream.put("call_uuid", call.callUuid());
        stream.put("service_url", attributes.url().toString());
        stream.put("audio_track", attributes.audioTrack());
        stream.put("bidirectional", attributes.bidirectional());
        stream.put("content_type", attributes.contentType());
        stream.put("sampling_rate", socket.mediaFormat().sampleRate());
        stream.put("stream_timeout", attributes.streamTimeoutSeconds());
        stream.put("status_callback_url", attributes.statusCallbackUrl());
        stream.put("status_callback_method", attributes.statusCallbackMethod());
        stream.put("status", socket.isOpen() ? "in-progress" : socket.startTime() == null ? "failed" : "completed");
        stream.put("start_time", Timestamps.rest(socket.startTime()));
        stream.put("end_time", Timestamps.rest(socket.endTime()));
        stream.put(
                "resource_uri",
                "/v1/Account/" + options.authId() + "/Call/" + call.callUuid() + "/Stream/" + socket.streamId() + "/");
        return stream;
    }

    private static ObjectNode withApiId(ObjectNode node) {
        node.put("api_id", UUID.randomUUID().toString());
        return node;
    }

    private static Reply error(int status, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("api_id", UUID.randomUUID().toString());
        body.put("error", message);
        return new Reply(status, body);
    }

    /** The platform's generic error envelope, for injected 429/5xx answers. */
    private static Reply platformError(int status) {
        ObjectNode body = JSON.createObjectNode();
        body.put("status", "error");
        ObjectNode error = body.putObject("error");
        error.put("code", status == 429 ? "RATE_LIMITED" : "SERVICE_UNAVAILABLE");
        error.put("message", status == 429 ? "Too many requests" : "Service temporarily unavailable");
        body.put("timestamp", java.time.Instant.now().toString());
        body.put("requestId", "req_" + UUID.randomUUID());
        return new Reply(status, body);
    }
}
