package dev.camelvobiz.examples.campaign;

/** A call request that cannot be placed as it is (no id, no valid number, nothing to say). */
public class InvalidCallRequest extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidCallRequest(String reason) {
        super(reason);
    }
}
