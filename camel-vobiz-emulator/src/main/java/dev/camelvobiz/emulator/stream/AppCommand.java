package dev.camelvobiz.emulator.stream;

import java.util.List;

/**
 * One command from the app (protocol §4), as read off the wire, with what it did wrong against the
 * strict current rules ({@code violations}), which the emulator records but, like Vobiz, tolerates
 * where Vobiz would.
 */
public record AppCommand(
        String event,
        String streamId,
        String name,
        String contentType,
        int sampleRate,
        byte[] payload,
        List<String> violations) {}
