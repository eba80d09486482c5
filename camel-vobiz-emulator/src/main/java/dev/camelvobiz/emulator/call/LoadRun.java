package dev.camelvobiz.emulator.call;

import dev.camelvobiz.emulator.CallSpec;
import dev.camelvobiz.emulator.EmulatorOptions;
import dev.camelvobiz.emulator.LoadReport;
import dev.camelvobiz.emulator.LoadSpec;
import dev.camelvobiz.emulator.answer.Instruction;
import dev.camelvobiz.emulator.answer.StreamAttributes;
import dev.camelvobiz.emulator.audio.WireFormat;
import dev.camelvobiz.emulator.record.CallRecord;
import dev.camelvobiz.emulator.stream.MarkedFrames;
import dev.camelvobiz.emulator.stream.StreamServices;
import java.lang.management.ManagementFactory;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs one {@link LoadSpec}: places the calls over the ramp, lets them stream, hangs up, measures. */
public final class LoadRun {

    private final EmulatorOptions options;
    private final StreamServices streams;
    private final LoadSpec spec;

    public LoadRun(EmulatorOptions options, StreamServices streams, LoadSpec spec) {
        this.options = options;
        this.streams = streams;
        this.spec = spec;
    }

    public LoadReport run() throws InterruptedException {
        spec.checkMeasurable();
        boolean muLaw =
                WireFormat.parse(spec.contentType(), ByteOrder.BIG_ENDIAN).isMuLaw();
        long start = System.nanoTime();
        long measureFrom = start
                + TimeUnit.MILLISECONDS.toNanos(spec.ramp().plus(spec.warmUp()).toMillis());
        long end = start + TimeUnit.MILLISECONDS.toNanos(spec.duration().toMillis());
        StreamAttributes attributes = StreamAttributes.from(new Instruction(
                "Stream",
                Map.of("bidirectional", "true", "keepCallAlive", "true", "contentType", spec.contentType()),
                spec.streamUrl(),
                List.of()));
        if (attributes.refusal() != null) {
            throw new IllegalArgumentException("Cannot load " + spec.streamUrl() + ": " + attributes.refusal());
        }
        List<Call> calls = new ArrayList<>();
        List<MarkedFrames> frames = new ArrayList<>();
        for (int i = 0; i < spec.calls(); i++) {
            sleepUntil(start + spec.ramp().toNanos() * i / spec.calls());
            MarkedFrames marked = new MarkedFrames(measureFrom, muLaw);
            Call call = new Call(CallSpec.stream(spec.streamUrl()).keepHeardAudio(false), options, streams);
            call.media(marked);
            call.playListener(marked);
            call.startStream(attributes);
            calls.add(call);
            frames.add(marked);
        }
        long cpuBefore = processCpuNanos();
        long stallsBefore = streams.ticker().stalls();
        sleepUntil(measureFrom);
        long cpuFrom = processCpuNanos();
        sleepUntil(end);
        long cpuUsed = processCpuNanos() - cpuFrom;
        long wall = System.nanoTime() - measureFrom;
        long cutoff = System.nanoTime() - TimeUnit.SECONDS.toNanos(1);
        int connected = (int) calls.stream()
                .filter(call -> !call.record().streamIds().isEmpty())
                .count();
        calls.forEach(call -> call.end(new CallRecord.Hangup("Load Run Over", "", "Vobiz")));
        long stalls = streams.ticker().stalls() - stallsBefore;
        return report(frames, connected, wall, cutoff, cpuBefore < 0 ? -1 : cpuUsed, stalls);
    }

    private LoadReport report(
            List<MarkedFrames> frames, int connected, long wallNanos, long cutoff, long cpuNanos, long stalls) {
        long sent = 0;
        long returned = 0;
        long lost = 0;
        long outOfOrder = 0;
        long unmatched = 0;
        List<int[]> perCall = new ArrayList<>();
        for (MarkedFrames marked : frames) {
            sent += marked.sent();
            returned += marked.received();
            lost += marked.lostBefore(cutoff);
            outOfOrder += marked.outOfOrder();
            unmatched += marked.unmatched();
            perCall.add(marked.latenciesMicros());
        }
        int[] all = perCall.stream().flatMapToInt(Arrays::stream).sorted().toArray();
        int cores = Runtime.getRuntime().availableProcessors();
        double cpu = cpuNanos < 0 ? -1 : 100.0 * cpuNanos / wallNanos / cores;
        return new LoadReport(
                spec.streamUrl(),
                spec.calls(),
                connected,
                wallNanos / 1e9,
                sent,
                returned,
                lost,
                outOfOrder,
                unmatched,
                percentile(all, 50),
                percentile(all, 90),
                percentile(all, 99),
                all.length == 0 ? 0 : all[all.length - 1] / 1000.0,
                cpu,
                stalls);
    }

    private static double percentile(int[] sorted, double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
