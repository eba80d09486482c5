package dev.camelvobiz.emulator.stream;

/** Who a stream belongs to, as the {@code start} message tells the app. */
public record StreamIdentity(
        String streamId, String callId, String accountId, String authId, String from, String to, String direction) {}
