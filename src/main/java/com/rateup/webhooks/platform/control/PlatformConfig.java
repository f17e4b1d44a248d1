package com.rateup.webhooks.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
    @ConfigProperty(name = "rateup.api.max-body-bytes", defaultValue = "65536")
    long maxBodyBytes;

    /** The build's version (filtered into microprofile-config.properties); "dev" outside a build. */
    @Inject
    @ConfigProperty(name = "rateup.version", defaultValue = "dev")
    String version;

    public String databaseUrl() {
        return databaseUrl;
    }

    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    public String version() {
        return version;
    }
}
