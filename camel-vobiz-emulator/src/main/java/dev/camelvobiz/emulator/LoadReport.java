package dev.camelvobiz.emulator;

import dev.camelvobiz.emulator.stream.VobizMessages;
import java.util.Locale;

/**
 * What a load run measured. {@code lost} counts frames sent at least a second before the end whose echo
 * never came; {@code unmatched} counts {@code playAudio} whose payload did not carry a frame marker
 * (the app changed the audio). Latencies are round trips in milliseconds. {@code cpuPercent} is the
 * JVM's CPU over the run as a share of all cores: the emulator's own when run from the command line.
 * {@code emulatorStalls} counts times a stream found the emulator's clock over 100 ms late: if it is not
 * zero, the load generator itself was short of CPU and the figures understate what the app can do.
 */
public record LoadReport(
        String streamUrl,
        int calls,
        int connected,
        double seconds,
        long framesSent,
        long framesReturned,
        long lost,
        long outOfOrder,
        long unmatched,
        double p50,
        double p90,
        double p99,
        double max,
        double cpuPercent,
        long emulatorStalls) {

    public String toTable() {
        return String.format(
                Locale.ROOT,
                """
                load run against %s
                  calls          %d (connected %d), %.1f s measured
                  frames         sent %d, returned %d, lost %d, out of order %d, unmatched %d
                  round trip ms  p50 %.2f   p90 %.2f   p99 %.2f   max %.2f
                  cpu            %.1f %% of all cores, emulator clock stalls %d
                """,
                values(streamUrl));
    }

    public String toJson() {
        return String.format(
                Locale.ROOT,
                "{\"streamUrl\":%s,\"calls\":%d,\"connected\":%d,\"seconds\":%.1f,\"framesSent\":%d,"
                        + "\"framesReturned\":%d,\"lost\":%d,\"outOfOrder\":%d,\"unmatched\":%d,\"p50\":%.3f,"
                        + "\"p90\":%.3f,\"p99\":%.3f,\"max\":%.3f,\"cpuPercent\":%.1f,\"emulatorStalls\":%d}",
                values(VobizMessages.quote(streamUrl)));
    }

    /** Every field in declaration order, the URL as given: one list for both renderings. */
    private Object[] values(String url) {
        return new Object[] {
            url,
            calls,
            connected,
            seconds,
            framesSent,
            framesReturned,
            lost,
            outOfOrder,
            unmatched,
            p50,
            p90,
            p99,
            max,
            cpuPercent,
            emulatorStalls
        };
    }
}
