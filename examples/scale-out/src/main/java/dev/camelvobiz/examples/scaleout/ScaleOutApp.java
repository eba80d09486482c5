package dev.camelvobiz.examples.scaleout;

import dev.camelvobiz.emulator.EmulatedCall;
import dev.camelvobiz.emulator.Emulator;
import dev.camelvobiz.emulator.audio.AudioSource;
import dev.camelvobiz.examples.jms.EmbeddedArtemis;
import dev.camelvobiz.examples.kafka.EmbeddedKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Runs three instances and a brain on an embedded broker (Kafka, or Artemis with {@code --jms}), places
 * emulated calls through the instances' answer URLs in turn, and reports each second how long the
 * brain's echoes took on calls its own instance held (local commands) and on calls the others held
 * (forwarded commands): the demo and the scale-out benchmark.
 *
 * <pre>ScaleOutApp [--jms] [--calls N] [--seconds S]</pre>
 */
public final class ScaleOutApp {

    private ScaleOutApp() {}

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        boolean jms = options.contains("--jms");
        int calls = intOption(options, "--calls", 9);
        int seconds = intOption(options, "--seconds", 10);
        try (EmbeddedKafka kafka = jms ? null : EmbeddedKafka.start();
                EmbeddedArtemis artemis = jms ? EmbeddedArtemis.start() : null;
                ScaleOut scaleOut = ScaleOut.start(
                        jms ? Transport.jms(EmbeddedArtemis.URL) : Transport.kafka(kafka.bootstrapServers()),
                        ScaleOut.freePorts(3),
                        Duration.ofSeconds(5),
                        null, // no greeting
                        // a play completes when its last frame is sent: with a long lead that is at once, so
                        // the timings are the command's path alone, not how much audio queued ahead of it
                        Duration.ofSeconds(60));
                Emulator emulator = Emulator.start()) {
            System.out.printf("3 instances over %s; warming up with 30 calls for 4 s%n", jms ? "Artemis" : "Kafka");
            scaleOut.warmUp(emulator);
            scaleOut.record().drainLocalPlayNanos();
            scaleOut.record().drainForwardedPlayNanos();

            System.out.printf(
                    "%d calls for %d s, every media frame echoed by the brain on %s%n",
                    calls, seconds, ScaleOut.BRAIN_INSTANCE);
            List<EmulatedCall> placed = place(emulator, scaleOut, calls, seconds);
            List<Long> local = new ArrayList<>();
            List<Long> forwarded = new ArrayList<>();
            for (int second = 1; second <= seconds; second++) {
                Thread.sleep(1000);
                List<Long> localNow = scaleOut.record().drainLocalPlayNanos();
                List<Long> forwardedNow = scaleOut.record().drainForwardedPlayNanos();
                System.out.printf(
                        "%3d s  echoes/s %5d  local p50 %s p99 %s  forwarded p50 %s p99 %s%n",
                        second,
                        localNow.size() + forwardedNow.size(),
                        ms(localNow, 50),
                        ms(localNow, 99),
                        ms(forwardedNow, 50),
                        ms(forwardedNow, 99));
                if (second > 2) { // the first seconds carry the calls' set-up
                    local.addAll(localNow);
                    forwarded.addAll(forwardedNow);
                }
            }
            awaitAll(placed);
            long connected = placed.stream()
                    .filter(call -> scaleOut.record().events(call.callUuid()).contains("start"))
                    .count();
            System.out.printf(
                    "%nsummary (from second 3): calls connected %d/%d; echoes %d local, %d forwarded (%.0f/s, offered %d/s)%n",
                    connected,
                    calls,
                    local.size(),
                    forwarded.size(),
                    (local.size() + forwarded.size()) / (double) Math.max(1, seconds - 2),
                    calls * 50);
            System.out.printf(
                    "play completion local p50 %s p99 %s, forwarded p50 %s p99 %s ms%n",
                    ms(local, 50), ms(local, 99), ms(forwarded, 50), ms(forwarded, 99));
            System.out.printf(
                    "added by forwarding: p50 %.2f ms, p99 %.2f ms%n",
                    millis(forwarded, 50) - millis(local, 50), millis(forwarded, 99) - millis(local, 99));
        }
    }

    private static List<EmulatedCall> place(Emulator emulator, ScaleOut scaleOut, int count, int seconds) {
        List<EmulatedCall> placed = new ArrayList<>();
        for (int number = 0; number < count; number++) {
            AudioSource audio = AudioSource.tone(300 + number % 40 * 10, seconds * 1000L);
            placed.add(scaleOut.call(emulator, number, audio, Duration.ofSeconds(seconds)));
        }
        return placed;
    }

    private static void awaitAll(List<EmulatedCall> calls) throws Exception {
        for (EmulatedCall call : calls) {
            call.awaitHangup(Duration.ofSeconds(120));
        }
    }

    private static String ms(List<Long> nanos, int percentile) {
        return nanos.isEmpty() ? "  -  " : String.format("%5.2f", millis(nanos, percentile));
    }

    private static double millis(List<Long> nanos, int percentile) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(percentile / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private static int intOption(List<String> options, String name, int fallback) {
        int at = options.indexOf(name);
        return at >= 0 && at + 1 < options.size() ? Integer.parseInt(options.get(at + 1)) : fallback;
    }
}
