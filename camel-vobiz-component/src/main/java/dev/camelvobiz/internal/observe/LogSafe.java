package dev.camelvobiz.internal.observe;

/**
 * Text a peer sent, made safe to write into a log: control characters (line breaks above all) are
 * escaped, so a value cannot end our line and forge the next one or drive a terminal, and a long value
 * is cut, so one field cannot fill the log.
 */
public final class LogSafe {

    /** How much of one peer value is logged. */
    static final int MAX_VALUE_CHARS = 200;

    private LogSafe() {}

    /** One peer-supplied value (an id, a name, an event): escaped, and cut after {@value #MAX_VALUE_CHARS} chars. */
    public static String value(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        if (text.length() <= MAX_VALUE_CHARS) {
            return line(text);
        }
        return line(text.substring(0, MAX_VALUE_CHARS)) + "…(" + text.length() + " chars)";
    }

    /** A whole message that may quote peer values: escaped, not cut. */
    public static String line(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && !escaped(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text; // the common case: nothing to escape, nothing copied
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!escaped(c)) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    /** C0 and C1 controls, DEL, and the Unicode line and paragraph separators. */
    private static boolean escaped(char c) {
        return c < 0x20 || (c >= 0x7f && c < 0xa0) || c == '\u2028' || c == '\u2029';
    }
}
