package com.rateup.webhooks.platform.control;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * A duration setting: ISO-8601 under {@code key} ({@code PT5S}), or a number of {@code aliasUnit}
 * under {@code alias}, the key it had before durations were ISO-8601 everywhere, so no deployment
 * breaks on upgrade. The key wins when both are set. Its default is written here and nowhere else
 * (not in microprofile-config.properties: a default there would hide an alias set by an operator).
 */
public record DurationSetting(String key, String alias, ChronoUnit aliasUnit, Duration defaultValue) {

    public Duration from(Config config) {
        return from(name -> config.getOptionalValue(name, String.class));
    }

    /** {@code lookup}: a setting's text by its name, if it is set. */
    public Duration from(Function<String, Optional<String>> lookup) {
        return lookup.apply(key).map(value -> parse(key, value))
                .or(() -> lookup.apply(alias).map(amount -> Duration.of(parseAmount(alias, amount), aliasUnit)))
                .orElse(defaultValue);
    }

    private static long parseAmount(String alias, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(alias + "=" + value + " is not a whole number", e);
        }
    }

    private static Duration parse(String key, String value) {
        try {
            return Duration.parse(value.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + "=" + value + " is not an ISO-8601 duration (e.g. PT5S, PT10M, PT24H)", e);
        }
    }
}
