package io.touchpoint.platform.internal;

import io.touchpoint.platform.StartupConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a bad setting as what to change, not as a stack trace. */
class StartupConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<StartupConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupConfigurationException cause) {
        return new FailureAnalysis(
                cause.getMessage(), "Change the setting named above (see docs/configuration.md).", cause);
    }
}
