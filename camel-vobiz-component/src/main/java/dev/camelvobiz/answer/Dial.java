package dev.camelvobiz.answer;

import static dev.camelvobiz.answer.DataValues.bool;
import static dev.camelvobiz.answer.DataValues.integer;
import static dev.camelvobiz.answer.DataValues.string;

import dev.camelvobiz.answer.AnswerEnums.HttpMethod;

/** {@code <Dial>}: connect the caller to numbers or SIP users ({@code <Number>}, {@code <User>} children). */
public final class Dial extends XmlElement {

    Dial() {
        super("Dial");
    }

    public Dial number(String number) {
        add(new DialTarget("Number", number));
        return this;
    }

    public Dial user(String sipUri) {
        add(new DialTarget("User", sipUri));
        return this;
    }

    public Dial action(String url, HttpMethod method) {
        attribute("action", url, null);
        attribute("method", method, HttpMethod.POST);
        return this;
    }

    public Dial callerId(String callerId) {
        attribute("callerId", callerId, null);
        return this;
    }

    public Dial callerName(String callerName) {
        attribute("callerName", callerName, null);
        return this;
    }

    public Dial timeout(int seconds) {
        attribute("timeout", seconds, null);
        return this;
    }

    public Dial timeLimit(int seconds) {
        attribute("timeLimit", seconds, 14400);
        return this;
    }

    public Dial hangupOnStar(boolean hangupOnStar) {
        attribute("hangupOnStar", hangupOnStar, false);
        return this;
    }

    public Dial redirect(boolean redirect) {
        attribute("redirect", redirect, true);
        return this;
    }

    public Dial confirmSound(String url, String key, int timeoutSeconds) {
        attribute("confirmSound", url, null);
        attribute("confirmKey", key, null);
        attribute("confirmTimeout", timeoutSeconds, 120);
        return this;
    }

    public Dial dialMusic(String url) {
        attribute("dialMusic", url, null);
        return this;
    }

    public Dial callbackUrl(String url, HttpMethod method) {
        attribute("callbackUrl", url, null);
        attribute("callbackMethod", method, HttpMethod.POST);
        return this;
    }

    public Dial digitsMatch(String patterns) {
        attribute("digitsMatch", patterns, null);
        return this;
    }

    public Dial digitsMatchBLeg(String patterns) {
        attribute("digitsMatchBLeg", patterns, null);
        return this;
    }

    public Dial sipHeaders(String headers) {
        attribute("sipHeaders", headers, null);
        return this;
    }

    @Override
    protected void validate() {
        if (children().isEmpty()) {
            throw invalid("children", "dial at least one number() or user()");
        }
        super.validate();
    }

    @Override
    boolean addChild(String element, Object value) {
        switch (element) {
            case "number" -> number(string(value));
            case "user" -> user(string(value));
            default -> {
                return false;
            }
        }
        return true;
    }

    /** {@code <Number>} or {@code <User>} inside a Dial. */
    static final class DialTarget extends XmlElement {

        DialTarget(String name, String target) {
            super(name);
            text(target);
        }

        @Override
        protected void validate() {
            if (text() == null || text().isBlank()) {
                throw invalid("text", "empty");
            }
        }
    }

    @Override
    void set(String attribute, Object value) {
        switch (attribute) {
            case "action" -> action(string(value), HttpMethod.POST);
            case "callerId" -> callerId(string(value));
            case "callerName" -> callerName(string(value));
            case "timeout" -> timeout(integer(value));
            case "timeLimit" -> timeLimit(integer(value));
            case "hangupOnStar" -> hangupOnStar(bool(value));
            case "redirect" -> redirect(bool(value));
            case "dialMusic" -> dialMusic(string(value));
            case "sipHeaders" -> sipHeaders(string(value));
            default -> throw noSuchAttribute(attribute);
        }
    }
}
