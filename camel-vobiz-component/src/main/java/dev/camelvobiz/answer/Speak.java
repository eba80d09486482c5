package dev.camelvobiz.answer;

import static dev.camelvobiz.answer.DataValues.constant;
import static dev.camelvobiz.answer.DataValues.integer;
import static dev.camelvobiz.answer.DataValues.string;

import dev.camelvobiz.answer.AnswerEnums.Voice;

/** {@code <Speak>}: text (or SSML) read out to the caller. */
public final class Speak extends XmlElement {

    Speak(String text) {
        super("Speak");
        text(text);
    }

    public Speak voice(Voice voice) {
        attribute("voice", voice, Voice.WOMAN);
        return this;
    }

    public Speak language(String language) {
        attribute("language", language, "en-US");
        return this;
    }

    /** How many times to say it; 0 repeats until the call moves on. */
    public Speak loop(int times) {
        attribute("loop", times, 1);
        return this;
    }

    @Override
    protected void validate() {
        if (text() == null || text().isBlank()) {
            throw invalid("text", "nothing to say");
        }
        Urls.requireNonNegative(this, "loop");
    }

    @Override
    void set(String attribute, Object value) {
        switch (attribute) {
            case "voice" -> voice(constant(Voice.class, attribute, value));
            case "language" -> language(string(value));
            case "loop" -> loop(integer(value));
            default -> throw noSuchAttribute(attribute);
        }
    }
}
