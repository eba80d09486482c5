package dev.camelvobiz.answer;

/** An enum constant that is written as a protocol value (e.g. {@code audio/x-l16;rate=8000}). */
public interface WireValue {

    String wireValue();
}
