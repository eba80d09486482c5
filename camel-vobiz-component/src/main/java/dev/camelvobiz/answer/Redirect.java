package dev.camelvobiz.answer;

import static dev.camelvobiz.answer.DataValues.constant;

import dev.camelvobiz.answer.AnswerEnums.HttpMethod;

/** {@code <Redirect>}: continue with the document at the URL (the last element that runs). */
public final class Redirect extends XmlElement {

    Redirect(String url) {
        super("Redirect");
        text(url);
    }

    public Redirect method(HttpMethod method) {
        attribute("method", method, HttpMethod.POST);
        return this;
    }

    @Override
    protected void validate() {
        Urls.requireHttp(this, "URL", text());
    }

    @Override
    void set(String attribute, Object value) {
        if (!attribute.equals("method")) {
            throw noSuchAttribute(attribute);
        }
        method(constant(HttpMethod.class, attribute, value));
    }
}
