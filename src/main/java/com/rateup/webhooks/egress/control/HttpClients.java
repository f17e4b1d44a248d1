package com.rateup.webhooks.egress.control;

import com.rateup.webhooks.outbox.control.DeliveryPolicy;
import com.rateup.webhooks.webhooks.control.SsrfProtection;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * JAX-RS clients for the delivery POSTs, each lent to one attempt at a time and kept for the next
 * one, so connections are reused. Not one shared client: RESTEasy (WildFly) gives a client built
 * with the standard {@code ClientBuilder} a single connection, which concurrent attempts would
 * fight over. Both servers' clients run on Apache HttpClient with a resolver that vets every address
 * a connection goes to ({@link JerseyConnections}, {@link ResteasyConnections}); its connection pool
 * reads an answer that was not read to its end before reusing the connection, forever if the answer
 * never ends, so such a client is closed instead, which drops its connection (ADR 0005).
 */
@ApplicationScoped
public class HttpClients {

    @Inject
    DeliveryPolicy policy;

    @Inject
    SsrfProtection ssrf;

    private final Queue<DeliveryClient> idle = new ConcurrentLinkedQueue<>();

    DeliveryClient borrow() {
        DeliveryClient client = idle.poll();
        return client != null ? client : build();
    }

    /** Ends the attempt's answer and takes the client back, or closes it if its connection must go. */
    void giveBack(DeliveryClient client, Response answer, boolean readToTheEnd) {
        if (readToTheEnd) {
            closeQuietly(answer);
            idle.offer(client);
        } else {
            // first the connection, or closing the answer would read the rest; the client last: Jersey's answer
            // cannot be closed once its client is
            client.dropConnections().run();
            closeQuietly(answer);
            client.close();
        }
    }

    /** The attempt failed before an answer: the connection may be broken. */
    void discard(DeliveryClient client) {
        client.close();
    }

    static boolean isJersey(Object clientOrBuilder) {
        return clientOrBuilder.getClass().getName().startsWith("org.glassfish.jersey");
    }

    private static void closeQuietly(Response answer) {
        try {
            answer.close();
        } catch (ProcessingException brokenOrDropped) {
            // the status arrived, the outcome stands
        }
    }

    private DeliveryClient build() {
        EgressSettings egress = new EgressSettings(policy.timeoutMs(), policy.proxy(), ssrf);
        ClientBuilder builder = ClientBuilder.newBuilder();
        return isJersey(builder) ? JerseyConnections.pinned(builder, egress) : ResteasyConnections.pinned(builder, egress);
    }

    @PreDestroy
    void closeAll() {
        for (DeliveryClient client = idle.poll(); client != null; client = idle.poll()) {
            client.close();
        }
    }
}
