package dev.camelvobiz.emulator.http;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The two time formats of the protocol: callbacks' zone-less local time, the REST API's UTC. */
public final class Timestamps {

    private static final DateTimeFormatter LOCAL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter REST =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx").withZone(ZoneOffset.UTC);

    private Timestamps() {}

    /** {@code 2025-11-06 09:58:40}: callbacks and the hang-up webhook (§7). */
    public static String local(Instant instant) {
        return LOCAL.format(instant);
    }

    /** {@code 2025-11-06 13:49:10+00:00}: stream objects of the REST API (§8). */
    public static String rest(Instant instant) {
        return instant == null ? null : REST.format(instant);
    }
}
