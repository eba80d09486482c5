package dev.camelvobiz.answer;

import static dev.camelvobiz.answer.DataValues.integer;

/** {@code <Play>}: an MP3 or WAV file played to the caller; the URL is the element's text. */
public final class Play extends XmlElement {

    Play(String url) {
        super("Play");
        text(url);
    }

    /** How many times to play it; 0 repeats until the call moves on. */
    public Play loop(int times) {
        attribute("loop", times, 1);
        return this;
    }

    @Override
    protected void validate() {
        Urls.requireHttp(this, "URL", text());
        Urls.requireNonNegative(this, "loop");
    }

    @Override
    void set(String attribute, Object value) {
        if (!attribute.equals("loop")) {
            throw noSuchAttribute(attribute);
        }
        loop(integer(value));
    }
}
