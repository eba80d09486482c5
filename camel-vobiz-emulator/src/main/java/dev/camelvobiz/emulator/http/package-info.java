/**
 * The platform's requests to the app: fetching the answer (retrying an unreachable answer_url as Vobiz
 * does), posting signed status callbacks in order, and the protocol's time formats. Machinery.
 */
package dev.camelvobiz.emulator.http;
