package com.rateup.webhooks.outbox.control;

import com.rateup.webhooks.outbox.entity.DeliveryStatus;
import java.time.Instant;

/**
 * Which deliveries of a log to show or act on; a null field does not filter. {@code since} is
 * inclusive and {@code until} exclusive, both on when the delivery was created (its response
 * submitted); {@code statusCode}: one of its attempts got that answer.
 */
public record DeliveryFilter(DeliveryStatus status, Instant since, Instant until, String responseId, Integer statusCode) {

    public static final DeliveryFilter ALL = new DeliveryFilter(null, null, null, null, null);

    public static DeliveryFilter withStatus(DeliveryStatus status) {
        return new DeliveryFilter(status, null, null, null, null);
    }
}
