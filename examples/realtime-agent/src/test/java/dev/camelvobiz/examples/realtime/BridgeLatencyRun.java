package dev.camelvobiz.examples.realtime;

import dev.camelvobiz.emulator.CallSpec;
import dev.camelvobiz.emulator.EmulatedCall;
import dev.camelvobiz.emulator.Emulator;
import dev.camelvobiz.emulator.audio.AudioSource;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The bridge's added latency per turn, against a stand-in service (a benchmark, not a test): N calls at
 * once, each with three answered turns, through the emulator, the app and a real WebSocket. Prints,
 * per turn, the caller's wait split into the service's share (its end-of-turn event to its first audio:
 * the stand-in's 300 ms of "thinking") and the bridge's (that audio arriving to its first frame
 * written), with the process's CPU: emulator, stand-in and app share this JVM, so the bridge's figure is
 * an upper bound.
 *
 * <pre>
 * mvn -B -q -pl examples/realtime-agent -am test-compile -DskipTests
 * mvn -B -q -pl examples/realtime-agent exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.camelvobiz.examples.realtime.BridgeLatencyRun -Dexec.args="deepgram 20"
 * </pre>
 */
public final class BridgeLatencyRun {

    private BridgeLatencyRun() {}

    public static void main(String[] args) throws Exception {
        String service = args.length > 0 ? args[0] : "deepgram";
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        try (StandInAgent standIn = "openai".equals(service) ? new OpenAiStandIn() : new DeepgramStandIn();
                Emulator emulator = Emulator.start();
                AgentApp app = new AgentApp(service, standIn.url("/agent"), 0)) {
            warmUp(emulator, app);
            int before = app.bridge().turns().size();
            long cpuBefore = processCpuNanos();
            long started = System.nanoTime();
            List<EmulatedCall> placed = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                placed.add(emulator.call(
                        CallSpec.answerUrl(app.answerUrl()).callerAudio(AudioSource.of(AgentApp.caller()))));
                Thread.sleep(50); // spread the turns a little, as real calls are
            }
            for (EmulatedCall call : placed) {
                call.awaitHangup(Duration.ofSeconds(60));
            }
            double wallSeconds = (System.nanoTime() - started) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
            List<AgentBridge.TurnReport> turns =
                    app.bridge().turns().subList(before, app.bridge().turns().size());
            System.out.printf(
                    "%s, %d calls at once, %d turns: bridge p50 %d / p95 %d / max %d ms; service p50 %d ms;"
                            + " caller waited p50 %d / p95 %d ms; process CPU %.0f %% of one core over %.1f s%n",
                    service,
                    calls,
                    turns.size(),
                    percentile(turns, AgentBridge.TurnReport::bridgeMillis, 0.5),
                    percentile(turns, AgentBridge.TurnReport::bridgeMillis, 0.95),
                    percentile(turns, AgentBridge.TurnReport::bridgeMillis, 1.0),
                    percentile(turns, AgentBridge.TurnReport::serviceMillis, 0.5),
                    percentile(turns, AgentBridge.TurnReport::callerWaitedMillis, 0.5),
                    percentile(turns, AgentBridge.TurnReport::callerWaitedMillis, 0.95),
                    100 * cpuSeconds / wallSeconds,
                    wallSeconds);
        }
    }

    /** One call first, so class loading and JIT do not land in the figures. */
    private static void warmUp(Emulator emulator, AgentApp app) throws Exception {
        emulator.call(CallSpec.answerUrl(app.answerUrl()).callerAudio(AudioSource.of(AgentApp.caller())))
                .awaitHangup(Duration.ofSeconds(60));
    }

    private static long percentile(
            List<AgentBridge.TurnReport> turns, ToLongFunction<AgentBridge.TurnReport> value, double quantile) {
        long[] sorted = turns.stream().mapToLong(value).sorted().toArray();
        return sorted.length == 0
                ? -1
                : sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
