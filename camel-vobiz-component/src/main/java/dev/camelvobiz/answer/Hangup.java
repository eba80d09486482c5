package dev.camelvobiz.answer;

import static dev.camelvobiz.answer.DataValues.constant;
import static dev.camelvobiz.answer.DataValues.integer;

import dev.camelvobiz.answer.AnswerEnums.HangupReason;
import java.util.List;

/** {@code <Hangup>}: end the call (as the first element: reject it unanswered). */
public final class Hangup extends XmlElement {

    Hangup() {
        super("Hangup");
    }

    public Hangup reason(HangupReason reason) {
        attribute("reason", reason, null);
        return this;
    }

    /** Hang up this many seconds from now while the elements after this one run. */
    public Hangup schedule(int seconds) {
        attribute("schedule", seconds, null);
        return this;
    }

    @Override
    protected void validateAt(List<XmlElement> siblings, int index) {
        if (attribute("schedule") != null && index == siblings.size() - 1) {
            throw invalid("schedule", "needs an element after the Hangup to run meanwhile");
        }
    }

    @Override
    void set(String attribute, Object value) {
        switch (attribute) {
            case "reason" -> reason(constant(HangupReason.class, attribute, value));
            case "schedule" -> schedule(integer(value));
            default -> throw noSuchAttribute(attribute);
        }
    }
}
