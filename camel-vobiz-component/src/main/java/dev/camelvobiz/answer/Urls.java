package dev.camelvobiz.answer;

import java.net.URI;

/** Checks shared by several elements. */
final class Urls {

    private Urls() {}

    static void requireHttp(XmlElement element, String what, String url) {
        String scheme;
        try {
            scheme = url == null ? null : URI.create(url.trim()).getScheme();
        } catch (IllegalArgumentException e) {
            scheme = null;
        }
        if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
            throw element.invalid(what, "'" + url + "' is not an http(s) URL");
        }
    }

    static void requireNonNegative(XmlElement element, String attribute) {
        String value = element.attribute(attribute);
        if (value != null && Integer.parseInt(value) < 0) {
            throw element.invalid(attribute, "must not be negative");
        }
    }
}
