package dev.camelvobiz.answer;

import static dev.camelvobiz.answer.DataValues.bool;

/** {@code <DTMF>}: send tones into the call: digits 0-9, *, #, and w (0.5 s) or W (1 s) pauses. */
public final class Dtmf extends XmlElement {

    Dtmf(String digits) {
        super("DTMF");
        text(digits);
    }

    /** Whether the next element runs while the tones play (default true). */
    public Dtmf async(boolean async) {
        attribute("async", async, true);
        return this;
    }

    @Override
    protected void validate() {
        if (text() == null || !text().matches("[0-9*#wW]+")) {
            throw invalid("digits", "'" + text() + "' holds characters other than 0-9 * # w W");
        }
    }

    @Override
    void set(String attribute, Object value) {
        if (!attribute.equals("async")) {
            throw noSuchAttribute(attribute);
        }
        async(bool(value));
    }
}
