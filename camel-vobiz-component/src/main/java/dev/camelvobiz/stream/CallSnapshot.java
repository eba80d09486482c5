package dev.camelvobiz.stream;

import java.util.List;

/**
 * A live stream at one moment, for consoles and diagnostics.
 *
 * @param leadMillis how far the audio sent so far is ahead of the caller's ear (0: nothing playing)
 * @param pendingCheckpoints checkpoints sent or queued that have not played yet
 */
public record CallSnapshot(
        String callId,
        String streamId,
        long durationMillis,
        long framesIn,
        long framesOut,
        long leadMillis,
        List<String> pendingCheckpoints) {}
