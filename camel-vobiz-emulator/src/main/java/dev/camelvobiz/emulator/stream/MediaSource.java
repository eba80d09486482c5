package dev.camelvobiz.emulator.stream;

import dev.camelvobiz.emulator.audio.WireFormat;

/** Where a stream's outgoing {@code media} comes from: 20 ms of audio per call, in the stream's format. */
public interface MediaSource {

    byte[] nextFrame(WireFormat format, long chunk);
}
