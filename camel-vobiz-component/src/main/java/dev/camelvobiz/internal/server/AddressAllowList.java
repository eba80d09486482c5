package dev.camelvobiz.internal.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which source addresses may connect: exact addresses and CIDR ranges (IPv4 or IPv6), e.g.
 * {@code 10.0.0.0/8,192.0.2.7,2001:db8::/32}. An empty list allows everyone.
 */
public final class AddressAllowList {

    private record Range(byte[] network, int prefixBits) {}

    private final List<Range> ranges = new ArrayList<>();

    /**
     * @throws IllegalArgumentException for an entry that is not an address or CIDR range (checked at
     *     start-up, so a typo fails the route instead of silently letting nobody or everybody in)
     */
    public AddressAllowList(String spec) {
        if (spec == null || spec.isBlank()) {
            return;
        }
        for (String entry : spec.split(",")) {
            String trimmed = entry.trim();
            int slash = trimmed.indexOf('/');
            byte[] address = parse(slash < 0 ? trimmed : trimmed.substring(0, slash));
            int bits = slash < 0 ? address.length * 8 : Integer.parseInt(trimmed.substring(slash + 1));
            if (bits < 0 || bits > address.length * 8) {
                throw new IllegalArgumentException("Bad prefix length in allowed address '" + trimmed + "'");
            }
            ranges.add(new Range(address, bits));
        }
    }

    private static byte[] parse(String literal) {
        if (!literal.matches("[0-9a-fA-F:.]+")) { // literals only: never a DNS lookup
            throw new IllegalArgumentException("'" + literal + "' is not an IP address");
        }
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + literal + "' is not an IP address", e);
        }
    }

    public boolean allows(InetAddress remote) {
        if (ranges.isEmpty()) {
            return true;
        }
        byte[] address = remote.getAddress();
        for (Range range : ranges) {
            if (range.network().length == address.length && matches(range, address)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(Range range, byte[] address) {
        int bits = range.prefixBits();
        for (int i = 0; i < address.length && bits > 0; i++, bits -= 8) {
            int mask = bits >= 8 ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
            if ((address[i] & mask) != (range.network()[i] & mask)) {
                return false;
            }
        }
        return true;
    }
}
