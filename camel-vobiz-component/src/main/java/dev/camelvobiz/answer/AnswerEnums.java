package dev.camelvobiz.answer;

/** The closed value sets of VobizXML attributes (protocol §2, §10). */
public final class AnswerEnums {

    private AnswerEnums() {}

    /** {@code audioTrack} of {@code <Stream>}. */
    public enum AudioTrack implements WireValue {
        INBOUND,
        OUTBOUND,
        BOTH;

        @Override
        public String wireValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** {@code contentType} of {@code <Stream>}: the format Vobiz sends the caller's audio in. */
    public enum StreamContentType implements WireValue {
        L16_8K("audio/x-l16;rate=8000"),
        L16_16K("audio/x-l16;rate=16000"),
        /** Outbound only: refused on {@code <Stream>} (Vobiz does not connect such a stream). */
        L16_24K("audio/x-l16;rate=24000"),
        MULAW_8K("audio/x-mulaw;rate=8000");

        private final String wire;

        StreamContentType(String wire) {
            this.wire = wire;
        }

        @Override
        public String wireValue() {
            return wire;
        }

        /** The type whose wire value or name is {@code text} (either case, spaces around ignored). */
        public static StreamContentType parse(String text) {
            String trimmed = text.trim();
            for (StreamContentType type : values()) {
                if (type.wire.equalsIgnoreCase(trimmed) || type.name().equalsIgnoreCase(trimmed)) {
                    return type;
                }
            }
            throw new InvalidAnswerException("Stream contentType '" + trimmed + "' is not one of"
                    + " audio/x-l16;rate=8000, audio/x-l16;rate=16000, audio/x-mulaw;rate=8000");
        }
    }

    /** {@code method} attributes. */
    public enum HttpMethod {
        GET,
        POST
    }

    /** {@code voice} of {@code <Speak>}. */
    public enum Voice {
        WOMAN,
        MAN
    }

    /** {@code inputType} of {@code <Gather>}. */
    public enum InputType implements WireValue {
        DTMF("dtmf"),
        SPEECH("speech"),
        DTMF_SPEECH("dtmf speech");

        private final String wire;

        InputType(String wire) {
            this.wire = wire;
        }

        @Override
        public String wireValue() {
            return wire;
        }
    }

    /** {@code reason} of {@code <Hangup>}. */
    public enum HangupReason implements WireValue {
        REJECTED,
        BUSY;

        @Override
        public String wireValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** {@code fileFormat} of {@code <Record>}. */
    public enum RecordFormat implements WireValue {
        MP3,
        WAV;

        @Override
        public String wireValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
