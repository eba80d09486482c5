/**
 * What happened on an emulated call, for a person and for a test: the {@link
 * dev.camelvobiz.emulator.record.CallRecord} (timeline, checkpoints, callbacks, streams, the hangup, a WAV of
 * what the caller heard), the {@link dev.camelvobiz.emulator.record.CallObserver} that hears it live, and the
 * caller's {@link dev.camelvobiz.emulator.record.PlaybackQueue}. <b>Public API</b>: tests read a record; the
 * platform writes it (its recording methods are for the emulator's own packages).
 */
package dev.camelvobiz.emulator.record;
