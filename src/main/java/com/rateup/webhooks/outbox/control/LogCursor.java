package com.rateup.webhooks.outbox.control;

import com.rateup.webhooks.outbox.entity.Delivery;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a page of a delivery log ended: the last delivery's creation time and id, the log's order
 * (newest first, then id). A page that starts after it sees every older delivery exactly once, however
 * many arrive meanwhile, which offsets cannot promise. Opaque to clients.
 */
public record LogCursor(Instant createdAt, String id) {

    public static LogCursor after(Delivery delivery) {
        return new LogCursor(delivery.createdAt(), delivery.id());
    }

    public String encoded() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
        return Base64.getUrlEncoder().withoutPadding().encodeToString((micros + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Empty when the text is not a cursor this class wrote. */
    public static Optional<LogCursor> parse(String text) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 1 || colon == decoded.length() - 1) {
                return Optional.empty();
            }
            Instant at = Instant.EPOCH.plus(Long.parseLong(decoded.substring(0, colon)), ChronoUnit.MICROS);
            return Optional.of(new LogCursor(at, decoded.substring(colon + 1)));
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
