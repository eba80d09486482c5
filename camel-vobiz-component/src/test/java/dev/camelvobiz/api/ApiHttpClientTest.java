package dev.camelvobiz.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.camelvobiz.VobizComponent;
import dev.camelvobiz.emulator.EmulatorOptions;
import dev.camelvobiz.emulator.junit.VobizEmulatorExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The component's {@code httpClient} option takes effect: vobiz:api sends through the client given, here
 * one whose proxy is a forwarding proxy of this test that records what passes through it.
 */
class ApiHttpClientTest extends CamelTestSupport {

    private static final String AUTH_ID = "MA_PROXIED";
    private static final String TOKEN = "proxied-token";
    private static final Set<String> HOP_BY_HOP =
            Set.of("host", "connection", "content-length", "proxy-connection", "keep-alive", "upgrade");

    @RegisterExtension
    static final VobizEmulatorExtension VOBIZ = new VobizEmulatorExtension(
            EmulatorOptions.defaults().authId(AUTH_ID).authToken(TOKEN));

    private final List<String> proxied = new CopyOnWriteArrayList<>();
    private final HttpClient forwarder = HttpClient.newHttpClient();
    private HttpServer proxy;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        proxy.createContext("/", exchange -> {
            URI target = exchange.getRequestURI(); // absolute: the client speaks to a proxy
            proxied.add(exchange.getRequestMethod() + " " + target);
            HttpRequest.Builder forward = HttpRequest.newBuilder(target)
                    .method(
                            exchange.getRequestMethod(),
                            HttpRequest.BodyPublishers.ofByteArray(
                                    exchange.getRequestBody().readAllBytes()));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                    values.forEach(value -> forward.header(name, value));
                }
            });
            try {
                HttpResponse<byte[]> answer = forwarder.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
                answer.headers().firstValue("Content-Type").ifPresent(type -> exchange.getResponseHeaders()
                        .add("Content-Type", type));
                exchange.sendResponseHeaders(
                        answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(answer.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        });
        proxy.start();

        CamelContext camel = super.createCamelContext();
        VobizComponent vobiz = camel.getComponent("vobiz", VobizComponent.class);
        vobiz.setHttpClient(HttpClient.newBuilder()
                .proxy(ProxySelector.of(proxy.getAddress()))
                .build());
        vobiz.getConfiguration().setAuthId(AUTH_ID);
        vobiz.getConfiguration().setAuthToken(TOKEN);
        vobiz.getConfiguration().setApiBaseUrl(VOBIZ.emulator().restApiUrl().toString());
        return camel;
    }

    @AfterEach
    void stopProxy() {
        proxy.stop(0);
    }

    @Test
    void vobizApiSendsThroughTheClientItWasGiven() {
        Exchange listed = template.request("vobiz:api?operation=listCalls", exchange -> {});
        assertThat(listed.getException()).isNull();
        assertThat(listed.getMessage().getBody(LiveCallList.class).calls()).isEmpty();
        assertThat(proxied)
                .singleElement()
                .asString()
                .startsWith("GET " + VOBIZ.emulator().restApiUrl() + "/Account/" + AUTH_ID + "/Call/?status=live");
    }
}
