/**
 * A Vobiz platform on a laptop, written from the protocol (docs/PROTOCOL.md) and sharing no code with the
 * component: {@link dev.camelvobiz.emulator.Emulator} places calls ({@link dev.camelvobiz.emulator.CallSpec}),
 * fetches answers, streams real-time media, plays what the app sends, serves the REST API, posts signed
 * callbacks, and records everything ({@link dev.camelvobiz.emulator.CallRecord}). Those, the options, the
 * observer and the load mode are its public API; the call flow, stream sockets and REST handler are not.
 */
package dev.camelvobiz.emulator;
