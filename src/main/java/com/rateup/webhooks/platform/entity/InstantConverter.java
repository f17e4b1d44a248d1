package com.rateup.webhooks.platform.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.Instant;

/** Instants as SQL timestamps, the same way on H2 and PostgreSQL. */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, Timestamp> {

    @Override
    public Timestamp convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    @Override
    public Instant convertToEntityAttribute(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** The instant of a query result: aggregates such as {@code min()} bypass the converter and come back as timestamps. */
    public static Instant fromResult(Object value) {
        return value == null || value instanceof Instant ? (Instant) value : ((Timestamp) value).toInstant();
    }
}
