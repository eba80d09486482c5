/**
 * A Vobiz platform on a laptop, written from the protocol (docs/PROTOCOL.md) and sharing no code with the
 * component: {@link dev.camelvobiz.emulator.Emulator} places calls ({@link dev.camelvobiz.emulator.CallSpec}),
 * fetches answers, streams real-time media, plays what the app sends, serves the REST API, posts signed
 * callbacks, and records everything ({@link dev.camelvobiz.emulator.record.CallRecord}). This package, with
 * {@code record}, {@code audio}, {@code junit}, {@code console} and {@code cli}, is the public API; {@code
 * answer}, {@code http}, {@code stream}, {@code call} and {@code rest} are the platform's machinery.
 */
package dev.camelvobiz.emulator;
