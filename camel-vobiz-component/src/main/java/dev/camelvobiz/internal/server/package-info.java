/**
 * The shared event-loop server (Vert.x): one per host:port, serving every consumer's path; connection
 * deadlines, TLS, the worker pool and per-call lanes. Machinery.
 */
package dev.camelvobiz.internal.server;
