package dev.camelvobiz.audio;

import java.nio.ByteOrder;
import java.util.Locale;

/** The byte order of L16 samples, as an option value ({@code big} or {@code little}). */
public enum Endian {
    BIG(ByteOrder.BIG_ENDIAN),
    LITTLE(ByteOrder.LITTLE_ENDIAN);

    private final ByteOrder order;

    Endian(ByteOrder order) {
        this.order = order;
    }

    public ByteOrder order() {
        return order;
    }

    public static Endian of(ByteOrder order) {
        return order == ByteOrder.LITTLE_ENDIAN ? LITTLE : BIG;
    }

    public static Endian parse(String value) {
        String normalised = value.trim().toUpperCase(Locale.ROOT).replace("_ENDIAN", "");
        try {
            return valueOf(normalised);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Byte order '" + value + "' is neither big nor little", e);
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
