package dev.camelvobiz.internal.forward;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelvobiz.VobizEndpointKind;
import dev.camelvobiz.internal.stream.StreamCommand;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** A forwarded command keeps the options of the endpoint it was sent to. */
class ForwardMessagesTest {

    @Test
    void aForwardedCommandKeepsItsOptions() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            Exchange exchange = new DefaultExchange(camel);
            exchange.getMessage().setBody(new byte[] {1, 2});
            for (StreamCommand sent : new StreamCommand[] {
                new StreamCommand(VobizEndpointKind.PLAY, null, 0, 0, null, true),
                new StreamCommand(VobizEndpointKind.PLAY, null, 0, 0, null, false),
                new StreamCommand(VobizEndpointKind.STOP, null, 0, 7_000, null, false),
                new StreamCommand(VobizEndpointKind.CHECKPOINT, null, 5_000, 0, null, false)
            }) {
                ObjectNode entry = ForwardMessages.command("id-1", sent, "s-1", null, exchange.getMessage());
                StreamCommand received = ForwardMessages.commandOf(entry);
                assertThat(received.kind()).isEqualTo(sent.kind());
                assertThat(received.roomTone()).as("roomTone of %s", sent).isEqualTo(sent.roomTone());
                assertThat(received.awaitMillis()).isEqualTo(sent.awaitMillis());
                assertThat(received.afterPlayedMillis()).isEqualTo(sent.afterPlayedMillis());
            }
        }
    }
}
