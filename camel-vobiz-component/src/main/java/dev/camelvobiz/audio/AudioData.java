package dev.camelvobiz.audio;

/** Audio that carries its own format: a body {@code vobiz:play} converts without being told the format. */
public record AudioData(byte[] audio, AudioFormat format) {}
