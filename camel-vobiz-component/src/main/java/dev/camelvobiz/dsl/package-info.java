/**
 * The {@code vobiz:} endpoints as typed builders ({@link dev.camelvobiz.dsl.VobizEndpoints}), in the style of
 * Camel's Endpoint DSL. <b>Public API</b>.
 */
package dev.camelvobiz.dsl;
