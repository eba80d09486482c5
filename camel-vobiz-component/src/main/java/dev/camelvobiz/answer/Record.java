package dev.camelvobiz.answer;

import static dev.camelvobiz.answer.DataValues.bool;
import static dev.camelvobiz.answer.DataValues.constant;
import static dev.camelvobiz.answer.DataValues.integer;
import static dev.camelvobiz.answer.DataValues.string;

import dev.camelvobiz.answer.AnswerEnums.HttpMethod;
import dev.camelvobiz.answer.AnswerEnums.RecordFormat;

/** {@code <Record>}: record the caller (or the whole session); may be combined with a Stream. */
public final class Record extends XmlElement {

    Record() {
        super("Record");
    }

    public Record action(String url, HttpMethod method) {
        attribute("action", url, null);
        attribute("method", method, HttpMethod.POST);
        return this;
    }

    public Record fileFormat(RecordFormat format) {
        attribute("fileFormat", format, RecordFormat.MP3);
        return this;
    }

    public Record maxLength(int seconds) {
        attribute("maxLength", seconds, 60);
        return this;
    }

    /** Seconds of silence that end the recording. */
    public Record timeout(int seconds) {
        attribute("timeout", seconds, 60);
        return this;
    }

    public Record playBeep(boolean beep) {
        attribute("playBeep", beep, true);
        return this;
    }

    public Record finishOnKey(String key) {
        attribute("finishOnKey", key, null);
        return this;
    }

    public Record recordSession(boolean session) {
        attribute("recordSession", session, false);
        return this;
    }

    public Record startOnDialAnswer(boolean start) {
        attribute("startOnDialAnswer", start, false);
        return this;
    }

    public Record redirect(boolean redirect) {
        attribute("redirect", redirect, true);
        return this;
    }

    public Record transcription(String type, String url, HttpMethod method) {
        attribute("transcriptionType", type, null);
        attribute("transcriptionUrl", url, null);
        attribute("transcriptionMethod", method, HttpMethod.POST);
        return this;
    }

    public Record callbackUrl(String url, HttpMethod method) {
        attribute("callbackUrl", url, null);
        attribute("callbackMethod", method, HttpMethod.POST);
        return this;
    }

    @Override
    void set(String attribute, Object value) {
        switch (attribute) {
            case "action" -> action(string(value), HttpMethod.POST);
            case "fileFormat" -> fileFormat(constant(RecordFormat.class, attribute, value));
            case "maxLength" -> maxLength(integer(value));
            case "timeout" -> timeout(integer(value));
            case "playBeep" -> playBeep(bool(value));
            case "finishOnKey" -> finishOnKey(string(value));
            case "recordSession" -> recordSession(bool(value));
            case "startOnDialAnswer" -> startOnDialAnswer(bool(value));
            case "redirect" -> redirect(bool(value));
            default -> throw noSuchAttribute(attribute);
        }
    }
}
