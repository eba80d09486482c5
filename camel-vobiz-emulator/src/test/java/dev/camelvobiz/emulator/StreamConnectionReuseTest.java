package dev.camelvobiz.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A stream's WebSocket upgrade never goes out on a connection that sat idle in the emulator's pool
 * for long: a server may be closing it at that very moment (an app's idle timeout for connections
 * without a request), and the upgrade would die before it was sent. Seen in CI: 10 s after a burst of
 * calls, one of the next calls' streams failed so, the app having closed its idle connections then.
 */
class StreamConnectionReuseTest {

    /** An app that refuses every upgrade with a kept-alive 404, noting on which connection each came. */
    private static final class RefusingApp implements AutoCloseable {
        private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final AtomicInteger connections = new AtomicInteger();
        private final List<Integer> requestConnections = new CopyOnWriteArrayList<>();
        private final Thread acceptor = new Thread(this::accept, "refusing-app");

        RefusingApp() throws IOException {
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String ws() {
            return "ws://127.0.0.1:" + listener.getLocalPort() + "/media";
        }

        private void accept() {
            while (!listener.isClosed()) {
                try {
                    Socket socket = listener.accept();
                    int number = connections.incrementAndGet();
                    Thread reader = new Thread(() -> serve(socket, number), "refusing-app-" + number);
                    reader.setDaemon(true);
                    reader.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void serve(Socket socket, int number) {
            try (socket;
                    InputStream in = socket.getInputStream();
                    OutputStream out = socket.getOutputStream()) {
                while (readHead(in)) {
                    requestConnections.add(number);
                    out.write(
                            "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (IOException gone) {
                // the client closed the connection
            }
        }

        /** Reads one request head (an upgrade request has no body); false at the end of the stream. */
        private static boolean readHead(InputStream in) throws IOException {
            int matched = 0;
            int b;
            while ((b = in.read()) >= 0) {
                matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
                if (matched == 4) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }

    private Emulator emulator = Emulator.start();
    private RefusingApp app;

    @AfterEach
    void close() throws Exception {
        emulator.close();
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aStreamConnectingAfterTheLastOneLongAgoTakesAFreshConnection() throws Exception {
        app = new RefusingApp();
        EmulatedCall first = emulator.call(CallSpec.stream(app.ws()));
        first.awaitHangup(Duration.ofSeconds(10));
        assertThat(app.requestConnections).as("the first upgrade, refused").hasSize(1);

        Thread.sleep(1_500); // the refused upgrade's connection, kept alive by the app, idles meanwhile

        EmulatedCall second = emulator.call(CallSpec.stream(app.ws()));
        second.awaitHangup(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(10)).until(() -> app.requestConnections.size() == 2);
        assertThat(app.requestConnections)
                .as("the second upgrade on a connection of its own")
                .containsExactly(1, 2);
    }
}
