package com.rateup.webhooks.egress.control;

import jakarta.ws.rs.client.Client;

/**
 * A JAX-RS client for the delivery POSTs and how to drop its connections at once, whatever they are
 * doing: what ends an attempt at its deadline ({@link AttemptDeadlines}) and what is done to a client
 * whose connection cannot be reused. {@code identity}: the client certificate it presents, empty for none.
 */
record DeliveryClient(Client client, Runnable dropConnections, String identity) {

    void close() {
        dropConnections.run();
        client.close();
    }
}
