package dev.camelvobiz;

import static dev.camelvobiz.VobizEndpointKind.ANSWER;
import static dev.camelvobiz.VobizEndpointKind.API;
import static dev.camelvobiz.VobizEndpointKind.CALLBACK;
import static dev.camelvobiz.VobizEndpointKind.CHECKPOINT;
import static dev.camelvobiz.VobizEndpointKind.CLEAR;
import static dev.camelvobiz.VobizEndpointKind.PLAY;
import static dev.camelvobiz.VobizEndpointKind.STOP;
import static dev.camelvobiz.VobizEndpointKind.STREAM;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which endpoint kinds each URI option applies to. All options share one configuration class (the
 * component holds the defaults of every kind), so Camel alone would accept {@code vobiz:play?path=/x}
 * and ignore it; an option given on a kind it does not apply to is refused when the endpoint is
 * created, naming the kinds it does apply to.
 */
final class EndpointOptions {

    private static final Set<VobizEndpointKind> SERVERS = EnumSet.of(STREAM, ANSWER, CALLBACK);
    private static final Set<VobizEndpointKind> WEBHOOKS = EnumSet.of(ANSWER, CALLBACK);
    private static final Set<VobizEndpointKind> PRODUCERS = EnumSet.of(PLAY, CHECKPOINT, CLEAR, STOP, API);

    private static final Map<String, Set<VobizEndpointKind>> APPLIES_TO = new HashMap<>();

    static {
        // every consumer: where it is served and how its errors are handled
        for (String option : new String[] {
            "host", "port", "path", "sslContextParameters", "bridgeErrorHandler", "exceptionHandler", "exchangePattern"
        }) {
            applies(option, SERVERS);
        }
        // the stream consumer
        for (String option : new String[] {
            "blocking", "idleTimeout", "maxFrameSize", "maxInFlightPerStream", "clearTimeout", "inboundByteOrder",
            "mediaFormat", "outboundByteOrder", "outboundFormat", "playLead", "allowedAddresses", "maxConnections",
            "token"
        }) {
            applies(option, EnumSet.of(STREAM));
        }
        // the webhooks (answer_url, callbacks)
        for (String option : new String[] {
            "publicUrl", "allowedHosts", "verifySignature", "webhookSecret", "replayRepository", "signatureWindow"
        }) {
            applies(option, WEBHOOKS);
        }
        // the default answer
        for (String option : new String[] {"keepCallAlive", "statusCallbackPath", "streamPath"}) {
            applies(option, EnumSet.of(ANSWER));
        }
        // the REST producer
        for (String option : new String[] {
            "apiBaseUrl",
            "audioTrack",
            "callId",
            "from",
            "to",
            "answerUrl",
            "hangupUrl",
            "ringUrl",
            "machineDetection",
            "operation",
            "statusCallbackUrl",
            "apiRetries",
            "apiRetryDelay",
            "apiTimeout",
            "authId"
        }) {
            applies(option, EnumSet.of(API));
        }
        applies("authToken", EnumSet.of(API, ANSWER, CALLBACK)); // REST credentials; webhook signatures
        applies("streamUrl", EnumSet.of(ANSWER, API)); // the default answer's stream; a REST start's service_url
        applies("bidirectional", EnumSet.of(ANSWER, API));
        applies("contentType", EnumSet.of(STREAM, ANSWER, API)); // assumed inbound format; the Stream's; REST's
        applies("streamId", PRODUCERS);
        applies("lazyStartProducer", PRODUCERS);
        applies("audioFormat", EnumSet.of(PLAY));
        applies("name", EnumSet.of(CHECKPOINT));
        applies("await", EnumSet.of(CHECKPOINT));
        applies("afterPlayed", EnumSet.of(STOP));
        applies("roomTone", EnumSet.of(PLAY));
        applies("timeout", EnumSet.of(CHECKPOINT, STOP));
    }

    private EndpointOptions() {}

    private static void applies(String option, Set<VobizEndpointKind> kinds) {
        APPLIES_TO.put(option.toLowerCase(Locale.ROOT), kinds);
    }

    /** The kinds {@code option} applies to; empty for an option this table does not know. */
    static Set<VobizEndpointKind> kindsOf(String option) {
        return APPLIES_TO.getOrDefault(option.toLowerCase(Locale.ROOT), Set.of());
    }

    /** Refuses the first of {@code options} that does not apply to {@code kind}; unknown names are left to Camel. */
    static void check(VobizEndpointKind kind, Collection<String> options) {
        for (String option : options) {
            Set<VobizEndpointKind> kinds = kindsOf(option);
            if (!kinds.isEmpty() && !kinds.contains(kind)) {
                throw new IllegalArgumentException("Option " + option + " does not apply to vobiz:" + kind.uriName()
                        + "; it applies to "
                        + kinds.stream().map(k -> "vobiz:" + k.uriName()).collect(Collectors.joining(", ")));
            }
        }
    }
}
