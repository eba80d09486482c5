package dev.camelvobiz.emulator;

import dev.camelvobiz.emulator.audio.WireFormat;

/** Where a stream's outgoing {@code media} comes from: 20 ms of audio per call, in the stream's format. */
interface MediaSource {

    byte[] nextFrame(WireFormat format, long chunk);
}
