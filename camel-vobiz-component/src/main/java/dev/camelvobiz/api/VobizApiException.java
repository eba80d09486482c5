package dev.camelvobiz.api;

/**
 * A REST call that failed: the HTTP status and the platform's error text. Never holds credentials.
 */
public class VobizApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final VobizApiOperation operation;
    private final int statusCode;
    private final String errorText;

    public VobizApiException(VobizApiOperation operation, int statusCode, String errorText) {
        super("Vobiz " + operation + " failed with HTTP " + statusCode
                + (errorText == null || errorText.isBlank() ? "" : ": " + errorText)
                + (statusCode == 401 ? " (check authId and authToken)" : ""));
        this.operation = operation;
        this.statusCode = statusCode;
        this.errorText = errorText;
    }

    public VobizApiException(VobizApiOperation operation, String problem, Throwable cause) {
        super("Vobiz " + operation + " failed: " + problem, cause);
        this.operation = operation;
        this.statusCode = -1;
        this.errorText = problem;
    }

    public VobizApiOperation getOperation() {
        return operation;
    }

    /** The HTTP status, or -1 when no response arrived. */
    public int getStatusCode() {
        return statusCode;
    }

    public String getErrorText() {
        return errorText;
    }
}
