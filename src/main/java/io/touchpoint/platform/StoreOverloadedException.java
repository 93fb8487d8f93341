package io.touchpoint.platform;

/** The store's write queue is full; callers should answer 503 with Retry-After rather than wait. */
public class StoreOverloadedException extends RuntimeException {

    public StoreOverloadedException(String message) {
        super(message);
    }
}
