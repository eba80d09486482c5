package dev.camelvobiz.internal.stream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A position in one JSON message's UTF-8 bytes, read value by value (RFC 8259, nothing lenient about
 * the syntax). Built for the stream's 50 messages per second per call: nothing is made that the reader
 * does not ask for, field names and common values come back as the {@link Vocabulary}'s own strings,
 * and a string value can be handed over as a span of the message (the base64 payload). Every problem
 * is an {@link IllegalArgumentException} saying what was wrong and at which byte.
 */
final class JsonCursor {

    /** What the next value is, from its first byte. */
    enum Kind {
        OBJECT("an object"),
        ARRAY("an array"),
        STRING("a string"),
        NUMBER("a number"),
        TRUE("a boolean"),
        FALSE("a boolean"),
        NULL("null");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    private final byte[] data;
    private final int limit;
    private final Vocabulary vocabulary;
    private final int maxDepth;
    private int position;
    private int depth;
    private boolean firstInContainer;

    // The string value last read by readStringSpan: its raw bytes between the quotes.
    private int spanStart;
    private int spanEnd;
    private boolean spanEscaped;

    JsonCursor(byte[] data, int offset, int length, Vocabulary vocabulary, int maxDepth) {
        this.data = data;
        this.position = offset;
        this.limit = offset + length;
        this.vocabulary = vocabulary;
        this.maxDepth = maxDepth;
    }

    /** The kind of the value that starts at the next non-blank byte. */
    Kind peek() {
        skipBlanks();
        if (position >= limit) {
            throw syntax("unexpected end of input");
        }
        return switch (data[position]) {
            case '{' -> Kind.OBJECT;
            case '[' -> Kind.ARRAY;
            case '"' -> Kind.STRING;
            case 't' -> Kind.TRUE;
            case 'f' -> Kind.FALSE;
            case 'n' -> Kind.NULL;
            case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> Kind.NUMBER;
            default -> throw syntax("expected a value, found " + describeByte());
        };
    }

    /** Whether only blanks are left. */
    boolean atEnd() {
        skipBlanks();
        return position >= limit;
    }

    void beginObject() {
        enter('{');
    }

    /**
     * Moves to the next field of the current object and returns its name, or {@code null} (having left
     * the object) when there is none.
     */
    String nextField() {
        if (!nextMember('}')) {
            return null;
        }
        readStringSpan();
        String name = spanString(null);
        skipBlanks();
        expect(':');
        return name;
    }

    void beginArray() {
        enter('[');
    }

    /** Moves to the next element of the current array; {@code false} (having left it) when none is left. */
    boolean nextElement() {
        return nextMember(']');
    }

    /** The string value here; {@code likely} itself when the value equals it (a known id, read again). */
    String string(String likely) {
        readStringSpan();
        return spanString(likely);
    }

    /** The raw text of the number here (a number written where a string was expected). */
    String numberText() {
        int start = position;
        skipNumber();
        return new String(data, start, position - start, StandardCharsets.US_ASCII);
    }

    /**
     * The integer here.
     *
     * @throws NumberFormatException saying what the number was instead: with a fraction or an
     *     exponent, or too large for a long
     */
    long integer() {
        int start = position;
        boolean whole = skipNumber();
        if (!whole) {
            throw new NumberFormatException("a decimal number");
        }
        return parseLong(start, position);
    }

    /**
     * The integer written as the string here ({@code "1778597597091"}), blanks around it allowed.
     *
     * @throws NumberFormatException when the string is not a decimal long; {@link #lastString()} is it
     */
    long integerInString() {
        readStringSpan();
        if (spanEscaped) {
            return Long.parseLong(lastString().trim());
        }
        int start = spanStart;
        int end = spanEnd;
        while (start < end && (data[start] & 0xFF) <= ' ') {
            start++;
        }
        while (end > start && (data[end - 1] & 0xFF) <= ' ') {
            end--;
        }
        return parseLong(start, end);
    }

    /**
     * Reads the string value here and tells whether its raw bytes can be used as they are (no escapes):
     * {@link #rawBytes()}.
     */
    boolean rawString() {
        readStringSpan();
        return !spanEscaped;
    }

    /** The bytes between the quotes of the string {@link #rawString()} read, as they are in the message. */
    ByteBuffer rawBytes() {
        return ByteBuffer.wrap(data, spanStart, spanEnd - spanStart);
    }

    /** The last string read, its escapes decoded. */
    String lastString() {
        return spanString(null);
    }

    /** Reads past the value here, checking its syntax and nesting like any other. */
    void skipValue() {
        switch (peek()) {
            case OBJECT -> {
                beginObject();
                while (nextField() != null) {
                    skipValue();
                }
            }
            case ARRAY -> {
                beginArray();
                while (nextElement()) {
                    skipValue();
                }
            }
            case STRING -> readStringSpan();
            case NUMBER -> skipNumber();
            case TRUE -> literal("true");
            case FALSE -> literal("false");
            case NULL -> literal("null");
        }
    }

    /** Reads {@code null} (after {@link #peek()} said {@link Kind#NULL}). */
    void skipNull() {
        literal("null");
    }

    /** A decimal long from ASCII digits with an optional minus sign, or NumberFormatException. */
    private long parseLong(int start, int end) {
        byte[] text = data;
        boolean negative = start < end && text[start] == '-';
        int i = negative ? start + 1 : start;
        if (i >= end) {
            throw new NumberFormatException("not a decimal integer");
        }
        long value = 0;
        for (; i < end; i++) {
            int digit = text[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new NumberFormatException("not a decimal integer");
            }
            // accumulate negatively: Long.MIN_VALUE has no positive counterpart
            if (value < (Long.MIN_VALUE + digit) / 10) {
                throw new NumberFormatException("a number out of range of a long");
            }
            value = value * 10 - digit;
        }
        if (!negative) {
            if (value == Long.MIN_VALUE) {
                throw new NumberFormatException("a number out of range of a long");
            }
            value = -value;
        }
        return value;
    }

    // ---- internals -------------------------------------------------------------------------------

    private void enter(char open) {
        skipBlanks();
        expect(open);
        if (++depth > maxDepth) {
            throw new IllegalArgumentException("exceeds JSON limits: nested deeper than " + maxDepth + " levels");
        }
        firstInContainer = true;
    }

    /**
     * Steps over the separator before the next member, or over the closing bracket. One flag serves
     * every level: a nested container is always a member's value, so its parent has had a member.
     */
    private boolean nextMember(char close) {
        skipBlanks();
        if (position < limit && data[position] == close) {
            position++;
            depth--;
            firstInContainer = false;
            return false;
        }
        if (!firstInContainer) {
            expect(',');
            skipBlanks();
        }
        firstInContainer = false;
        return true;
    }

    private void readStringSpan() {
        skipBlanks();
        expect('"');
        spanStart = position;
        spanEscaped = false;
        while (true) {
            if (position >= limit) {
                throw syntax("unterminated string");
            }
            byte b = data[position];
            if (b == '"') {
                spanEnd = position++;
                return;
            }
            if (b == '\\') {
                spanEscaped = true;
                position += escapeLength();
            } else if (b >= 0 && b < 0x20) {
                throw syntax("control character " + describeByte() + " inside a string");
            } else {
                position++;
            }
        }
    }

    /** Checks the escape at {@code position} (a backslash) and returns its length in bytes. */
    private int escapeLength() {
        if (position + 1 >= limit) {
            throw syntax("unterminated string");
        }
        byte kind = data[position + 1];
        if (kind == 'u') {
            for (int i = position + 2; i < position + 6; i++) {
                if (i >= limit || Character.digit(data[i], 16) < 0) {
                    throw syntax("\\u must be followed by four hex digits");
                }
            }
            return 6;
        }
        if ("\"\\/bfnrt".indexOf(kind) < 0) {
            throw syntax("invalid escape \\" + (char) (kind & 0xFF));
        }
        return 2;
    }

    private String spanString(String likely) {
        if (spanEscaped) {
            return unescape(spanStart, spanEnd);
        }
        int length = spanEnd - spanStart;
        if (likely != null && likely.length() == length && sameAscii(likely, spanStart)) {
            return likely;
        }
        String known = vocabulary.find(this, length);
        return known != null ? known : new String(data, spanStart, length, StandardCharsets.UTF_8);
    }

    private boolean sameAscii(String text, int start) {
        for (int i = 0; i < text.length(); i++) {
            if (data[start + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private String unescape(int start, int end) {
        StringBuilder text = new StringBuilder(end - start);
        int run = start; // start of the current stretch of plain UTF-8 bytes
        int i = start;
        while (i < end) {
            if (data[i] != '\\') {
                i++;
                continue;
            }
            text.append(new String(data, run, i - run, StandardCharsets.UTF_8));
            byte kind = data[i + 1];
            switch (kind) {
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' ->
                    text.append((char) Integer.parseInt(new String(data, i + 2, 4, StandardCharsets.US_ASCII), 16));
                default -> text.append((char) kind); // " \ /
            }
            i += kind == 'u' ? 6 : 2;
            run = i;
        }
        return text.append(new String(data, run, end - run, StandardCharsets.UTF_8))
                .toString();
    }

    /** Steps over a number; {@code true} when it is an integer (no fraction, no exponent). */
    private boolean skipNumber() {
        skipBlanks();
        if (position < limit && data[position] == '-') {
            position++;
        }
        if (position < limit && data[position] == '0') {
            position++;
            if (position < limit && data[position] >= '0' && data[position] <= '9') {
                throw syntax("a number may not start with 0 followed by more digits");
            }
        } else if (digits() == 0) {
            throw syntax("expected a digit, found " + describeByte());
        }
        boolean whole = true;
        if (position < limit && data[position] == '.') {
            position++;
            whole = false;
            if (digits() == 0) {
                throw syntax("expected a digit after the decimal point, found " + describeByte());
            }
        }
        if (position < limit && (data[position] == 'e' || data[position] == 'E')) {
            position++;
            whole = false;
            if (position < limit && (data[position] == '+' || data[position] == '-')) {
                position++;
            }
            if (digits() == 0) {
                throw syntax("expected a digit in the exponent, found " + describeByte());
            }
        }
        return whole;
    }

    private int digits() {
        int start = position;
        while (position < limit && data[position] >= '0' && data[position] <= '9') {
            position++;
        }
        return position - start;
    }

    private void literal(String word) {
        skipBlanks();
        for (int i = 0; i < word.length(); i++) {
            if (position >= limit || data[position] != word.charAt(i)) {
                throw syntax("expected '" + word + "'");
            }
            position++;
        }
    }

    private void expect(char wanted) {
        if (position >= limit || data[position] != wanted) {
            throw syntax("expected '" + wanted + "', found " + describeByte());
        }
        position++;
    }

    private void skipBlanks() {
        while (position < limit) {
            byte b = data[position];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return;
            }
            position++;
        }
    }

    private String describeByte() {
        if (position >= limit) {
            return "the end of input";
        }
        int b = data[position] & 0xFF;
        return b >= 0x20 && b < 0x7F ? "'" + (char) b + "'" : String.format("byte 0x%02X", b);
    }

    private IllegalArgumentException syntax(String problem) {
        return new IllegalArgumentException("not valid JSON: " + problem + " at byte " + position);
    }

    /**
     * The strings a reader expects to meet often (field names, event names, tracks), handed back as
     * these very instances instead of a new string per message.
     */
    static final class Vocabulary {

        private final String[][] byLength;

        Vocabulary(String... words) {
            int longest = 0;
            for (String word : words) {
                longest = Math.max(longest, word.length());
            }
            byLength = new String[longest + 1][];
            for (String word : words) {
                String[] same = byLength[word.length()];
                String[] grown = same == null ? new String[1] : Arrays.copyOf(same, same.length + 1);
                grown[grown.length - 1] = word;
                byLength[word.length()] = grown;
            }
        }

        private String find(JsonCursor cursor, int length) {
            if (length >= byLength.length || byLength[length] == null) {
                return null;
            }
            for (String word : byLength[length]) {
                if (cursor.sameAscii(word, cursor.spanStart)) {
                    return word;
                }
            }
            return null;
        }
    }
}
