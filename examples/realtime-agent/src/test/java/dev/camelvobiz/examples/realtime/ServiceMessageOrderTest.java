package dev.camelvobiz.examples.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Consumer;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * A service's messages reach the bridge in the order it sent them. camel-vertx-websocket's client
 * consumer hands each message to a Vert.x worker unordered; {@link RealtimeAgentApp#configure} gives
 * it one worker, and this holds it to that: a burst of numbered messages, with a little work per
 * message, must come out in order. (With the component's default pool of 20 workers this test fails:
 * tried when it was written.)
 */
class ServiceMessageOrderTest {

    private static final int MESSAGES = 3000;

    @Test
    void aBurstOfMessagesIsHandledInTheOrderTheServiceSentIt() throws Exception {
        Vertx vertx = Vertx.vertx();
        DefaultCamelContext camel = new DefaultCamelContext();
        try {
            HttpServer server = vertx.createHttpServer()
                    .webSocketHandler(socket -> {
                        for (int i = 0; i < MESSAGES; i++) {
                            socket.writeTextMessage(Integer.toString(i));
                        }
                    })
                    .listen(0, "127.0.0.1")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            Properties properties = new Properties();
            properties.load(getClass().getResourceAsStream("/application.properties"));
            camel.getPropertiesComponent().setInitialProperties(properties);
            RealtimeAgentApp.configure(camel);
            camel.start();

            List<Integer> received = new CopyOnWriteArrayList<>();
            Consumer consumer = camel.getEndpoint(
                            "vertx-websocket:ws://127.0.0.1:" + server.actualPort() + "/order?consumeAsClient=true")
                    .createConsumer(exchange -> {
                        int number = exchange.getMessage().getBody(Integer.class);
                        if (number % 7 == 0) {
                            Thread.sleep(0, 200_000); // uneven work, as translating real messages is
                        }
                        received.add(number);
                    });
            consumer.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (received.size() < MESSAGES && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            consumer.stop();
            assertThat(received).hasSize(MESSAGES).isSorted();
        } finally {
            camel.stop();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
