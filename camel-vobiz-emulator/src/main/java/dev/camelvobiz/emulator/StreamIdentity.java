package dev.camelvobiz.emulator;

/** Who a stream belongs to, as the {@code start} message tells the app. */
record StreamIdentity(
        String streamId, String callId, String accountId, String authId, String from, String to, String direction) {}
