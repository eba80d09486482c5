package dev.camelvobiz.emulator.stream;

import dev.camelvobiz.emulator.CallSpec;
import dev.camelvobiz.emulator.record.CallRecord;

/** What a stream needs of the call it belongs to: who it is, what it says, and where to record it. */
public interface CallLine {

    String callUuid();

    CallSpec spec();

    CallRecord record();

    /** Who the stream with {@code streamId} belongs to, as its {@code start} message says. */
    StreamIdentity identity(String streamId);

    /** Where the stream's outgoing media comes from now (the caller's voice may change mid-call). */
    MediaSource media();

    /** Told of every {@code playAudio} payload, or null. */
    PlayAudioListener playListener();
}
