/**
 * A call's streams, Vobiz's side: one {@link dev.camelvobiz.emulator.stream.StreamLeg} per {@code <Stream>}
 * across its reconnects, one {@link dev.camelvobiz.emulator.stream.StreamSocket} per connection (real-time
 * media from the shared {@link dev.camelvobiz.emulator.stream.Ticker}, playback, checkpoints, the strict
 * reading of the app's commands), and the message shapes. What a stream needs is handed in: its call as a
 * {@link dev.camelvobiz.emulator.stream.CallLine} and the emulator's {@link
 * dev.camelvobiz.emulator.stream.StreamServices}. Machinery.
 */
package dev.camelvobiz.emulator.stream;
