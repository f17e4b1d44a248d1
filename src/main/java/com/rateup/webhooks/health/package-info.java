/**
 * How each webhook's endpoint is doing and who is told: {@code EndpointHealth} keeps its state and figures
 * from the attempts ({@code AttemptHour} and {@code WebhookHealth} rows, written by {@code HealthBookkeeping};
 * docs/adr/0007), {@code TeamAlerts} writes an alert delivery to every webhook subscribed to its type
 * (announced as {@code DeliveryDue}, like any other), and {@code DeliveryMetrics} serves the pipeline's
 * figures at {@code /metrics}.
 *
 * <p>On the component map (docs/architecture.md, "Where things are"; checked by ArchitectureTest): uses {@code outbox},
 * {@code webhooks}, {@code surveys}, {@code teams} and {@code platform}; {@code dispatch}, {@code deliveries}
 * and {@code admin} use it.
 */
package com.rateup.webhooks.health;
