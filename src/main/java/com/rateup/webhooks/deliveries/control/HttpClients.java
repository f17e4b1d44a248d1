package com.rateup.webhooks.deliveries.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * JAX-RS clients for the delivery POSTs, each lent to one attempt at a time and kept for the next
 * one, so connections are reused. Not one shared client: RESTEasy (WildFly) gives a client built
 * with the standard {@code ClientBuilder} a single connection, which concurrent attempts would
 * fight over. A client whose answer was not read to its end is closed instead of kept: closing
 * the client drops its connection, while closing the answer would make RESTEasy's Apache
 * HttpClient read the rest, forever if it never ends. Jersey (Payara) is fine either way.
 */
@ApplicationScoped
public class HttpClients {

    @Inject
    DeliveryPolicy policy;

    private final Queue<Client> idle = new ConcurrentLinkedQueue<>();

    public Client borrow() {
        Client client = idle.poll();
        return client != null ? client : build();
    }

    /** The attempt read its answer to the end: the connection can carry the next one. */
    public void giveBack(Client client) {
        idle.offer(client);
    }

    /** The answer was cut short (too long, too slow, broken): the client and its connection go. */
    public void discard(Client client) {
        client.close();
    }

    /** Jersey streams with a fixed length (see {@link WebhookPoster}) only when the request carries it in a header. */
    public boolean wantsLengthHeader(Client client) {
        return client.getClass().getName().startsWith("org.glassfish.jersey");
    }

    private Client build() {
        long timeoutMs = policy.timeoutMs();
        return ClientBuilder.newBuilder()
                .connectTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                .readTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                // a redirect is a failed attempt (DESIGN 4): following one could also lead to an internal address.
                // RESTEasy follows none unless told to.
                .property("jersey.config.client.followRedirects", false)
                // streamed with its length: HttpURLConnection (Jersey's default connector) silently re-sends a
                // buffered POST whose connection fails, which would be an unrecorded duplicate delivery
                .property("jersey.config.client.httpUrlConnector.useFixedLengthStreaming", true)
                .build();
    }

    @PreDestroy
    void closeAll() {
        for (Client client = idle.poll(); client != null; client = idle.poll()) {
            client.close();
        }
    }
}
