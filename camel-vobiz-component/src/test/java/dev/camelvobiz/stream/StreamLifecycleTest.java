package dev.camelvobiz.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.event.ClosedEvent;
import dev.camelvobiz.test.VobizPeer;
import dev.camelvobiz.test.VobizTestSupport;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/** How streams end, how routes stop, and who may open a socket. */
class StreamLifecycleTest extends VobizTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(streamUri("")).routeId("main").to("mock:events");
                from("vobiz:stream" + onThisServer() + "&path=/other")
                        .routeId("other")
                        .to("mock:other");
                from("vobiz:stream" + onThisServer() + "&path=/secure&token=s3cret")
                        .routeId("secure")
                        .to("mock:secure");
            }
        };
    }

    @Test
    void oneClosedExchangePerStreamWithCodeReasonAndUnplayedCheckpoints() {
        MockEndpoint events = getMockEndpoint("mock:events");
        VobizPeer call = startCall("s-close", "c-close");
        await().until(() -> events.getReceivedCounter() == 1);
        template.sendBodyAndHeader("vobiz:checkpoint?name=greeting", null, VobizConstants.STREAM_ID, "s-close");
        template.sendBodyAndHeader("vobiz:checkpoint?name=farewell", null, VobizConstants.STREAM_ID, "s-close");
        assertThat(call.nextCommand().get("name").asText()).isEqualTo("greeting");
        assertThat(call.nextCommand().get("name").asText()).isEqualTo("farewell");
        call.sendPlayedStream("greeting");
        await().until(() -> events.getReceivedCounter() == 2);
        assertThat(events.getReceivedExchanges().get(1).getMessage().getHeader(VobizConstants.CHECKPOINT_NAME))
                .isEqualTo("greeting");

        call.close();

        await().until(() -> closedEvents(events).size() == 1);
        await().during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(2))
                .until(() -> closedEvents(events).size() == 1);
        Exchange closed = closedEvents(events).get(0);
        assertThat(closed.getMessage().getHeader(VobizConstants.CLOSE_CODE)).isEqualTo(1000);
        assertThat(closed.getMessage().getHeader(VobizConstants.CLOSE_REASON)).isEqualTo("bye");
        assertThat(closed.getMessage().getHeader(VobizConstants.CALL_ID)).isEqualTo("c-close");
        assertThat(closed.getMessage().getHeader(VobizConstants.UNPLAYED_CHECKPOINTS))
                .isEqualTo(List.of("farewell"));
        assertThat(closed.getMessage().getBody())
                .isEqualTo(new ClosedEvent("s-close", "c-close", 1000, "bye", List.of("farewell")));
    }

    @Test
    void stoppingARouteClosesItsSocketsWith1001AndReportsThem() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        VobizPeer call = startCall("s-stop", "c-stop");
        VobizPeer other = VobizPeer.start(port, "/other", "s-other", "c-other");
        await().until(() -> events.getReceivedCounter() == 1);

        context.getRouteController().stopRoute("main");

        assertThat(call.awaitCloseCode()).isEqualTo(1001);
        await().during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(2))
                .until(() -> closedEvents(events).size() == 1); // one, and no second one later
        Exchange closed = closedEvents(events).get(0);
        assertThat(closed.getMessage().getHeader(VobizConstants.CLOSE_CODE)).isEqualTo(1001);
        assertThat(other.isClosedByServer())
                .as("a route on the same port is untouched")
                .isFalse();
        MockEndpoint otherEvents = getMockEndpoint("mock:other");
        await().until(() -> otherEvents.getReceivedCounter() == 1);
        other.sendMedia(frame(1, 1));
        await().until(() -> otherEvents.getReceivedCounter() == 2);
        other.close();
    }

    @Test
    void theLastRouteOnAPortFreesIt() throws Exception {
        VobizPeer call = startCall("s-free", "c-free");
        for (String route : List.of("main", "other", "secure")) {
            context.getRouteController().stopRoute(route);
        }
        assertThat(call.awaitCloseCode()).isEqualTo(1001);
        try (ServerSocket socket = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"))) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void aTokenIsCheckedBeforeTheUpgrade() {
        assertRejected("/secure", 401);
        assertRejected("/secure/wrong", 401);
        assertRejected("/secure?token=wrong", 401);
        assertRejected("/media/s3cret", 404); // a route without a token owns no path below it

        try (VobizPeer inPath = VobizPeer.start(port, "/secure/s3cret", "s-path", "c-path");
                VobizPeer inQuery = VobizPeer.start(port, "/secure?token=s3cret", "s-query", "c-query")) {
            MockEndpoint secure = getMockEndpoint("mock:secure");
            await().until(() -> secure.getReceivedCounter() == 2);
        }
    }

    private void assertRejected(String path, int status) {
        assertThatThrownBy(() -> VobizPeer.connect(port, path, "s", "c"))
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOfSatisfying(
                        WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).as(path).isEqualTo(status));
    }

    private static List<Exchange> closedEvents(MockEndpoint events) {
        return events.getReceivedExchanges().stream()
                .filter(e -> "closed".equals(e.getMessage().getHeader(VobizConstants.EVENT)))
                .toList();
    }
}
