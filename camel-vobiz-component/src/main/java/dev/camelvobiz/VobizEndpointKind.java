package dev.camelvobiz;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a {@code vobiz:} endpoint is, from the URI path: {@code vobiz:stream}, {@code vobiz:play}, … */
public enum VobizEndpointKind {
    STREAM(true),
    PLAY(false),
    CHECKPOINT(false),
    CLEAR(false),
    STOP(false),
    API(false),
    ANSWER(true),
    CALLBACK(true);

    private final boolean consumer;

    VobizEndpointKind(boolean consumer) {
        this.consumer = consumer;
    }

    public boolean isConsumer() {
        return consumer;
    }

    /** play, checkpoint, clear or stop: a command to one live stream. */
    public boolean isStreamCommand() {
        return this == PLAY || this == CHECKPOINT || this == CLEAR || this == STOP;
    }

    public String uriName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static VobizEndpointKind fromUri(String remaining) {
        for (VobizEndpointKind kind : values()) {
            if (kind.uriName().equals(remaining)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown vobiz endpoint 'vobiz:" + remaining + "'; expected one of "
                + Arrays.stream(values()).map(VobizEndpointKind::uriName).collect(Collectors.joining(", ")));
    }
}
