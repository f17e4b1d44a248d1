package com.rateup.webhooks.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every setting of the platform component the code reads (README, Configuration). The data source's
 * own keys ({@code rateup.db.*}) are also read by the server, from the data source definition on
 * {@link Migrations}, so their defaults are in microprofile-config.properties.
 */
@ApplicationScoped
public class PlatformConfig {

    @Inject
    @ConfigProperty(name = "rateup.db.url")
    String databaseUrl;

    @Inject
    @ConfigProperty(name = "rateup.db.user")
    String databaseUser;

    @Inject
    @ConfigProperty(name = "rateup.db.password")
    String databasePassword;

    /** How often the embedded H2 file is compacted (EmbeddedStoreCompaction). */
    @Inject
    @ConfigProperty(name = "rateup.db.h2-compaction-interval", defaultValue = "PT1S")
    Duration h2CompactionInterval;

    @Inject
    @ConfigProperty(name = "rateup.api.max-body-bytes", defaultValue = "65536")
    long maxBodyBytes;

    /** The build's version (filtered into microprofile-config.properties); "dev" outside a build. */
    @Inject
    @ConfigProperty(name = "rateup.version", defaultValue = "dev")
    String version;

    /**
     * Whether traces are exported: the key MicroProfile Telemetry reads, read here too (Traces), since the servers
     * make spans with real ids even when it is off.
     */
    @Inject
    @ConfigProperty(name = "otel.sdk.disabled", defaultValue = "true")
    boolean tracingDisabled;

    public String databaseUrl() {
        return databaseUrl;
    }

    public String databaseUser() {
        return databaseUser;
    }

    public String databasePassword() {
        return databasePassword;
    }

    public Duration h2CompactionInterval() {
        return h2CompactionInterval;
    }

    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    public String version() {
        return version;
    }

    public boolean tracing() {
        return !tracingDisabled;
    }
}
