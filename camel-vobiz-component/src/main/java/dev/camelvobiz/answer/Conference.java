package dev.camelvobiz.answer;

import static dev.camelvobiz.answer.DataValues.bool;
import static dev.camelvobiz.answer.DataValues.integer;

import dev.camelvobiz.answer.AnswerEnums.HttpMethod;

/** {@code <Conference>}: join a room (created on first join; the name is case-sensitive). */
public final class Conference extends XmlElement {

    Conference(String room) {
        super("Conference");
        text(room);
    }

    public Conference muted(boolean muted) {
        attribute("muted", muted, false);
        return this;
    }

    public Conference beep(boolean beep) {
        attribute("beep", beep, true);
        return this;
    }

    public Conference startConferenceOnEnter(boolean start) {
        attribute("startConferenceOnEnter", start, true);
        return this;
    }

    public Conference endConferenceOnExit(boolean end) {
        attribute("endConferenceOnExit", end, false);
        return this;
    }

    public Conference maxParticipants(int participants) {
        attribute("maxParticipants", participants, 200);
        return this;
    }

    public Conference waitSound(String url, HttpMethod method) {
        attribute("waitSound", url, null);
        attribute("waitMethod", method, HttpMethod.POST);
        return this;
    }

    public Conference callbackUrl(String url, HttpMethod method) {
        attribute("callbackUrl", url, null);
        attribute("callbackMethod", method, HttpMethod.POST);
        return this;
    }

    public Conference record(boolean record) {
        attribute("record", record, false);
        return this;
    }

    @Override
    protected void validate() {
        if (text() == null || text().isBlank()) {
            throw invalid("room", "empty");
        }
    }

    @Override
    void set(String attribute, Object value) {
        switch (attribute) {
            case "muted" -> muted(bool(value));
            case "beep" -> beep(bool(value));
            case "startConferenceOnEnter" -> startConferenceOnEnter(bool(value));
            case "endConferenceOnExit" -> endConferenceOnExit(bool(value));
            case "maxParticipants" -> maxParticipants(integer(value));
            case "record" -> record(bool(value));
            default -> throw noSuchAttribute(attribute);
        }
    }
}
