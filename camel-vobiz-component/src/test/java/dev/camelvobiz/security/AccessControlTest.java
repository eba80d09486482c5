package dev.camelvobiz.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.camelvobiz.internal.server.AddressAllowList;
import dev.camelvobiz.test.VobizPeer;
import dev.camelvobiz.test.VobizTestSupport;
import java.net.InetAddress;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/** Who may open a stream socket: source addresses, a connection cap, before any upgrade. */
class AccessControlTest extends VobizTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(streamUri("&allowedAddresses=10.0.0.0/8,192.0.2.7")).to("mock:elsewhere");
                from("vobiz:stream" + onThisServer() + "&path=/local&allowedAddresses=127.0.0.0/8,::1")
                        .to("mock:local");
                from("vobiz:stream" + onThisServer() + "&path=/one&maxConnections=1")
                        .to("mock:one");
            }
        };
    }

    private void assertRefused(String path, int status) {
        assertThatThrownBy(() -> VobizPeer.connect(port, path, "s", "c"))
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOfSatisfying(
                        WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).as(path).isEqualTo(status));
    }

    @Test
    void aSourceOutsideTheAllowListGets403AndNoSocket() {
        assertRefused("/media", 403);
        assertThat(getMockEndpoint("mock:elsewhere").getReceivedCounter()).isZero();
        try (VobizPeer allowed = VobizPeer.start(port, "/local", "s-local", "c-local")) {
            MockEndpoint local = getMockEndpoint("mock:local");
            await().until(() -> local.getReceivedCounter() == 1);
        }
    }

    @Test
    void connectionsOverTheCapGet503UntilOneCloses() {
        MockEndpoint one = getMockEndpoint("mock:one");
        try (VobizPeer first = VobizPeer.start(port, "/one", "s-1", "c-1")) {
            await().until(() -> one.getReceivedCounter() == 1);
            assertRefused("/one", 503);
        }
        await().untilAsserted(() -> {
            try (VobizPeer again = VobizPeer.start(port, "/one", "s-2", "c-2")) {
                assertThat(again).isNotNull();
            }
        });
    }

    @Test
    void theAllowListMatchesAddressesAndRangesAndRefusesTypos() throws Exception {
        AddressAllowList list = new AddressAllowList("10.0.0.0/8, 192.0.2.7, 2001:db8::/32");
        assertThat(list.allows(InetAddress.getByName("10.200.3.4"))).isTrue();
        assertThat(list.allows(InetAddress.getByName("11.0.0.1"))).isFalse();
        assertThat(list.allows(InetAddress.getByName("192.0.2.7"))).isTrue();
        assertThat(list.allows(InetAddress.getByName("192.0.2.8"))).isFalse();
        assertThat(list.allows(InetAddress.getByName("2001:db8:1::5"))).isTrue();
        assertThat(list.allows(InetAddress.getByName("2001:db9::5"))).isFalse();
        assertThat(new AddressAllowList("").allows(InetAddress.getByName("203.0.113.1")))
                .isTrue();
        assertThatThrownBy(() -> new AddressAllowList("vobiz.example.com")).hasMessageContaining("not an IP address");
        assertThatThrownBy(() -> new AddressAllowList("10.0.0.0/33")).hasMessageContaining("prefix length");
    }
}
