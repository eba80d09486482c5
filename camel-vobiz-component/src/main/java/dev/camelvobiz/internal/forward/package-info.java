/**
 * Scale-out: commands for a call held by another instance travel over a broker ({@code forwardUri}) and
 * complete with the owner's outcome. Machinery (the exceptions routes may see are in {@code dev.camelvobiz.stream}).
 */
package dev.camelvobiz.internal.forward;
