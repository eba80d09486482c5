/**
 * A JUnit 5 extension that starts an emulator for a test class.
 */
package dev.camelvobiz.emulator.junit;
