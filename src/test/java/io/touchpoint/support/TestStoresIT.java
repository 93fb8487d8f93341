package io.touchpoint.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Test databases of earlier runs are found by the creation time in their name; younger ones are kept. */
class TestStoresIT {

    @Test
    void onlyTestDatabasesOlderThanSixHoursAreLeftovers() throws Exception {
        assumeTrue(TestStores.pgUnreachableReason() == null || TestStores.pgRequired(), "no PostgreSQL");
        long now = Instant.now().getEpochSecond();
        String old = "tp_test_" + (now - 7 * 3600) + "_0ldcafe0";
        String young = "tp_test_" + (now - 5 * 3600) + "_y0ung000";
        try (Connection admin =
                DriverManager.getConnection(TestStores.pgAdminUrl(), TestStores.pgUser(), TestStores.pgPassword())) {
            try {
                admin.createStatement().execute("create database " + old);
                admin.createStatement().execute("create database " + young);
                assertThat(TestStores.leftovers(admin, now)).contains(old).doesNotContain(young);
                assertThat(TestStores.leftovers(admin, now + 2 * 3600)).contains(old, young);
            } finally {
                admin.createStatement().execute("drop database if exists " + old);
                admin.createStatement().execute("drop database if exists " + young);
            }
        }
    }
}
