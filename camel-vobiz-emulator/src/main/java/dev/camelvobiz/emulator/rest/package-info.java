/** The Audio Streams REST API (protocol §8) the app calls, over the emulator's calls. Machinery. */
package dev.camelvobiz.emulator.rest;
