/**
 * The HTTP attempt: one signed POST ({@code WebhookPoster}, {@code Signatures}) of a {@code WebhookRequest},
 * with one time budget for the whole attempt ({@code AttemptDeadlines}, beside MicroProfile {@code @Timeout},
 * configured once through {@code AttemptTimeoutSource}) and the JAX-RS clients it borrows ({@code HttpClients},
 * {@code DeliveryClient}). What differs between Jersey on Payara and RESTEasy on WildFly is in
 * {@code JerseyConnections} and {@code ResteasyConnections}: both on Apache HttpClient, connecting only to the
 * addresses {@code SsrfProtection} vetted for the connection (docs/adr/0005). It knows nothing of deliveries'
 * rows or retries.
 *
 * <p>On the component map (docs/architecture.md, "Where things are"; checked by ArchitectureTest): uses {@code outbox}
 * (the attempt's result, the timeout setting), {@code webhooks} (the address rules) and {@code platform};
 * {@code dispatch}, {@code deliveries} and {@code admin} use it.
 */
package com.rateup.webhooks.egress;
