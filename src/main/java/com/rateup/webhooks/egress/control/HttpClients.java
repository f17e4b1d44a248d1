package com.rateup.webhooks.egress.control;

import com.rateup.webhooks.outbox.control.DeliveryPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * JAX-RS clients for the delivery POSTs, each lent to one attempt at a time and kept for the next
 * one, so connections are reused. Not one shared client: RESTEasy (WildFly) gives a client built
 * with the standard {@code ClientBuilder} a single connection, which concurrent attempts would
 * fight over. The two implementations also part ways on an answer that was not read to its end:
 * Jersey (Payara, on HttpURLConnection) drops the connection when the answer is closed, RESTEasy's
 * Apache HttpClient reads the rest first to reuse it, forever if the answer never ends; there the
 * client is closed instead, which drops its connection (ADR 0005).
 */
@ApplicationScoped
public class HttpClients {

    @Inject
    DeliveryPolicy policy;

    /**
     * Jersey logs a warning on every request that sets {@code Content-Length}, which the
     * JDK's HttpURLConnection restricts: one log line per delivery. Here the header only tells
     * Jersey to stream with a fixed length, and HttpURLConnection then writes it itself, so this
     * warning (and only this one) is dropped. Held here: the log manager keeps loggers weakly.
     */
    private static final Logger JERSEY_CONNECTOR_LOG = Logger.getLogger("org.glassfish.jersey.client.internal.HttpUrlConnector");

    private final Queue<Client> idle = new ConcurrentLinkedQueue<>();

    @PostConstruct
    void dropRestrictedHeaderWarning() {
        JERSEY_CONNECTOR_LOG.setFilter(entry -> entry.getMessage() == null || !entry.getMessage().contains("sun.net.http.allowRestrictedHeaders"));
    }

    public Client borrow() {
        Client client = idle.poll();
        return client != null ? client : build();
    }

    /** Ends the attempt's answer and takes the client back, or closes it if its connection must go. */
    public void giveBack(Client client, Response answer, boolean readToTheEnd) {
        if (readToTheEnd || isJersey(client)) {
            closeQuietly(answer);
            idle.offer(client);
        } else {
            client.close();
            closeQuietly(answer);
        }
    }

    /** The attempt failed before an answer: the connection may be broken. */
    public void discard(Client client) {
        client.close();
    }

    /** Jersey streams with a fixed length (see {@link WebhookPoster}) only when the request carries it in a header. */
    public boolean wantsLengthHeader(Client client) {
        return isJersey(client);
    }

    /** How an attempt's connection is cut at its deadline (AttemptDeadlines): by closing the client on RESTEasy; Jersey's connection is handed over. */
    public boolean cutByClosing(Client client) {
        return !isJersey(client);
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

    private Client build() {
        long timeoutMs = policy.timeoutMs();
        ClientBuilder builder = ClientBuilder.newBuilder();
        Optional<URI> proxy = policy.proxy();
        if (isJersey(builder)) {
            builder = JerseyConnections.handingConnectionsToTheirDeadline(builder, proxy);
        } else if (proxy.isPresent()) {
            // RESTEasy's own names (ResteasyClientBuilder.PROPERTY_PROXY_*), set as plain properties: no RESTEasy class named here
            builder.property("org.jboss.resteasy.jaxrs.client.proxy.host", proxy.get().getHost())
                    .property("org.jboss.resteasy.jaxrs.client.proxy.port", proxy.get().getPort())
                    .property("org.jboss.resteasy.jaxrs.client.proxy.scheme", proxy.get().getScheme());
        }
        // a backstop: the attempt's deadline (AttemptDeadlines) ends it as a whole
        return builder
                .connectTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                .readTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                // a redirect is a failed attempt (README, What a receiver gets): following one could also lead to an internal address.
                // RESTEasy follows none unless told to.
                .property("jersey.config.client.followRedirects", false)
                .build();
    }

    @PreDestroy
    void closeAll() {
        for (Client client = idle.poll(); client != null; client = idle.poll()) {
            client.close();
        }
    }
}
