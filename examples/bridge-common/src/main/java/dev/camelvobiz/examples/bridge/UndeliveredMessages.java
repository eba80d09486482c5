package dev.camelvobiz.examples.bridge;

import dev.camelvobiz.VobizConstants;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;
import org.apache.camel.builder.Builder;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a bridge could not hand to its broker: the one place a broker outage is reported, so no frame
 * or event is lost silently.
 *
 * <p>Audio frames are not retried (late audio is no use to whoever listens); each failed frame is
 * counted per call (from its {@code start} to its {@code closed}), and the first failure and every {@value #LOG_EVERY}th after it are logged at
 * ERROR with the cause: an outage gives a line per call every few seconds, not fifty a second. The
 * call's {@code closed} event carries the count so far in header {@value #HEADER}, and in header
 * {@value #AFTER_STOP_HEADER} the frames that arrived after our {@code stop}, which the component counts
 * and does not route: sent = on the broker + undelivered + after stop. Events are retried
 * by the route's error handler first; one that still fails is logged at ERROR with its body.
 */
public final class UndeliveredMessages {

    /** Header on a call's {@code closed} event: its audio frames the broker did not take. */
    public static final String HEADER = "undeliveredFrames";

    /** Header on a call's {@code closed} event: its frames that came after our stop (not routed, not lost). */
    public static final String AFTER_STOP_HEADER = "framesAfterStop";

    private static final Logger LOG = LoggerFactory.getLogger(UndeliveredMessages.class);
    private static final long LOG_EVERY = 250;

    private final Map<String, AtomicLong> framesByCall = new ConcurrentHashMap<>();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong events = new AtomicLong();

    /**
     * Puts a call route's failure handling in place: events retried ({@code {{bridge.event-redeliveries}}}
     * times, {@code {{bridge.event-redelivery-delay}}} ms apart, without holding a thread), then reported;
     * audio frames reported at once; every event tracked. Continue the route from what it returns.
     */
    public ProcessorDefinition<?> reportedFrom(RouteDefinition callRoute) {
        return callRoute
                .onException(Exception.class)
                .onWhen(Builder.header(VobizConstants.EVENT).isNotEqualTo("media"))
                .maximumRedeliveries("{{bridge.event-redeliveries}}")
                .redeliveryDelay("{{bridge.event-redelivery-delay}}")
                .asyncDelayedRedelivery()
                .handled(true)
                .process(this::event)
                .end()
                .onException(Exception.class)
                .handled(true)
                .process(this::frame)
                .end()
                .process(this::track);
    }

    /** A media frame that did not reach the broker (the failed exchange, from the route's error handler). */
    private void frame(Exchange exchange) {
        frames.incrementAndGet();
        String callId = callId(exchange);
        AtomicLong ofCall = framesByCall.get(callId);
        if (ofCall == null) { // failed after the call's close (a send that timed out late)
            LOG.error(
                    "Call {}: an audio frame not delivered to the broker after the call closed: {}",
                    callId,
                    cause(exchange));
            return;
        }
        long count = ofCall.incrementAndGet();
        if (count % LOG_EVERY == 1) {
            LOG.error(
                    "Call {}: {} audio frame(s) not delivered to the broker so far: {}",
                    callId,
                    count,
                    cause(exchange));
        }
    }

    /** An event that still did not reach the broker after its retries. */
    private void event(Exchange exchange) {
        events.incrementAndGet();
        LOG.error(
                "Call {}: {} event not delivered to the broker after retries: {}; event: {}",
                callId(exchange),
                exchange.getMessage().getHeader(VobizConstants.EVENT),
                cause(exchange),
                exchange.getMessage().getBody(String.class));
    }

    /**
     * Follows a call's life from its stream events (call it for every event, before sending): counting
     * starts at {@code start}; {@code closed} is stamped with the call's count so far, and forgotten.
     */
    private void track(Exchange exchange) {
        String event = exchange.getMessage().getHeader(VobizConstants.EVENT, String.class);
        if ("start".equals(event)) {
            framesByCall.putIfAbsent(callId(exchange), new AtomicLong());
        } else if ("closed".equals(event)) {
            AtomicLong lost = framesByCall.remove(callId(exchange));
            exchange.getMessage().setHeader(HEADER, lost == null ? 0L : lost.get());
            exchange.getMessage()
                    .setHeader(
                            AFTER_STOP_HEADER,
                            exchange.getMessage().getHeader(VobizConstants.FRAMES_AFTER_STOP, 0L, Long.class));
        }
    }

    /** Audio frames of all calls not delivered since start. */
    public long frames() {
        return frames.get();
    }

    /** Events not delivered after their retries since start. */
    public long events() {
        return events.get();
    }

    private static String callId(Exchange exchange) {
        return String.valueOf(exchange.getMessage().getHeader(VobizConstants.CALL_ID));
    }

    private static String cause(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return cause == null ? "unknown cause" : cause.toString();
    }
}
