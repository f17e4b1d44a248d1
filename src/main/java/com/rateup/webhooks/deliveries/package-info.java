/**
 * What a team does with a webhook's deliveries, written once for every webhook (docs/adr/0010): the
 * per-webhook routes ({@code WebhookOperations}: the log with search and paging, redelivery of one and in
 * bulk, backfill, the recovery jobs, the test event, the receiver check, the endpoint's figures), the
 * recovery jobs that move on in the background ({@code DeliveryJobs}, {@code DeliveryJobRunner}), the
 * receiver check ({@code ReceiverCheck}) and the retention of deliveries, jobs and figures
 * ({@code DeliveryRetention}). The top of the delivery core: {@code outbox} holds the rows and the words
 * used here, {@code dispatch} sends them (docs/adr/0001).
 *
 * <p>On the component map (docs/architecture.md, "Where things are"; checked by ArchitectureTest): uses {@code dispatch},
 * {@code health}, {@code egress}, {@code outbox}, {@code responses}, {@code webhooks}, {@code surveys},
 * {@code teams} and {@code platform}; only {@code admin} uses it.
 */
package com.rateup.webhooks.deliveries;
