package dev.camelvobiz.examples.realtime;

import java.util.List;
import java.util.Map;

/**
 * One speech-to-speech service's WebSocket protocol, as the bridge uses it: how to connect, what to
 * send first, how the caller's audio goes up and how the service's messages read. Messages are
 * {@code String} (a text frame) or {@code byte[]} (a binary frame). Audio both ways is μ-law 8 kHz, the
 * telephone's own format, so nothing is resampled on the way.
 */
public interface RealtimeProtocol {

    /** The service's WebSocket URL (its default; the {@code agent.url} property overrides it). */
    String defaultUrl();

    /** Handshake headers: how the service takes its API key. */
    Map<String, Object> handshakeHeaders(String apiKey);

    /** What to send once connected: the session's settings, and the request for a greeting. */
    List<Object> opening(AgentSettings settings);

    /** One frame of the caller's audio (μ-law 8 kHz), as the service takes it. */
    Object callerAudio(byte[] mulaw);

    /** A message from the service, read. */
    ServiceEvent read(Object message);

    /** The result of a client-side function call (the service waits for it). */
    Object functionResult(String callId, String result);

    /**
     * What to tell the service when the caller interrupted {@code answerId} after hearing
     * {@code heardMillis} of it, so its history holds only what was heard; null when the service
     * tracks that itself.
     */
    Object interrupted(String answerId, long heardMillis);
}
