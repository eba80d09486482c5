package dev.camelvobiz.answer;

import java.util.Locale;

/** Reads attribute values of the YAML data form, where YAML may give a number, a boolean or text. */
final class DataValues {

    private DataValues() {}

    static String string(Object value) {
        return value == null ? null : value.toString();
    }

    static String upper(Object value) {
        return string(value).trim().toUpperCase(Locale.ROOT).replace(' ', '_');
    }

    /** {@code true} or {@code false} only: "yes" would otherwise silently mean false. */
    static boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        String text = String.valueOf(value).trim();
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
            throw new InvalidAnswerException("'" + value + "' is not true or false");
        }
        return Boolean.parseBoolean(text);
    }

    static int integer(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw new InvalidAnswerException("'" + value + "' is not a whole number");
        }
    }

    static <E extends Enum<E>> E constant(Class<E> type, String attribute, Object value) {
        try {
            return Enum.valueOf(type, upper(value));
        } catch (IllegalArgumentException e) {
            throw new InvalidAnswerException("'" + value + "' is not a value of " + attribute);
        }
    }
}
