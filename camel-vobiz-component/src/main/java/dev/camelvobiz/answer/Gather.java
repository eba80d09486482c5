package dev.camelvobiz.answer;

import static dev.camelvobiz.answer.DataValues.bool;
import static dev.camelvobiz.answer.DataValues.constant;
import static dev.camelvobiz.answer.DataValues.integer;
import static dev.camelvobiz.answer.DataValues.string;

import dev.camelvobiz.answer.AnswerEnums.HttpMethod;
import dev.camelvobiz.answer.AnswerEnums.InputType;
import java.util.function.Consumer;

/** {@code <Gather>}: collect DTMF or speech, prompting with Speak/Play children; results go to {@code action}. */
public final class Gather extends XmlElement {

    Gather(String action) {
        super("Gather");
        attribute("action", action, null);
    }

    public Gather method(HttpMethod method) {
        attribute("method", method, HttpMethod.POST);
        return this;
    }

    public Gather inputType(InputType type) {
        attribute("inputType", type, InputType.DTMF);
        return this;
    }

    /** Seconds to wait for input, 5 to 60 (default 15). */
    public Gather executionTimeout(int seconds) {
        attribute("executionTimeout", seconds, 15);
        return this;
    }

    public Gather numDigits(int digits) {
        attribute("numDigits", digits, 32);
        return this;
    }

    public Gather finishOnKey(String key) {
        attribute("finishOnKey", key, "#");
        return this;
    }

    public Gather digitEndTimeout(int seconds) {
        attribute("digitEndTimeout", seconds, null);
        return this;
    }

    public Gather speechEndTimeout(int seconds) {
        attribute("speechEndTimeout", seconds, null);
        return this;
    }

    public Gather speechModel(String model) {
        attribute("speechModel", model, null);
        return this;
    }

    public Gather language(String language) {
        attribute("language", language, "en-US");
        return this;
    }

    public Gather hints(String hints) {
        attribute("hints", hints, null);
        return this;
    }

    public Gather interimSpeechResultsCallback(String url, HttpMethod method) {
        attribute("interimSpeechResultsCallback", url, null);
        attribute("interimSpeechResultsCallbackMethod", method, HttpMethod.POST);
        return this;
    }

    public Gather profanityFilter(boolean filter) {
        attribute("profanityFilter", filter, false);
        return this;
    }

    public Gather log(boolean log) {
        attribute("log", log, true);
        return this;
    }

    /** Whether the call continues with the document {@code action} returns (default true). */
    public Gather redirect(boolean redirect) {
        attribute("redirect", redirect, true);
        return this;
    }

    public Gather speak(String text) {
        return speak(text, speak -> {});
    }

    public Gather speak(String text, Consumer<Speak> attributes) {
        attributes.accept(add(new Speak(text)));
        return this;
    }

    public Gather play(String url) {
        add(new Play(url));
        return this;
    }

    @Override
    protected void validate() {
        Urls.requireHttp(this, "action", attribute("action"));
        String timeout = attribute("executionTimeout");
        if (timeout != null && (Integer.parseInt(timeout) < 5 || Integer.parseInt(timeout) > 60)) {
            throw invalid("executionTimeout", timeout + " is outside 5 to 60 seconds");
        }
        super.validate();
    }

    @Override
    void set(String attribute, Object value) {
        switch (attribute) {
            case "method" -> method(constant(HttpMethod.class, attribute, value));
            case "inputType" -> inputType(constant(InputType.class, attribute, value));
            case "executionTimeout" -> executionTimeout(integer(value));
            case "numDigits" -> numDigits(integer(value));
            case "finishOnKey" -> finishOnKey(string(value));
            case "digitEndTimeout" -> digitEndTimeout(integer(value));
            case "speechEndTimeout" -> speechEndTimeout(integer(value));
            case "speechModel" -> speechModel(string(value));
            case "language" -> language(string(value));
            case "hints" -> hints(string(value));
            case "profanityFilter" -> profanityFilter(bool(value));
            case "log" -> log(bool(value));
            case "redirect" -> redirect(bool(value));
            default -> throw noSuchAttribute(attribute);
        }
    }

    @Override
    boolean addChild(String element, Object value) {
        switch (element) {
            case "speak" -> speak(string(value));
            case "play" -> play(string(value));
            default -> {
                return false;
            }
        }
        return true;
    }
}
