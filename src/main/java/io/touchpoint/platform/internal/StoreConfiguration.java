package io.touchpoint.platform.internal;

import io.touchpoint.platform.Store;
import io.touchpoint.platform.TouchpointProperties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** Opens the configured store and migrates it before anything else touches it. */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StoreConfiguration.class);

    @Bean(destroyMethod = "close")
    Store store(TouchpointProperties properties) {
        Store store;
        if (properties.db().external()) {
            if (!properties.db().url().startsWith("jdbc:postgresql:")) {
                throw new StoreUnavailableException(
                        "TOUCHPOINT_DB_URL must be a PostgreSQL JDBC URL, not "
                                + MaskedUrl.of(properties.db().url()),
                        "Use jdbc:postgresql://HOST:5432/DATABASE, or leave TOUCHPOINT_DB_URL empty for the embedded store "
                                + "under --touchpoint.data-dir.",
                        null);
            }
            store = new PostgresStore(properties.db(), properties.writer().maxBatch());
            log.info("Store: PostgreSQL at {}", MaskedUrl.of(properties.db().url()));
        } else {
            DuckDbStore duck = new DuckDbStore(
                    properties.dataDir(),
                    properties.writer().queueCapacity(),
                    properties.writer().maxBatch(),
                    properties.writer().checkpointThreshold());
            log.info("Store: embedded DuckDB at {}", duck.file());
            store = duck;
        }
        migrate(store);
        return store;
    }

    @Bean
    @Primary
    DataSource dataSource(Store store) {
        return store.readDataSource();
    }

    private static void migrate(Store store) {
        var result = Flyway.configure()
                .dataSource(store.readDataSource())
                .locations("classpath:db/migration/" + store.dialect().folder())
                .load()
                .migrate();
        log.info(
                "Store schema at version {} ({} migrations applied now)",
                result.targetSchemaVersion,
                result.migrationsExecuted);
    }
}
