/**
 * Getting deliveries out, at least once: {@code ImmediateDispatch} takes a delivery announced as due when
 * the transaction that stored it commits (the intake's fast path, docs/adr/0009), the {@code DeliverySweep}
 * takes every other due one; both ask the {@code EndpointGate} (slots per team, endpoint and host, circuit
 * breakers) and hand admitted deliveries to the {@code DeliveryDispatcher}'s bounded EJB threads. There
 * {@code DeliveryAttempts} runs the attempts (MicroProfile {@code @Retry}) through {@code egress} and has
 * {@code DeliveryStore} record each and decide what follows, in one place ({@code recordAndContinue}, a sealed
 * {@code AfterAttempt});
 * the writes of concurrent dispatchers share commits ({@code DispatcherWrites}). A delivery is owned
 * through a lease in its row, so the sweep resumes whatever a crash interrupted without two attempts of
 * one delivery at once (docs/adr/0001).
 *
 * <p>On the component map (docs/architecture.md, "Where things are"; checked by ArchitectureTest): uses {@code health},
 * {@code egress}, {@code outbox}, {@code webhooks}, {@code surveys}, {@code teams} and {@code platform};
 * {@code deliveries} and {@code admin} use it.
 */
package com.rateup.webhooks.dispatch;
