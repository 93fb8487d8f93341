package io.touchpoint.platform.internal;

import java.io.IOException;

/** A request body grew past the configured limit while it was read. */
class PayloadTooLargeException extends IOException {

    PayloadTooLargeException(long limit) {
        super("The request body is larger than the limit of " + limit + " bytes");
    }
}
