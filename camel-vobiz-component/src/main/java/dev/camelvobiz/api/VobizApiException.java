package dev.camelvobiz.api;

/**
 * A REST call that failed: the HTTP status, the platform's error text, and whether sending the same
 * request again is safe ({@link #isRetrySafe()}). Never holds credentials.
 */
public class VobizApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final VobizApiOperation operation;
    private final int statusCode;
    private final String errorText;
    private final boolean retrySafe;

    public VobizApiException(VobizApiOperation operation, int statusCode, String errorText) {
        super("Vobiz " + operation + " failed with HTTP " + statusCode
                + (errorText == null || errorText.isBlank() ? "" : ": " + errorText)
                + (statusCode == 401 ? " (check authId and authToken)" : "")
                + advice(operation, statusCode));
        this.operation = operation;
        this.statusCode = statusCode;
        this.errorText = errorText;
        this.retrySafe = retrySafe(operation, statusCode);
    }

    /** No answer arrived (connection refused, timeout): the outcome is unknown. */
    public VobizApiException(VobizApiOperation operation, String problem, Throwable cause) {
        super("Vobiz " + operation + " failed: " + problem + advice(operation, -1), cause);
        this.operation = operation;
        this.statusCode = -1;
        this.errorText = problem;
        this.retrySafe = retrySafe(operation, -1);
    }

    /**
     * Whether sending the same request again can do no harm: after a 429 the platform refused it, so it
     * took no effect; after a 5xx or no answer at all the outcome is unknown, which is safe to repeat
     * only for operations that are ({@link VobizApiOperation#safeToRetry()}); after any other status the
     * same request would fail again.
     */
    public static boolean retrySafe(VobizApiOperation operation, int statusCode) {
        boolean unknownOutcome = statusCode >= 500 || statusCode == -1;
        return statusCode == 429 || (unknownOutcome && operation.safeToRetry());
    }

    private static String advice(VobizApiOperation operation, int statusCode) {
        if (statusCode == 429) {
            return " (rate limited: the request took no effect; safe to retry later)";
        }
        if (statusCode >= 500 || statusCode == -1) {
            return operation.safeToRetry()
                    ? " (safe to retry)"
                    : " (not retried: the request may have taken effect"
                            + (operation == VobizApiOperation.makeCall ? ", the call may have been placed" : "")
                            + "; check before sending it again)";
        }
        return "";
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

    /** Whether sending the same request again is safe (see {@link #retrySafe(VobizApiOperation, int)}). */
    public boolean isRetrySafe() {
        return retrySafe;
    }
}
