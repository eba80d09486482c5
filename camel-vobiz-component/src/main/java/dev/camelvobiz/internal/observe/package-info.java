/**
 * What an operator sees: Micrometer meters, the health check, the {@code vobiz} dev console, secret masking of
 * every console, and logging of peers' mistakes (escaped, rate-limited). Machinery.
 */
package dev.camelvobiz.internal.observe;
