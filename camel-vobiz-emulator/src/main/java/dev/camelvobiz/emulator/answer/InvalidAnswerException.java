package dev.camelvobiz.emulator.answer;

/** An answer document Vobiz would not run; the call is dropped with "Invalid Answer XML". */
public final class InvalidAnswerException extends Exception {

    InvalidAnswerException(String message) {
        super(message);
    }
}
