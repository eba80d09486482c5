/**
 * The command line: {@code call}, {@code stream}, {@code load} and {@code console}.
 */
package dev.camelvobiz.emulator.cli;
