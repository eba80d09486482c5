package dev.camelvobiz.internal.stream;

import dev.camelvobiz.VobizConfiguration;
import dev.camelvobiz.audio.AudioFormat;
import java.nio.ByteOrder;

/**
 * What a stream consumer's options mean for each of its sockets, worked out once when the consumer
 * starts: a connection reads these on its hot path instead of asking the configuration per frame.
 *
 * @param blocking              the route may block: exchanges run on the call's worker lane
 * @param idleTimeoutMillis     a socket silent this long is closed (0: never)
 * @param playLeadMillis        how far ahead of the caller's ear audio may be sent
 * @param clearTimeoutMillis    how long new audio waits for {@code clearedAudio} after a clear
 * @param maxFrameSize          the largest inbound message, in bytes
 * @param maxInFlight           a stream's exchanges in flight before its socket stops reading
 * @param defaultFormat         the inbound format assumed when {@code start} names none
 * @param outboundOverride      what {@code playAudio} is sent in, or null for the stream's own format
 * @param outboundByteOrder     L16's byte order in {@code playAudio}
 * @param normalisedMediaFormat what media bodies are converted to, or null to leave them as received
 * @param mdcLogging            the context logs with MDC: put the call's ids in it
 * @param instanceId            the component's instance id, on every exchange
 */
record StreamSettings(
        boolean blocking,
        long idleTimeoutMillis,
        long playLeadMillis,
        long clearTimeoutMillis,
        int maxFrameSize,
        int maxInFlight,
        AudioFormat defaultFormat,
        AudioFormat outboundOverride,
        ByteOrder outboundByteOrder,
        AudioFormat normalisedMediaFormat,
        boolean mdcLogging,
        String instanceId) {

    static StreamSettings of(VobizConfiguration configuration, boolean mdcLogging, String instanceId) {
        ByteOrder outboundOrder = configuration.getOutboundByteOrder().order();
        return new StreamSettings(
                configuration.isBlocking(),
                configuration.getIdleTimeout(),
                configuration.getPlayLead(),
                configuration.getClearTimeout(),
                configuration.getMaxFrameSize(),
                configuration.getMaxInFlightPerStream(),
                AudioFormat.parse(
                        configuration.getContentType(),
                        configuration.getInboundByteOrder().order()),
                configuration.getOutboundFormat() == null
                        ? null
                        : AudioFormat.parse(configuration.getOutboundFormat(), outboundOrder),
                outboundOrder,
                configuration.getMediaFormat() == null
                        ? null
                        : AudioFormat.parse(configuration.getMediaFormat(), ByteOrder.LITTLE_ENDIAN),
                mdcLogging,
                instanceId);
    }

    /** What {@code playAudio} is sent in for a stream whose inbound format is {@code inbound}. */
    AudioFormat outboundFormat(AudioFormat inbound) {
        return outboundOverride != null ? outboundOverride : inbound.withByteOrder(outboundByteOrder);
    }
}
