/**
 * HTTP requests from the platform (answer_url, callbacks): reading them liberally, checking signatures and
 * replays, and the {@code vobiz:callback} consumer. Machinery.
 */
package dev.camelvobiz.internal.webhook;
