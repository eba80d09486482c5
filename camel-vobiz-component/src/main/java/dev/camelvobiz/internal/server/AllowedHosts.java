package dev.camelvobiz.internal.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * The names a request may give in its Host header ({@code allowedHosts}): an entry without a port
 * allows that host on any port. Empty allows any Host, which is safe only where the URLs built from
 * it are (a loopback server, or one with a publicUrl).
 */
public final class AllowedHosts {

    private final List<String> entries;

    public AllowedHosts(String list) {
        entries = list == null
                ? List.of()
                : List.of(list.split(",")).stream()
                        .map(entry -> entry.trim().toLowerCase(Locale.ROOT))
                        .filter(entry -> !entry.isEmpty())
                        .toList();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Whether a request with this Host header may go on; a request without one names no host and may. */
    public boolean allows(String hostHeader) {
        if (entries.isEmpty() || hostHeader == null) {
            return true;
        }
        String authority = hostHeader.toLowerCase(Locale.ROOT);
        String host = withoutPort(authority);
        return entries.contains(authority) || entries.contains(host);
    }

    private static String withoutPort(String authority) {
        int colon = authority.lastIndexOf(':');
        return colon > authority.lastIndexOf(']') ? authority.substring(0, colon) : authority;
    }

    /** Whether a server bound to {@code host} is reachable from this machine only. */
    public static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
