package com.rateup.webhooks.egress.control;

import com.rateup.webhooks.outbox.control.DeliveryPolicy;
import com.rateup.webhooks.webhooks.control.ClientCertificates;
import com.rateup.webhooks.webhooks.control.SsrfProtection;
import com.rateup.webhooks.webhooks.entity.EndpointAuthentication;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.net.ssl.SSLContext;

/**
 * JAX-RS clients for the delivery POSTs, each lent to one attempt at a time and kept for the next
 * one, so connections are reused: one attempt per client, because ending an attempt at its deadline
 * drops all of its client's connections ({@link DeliveryClient}). Both servers' clients run on Apache
 * HttpClient with a resolver that vets every address a connection goes to ({@link JerseyConnections},
 * {@link ResteasyConnections}); its connection pool reads an answer that was not read to its end before
 * reusing the connection, forever if the answer never ends, so such a client is closed instead (ADR 0005).
 * A webhook whose receiver requires a client certificate gets clients of its own, presenting it.
 */
@ApplicationScoped
public class HttpClients {

    @Inject
    DeliveryPolicy policy;

    @Inject
    SsrfProtection ssrf;

    /** Idle clients by the client certificate they present ("" for none). */
    private final Map<String, Queue<DeliveryClient>> idle = new ConcurrentHashMap<>();
    private final Map<String, SSLContext> identities = new ConcurrentHashMap<>();

    DeliveryClient borrow() {
        return borrow(EndpointAuthentication.NONE);
    }

    /** A client that presents the webhook's client certificate when its receiver requires mutual TLS. */
    DeliveryClient borrow(EndpointAuthentication authentication) {
        String identity = authentication instanceof EndpointAuthentication.Mtls mtls ? fingerprint(mtls) : "";
        DeliveryClient client = idle.computeIfAbsent(identity, none -> new ConcurrentLinkedQueue<>()).poll();
        if (client != null) {
            return client;
        }
        Optional<SSLContext> tls = authentication instanceof EndpointAuthentication.Mtls mtls
                ? Optional.of(identities.computeIfAbsent(identity, key -> ClientCertificates.sslContext(mtls.certificate(), mtls.privateKey())))
                : Optional.empty();
        EgressSettings egress = new EgressSettings(policy.timeoutMs(), policy.proxy(), ssrf, identity, tls);
        ClientBuilder builder = ClientBuilder.newBuilder();
        return isJersey(builder) ? JerseyConnections.pinned(builder, egress) : ResteasyConnections.pinned(builder, egress);
    }

    /** Ends the attempt's answer and takes the client back, or closes it if its connection must go. */
    void giveBack(DeliveryClient client, Response answer, boolean readToTheEnd) {
        if (readToTheEnd) {
            closeQuietly(answer);
            idle.computeIfAbsent(client.identity(), none -> new ConcurrentLinkedQueue<>()).offer(client);
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

    private static String fingerprint(EndpointAuthentication.Mtls mtls) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((mtls.certificate() + "\n" + mtls.privateKey()).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every Java runtime", e);
        }
    }

    @PreDestroy
    void closeAll() {
        idle.values().forEach(clients -> {
            for (DeliveryClient client = clients.poll(); client != null; client = clients.poll()) {
                client.close();
            }
        });
    }
}
