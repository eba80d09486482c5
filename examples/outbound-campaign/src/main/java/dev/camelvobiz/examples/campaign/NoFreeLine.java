package dev.camelvobiz.examples.campaign;

/** Every line stayed busy for longer than the campaign waits for one. */
public class NoFreeLine extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NoFreeLine(String reason) {
        super(reason);
    }
}
