package dev.camelvobiz.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelvobiz.VobizComponent;
import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.test.VobizPeer;
import dev.camelvobiz.test.VobizTestSupport;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/**
 * Where routes run: a route that says it never blocks runs on the event loop that read the frame (no
 * hand-off, threads bounded by the loops, not the calls); a blocking route runs off the loop, in wire
 * order per call; and an exchange that completes later (an awaited checkpoint that timed out) continues
 * in the same place: on the loop (where pacing timers run too), or back on the call's lane.
 */
class ThreadingTest extends VobizTestSupport {

    private final Set<String> fastThreads = ConcurrentHashMap.newKeySet();
    private final Set<String> blockingThreads = ConcurrentHashMap.newKeySet();
    private final Map<String, List<Long>> sequenceByCall = new ConcurrentHashMap<>();
    private final BlockingQueue<String> continuedOn = new LinkedBlockingQueue<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("/fast", "&blocking=false"))
                        .filter(header(VobizConstants.EVENT).isEqualTo("media"))
                        .process(exchange ->
                                fastThreads.add(Thread.currentThread().getName()))
                        .to("vobiz:play");
                from(uri("/slow", "")) // blocking=true, the default
                        .filter(header(VobizConstants.EVENT).isEqualTo("media"))
                        .process(exchange -> {
                            blockingThreads.add(Thread.currentThread().getName());
                            sequenceByCall
                                    .computeIfAbsent(callId(exchange), id -> new CopyOnWriteArrayList<>())
                                    .add(exchange.getMessage().getHeader(VobizConstants.SEQUENCE_NUMBER, Long.class));
                            Thread.sleep(2); // a blocking step: an HTTP call, a JMS send
                        })
                        .to("vobiz:play");
                for (String path : List.of("/await-fast", "/await-blocking")) {
                    from(uri(path, path.endsWith("fast") ? "&blocking=false" : ""))
                            .filter(header(VobizConstants.EVENT).isEqualTo("start"))
                            .to("vobiz:checkpoint?name=never&await=true&timeout=200")
                            .process(exchange ->
                                    continuedOn.add(exchange.getMessage().getHeader(VobizConstants.CHECKPOINT_OUTCOME)
                                            + " on " + Thread.currentThread().getName()));
                }
            }
        };
    }

    private String uri(String path, String options) {
        return "vobiz:stream" + onThisServer() + "&path=" + path + options;
    }

    private static String callId(Exchange exchange) {
        return exchange.getMessage().getHeader(VobizConstants.CALL_ID, String.class);
    }

    @Test
    void aRouteThatNeverBlocksRunsOnTheEventLoopsWhateverTheNumberOfCalls() {
        List<VobizPeer> peers = new ArrayList<>();
        try {
            for (int call = 0; call < 12; call++) {
                peers.add(VobizPeer.start(port, "/fast", "fast-" + call, "call-fast-" + call));
            }
            for (int i = 0; i < 10; i++) {
                for (int call = 0; call < peers.size(); call++) {
                    peers.get(call).sendMedia(frame(call, i));
                }
            }
            for (int call = 0; call < peers.size(); call++) {
                for (int i = 0; i < 10; i++) {
                    assertThat(payload(peers.get(call).nextCommand())).isEqualTo(echoed(frame(call, i)));
                }
            }
        } finally {
            peers.forEach(VobizPeer::close);
        }
        int loops = context.getComponent("vobiz", VobizComponent.class).getEventLoops();
        assertThat(fastThreads).allSatisfy(name -> assertThat(name).startsWith("vert.x-eventloop-thread-"));
        assertThat(fastThreads.size()).isLessThanOrEqualTo(loops);
    }

    @Test
    void aBlockingRouteRunsOffTheLoopAndKeepsEachCallInWireOrder() {
        List<VobizPeer> peers = new ArrayList<>();
        int frames = 60;
        try {
            for (int call = 0; call < 4; call++) {
                peers.add(VobizPeer.start(port, "/slow", "slow-" + call, "call-slow-" + call));
            }
            for (int i = 0; i < frames; i++) { // faster than the route takes them: they queue per call
                for (int call = 0; call < peers.size(); call++) {
                    peers.get(call).sendMedia(frame(call, i));
                }
            }
            for (int call = 0; call < peers.size(); call++) {
                for (int i = 0; i < frames; i++) {
                    assertThat(payload(peers.get(call).nextCommand()))
                            .as("call %d echo %d", call, i)
                            .isEqualTo(echoed(frame(call, i)));
                }
            }
        } finally {
            peers.forEach(VobizPeer::close);
        }
        assertThat(blockingThreads).noneMatch(name -> name.startsWith("vert.x-eventloop"));
        assertThat(sequenceByCall).hasSize(4);
        sequenceByCall.forEach((call, sequence) -> assertThat(sequence)
                .as("sequence numbers the route saw on %s", call)
                .hasSize(frames)
                .isSorted());
    }

    @Test
    void anExchangeCompletedByThePacingTimerContinuesOnItsCallsLoop() throws Exception {
        try (VobizPeer peer = VobizPeer.start(port, "/await-fast", "await-fast", "call-await-fast")) {
            String continued = continuedOn.poll(5, TimeUnit.SECONDS);
            assertThat(continued).startsWith("timeout on vert.x-eventloop-thread-");
        }
    }

    @Test
    void anExchangeCompletedByThePacingTimerContinuesOnItsCallsWorkerLane() throws Exception {
        try (VobizPeer peer = VobizPeer.start(port, "/await-blocking", "await-blocking", "call-await-blocking")) {
            String continued = continuedOn.poll(5, TimeUnit.SECONDS);
            assertThat(continued).startsWith("timeout on ").contains("VobizWorker");
        }
    }

    private static byte[] payload(JsonNode command) {
        return Base64.getDecoder().decode(command.at("/media/payload").asText());
    }
}
