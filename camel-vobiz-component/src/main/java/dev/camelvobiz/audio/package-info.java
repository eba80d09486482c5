/**
 * Telephony audio: formats, μ-law, L16 in either byte order, resampling, 20 ms framing, WAV, voice activity.
 * <b>Public API</b>: routes use {@link dev.camelvobiz.audio.AudioFormat} and {@link dev.camelvobiz.audio.AudioData}.
 */
package dev.camelvobiz.audio;
