package dev.camelvobiz.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelvobiz.emulator.EmulatorOptions;
import dev.camelvobiz.emulator.answer.Instruction;
import dev.camelvobiz.emulator.answer.StreamAttributes;
import dev.camelvobiz.emulator.audio.Wav;
import dev.camelvobiz.emulator.call.Call;
import dev.camelvobiz.emulator.http.AnswerFetcher;
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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
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
 * The REST API of protocol §8 on a local port: the Call API ({@link CallApi}: place, list, look up,
 * transfer, hang up, speak, play, send digits, record) and the Audio Streams API (start, list, get, stop
 * one and stop all streams of a call); {@code X-Auth-ID}/{@code X-Auth-Token} checked (401), PascalCase
 * paths with the trailing slash, the documented status codes and error bodies. Recordings are served,
 * unauthenticated as a storage link would be, at {@code /recordings/{callUuid}/{recordingId}.wav}.
 */
public final class RestApi extends Handler.Abstract {

    private static final String BASE = "/api/v1";
    private static final String RECORDINGS = "/recordings/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CALL_ACTIONS = Set.of("Speak", "Play", "DTMF", "Record");

    private final EmulatorOptions options;
    private final CallDirectory calls;
    private final AnswerFetcher fetcher;
    private final Server server;
    private volatile CallApi callApi;
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus;

    private RestApi(EmulatorOptions options, CallDirectory calls, AnswerFetcher fetcher) {
        this.options = options;
        this.calls = calls;
        this.fetcher = fetcher;
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

    /** Serves the API on the options' REST host and port over {@code calls}; plays fetch with {@code fetcher}. */
    public static RestApi start(EmulatorOptions options, CallDirectory calls, AnswerFetcher fetcher) throws Exception {
        RestApi api = new RestApi(options, calls, fetcher);
        api.server.start();
        api.callApi = new CallApi(calls, fetcher, api.root() + RECORDINGS);
        return api;
    }

    public URI baseUrl() {
        return URI.create(root() + BASE);
    }

    private String root() {
        ServerConnector connector = (ServerConnector) server.getConnectors()[0];
        return "http://" + options.restHost() + ":" + connector.getLocalPort();
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

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (path.startsWith(RECORDINGS) && "GET".equals(request.getMethod())) {
            serveRecording(path.substring(RECORDINGS.length()), response, callback);
            return true;
        }
        Reply reply;
        try {
            reply = route(request);
        } catch (IOException e) {
            reply = RestReplies.error(400, "Invalid request body: " + e.getMessage());
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
        String path = Request.getPathInContext(request);
        if (!authorized(request)) {
            return RestReplies.error(401, "Authentication failed: check X-Auth-ID and X-Auth-Token");
        }
        if (failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            return RestReplies.platformError(failureStatus);
        }
        String prefix = BASE + "/Account/" + options.authId() + "/Call/";
        String method = request.getMethod();
        if (path.equals(prefix) || path.equals(prefix.substring(0, prefix.length() - 1))) {
            return callApi.account(method, body(request)); // the list is documented both with and without '/'
        }
        if (!path.startsWith(prefix)) {
            // Vobiz answers a wrongly cased path with 401, not 404 (protocol §8)
            return path.toLowerCase().startsWith(prefix.toLowerCase())
                    ? RestReplies.error(
                            401, "Authentication failed (path is case-sensitive: /Account/…/Call/…/Stream/)")
                    : RestReplies.error(404, "Resource not found");
        }
        if (!path.endsWith("/")) {
            return RestReplies.error(404, "Resource not found (the path ends with '/')");
        }
        String[] parts = path.substring(prefix.length()).split("/");
        Optional<Call> call = calls.find(parts[0]).filter(c -> !c.record().isEnded());
        if (parts.length == 1) {
            return callApi.call(method, call, body(request));
        }
        if (parts.length == 2 && CALL_ACTIONS.contains(parts[1])) {
            return callApi.action(parts[1], method, call, body(request));
        }
        if (!"Stream".equals(parts[1]) || parts.length > 3) {
            boolean wrongCase =
                    parts[1].equalsIgnoreCase("stream") || CALL_ACTIONS.stream().anyMatch(parts[1]::equalsIgnoreCase);
            return RestReplies.error(wrongCase ? 401 : 404, "Resource not found");
        }
        if (call.isEmpty()) {
            // one stream of a call that has ended (or never was): the Stop Stream page's "unknown,
            // already stopped, or belongs to a different call" answer
            return RestReplies.error(404, parts.length == 3 ? "Stream not found" : "Call not found");
        }
        if (parts.length == 2) {
            return switch (method) {
                case "POST" -> startStream(call.get(), body(request));
                case "GET" -> listStreams(call.get(), Request.extractQueryParameters(request));
                case "DELETE" -> stopAll(call.get());
                default -> RestReplies.error(405, "Method not allowed");
            };
        }
        Optional<StreamSocket> stream = findStream(call.get(), parts[2]);
        return switch (method) {
            case "GET" ->
                stream.map(s -> new Reply(200, RestReplies.withApiId(streamObject(call.get(), s))))
                        .orElse(RestReplies.error(404, "Stream not found"));
            case "DELETE" ->
                stream.filter(StreamSocket::isOpen)
                        .map(s -> {
                            s.close(StreamEnd.API_STOP, "stopped through the REST API");
                            return new Reply(204, null);
                        })
                        .orElse(RestReplies.error(404, "Stream not found"));
            default -> RestReplies.error(405, "Method not allowed");
        };
    }

    /**
     * A recording's file: what the caller heard on the call, as WAV, whatever file_format was asked (the
     * emulator does not encode MP3). 404 until the recording has stopped.
     */
    private void serveRecording(String name, Response response, Callback callback) {
        String[] parts = name.split("/");
        Optional<Call> call = parts.length == 2 ? calls.find(parts[0]) : Optional.empty();
        String id = parts.length == 2 ? parts[1].replaceFirst("\\.wav$", "") : "";
        if (call.isEmpty() || call.get().recording(id) == null || !call.get().recordingStopped(id)) {
            response.setStatus(404);
            callback.succeeded();
            return;
        }
        CallRecord record = call.get().record();
        byte[] wav = Wav.toBytes(record.heard(record.heardSampleRate()));
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "audio/wav");
        response.write(true, java.nio.ByteBuffer.wrap(wav), callback);
    }

    private static String body(Request request) throws IOException {
        return Content.Source.asString(request, StandardCharsets.UTF_8);
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
            return RestReplies.error(400, "service_url is required");
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
            return RestReplies.error(400, "Invalid stream: " + stream.refusal());
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
}
