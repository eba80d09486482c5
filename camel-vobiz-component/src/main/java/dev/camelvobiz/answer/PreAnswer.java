package dev.camelvobiz.answer;

import static dev.camelvobiz.answer.DataValues.integer;
import static dev.camelvobiz.answer.DataValues.string;

import java.util.function.Consumer;

/** {@code <PreAnswer>}: early media before the call is answered: Speak, Play and Wait only. */
public final class PreAnswer extends XmlElement {

    PreAnswer() {
        super("PreAnswer");
    }

    public PreAnswer speak(String text) {
        return speak(text, speak -> {});
    }

    public PreAnswer speak(String text, Consumer<Speak> attributes) {
        attributes.accept(add(new Speak(text)));
        return this;
    }

    public PreAnswer play(String url) {
        add(new Play(url));
        return this;
    }

    public PreAnswer waitFor(int seconds) {
        add(new Wait()).length(seconds);
        return this;
    }

    @Override
    boolean addChild(String element, Object value) {
        switch (element) {
            case "speak" -> speak(string(value));
            case "play" -> play(string(value));
            case "wait" -> waitFor(integer(value));
            default -> {
                return false;
            }
        }
        return true;
    }
}
