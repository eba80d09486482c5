/**
 * A running call ({@link dev.camelvobiz.emulator.call.Call}: streams, keypad, voice, how it ends), the
 * {@link dev.camelvobiz.emulator.call.CallFlow} that executes its answer documents, and the load mode's run.
 * Machinery.
 */
package dev.camelvobiz.emulator.call;
