package dev.camelvobiz.answer;

/**
 * An answer that Vobiz would reject at call time (dropping the call), refused when it is built
 * instead. The message names the element and the attribute.
 */
public class InvalidAnswerException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidAnswerException(String message) {
        super(message);
    }
}
