package dev.camelvobiz.answer;

import static dev.camelvobiz.answer.DataValues.bool;
import static dev.camelvobiz.answer.DataValues.integer;

/** {@code <Wait>}: a pause; as the first element it delays answering. */
public final class Wait extends XmlElement {

    Wait() {
        super("Wait");
    }

    public Wait length(int seconds) {
        attribute("length", seconds, 1);
        return this;
    }

    /** End the wait early once the caller is silent for {@link #minSilence}. */
    public Wait silence(boolean silence) {
        attribute("silence", silence, false);
        return this;
    }

    public Wait minSilence(int millis) {
        attribute("minSilence", millis, 2000);
        return this;
    }

    /** End the wait on the beep of an answering machine. */
    public Wait beep(boolean beep) {
        attribute("beep", beep, false);
        return this;
    }

    @Override
    protected void validate() {
        if ("true".equals(attribute("silence")) && "true".equals(attribute("beep"))) {
            throw invalid("silence/beep", "are mutually exclusive");
        }
        String length = attribute("length");
        if (length != null && Integer.parseInt(length) < 1) {
            throw invalid("length", "must be at least 1 second");
        }
    }

    @Override
    void set(String attribute, Object value) {
        switch (attribute) {
            case "length" -> length(integer(value));
            case "silence" -> silence(bool(value));
            case "minSilence" -> minSilence(integer(value));
            case "beep" -> beep(bool(value));
            default -> throw noSuchAttribute(attribute);
        }
    }
}
