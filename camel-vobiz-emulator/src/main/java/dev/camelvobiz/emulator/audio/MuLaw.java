package dev.camelvobiz.emulator.audio;

/** G.711 μ-law, as ITU-T G.711 defines it (bias 0x84, clip 32635, bits inverted on the wire). */
public final class MuLaw {

    private static final int BIAS = 0x84;
    private static final int CLIP = 32635;
    private static final short[] DECODED = new short[256];

    static {
        for (int i = 0; i < 256; i++) {
            int inverted = ~i & 0xFF;
            int sign = inverted & 0x80;
            int exponent = (inverted >> 4) & 0x07;
            int mantissa = inverted & 0x0F;
            int magnitude = (((mantissa << 3) + BIAS) << exponent) - BIAS;
            DECODED[i] = (short) (sign != 0 ? -magnitude : magnitude);
        }
    }

    private MuLaw() {}

    public static short decode(byte encoded) {
        return DECODED[encoded & 0xFF];
    }

    public static byte encode(short sample) {
        int value = sample;
        int sign = value < 0 ? 0x80 : 0;
        if (value < 0) {
            value = -value;
        }
        value = Math.min(value, CLIP) + BIAS;
        int exponent = 7;
        for (int mask = 0x4000; (value & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (value >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }
}
