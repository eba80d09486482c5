package dev.camelvobiz.benchmarks.echo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import java.io.IOException;
import java.util.Base64;

/**
 * The baseline a user would write by hand on Vert.x 4: one listener per event loop (one per core),
 * and on the loop every {@code media} frame is parsed with Jackson, its base64 payload decoded and
 * re-encoded, and one {@code playAudio} sent back (the baseline echo of docs/BENCHMARKS.md). Usage:
 * {@code VertxEchoServer [port]}.
 */
public final class VertxEchoServer extends AbstractVerticle {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;

    private VertxEchoServer(int port) {
        this.port = port;
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 18093;
        int loops = Runtime.getRuntime().availableProcessors();
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
        vertx.deployVerticle(() -> new VertxEchoServer(port), new DeploymentOptions().setInstances(loops))
                .onSuccess(id -> System.out.println("vert.x echo on ws://0.0.0.0:" + port + "/media"))
                .onFailure(error -> {
                    error.printStackTrace();
                    System.exit(1);
                });
    }

    @Override
    public void start(Promise<Void> started) {
        vertx.createHttpServer(new HttpServerOptions().setPort(port).setPerMessageWebSocketCompressionSupported(false))
                .webSocketHandler(socket -> socket.textMessageHandler(text -> {
                    String reply = echo(text);
                    if (reply != null) {
                        socket.writeTextMessage(reply);
                    }
                }))
                .listen()
                .<Void>mapEmpty()
                .onComplete(started);
    }

    private static String echo(String text) {
        try {
            JsonNode message = JSON.readTree(text);
            if (!"media".equals(message.path("event").asText())) {
                return null;
            }
            byte[] audio = Base64.getDecoder()
                    .decode(message.path("media").path("payload").asText());
            return "{\"event\":\"playAudio\",\"media\":{\"contentType\":\"audio/x-l16\",\"sampleRate\":8000,"
                    + "\"payload\":\"" + Base64.getEncoder().encodeToString(audio) + "\"}}";
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("bad frame: " + e.getMessage());
            return null;
        }
    }
}
