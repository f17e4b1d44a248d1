package com.rateup.webhooks.deliveries.boundary;

import com.rateup.webhooks.outbox.entity.Delivery;
import com.rateup.webhooks.outbox.entity.DeliveryAttempt;
import java.time.Instant;
import java.util.List;

/**
 * A delivery in the log; {@code id} is the {@code x-webhook-id}. The payload only in the single view;
 * {@code reason} says what its attempts do not: why it ended without being delivered (its webhook was deleted),
 * or why a pending one waits (its endpoint has not answered since a given instant); {@code payloadRemoved}
 * ({@code EXPIRED} or {@code ERASED}) why the payload and the receivers' answers are null.
 */
public record DeliveryView(String id, String responseId, String status, Instant createdAt, Instant nextAttemptAt,
        Instant completedAt, String reason, List<AttemptView> attempts, String payload, String payloadRemoved, Instant payloadRemovedAt) {

    static DeliveryView summary(Delivery delivery) {
        return of(delivery, false);
    }

    static DeliveryView detail(Delivery delivery) {
        return of(delivery, true);
    }

    private static DeliveryView of(Delivery delivery, boolean detail) {
        return new DeliveryView(delivery.id(), delivery.responseId(), delivery.status().name(), delivery.createdAt(),
                delivery.nextAttemptAt(), delivery.completedAt(), reasonOf(delivery),
                delivery.attempts().stream().map(a -> AttemptView.of(a, detail)).toList(),
                detail ? delivery.payload() : null, delivery.payloadRemoved().map(Enum::name).orElse(null), delivery.payloadRemovedAt());
    }

    private static String reasonOf(Delivery delivery) {
        if (delivery.unreachableSince() != null) {
            return "waiting for the endpoint since " + delivery.unreachableSince() + ": it has not answered; the delivery goes as soon as it does";
        }
        return delivery.finalReason();
    }

    public record AttemptView(int number, Instant startedAt, long durationMs, Integer statusCode, String error,
            String responseExcerpt) {

        static AttemptView of(DeliveryAttempt attempt, boolean detail) {
            return new AttemptView(attempt.number(), attempt.startedAt(), attempt.durationMs(), attempt.statusCode(),
                    attempt.error(), detail ? attempt.responseExcerpt() : null);
        }
    }
}
