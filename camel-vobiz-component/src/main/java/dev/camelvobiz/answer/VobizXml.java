package dev.camelvobiz.answer;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A VobizXML answer document, built and checked in Java:
 *
 * <pre>{@code
 * VobizXml.response()
 *         .stream("wss://example.com/media", s -> s.bidirectional(true).keepCallAlive(true))
 *         .speak("Goodbye");
 * }</pre>
 *
 * Elements run top to bottom; attributes at their defaults are left out. {@link #toXml()} refuses what
 * Vobiz would reject at call time, naming the element and attribute (protocol §2, §9, §10).
 */
public final class VobizXml extends XmlElement {

    /** Vobiz refuses larger answers. */
    public static final int MAX_BYTES = 100 * 1024;

    private VobizXml() {
        super("Response");
    }

    public static VobizXml response() {
        return new VobizXml();
    }

    public VobizXml stream(String url) {
        return stream(url, stream -> {});
    }

    public VobizXml stream(String url, Consumer<Stream> attributes) {
        attributes.accept(add(new Stream(url)));
        return this;
    }

    public VobizXml speak(String text) {
        return speak(text, speak -> {});
    }

    public VobizXml speak(String text, Consumer<Speak> attributes) {
        attributes.accept(add(new Speak(text)));
        return this;
    }

    public VobizXml play(String url) {
        return play(url, play -> {});
    }

    public VobizXml play(String url, Consumer<Play> attributes) {
        attributes.accept(add(new Play(url)));
        return this;
    }

    /** {@code <Wait length="seconds"/>}. */
    public VobizXml waitFor(int seconds) {
        return waitFor(wait -> wait.length(seconds));
    }

    public VobizXml waitFor(Consumer<Wait> attributes) {
        attributes.accept(add(new Wait()));
        return this;
    }

    public VobizXml gather(String action, Consumer<Gather> gather) {
        gather.accept(add(new Gather(action)));
        return this;
    }

    public VobizXml dial(Consumer<Dial> dial) {
        dial.accept(add(new Dial()));
        return this;
    }

    public VobizXml record(Consumer<Record> attributes) {
        attributes.accept(add(new Record()));
        return this;
    }

    public VobizXml conference(String room) {
        return conference(room, conference -> {});
    }

    public VobizXml conference(String room, Consumer<Conference> attributes) {
        attributes.accept(add(new Conference(room)));
        return this;
    }

    public VobizXml redirect(String url) {
        return redirect(url, redirect -> {});
    }

    public VobizXml redirect(String url, Consumer<Redirect> attributes) {
        attributes.accept(add(new Redirect(url)));
        return this;
    }

    public VobizXml hangup() {
        return hangup(hangup -> {});
    }

    public VobizXml hangup(Consumer<Hangup> attributes) {
        attributes.accept(add(new Hangup()));
        return this;
    }

    public VobizXml preAnswer(Consumer<PreAnswer> preAnswer) {
        preAnswer.accept(add(new PreAnswer()));
        return this;
    }

    public VobizXml dtmf(String digits) {
        return dtmf(digits, dtmf -> {});
    }

    public VobizXml dtmf(String digits, Consumer<Dtmf> attributes) {
        attributes.accept(add(new Dtmf(digits)));
        return this;
    }

    /** Adds an element built elsewhere (the YAML data form). */
    VobizXml append(XmlElement element) {
        add(element);
        return this;
    }

    /** The checked document, compact, without an XML declaration. */
    public String toXml() {
        checkCharacters();
        validate();
        String xml = toString();
        int bytes = xml.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new InvalidAnswerException("<Response> is " + bytes + " bytes; Vobiz refuses answers over 100 KB");
        }
        return xml;
    }
}
