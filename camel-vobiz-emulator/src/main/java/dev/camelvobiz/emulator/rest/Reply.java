package dev.camelvobiz.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;

/** A REST answer: its status and JSON body (null for none, as with 204). */
record Reply(int status, JsonNode body) {}
