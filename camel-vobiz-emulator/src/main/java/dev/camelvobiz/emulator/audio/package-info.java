/**
 * The emulator's own audio: PCM, μ-law, WAV, wire formats and caller voices ({@link
 * dev.camelvobiz.emulator.audio.AudioSource}), independent of the component's.
 */
package dev.camelvobiz.emulator.audio;
