package dev.camelvobiz.examples.realtime;

/**
 * How the agent behaves, the same whatever the service: its instructions, its greeting, its voice and
 * models (service-specific names, from the properties).
 */
public record AgentSettings(String prompt, String greeting, String voice, String thinkModel, String listenModel) {}
