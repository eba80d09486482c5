package dev.camelvobiz.emulator.answer;

import java.util.List;
import java.util.Map;

/**
 * One element of an answer document: a VobizXML element, or a MiniVoice action mapped onto the same
 * verbs. {@code verb} is the XML element name (MiniVoice actions keep their own names).
 */
public record Instruction(String verb, Map<String, String> attributes, String text, List<Instruction> children) {

    public String attribute(String name, String fallback) {
        String value = attributes.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    public boolean flag(String name, boolean fallback) {
        String value = attributes.get(name);
        return value == null || value.isBlank() ? fallback : Boolean.parseBoolean(value.trim());
    }

    /** An integer attribute; a value that is not an integer counts as {@code fallback}. */
    public int number(String name, int fallback) {
        String value = attributes.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
