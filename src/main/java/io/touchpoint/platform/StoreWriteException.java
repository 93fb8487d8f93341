package io.touchpoint.platform;

/** A write unit failed; nothing of it was committed. */
public class StoreWriteException extends RuntimeException {

    public StoreWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
