package io.touchpoint.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips PostgreSQL runs when no server is reachable on a developer machine, and fails them in CI,
 * where PostgreSQL tests must run.
 */
public class StoreAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!TestStores.postgres()) {
            return ConditionEvaluationResult.enabled("embedded store");
        }
        String reason = TestStores.pgUnreachableReason();
        if (reason == null) {
            return ConditionEvaluationResult.enabled("PostgreSQL reachable");
        }
        if (TestStores.pgRequired()) {
            throw new IllegalStateException(reason + " (PostgreSQL tests are required here: CI=true)");
        }
        return ConditionEvaluationResult.disabled(reason + " — PostgreSQL tests skipped on this machine");
    }
}
