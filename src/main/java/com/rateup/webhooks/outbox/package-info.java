/**
 * The deliveries as rows, the base of the delivery core (docs/adr/0001): the {@code Outbox} writes a
 * {@code Delivery} per webhook that receives a response, its payload frozen ({@code PayloadWriter}), in
 * the intake's transaction, and announces it as {@code DeliveryDue} to whoever dispatches. Here too: a
 * delivery's attempts and their typed result ({@code AttemptResult}), the delivery log and its queries
 * ({@code DeliveryLog}, {@code LogQuery}, {@code LogCursor}), and the delivery settings with their
 * defaults ({@code DeliveryPolicy}, {@code RetrySchedule}).
 *
 * <p>Words used across the delivery core ({@code outbox}, {@code egress}, {@code health}, {@code dispatch}, {@code deliveries}), each for one idea:
 * <dl>
 * <dt>delivery</dt><dd>one response to send to one webhook: a row, its id the {@code x-webhook-id}.</dd>
 * <dt>fan-out</dt><dd>the deliveries of one response: one per webhook that receives its survey.</dd>
 * <dt>attempt</dt><dd>one signed POST of a delivery, recorded with its outcome.</dd>
 * <dt>round</dt><dd>a delivery's automatic attempts since it was stored or redelivered by hand: at
 *     most 1 + the retries of {@code rateup.delivery.retry-schedule}; then it is {@code FAILED}.</dd>
 * <dt>lease</dt><dd>who may attempt a delivery now, and until when ({@code lease_owner},
 *     {@code lease_until}); a lease that runs out frees the delivery for the sweep.</dd>
 * <dt>due</dt><dd>a pending delivery whose {@code next_attempt_at} has come.</dd>
 * <dt>admission</dt><dd>permission from the {@code EndpointGate} to dispatch one delivery: a
 *     dispatcher slot, a slot of the team's share, of the endpoint and of its host.</dd>
 * <dt>endpoint</dt><dd>a webhook's URL, the unit of isolation: its slots and its circuit.</dd>
 * <dt>circuit</dt><dd>an endpoint's breaker: open after repeated signs it is down, then probed.</dd>
 * <dt>waiting for the endpoint</dt><dd>a pending delivery whose endpoint did not answer
 *     ({@code unreachable_since}); it goes as soon as the endpoint answers again.</dd>
 * <dt>sweep</dt><dd>the periodic pass that dispatches due deliveries nobody holds.</dd>
 * <dt>endpoint state</dt><dd>how a webhook's endpoint is doing ({@code EndpointState}), kept from its
 *     attempts in hour rows and a summary row, never by reading the attempts (docs/adr/0007).</dd>
 * <dt>alert</dt><dd>a delivery to the team's alert endpoint about a change of a webhook's state or an
 *     exhausted delivery ({@code TeamAlerts}).</dd>
 * <dt>leased delivery, next attempt, webhook request</dt><dd>a delivery in a dispatcher's hands
 *     ({@code LeasedDelivery}), what its next attempt sends and when ({@code NextAttempt}),
 *     and the POST's content and secrets ({@code WebhookRequest}).</dd>
 * </dl>
 *
 * <p>On the component map (docs/architecture.md, "Where things are"; checked by ArchitectureTest): uses {@code
 * responses}, {@code webhooks}, {@code surveys}, {@code teams} and {@code platform}; {@code health},
 * {@code egress}, {@code dispatch}, {@code deliveries}, {@code privacy} and {@code admin} use it.
 */
package com.rateup.webhooks.outbox;
