package dev.camelvobiz.api;

/**
 * The answer to {@code getCall}: a call in progress. Vobiz's pages show it in two shapes (flat, with
 * {@code call_status}, {@code direction}, {@code from}, {@code to}; or in a {@code calls} list with
 * {@code call_state}, {@code call_direction}, {@code from_number}, {@code to_number}); either is read.
 *
 * @param requestUuid the id of the {@code makeCall} request that placed it, if it was placed so
 * @param sessionStart when the call began, as the platform writes it
 */
public record LiveCall(
        String callUuid,
        String status,
        String direction,
        String from,
        String to,
        String requestUuid,
        String sessionStart,
        String callerName) {}
