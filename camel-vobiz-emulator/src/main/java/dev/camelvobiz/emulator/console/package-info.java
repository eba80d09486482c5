/**
 * The web console: a softphone and call viewer in the browser, with its trusted host names.
 */
package dev.camelvobiz.emulator.console;
