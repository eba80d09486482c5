package dev.camelvobiz.emulator.call;

/** A transfer asked through the REST API: the call fetches its next answer from {@code url}. */
record Transfer(String url, String method) {}
