package dev.camelvobiz.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.camelvobiz.VobizConfiguration;
import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.VobizEndpoint;
import dev.camelvobiz.api.CallActionResponse;
import dev.camelvobiz.api.LiveCall;
import dev.camelvobiz.api.LiveCallList;
import dev.camelvobiz.api.MakeCallResponse;
import dev.camelvobiz.api.StartStreamResponse;
import dev.camelvobiz.api.StreamInfo;
import dev.camelvobiz.api.StreamList;
import dev.camelvobiz.api.VobizApiException;
import dev.camelvobiz.api.VobizApiOperation;
import dev.camelvobiz.internal.VobizRuntime;
import java.net.URI;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * {@code vobiz:api}: one REST operation per exchange, of the Call API or the Audio Streams API (protocol
 * §8). {@link ApiRequests} builds the request; the reply becomes a typed body. Stopping a stream or
 * hanging up a call that is already gone (404) is a success with {@code CamelVobizAlreadyStopped=true}.
 */
public class VobizApiProducer extends DefaultAsyncProducer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERROR_TEXT = 300;

    private final VobizConfiguration configuration;
    private final VobizApiClient client;
    private final VobizRuntime runtime;

    public VobizApiProducer(VobizEndpoint endpoint, VobizApiClient client) {
        super(endpoint);
        this.configuration = endpoint.getConfiguration();
        this.client = client;
        this.runtime = endpoint.getComponent().runtime();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        VobizApiOperation operation;
        URI uri;
        String body;
        try {
            Message message = exchange.getMessage();
            operation = configuration.getOperation() != null // the URI wins, as for every producer option
                    ? configuration.getOperation()
                    : message.getHeader(VobizConstants.API_OPERATION, VobizApiOperation.class);
            if (operation == null) {
                throw new IllegalArgumentException("vobiz:api needs an operation (option operation or header "
                        + VobizConstants.API_OPERATION + ")");
            }
            if (configuration.getAuthId() == null || configuration.getAuthToken() == null) {
                throw new IllegalArgumentException("vobiz:api needs authId and authToken");
            }
            uri = ApiRequests.uri(configuration, operation, message);
            body = ApiRequests.body(configuration, operation, message);
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        long startNanos = System.nanoTime();
        client.send(
                        operation,
                        uri,
                        configuration.getAuthId(),
                        configuration.getAuthToken(),
                        body,
                        configuration.getApiRetries(),
                        configuration.getApiRetryDelay(),
                        configuration.getApiTimeout())
                .whenComplete((reply, failure) -> {
                    runtime.metrics()
                            .restCall(
                                    operation.name(),
                                    reply == null ? "error" : Integer.toString(reply.status()),
                                    System.nanoTime() - startNanos);
                    try {
                        if (failure != null) {
                            exchange.setException(new VobizApiException(operation, failure.toString(), failure));
                        } else {
                            handleReply(operation, reply, exchange.getMessage());
                        }
                    } catch (Exception e) {
                        exchange.setException(e);
                    } finally {
                        callback.done(false);
                    }
                });
        return false;
    }

    private void handleReply(VobizApiOperation operation, VobizApiClient.Reply reply, Message message)
            throws Exception {
        int status = reply.status();
        if (status == 404 && !operation.doneWhenNotFound().isEmpty()) {
            JsonNode error = platformError(reply.body());
            String said =
                    error.isTextual() ? error.asText() : error.path("message").asText(null);
            if (!operation.alreadyDone(said)) {
                throw new VobizApiException(
                        operation,
                        status,
                        errorText(reply.body()) + " (not Vobiz's \""
                                + operation.doneWhenNotFound().get(0) + "\": check apiBaseUrl and the ids)");
            }
            message.setHeader(VobizConstants.ALREADY_STOPPED, true);
            message.setBody(null);
            return;
        }
        if (status / 100 != 2) {
            throw new VobizApiException(operation, status, errorText(reply.body()));
        }
        try {
            readReply(operation, reply, message);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new VobizApiException(
                    operation, "unreadable reply (HTTP " + status + "): " + errorText(reply.body()), e);
        }
    }

    private static void readReply(VobizApiOperation operation, VobizApiClient.Reply reply, Message message)
            throws Exception {
        switch (operation) {
            case stopStream, hangupCall -> {
                message.setHeader(VobizConstants.ALREADY_STOPPED, false);
                message.setBody(null);
            }
            case stopAllStreams, stopSpeak, stopPlay, stopRecording -> message.setBody(null);
            case startStream -> {
                StartStreamResponse started = JSON.readValue(reply.body(), StartStreamResponse.class);
                message.setHeader(VobizConstants.STREAM_ID, started.streamId());
                message.setBody(started);
            }
            case makeCall -> {
                MakeCallResponse placed = JSON.readValue(reply.body(), MakeCallResponse.class);
                message.setHeader(VobizConstants.REQUEST_UUID, placed.requestUuid());
                message.setBody(placed);
            }
            case listCalls -> message.setBody(JSON.readValue(reply.body(), LiveCallList.class));
            case getCall -> message.setBody(liveCall(JSON.readTree(reply.body())));
            case transferCall, speak, play, sendDtmf, startRecording ->
                message.setBody(
                        reply.body() == null || reply.body().isBlank()
                                ? new CallActionResponse(null, null, null, null)
                                : JSON.readValue(reply.body(), CallActionResponse.class));
            case getStream -> message.setBody(JSON.readValue(reply.body(), StreamInfo.class));
            case listStreams -> message.setBody(JSON.readValue(reply.body(), StreamList.class));
        }
    }

    /** A live call in either of the shapes Vobiz's pages show (see {@link LiveCall}). */
    private static LiveCall liveCall(JsonNode reply) {
        JsonNode call = reply.path("calls").isArray() ? reply.path("calls").path(0) : reply;
        return new LiveCall(
                text(call, "call_uuid"),
                text(call, "call_status", "call_state"),
                text(call, "direction", "call_direction"),
                text(call, "from", "from_number"),
                text(call, "to", "to_number"),
                text(call, "request_uuid"),
                text(call, "session_start", "initiation_time"),
                text(call, "caller_name"));
    }

    private static String text(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.path(name);
            if (value.isValueNode() && !value.isNull()) {
                return value.asText();
            }
        }
        return null;
    }

    /**
     * The {@code error} of a platform answer in either shape (protocol §8): a text, or an object with
     * {@code code} and {@code message}; a missing node when the body is not the platform's.
     */
    private static JsonNode platformError(String body) {
        if (body != null && !body.isBlank()) {
            try {
                return JSON.readTree(body).path("error");
            } catch (Exception e) {
                // not JSON: not the platform's answer
            }
        }
        return MissingNode.getInstance();
    }

    /** The platform's error text from either error shape (protocol §8), or the raw body, shortened. */
    static String errorText(String body) {
        JsonNode error = platformError(body);
        if (error.isTextual()) {
            return shorten(error.asText());
        }
        if (error.isObject()) {
            return shorten(
                    error.path("code").asText() + ": " + error.path("message").asText());
        }
        return body == null ? "" : shorten(body);
    }

    private static String shorten(String text) {
        return text.length() > MAX_ERROR_TEXT ? text.substring(0, MAX_ERROR_TEXT) + "…" : text;
    }
}
