package dev.camelvobiz.emulator.stream;

import dev.camelvobiz.emulator.http.Callbacks;
import org.eclipse.jetty.websocket.core.client.WebSocketCoreClient;

/**
 * What every stream of one emulator shares, handed down by it rather than looked up.
 *
 * @param ticker the media clock that paces every socket
 * @param webSockets the client stream sockets connect with
 * @param callbacks posts the status callbacks
 * @param authId the account's auth id, which callbacks carry as {@code ParentAuthID}
 */
public record StreamServices(Ticker ticker, WebSocketCoreClient webSockets, Callbacks callbacks, String authId) {}
