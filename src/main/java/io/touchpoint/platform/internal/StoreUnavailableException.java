package io.touchpoint.platform.internal;

/** The configured store could not be opened at start; the message says which and why. */
class StoreUnavailableException extends RuntimeException {

    private final String action;

    StoreUnavailableException(String message, String action, Throwable cause) {
        super(message, cause);
        this.action = action;
    }

    String action() {
        return action;
    }
}
