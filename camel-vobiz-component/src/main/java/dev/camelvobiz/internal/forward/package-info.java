/**
 * Scale-out: commands for a call held by another instance travel over a broker ({@code forwardUri}) and
 * complete with the owner's outcome. Machinery, except the exceptions routes may see.
 */
package dev.camelvobiz.internal.forward;
