package dev.camelvobiz.stream;

import java.util.List;

/**
 * A live stream at one moment, for consoles and diagnostics.
 *
 * @param leadMillis how far the audio sent so far is ahead of the caller's ear (0: nothing playing)
 * @param unheardMillis how much of our speech the caller has yet to hear, sent or queued (a room-tone bed
 *     not counted; {@code CamelVobizUnheardMillis} on the stream's events)
 * @param pendingCheckpoints checkpoints sent or queued that have not played yet
 * @param lastTurnLatencyMillis the latest wait from the end of the caller's turn to the first audio of the
 *     answer ({@code CamelVobizTurnEnded} on a play); -1 before the first
 * @param roomTone whether a room-tone bed is laid under the stream ({@code vobiz:play?roomTone=true})
 */
public record CallSnapshot(
        String callId,
        String streamId,
        long durationMillis,
        long framesIn,
        long framesOut,
        long leadMillis,
        long unheardMillis,
        List<String> pendingCheckpoints,
        long lastTurnLatencyMillis,
        boolean roomTone) {}
