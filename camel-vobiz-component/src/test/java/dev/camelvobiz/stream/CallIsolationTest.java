package dev.camelvobiz.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.test.VobizPeer;
import dev.camelvobiz.test.VobizTestSupport;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/**
 * Calls are independent: many at once do not mix their audio, and a route that blocks on one call
 * neither stalls nor reorders another.
 */
class CallIsolationTest extends VobizTestSupport {

    private static final String BLOCKED_CALL = "call-blocked";

    private final CountDownLatch release = new CountDownLatch(1);

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(streamUri(""))
                        .filter(header(VobizConstants.EVENT).isEqualTo("media"))
                        .process(exchange -> {
                            if (BLOCKED_CALL.equals(exchange.getMessage().getHeader(VobizConstants.CALL_ID))) {
                                release.await(30, TimeUnit.SECONDS);
                            }
                        })
                        .to("vobiz:play");
            }
        };
    }

    @Test
    void twentyConcurrentCallsEachHearOnlyTheirOwnAudioInOrder() throws Exception {
        int calls = 20;
        int frames = 50;
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int c = 0; c < calls; c++) {
                int call = c;
                results.add(pool.submit(() -> {
                    try (VobizPeer peer = startCall("stream-" + call, "call-" + call)) {
                        for (int i = 0; i < frames; i++) {
                            peer.sendMedia(frame(call, i));
                        }
                        for (int i = 0; i < frames; i++) {
                            JsonNode command = peer.nextCommand();
                            assertThat(command.get("streamId").asText()).isEqualTo("stream-" + call);
                            assertThat(Base64.getDecoder()
                                            .decode(command.at("/media/payload").asText()))
                                    .as("call %d frame %d", call, i)
                                    .isEqualTo(echoed(frame(call, i)));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBlockedCallDoesNotStallOrReorderAnother() {
        try (VobizPeer blocked = startCall("stream-blocked", BLOCKED_CALL);
                VobizPeer free = startCall("stream-free", "call-free")) {
            for (int i = 0; i < 10; i++) {
                blocked.sendMedia(frame(9, i));
            }
            // While the blocked call's route waits, the other call's frames keep flowing in order.
            for (int i = 0; i < 50; i++) {
                free.sendMedia(frame(2, i));
                JsonNode echo = free.nextCommand();
                assertThat(Base64.getDecoder().decode(echo.at("/media/payload").asText()))
                        .isEqualTo(echoed(frame(2, i)));
            }
            assertThat(blocked.received())
                    .as("nothing echoed while the route is blocked")
                    .isEmpty();

            release.countDown();
            for (int i = 0; i < 10; i++) {
                JsonNode echo = blocked.nextCommand();
                assertThat(Base64.getDecoder().decode(echo.at("/media/payload").asText()))
                        .as("blocked call frame %d after release", i)
                        .isEqualTo(echoed(frame(9, i)));
            }
        }
    }
}
