package dev.camelvobiz.internal.stream;

import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import java.util.concurrent.CompletableFuture;

/** A Vert.x server WebSocket under a stream: feeds it its frames and its close, on the socket's event loop. */
final class VertxStreamSocket implements StreamSocket {

    private final ServerWebSocket socket;

    VertxStreamSocket(ServerWebSocket socket) {
        this.socket = socket;
    }

    /** Hands the socket's frames and its end to {@code connection}, from now on. */
    void attach(StreamConnection connection) {
        socket.frameHandler(connection::onFrame);
        socket.exceptionHandler(connection::onError);
        socket.closeHandler(closed -> connection.onClosed(socket.closeStatusCode(), socket.closeReason()));
    }

    @Override
    public void writeText(byte[] utf8, WriteCallback written) {
        // Vert.x's public text frame takes a String: this one wraps our UTF-8 bytes as they are.
        WebSocketFrame text = new WebSocketFrameImpl(WebSocketFrameType.TEXT, utf8, true);
        if (written == WriteCallback.NOOP) {
            socket.writeFrame(text);
            return;
        }
        socket.writeFrame(text, result -> {
            if (result.succeeded()) {
                written.succeeded();
            } else {
                written.failed(result.cause());
            }
        });
    }

    @Override
    public void pauseReading() {
        socket.pause();
    }

    @Override
    public void resumeReading() {
        socket.resume();
    }

    @Override
    public CompletableFuture<Void> close(short code, String reason) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        socket.close(code, reason, done -> written.complete(null));
        return written;
    }
}
