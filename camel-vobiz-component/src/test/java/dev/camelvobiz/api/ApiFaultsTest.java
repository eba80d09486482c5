package dev.camelvobiz.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelvobiz.VobizConstants;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What vobiz:api does when the platform answers badly: HTML error pages, broken JSON, silence. */
class ApiFaultsTest extends CamelTestSupport {

    private Server api;
    private String base;
    private final AtomicInteger slowCalls = new AtomicInteger();

    @BeforeEach
    void startFakeApi() throws Exception {
        api = new Server();
        ServerConnector connector = new ServerConnector(api);
        connector.setHost("127.0.0.1");
        api.addConnector(connector);
        api.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String call = Request.getPathInContext(request).split("/")[6];
                switch (call) {
                    case "html" -> {
                        response.setStatus(502);
                        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html");
                        Content.Sink.write(
                                response, true, "<html><body><h1>502 Bad Gateway</h1></body></html>", callback);
                    }
                    case "web-404" -> { // a wrong apiBaseUrl: some web server's page
                        response.setStatus(404);
                        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html");
                        Content.Sink.write(response, true, "<html><body>Page not found</body></html>", callback);
                    }
                    case "other-404" -> { // JSON, but not Vobiz's not-found answer for this resource
                        response.setStatus(404);
                        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                        Content.Sink.write(
                                response, true, "{\"api_id\":\"a-1\",\"error\":\"Resource not found\"}", callback);
                    }
                    case "gone" -> { // Vobiz's own answers, in both documented error shapes
                        response.setStatus(404);
                        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                        Content.Sink.write(
                                response,
                                true,
                                Request.getPathInContext(request).contains("/Stream/")
                                        ? "{\"api_id\":\"a-2\",\"error\":\"Stream not found\"}"
                                        : "{\"status\":\"error\",\"error\":{\"code\":\"NOT_FOUND\","
                                                + "\"message\":\"Call not found\"}}",
                                callback);
                    }
                    case "truncated" -> {
                        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                        Content.Sink.write(response, true, "{\"stream_id\":\"s-1\",\"status\":", callback);
                    }
                    default -> {
                        slowCalls.incrementAndGet();
                        Thread.sleep(1500);
                        response.setStatus(204);
                        callback.succeeded();
                    }
                }
                return true;
            }
        });
        api.start();
        base = "http://127.0.0.1:" + connector.getLocalPort() + "/api/v1";
    }

    @AfterEach
    void stopFakeApi() throws Exception {
        api.stop();
    }

    private Exchange call(String operation, String callId, String extra) {
        return template.request(
                "vobiz:api?operation=" + operation + "&authId=MA_X&authToken=RAW(t0ken-s3cret)&apiBaseUrl=" + base
                        + "&apiRetryDelay=10" + extra,
                e -> e.getMessage()
                        .setHeaders(new java.util.HashMap<>(
                                Map.of(VobizConstants.CALL_ID, callId, VobizConstants.STREAM_ID, "s-1"))));
    }

    @Test
    void anHtmlErrorPageIsAClearExceptionWithItsStatusAfterTheRetries() {
        Exchange result = call("getStream", "html", "&apiRetries=1");

        assertThat(result.getException())
                .isInstanceOf(VobizApiException.class)
                .hasMessageContaining("HTTP 502")
                .hasMessageContaining("Bad Gateway")
                .hasMessageNotContaining("t0ken-s3cret");
    }

    @Test
    void onlyVobizsOwnNotFoundMeansAlreadyStopped() {
        for (String operation : new String[] {"stopStream", "hangupCall"}) {
            Exchange gone = call(operation, "gone", "");
            assertThat(gone.getException()).as(operation).isNull();
            assertThat(gone.getMessage().getHeader(VobizConstants.ALREADY_STOPPED))
                    .as(operation)
                    .isEqualTo(true);
            for (String call : new String[] {"web-404", "other-404"}) {
                Exchange failed = call(operation, call, "");
                assertThat(failed.getException())
                        .as(operation + " answered by " + call)
                        .isInstanceOf(VobizApiException.class)
                        .hasMessageContaining("HTTP 404")
                        .hasMessageContaining("not Vobiz's")
                        .hasMessageContaining(call.equals("web-404") ? "Page not found" : "Resource not found");
                assertThat(failed.getMessage().getHeader(VobizConstants.ALREADY_STOPPED))
                        .isNull();
            }
        }
    }

    @Test
    void brokenJsonInASuccessIsAClearException() {
        Exchange result = call("getStream", "truncated", "");

        assertThat(result.getException())
                .isInstanceOf(VobizApiException.class)
                .hasMessageContaining("unreadable reply (HTTP 200)");
    }

    @Test
    void aRequestThatTimesOutIsRetriedThenFailsClearly() {
        // 500 ms leaves a loaded machine time to deliver each request before the client gives up
        Exchange result = call("stopStream", "slow", "&apiTimeout=500&apiRetries=1");

        assertThat(result.getException()).isInstanceOf(VobizApiException.class).hasMessageContaining("timed out");
        // the server counts requests as they arrive, which on a loaded machine may be after the client gave up
        await().atMost(Duration.ofSeconds(5)).until(() -> slowCalls.get() == 2); // one retry after the timeout
        Exchange notRetried = call("startStream", "slow", "&apiTimeout=200&apiRetries=3&streamUrl=wss://a/m");
        assertThat(notRetried.getException()).isInstanceOf(VobizApiException.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> slowCalls.get() >= 3);
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                        slowCalls.get())
                .as("a start is never repeated")
                .isEqualTo(3));
    }
}
