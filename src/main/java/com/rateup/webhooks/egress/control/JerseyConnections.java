package com.rateup.webhooks.egress.control;

import jakarta.ws.rs.client.ClientBuilder;
import java.net.HttpURLConnection;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.client.HttpUrlConnectorProvider;

/**
 * Jersey's (Payara's) default connector on the JDK's HttpURLConnection, with each connection handed
 * to the attempt it serves, so that {@link AttemptDeadlines} can cut it. Called only where Jersey is
 * the JAX-RS client ({@link HttpClients#isJersey}): this class is the only one that names Jersey's.
 */
final class JerseyConnections {

    private JerseyConnections() {
    }

    /**
     * Streamed with its length: HttpURLConnection silently re-sends a buffered POST whose connection
     * fails, which would be an unrecorded duplicate delivery.
     */
    static ClientBuilder handingConnectionsToTheirDeadline(ClientBuilder jersey) {
        return jersey.withConfig(new ClientConfig().connectorProvider(new HttpUrlConnectorProvider()
                .useFixedLengthStreaming()
                .connectionFactory(url -> {
                    HttpURLConnection connection = (HttpURLConnection) url.openConnection();
                    AttemptDeadlines.opened(connection);
                    return connection;
                })));
    }
}
