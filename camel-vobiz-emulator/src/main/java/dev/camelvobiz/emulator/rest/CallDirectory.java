package dev.camelvobiz.emulator.rest;

import dev.camelvobiz.emulator.CallSpec;
import dev.camelvobiz.emulator.Callee;
import dev.camelvobiz.emulator.call.Call;
import dev.camelvobiz.emulator.call.Outbound;
import java.util.List;
import java.util.Optional;

/** What the REST API needs of the emulator: its calls, and placing new ones. */
public interface CallDirectory {

    /** A call by its CallUUID, live or ended. */
    Optional<Call> find(String callUuid);

    /** The calls answered and not ended. */
    List<Call> live();

    /** How {@code number} responds when dialled. */
    Callee callee(String number);

    /** Places an outbound call and starts its flow (it rings first). */
    Call place(CallSpec spec, Outbound outbound);
}
