package dev.camelvobiz.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camelvobiz.VobizComponent;
import dev.camelvobiz.test.VobizPeer;
import dev.camelvobiz.test.VobizTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Base64;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/**
 * useGlobalSslContextParameters takes effect: with it, a stream endpoint that sets no TLS of its own is
 * served as wss:// with the CamelContext's global sslContextParameters, and plain ws:// is refused.
 */
class GlobalTlsTest extends VobizTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        camel.setSSLContextParameters(TlsStreamTest.serverTls());
        camel.getComponent("vobiz", VobizComponent.class).setUseGlobalSslContextParameters(true);
        return camel;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("vobiz:stream?host=localhost&port=" + port + "&path=/media")
                        .filter(header("CamelVobizEvent").isEqualTo("media"))
                        .to("vobiz:play");
            }
        };
    }

    @Test
    void anEndpointWithoutItsOwnTlsIsServedWithTheGlobalOne() throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .sslContext(TlsStreamTest.clientTrustingTheKeystore())
                .build();
        try (VobizPeer call =
                VobizPeer.connect(URI.create("wss://localhost:" + port + "/media"), client, "s-global", "c-global")) {
            call.sendStart("audio/x-l16", 8000);
            call.sendMedia(frame(7, 0));
            assertThat(Base64.getDecoder()
                            .decode(call.nextCommand().at("/media/payload").asText()))
                    .isEqualTo(echoed(frame(7, 0)));
        }
        assertThatThrownBy(() -> VobizPeer.connect(
                        URI.create("ws://localhost:" + port + "/media"),
                        HttpClient.newHttpClient(),
                        "s-plain",
                        "c-plain"))
                .as("plain ws:// on a TLS port")
                .isInstanceOf(Exception.class);
    }
}
