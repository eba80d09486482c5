package dev.camelvobiz.audio;

/**
 * G.711 μ-law by table: 256 decoded values and a 16 K-entry encode table (indexed by the 14-bit
 * magnitude), built once from the standard algorithm (bias 0x84, clip 32635, bits inverted).
 */
public final class MuLaw {

    private static final short[] DECODE = new short[256];
    private static final byte[] ENCODE = new byte[1 << 14];

    static {
        for (int code = 0; code < 256; code++) {
            int inverted = ~code & 0xFF;
            int magnitude = ((((inverted & 0x0F) << 3) + 0x84) << ((inverted >> 4) & 0x07)) - 0x84;
            DECODE[code] = (short) ((inverted & 0x80) != 0 ? -magnitude : magnitude);
        }
        for (int i = 0; i < ENCODE.length; i++) {
            ENCODE[i] = encodeMagnitude(i << 2);
        }
    }

    private MuLaw() {}

    private static byte encodeMagnitude(int magnitude) {
        int value = Math.min(magnitude, 32635) + 0x84;
        int exponent = 7;
        for (int mask = 0x4000; (value & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (value >> (exponent + 3)) & 0x0F;
        return (byte) ((exponent << 4) | mantissa);
    }

    public static short decode(byte code) {
        return DECODE[code & 0xFF];
    }

    public static byte encode(short sample) {
        int value = sample;
        int sign = 0;
        if (value < 0) {
            value = -value;
            sign = 0x80;
        }
        return (byte) ~(sign | ENCODE[Math.min(value, 32767) >> 2]);
    }
}
