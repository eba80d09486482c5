package dev.camelvobiz.dsl;

import static dev.camelvobiz.dsl.VobizEndpoints.vobiz;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camelvobiz.VobizEndpoint;
import dev.camelvobiz.api.VobizApiOperation;
import dev.camelvobiz.test.VobizPeer;
import dev.camelvobiz.test.VobizTestSupport;
import java.time.Duration;
import java.util.Base64;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/** Routes written with the typed builders behave as their string URIs do, and never show a secret. */
class EndpointBuildersTest extends VobizTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(vobiz().stream("/media")
                                .host("127.0.0.1")
                                .port(port)
                                .token("s3cret-token")
                                .blocking(false)
                                .idleTimeout(Duration.ofSeconds(30)))
                        .routeId("typed")
                        .filter(header("CamelVobizEvent").isEqualTo("media"))
                        .to(vobiz().play());
            }
        };
    }

    @Test
    void aTypedStreamRouteEchoesAndItsTokenIsEnforced() {
        try (VobizPeer call = VobizPeer.connect(port, "/media/s3cret-token", "s-typed", "c-typed")) {
            call.sendStart("audio/x-l16", 8000);
            call.sendMedia(frame(3, 0));
            assertThat(Base64.getDecoder()
                            .decode(call.nextCommand().at("/media/payload").asText()))
                    .isEqualTo(echoed(frame(3, 0)));
        }
        assertThatThrownBy(() -> VobizPeer.connect(port, "/media", "s-untyped", "c-untyped"))
                .as("no token, no socket")
                .isInstanceOf(Exception.class);
    }

    @Test
    void theBuiltEndpointHasTheOptionsAndItsUriHidesTheSecrets() {
        var builder = vobiz().api(VobizApiOperation.makeCall)
                .authId("MA_TYPED")
                .authToken("typed-secret")
                .from("+918000000001")
                .apiRetryDelay(Duration.ofMillis(250));
        VobizEndpoint endpoint = builder.resolve(context, VobizEndpoint.class);
        assertThat(endpoint.getConfiguration().getOperation()).isEqualTo(VobizApiOperation.makeCall);
        assertThat(endpoint.getConfiguration().getAuthToken()).isEqualTo("typed-secret");
        assertThat(endpoint.getConfiguration().getApiRetryDelay()).isEqualTo(250);
        assertThat(builder.getRawUri()).contains("authToken=xxxxxx").doesNotContain("typed-secret");
        assertThat(endpoint.getEndpointUri()).doesNotContain("typed-secret");
        assertThat(context.getRoute("typed").getEndpoint().getEndpointUri()).doesNotContain("s3cret-token");
    }
}
