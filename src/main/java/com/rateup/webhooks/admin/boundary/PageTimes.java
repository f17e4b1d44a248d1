package com.rateup.webhooks.admin.boundary;

import com.rateup.webhooks.platform.boundary.PageMessages;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Times as the pages' date-and-time fields give and take them: {@code 2026-11-30T10:00}, in UTC like every time the pages show. */
final class PageTimes {

    private PageTimes() {
    }

    /** The instant a field gives, null when empty; a value that is not one is shown as an error about the field and gives null. */
    static Instant parse(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            PageMessages.error(null, "time.malformed", field, value);
            return null;
        }
    }

    /** The field's value for an instant, to the minute. */
    static String field(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MINUTES), ZoneOffset.UTC).toString();
    }
}
