package dev.camelvobiz.emulator;

/** An answer document Vobiz would not run; the call is dropped with "Invalid Answer XML". */
final class InvalidAnswerException extends Exception {

    InvalidAnswerException(String message) {
        super(message);
    }
}
