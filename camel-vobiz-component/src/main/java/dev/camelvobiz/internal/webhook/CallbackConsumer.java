package dev.camelvobiz.internal.webhook;

import dev.camelvobiz.VobizEndpoint;
import dev.camelvobiz.internal.server.HttpCall;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * {@code vobiz:callback}: status callbacks ({@code StartStream}, {@code PlayedStream}, …) and hang-up
 * webhooks as exchanges; any {@code Event} value is accepted (protocol §14.10). Replies 204 at once
 * after the route, as the platform expects a quick 2xx.
 */
public class CallbackConsumer extends WebhookConsumer {

    public CallbackConsumer(VobizEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    protected void reply(Exchange exchange, WebhookRequest webhook, HttpCall call) {
        call.reply(204, null, null);
    }
}
