package io.touchpoint.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The writer's filter of stored keys against a real (in-memory) DuckDB table. */
class StoredKeysTest {

    private final UUID shop = UUID.fromString("01900000-0000-7000-8000-000000000001");
    private final UUID other = UUID.fromString("01900000-0000-7000-8000-000000000002");
    private Connection connection;
    private WriteContext tx;

    @BeforeEach
    void open() throws Exception {
        connection = DriverManager.getConnection("jdbc:duckdb:");
        tx = new WriteContext(
                JdbcClient.create(new SingleConnectionDataSource(connection, true)),
                connection,
                Dialect.DUCKDB,
                null,
                new TransactionHooks());
        tx.jdbc()
                .sql("create table orders (workspace_id uuid, order_id varchar)")
                .update();
        for (int i = 0; i < 1_000; i++) {
            tx.jdbc()
                    .sql("insert into orders values (?, ?)")
                    .params(shop, "o-" + i)
                    .update();
        }
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
    }

    @Test
    void everyStoredKeyMayBeStoredAndFewAbsentOnesDo() {
        StoredKeys keys = new StoredKeys("select order_id from orders where workspace_id = ?");
        for (int i = 0; i < 1_000; i++) {
            assertThat(keys.mayBeStored(tx, shop, "o-" + i)).as("o-" + i).isTrue();
        }
        int falsePositives = 0;
        for (int i = 1_000; i < 11_000; i++) {
            falsePositives += keys.mayBeStored(tx, shop, "o-" + i) ? 1 : 0;
        }
        assertThat(falsePositives).as("0.1 % of 10,000 expected").isLessThan(50);
        assertThat(keys.mayBeStored(tx, other, "o-1"))
                .as("another workspace's keys")
                .isFalse();
    }

    @Test
    void aKeyStoredSinceTheLoadIsKnownAndAnOverfullFilterIsLoadedAgainFromTheTable() {
        StoredKeys keys = new StoredKeys("select order_id from orders where workspace_id = ?");
        assertThat(keys.mayBeStored(tx, shop, "new-order")).isFalse();
        keys.stored(shop, "new-order");
        assertThat(keys.mayBeStored(tx, shop, "new-order")).isTrue();
        // told of more keys than it was sized for (100,000 at least), the filter is dropped and the
        // next question reads the table, where none of them is
        for (int i = 0; i < StoredKeys.MIN_EXPECTED; i++) {
            keys.stored(shop, "told-" + i);
        }
        assertThat(keys.mayBeStored(tx, shop, "new-order")).isFalse();
        assertThat(keys.mayBeStored(tx, shop, "o-999")).isTrue();
    }
}
