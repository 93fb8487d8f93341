package io.touchpoint.platform;

/** The addressed resource does not exist in the caller's workspace; answered as 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
