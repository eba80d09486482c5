package dev.camelvobiz.benchmarks.echo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.core.server.WebSocketMappings;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiator;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;

/**
 * The baseline a user would write by hand on Jetty 12's core WebSocket API, default threading: every
 * {@code media} frame is parsed, its base64 payload decoded and re-encoded, and one {@code playAudio}
 * sent back (the baseline echo of docs/BENCHMARKS.md). Usage: {@code JettyEchoServer [port]}.
 */
public final class JettyEchoServer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JettyEchoServer() {}

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 18090;
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(port);
        server.addConnector(connector);
        WebSocketMappings mappings = new WebSocketMappings(WebSocketServerComponents.ensureWebSocketComponents(server));
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                return mappings.upgrade(
                        new WebSocketNegotiator.AbstractNegotiator() {
                            @Override
                            public FrameHandler negotiate(
                                    ServerUpgradeRequest upgrade, ServerUpgradeResponse reply, Callback negotiated) {
                                return new Echo();
                            }
                        },
                        request,
                        response,
                        callback,
                        null);
            }
        });
        server.start();
        System.out.println("jetty echo on ws://0.0.0.0:" + connector.getLocalPort() + "/media");
        server.join();
    }

    /** One socket: echo each media frame as playAudio. */
    private static final class Echo implements FrameHandler {

        private CoreSession session;

        @Override
        public void onOpen(CoreSession coreSession, Callback callback) {
            session = coreSession;
            callback.succeeded();
            session.demand();
        }

        @Override
        public void onFrame(Frame frame, Callback callback) {
            if (frame.getOpCode() == OpCode.TEXT) {
                try {
                    JsonNode json = JSON.readTree(
                            StandardCharsets.UTF_8.decode(frame.getPayload()).toString());
                    if ("media".equals(json.path("event").asText())) {
                        byte[] audio = Base64.getDecoder()
                                .decode(json.path("media").path("payload").asText());
                        String reply = "{\"event\":\"playAudio\",\"media\":{\"contentType\":\"audio/x-l16\","
                                + "\"sampleRate\":8000,\"payload\":\""
                                + Base64.getEncoder().encodeToString(audio)
                                + "\"}}";
                        session.sendFrame(
                                new Frame(OpCode.TEXT)
                                        .setPayload(ByteBuffer.wrap(reply.getBytes(StandardCharsets.UTF_8))),
                                Callback.NOOP,
                                false);
                    }
                } catch (Exception e) {
                    System.err.println("bad frame: " + e);
                }
            }
            callback.succeeded();
            session.demand();
        }

        @Override
        public void onError(Throwable cause, Callback callback) {
            callback.succeeded();
        }

        @Override
        public void onClosed(org.eclipse.jetty.websocket.core.CloseStatus closeStatus, Callback callback) {
            callback.succeeded();
        }
    }
}
