package io.touchpoint.platform;

/** A setting that makes start-up impossible; reported as one clear message, without a stack trace. */
public class StartupConfigurationException extends RuntimeException {

    public StartupConfigurationException(String message) {
        super(message);
    }
}
