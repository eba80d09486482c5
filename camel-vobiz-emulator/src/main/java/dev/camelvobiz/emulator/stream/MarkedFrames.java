package dev.camelvobiz.emulator.stream;

import dev.camelvobiz.emulator.audio.WireFormat;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Load mode's media: each frame carries its chunk number in its first bytes, so the {@code playAudio}
 * that echoes it can be matched exactly (round trip, loss, order). In L16 each marker byte fills both
 * bytes of a sample, so an app that swaps byte order still echoes a readable marker.
 */
public final class MarkedFrames implements MediaSource, PlayAudioListener {

    private static final int WINDOW = 1 << 13; // 164 s of sends remembered per call

    private final long[] sentNanos = new long[WINDOW];
    private final BitSet returned = new BitSet();
    private final long measureFromNanos;
    private final boolean muLaw;
    private int[] latenciesMicros = new int[256];
    private int latencyCount;
    private long sent;
    private long received;
    private long outOfOrder;
    private long unmatched;
    private long highestReturned = -1;

    public MarkedFrames(long measureFromNanos, boolean muLaw) {
        this.measureFromNanos = measureFromNanos;
        this.muLaw = muLaw;
    }

    @Override
    public synchronized byte[] nextFrame(WireFormat format, long chunk) {
        byte[] frame = new byte[format.bytesPer20Millis()];
        if (format.isMuLaw()) {
            Arrays.fill(frame, (byte) 0xFF);
        }
        for (int i = 0; i < 4; i++) {
            byte marker = (byte) (chunk >>> (24 - 8 * i));
            if (format.isMuLaw()) {
                frame[i] = marker;
            } else {
                frame[2 * i] = marker;
                frame[2 * i + 1] = marker;
            }
        }
        sentNanos[(int) (chunk % WINDOW)] = System.nanoTime();
        sent = chunk + 1;
        return frame;
    }

    @Override
    public synchronized void onPlayAudio(byte[] payload, long arrivalNanos) {
        received++;
        long chunk = marker(payload);
        if (chunk < 0 || chunk >= sent || sent - chunk > WINDOW) {
            unmatched++;
            return;
        }
        if (chunk < highestReturned) {
            outOfOrder++;
        }
        highestReturned = Math.max(highestReturned, chunk);
        returned.set((int) chunk);
        long sentAt = sentNanos[(int) (chunk % WINDOW)];
        if (sentAt >= measureFromNanos) {
            if (latencyCount == latenciesMicros.length) {
                latenciesMicros = Arrays.copyOf(latenciesMicros, latencyCount * 2);
            }
            latenciesMicros[latencyCount++] = (int) Math.min(Integer.MAX_VALUE, (arrivalNanos - sentAt) / 1000);
        }
    }

    private long marker(byte[] payload) {
        if (muLaw) {
            return payload.length < 4 ? -1 : bigEndianInt(payload[0], payload[1], payload[2], payload[3]);
        }
        if (payload.length < 8
                || payload[0] != payload[1]
                || payload[2] != payload[3]
                || payload[4] != payload[5]
                || payload[6] != payload[7]) {
            return -1;
        }
        return bigEndianInt(payload[0], payload[2], payload[4], payload[6]);
    }

    private static long bigEndianInt(byte b3, byte b2, byte b1, byte b0) {
        return ((b3 & 0xFFL) << 24) | ((b2 & 0xFFL) << 16) | ((b1 & 0xFFL) << 8) | (b0 & 0xFFL);
    }

    public synchronized long sent() {
        return sent;
    }

    public synchronized long received() {
        return received;
    }

    public synchronized long outOfOrder() {
        return outOfOrder;
    }

    public synchronized long unmatched() {
        return unmatched;
    }

    /** Frames sent before {@code cutoffNanos} whose echo never arrived. */
    public synchronized long lostBefore(long cutoffNanos) {
        long forgotten = Math.max(0, sent - WINDOW); // sent long before any cutoff
        long lost = forgotten - returned.get(0, (int) forgotten).cardinality();
        for (long chunk = forgotten; chunk < sent; chunk++) {
            if (sentNanos[(int) (chunk % WINDOW)] < cutoffNanos && !returned.get((int) chunk)) {
                lost++;
            }
        }
        return lost;
    }

    public synchronized int[] latenciesMicros() {
        return Arrays.copyOf(latenciesMicros, latencyCount);
    }
}
