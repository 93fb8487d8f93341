package io.touchpoint.platform;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * Every {@code touchpoint.*} setting, documented in docs/configuration.md. Environment variables
 * named in API.md are mapped onto these in application.properties.
 */
@ConfigurationProperties("touchpoint")
public record TouchpointProperties(
        @DefaultValue("./touchpoint-data") Path dataDir,
        @DefaultValue Db db,
        @DefaultValue Writer writer,
        @DefaultValue Admin admin,
        @DefaultValue Bootstrap bootstrap,
        @DefaultValue Http http,
        @DefaultValue Security security,
        @DefaultValue Demo demo,
        @DefaultValue Feedback feedback) {

    /** PostgreSQL connection; empty url means the embedded DuckDB store under the data directory. */
    public record Db(String url, String user, String password, @DefaultValue("10") int poolSize) {

        public Db {
            if (poolSize < 1) {
                throw new StartupConfigurationException("touchpoint.db.pool-size must be at least 1, was " + poolSize);
            }
        }

        public boolean external() {
            return StringUtils.hasText(url);
        }
    }

    /**
     * Embedded-store writer: bounded queue, group size, and how much write-ahead log DuckDB gathers
     * before it checkpoints (writes the changes into the database file; ADR 0030).
     */
    public record Writer(
            @DefaultValue("10000") int queueCapacity,
            @DefaultValue("512") int maxBatch,
            @DefaultValue("64MB") DataSize checkpointThreshold) {
        public Writer {
            if (checkpointThreshold.toMegabytes() < 1) {
                throw new StartupConfigurationException(
                        "touchpoint.writer.checkpoint-threshold must be at least 1MB, was " + checkpointThreshold);
            }
            if (queueCapacity < 1) {
                throw new StartupConfigurationException(
                        "touchpoint.writer.queue-capacity must be at least 1, was " + queueCapacity);
            }
            if (maxBatch < 1) {
                throw new StartupConfigurationException(
                        "touchpoint.writer.max-batch must be at least 1, was " + maxBatch);
            }
        }
    }

    /** First admin user created at first start when no user exists. */
    public record Admin(String email, String password) {}

    /** API keys registered for the default workspace at first start (automation). */
    public record Bootstrap(String secretKey, String writeKey) {}

    /** Limits on incoming requests. */
    public record Http(@DefaultValue("1MB") DataSize maxRequestSize, @DefaultValue("32MB") DataSize maxUploadSize) {}

    /** Login throttling and session cookie settings. */
    public record Security(
            @DefaultValue("true") boolean secureCookie,
            @DefaultValue("5") int freeLoginAttempts,
            @DefaultValue("30s") Duration firstLockout,
            @DefaultValue("15m") Duration maxLockout) {}

    /** Demo data generator settings ({@code --demo}). */
    public record Demo(
            @DefaultValue("42") long seed, @DefaultValue("2000") int customers, @DefaultValue("20000") int orders) {}

    /**
     * Survey distribution: the address respondents reach Touchpoint at (links in emails), the
     * sender of invitations, how often triggers and due sends are checked, and how long personal
     * links stay valid.
     */
    public record Feedback(
            @DefaultValue("http://localhost:8080") String publicUrl,
            @DefaultValue("Touchpoint <no-reply@touchpoint.local>") String mailFrom,
            @DefaultValue("10s") Duration pollInterval,
            @DefaultValue("30d") Duration linkValidity) {

        public Feedback {
            if (pollInterval.isNegative() || pollInterval.isZero()) {
                throw new StartupConfigurationException("touchpoint.feedback.poll-interval must be positive");
            }
            publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        }
    }
}
