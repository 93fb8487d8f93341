package io.touchpoint.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.touchpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Settings of the store's connections that queries rely on. */
class StoreSessionIT extends IntegrationTest {

    @Autowired
    Store store;

    @Test
    void postgresqlConnectionsRunWithoutJit() {
        assumeTrue(store.dialect() == Dialect.POSTGRESQL, "PostgreSQL only");
        // JIT compiling cost more than running the short analytic metric queries (ADR 0024)
        assertThat(store.reads().sql("show jit").query(String.class).single()).isEqualTo("off");
    }
}
