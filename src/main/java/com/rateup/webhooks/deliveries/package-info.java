/**
 * Delivery of responses to webhook endpoints, at least once.
 *
 * <p>The {@code Outbox} writes a {@code Delivery} row, with its payload frozen, in the intake's
 * transaction and hands it to the {@code DeliveryDispatcher} after commit. The dispatcher's
 * bounded EJB threads run {@code DeliveryAttempts}: one signed POST per attempt through the
 * {@code WebhookPoster} (MicroProfile {@code @Timeout}), retried by MicroProfile {@code @Retry}
 * after growing intervals. Each attempt is recorded. A delivery is owned through a lease in its
 * row, so the {@code DeliverySweep} can resume work a crash interrupted without ever running two
 * attempts of one delivery at once. See docs/adr/0001.
 */
package com.rateup.webhooks.deliveries;
