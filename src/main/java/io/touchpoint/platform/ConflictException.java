package io.touchpoint.platform;

/** A request that is well-formed but clashes with the current state (a paused survey, a used link); 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String detail) {
        super(detail);
    }
}
