package dev.camelvobiz.examples.scaleout;

import org.apache.camel.Exchange;

/** What the brain reports as it works: the demo prints it, the tests check it, the benchmark times it. */
public interface BrainObserver {

    /** Every event the brain reads, with its headers as on a vobiz consumer's exchange. */
    void eventSeen(Exchange event);

    /** A greeting's awaited checkpoint, once the instance holding the call reported its outcome. */
    void greeted(Exchange checkpoint);

    /** A media frame echoed: its play completed {@code nanos} after the brain sent it. */
    void answered(Exchange play, long nanos);
}
