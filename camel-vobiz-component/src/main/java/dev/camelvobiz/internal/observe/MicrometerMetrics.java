package dev.camelvobiz.internal.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.apache.camel.CamelContext;

/**
 * The meters, in a Micrometer registry (the only class that touches Micrometer, so the component
 * runs without it). Names use Micrometer's dotted style; Prometheus shows {@code vobiz_frames_in_total}
 * and so on.
 */
public final class MicrometerMetrics implements VobizMetrics {

    private final MeterRegistry registry;
    private final Counter framesIn;
    private final Counter framesOut;
    private final Counter badFrames;
    private final Counter framesAfterStop;
    private final Map<Refusal, Counter> refused = new EnumMap<>(Refusal.class);
    private final DistributionSummary outboundLead;
    private final Timer checkpointRoundTrip;
    private final Timer clearRoundTrip;
    private final Timer turnLatency;
    private Gauge activeCalls;

    /**
     * Camel's {@code metricsRegistry} (what camel-micrometer uses), else the context's single
     * {@code MeterRegistry}, else Micrometer's global one.
     */
    static MicrometerMetrics of(CamelContext context) {
        MeterRegistry registry = context.getRegistry().lookupByNameAndType("metricsRegistry", MeterRegistry.class);
        if (registry == null) {
            registry = context.getRegistry().findSingleByType(MeterRegistry.class);
        }
        return new MicrometerMetrics(registry != null ? registry : Metrics.globalRegistry);
    }

    public MicrometerMetrics(MeterRegistry registry) {
        this.registry = registry;
        framesIn = counter("vobiz.frames.in", "media frames received from Vobiz");
        framesOut = counter("vobiz.frames.out", "playAudio frames sent to Vobiz");
        badFrames = counter("vobiz.frames.bad", "frames that could not be read");
        framesAfterStop = counter("vobiz.frames.after.stop", "media and dtmf frames that arrived after our stop");
        for (Refusal reason : Refusal.values()) {
            refused.put(
                    reason,
                    Counter.builder("vobiz.refused")
                            .description("peers turned away before reaching a route, by reason")
                            .tag("reason", reason.tag())
                            .register(registry));
        }
        outboundLead = DistributionSummary.builder("vobiz.outbound.lead")
                .description("how far sent audio is ahead of the caller's ear when a frame leaves")
                .baseUnit("milliseconds")
                .register(registry);
        checkpointRoundTrip = timer("vobiz.checkpoint.roundtrip", "from sending a checkpoint to its playedStream");
        clearRoundTrip = timer("vobiz.clear.roundtrip", "from sending clearAudio to clearedAudio");
        turnLatency = Timer.builder("vobiz.turn.latency")
                .description("from the end of the caller's turn to the first playAudio of the answer")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry);
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }

    private Timer timer(String name, String description) {
        return Timer.builder(name).description(description).register(registry);
    }

    @Override
    public void activeCalls(IntSupplier liveStreams) {
        activeCalls = Gauge.builder("vobiz.calls.active", liveStreams::getAsInt)
                .description("live call streams")
                .register(registry);
    }

    @Override
    public void close() {
        if (activeCalls != null) {
            registry.remove(activeCalls);
            activeCalls = null;
        }
    }

    @Override
    public void frameIn() {
        framesIn.increment();
    }

    @Override
    public void frameOut(long leadNanos) {
        framesOut.increment();
        outboundLead.record(leadNanos / 1e6);
    }

    @Override
    public void frameAfterStop() {
        framesAfterStop.increment();
    }

    @Override
    public void badFrame() {
        badFrames.increment();
    }

    @Override
    public void refused(Refusal reason) {
        refused.get(reason).increment();
    }

    @Override
    public void checkpointRoundTrip(long nanos) {
        checkpointRoundTrip.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void clearRoundTrip(long nanos) {
        clearRoundTrip.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void turnLatency(long nanos) {
        turnLatency.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void restCall(String operation, String status, long nanos) {
        Timer.builder("vobiz.rest.requests")
                .description("Vobiz REST operations, retries included")
                .tag("operation", operation)
                .tag("status", status)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }
}
