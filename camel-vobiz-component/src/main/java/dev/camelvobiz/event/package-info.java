/**
 * The typed bodies of stream events ({@code start}, {@code playedStream}, {@code closed}, …) and their type
 * converters. <b>Public API.</b>
 */
package dev.camelvobiz.event;
