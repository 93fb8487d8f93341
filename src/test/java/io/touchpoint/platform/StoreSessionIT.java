package io.touchpoint.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.touchpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.unit.DataSize;

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

    @Test
    void duckdbCheckpointsAfterTheConfiguredWriteAheadLog() {
        assumeTrue(store.dialect() == Dialect.DUCKDB, "embedded store only");
        // DuckDB's own 16 MB made sustained ingestion checkpoint every second or two (ADR 0030)
        assertThat(store.reads()
                        .sql("select current_setting('checkpoint_threshold')")
                        .query(String.class)
                        .single())
                .isEqualTo("64.0 MiB");
    }

    @Test
    void aCheckpointThresholdBelowOneMegabyteIsRefusedAtStartup() {
        assertThat(new TouchpointProperties.Writer(1, 1, DataSize.ofMegabytes(1)).checkpointThreshold())
                .isEqualTo(DataSize.ofMegabytes(1));
        assertThatThrownBy(() -> new TouchpointProperties.Writer(1, 1, DataSize.ofKilobytes(512)))
                .isInstanceOf(StartupConfigurationException.class)
                .hasMessageContaining("touchpoint.writer.checkpoint-threshold must be at least 1MB");
    }
}
