package com.rateup.webhooks.egress.control;

import jakarta.ws.rs.client.ClientBuilder;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.net.URL;
import java.util.Optional;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.client.ClientProperties;
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
    static ClientBuilder handingConnectionsToTheirDeadline(ClientBuilder jersey, Optional<URI> proxy) {
        ClientConfig config = new ClientConfig().connectorProvider(new HttpUrlConnectorProvider()
                .useFixedLengthStreaming()
                .connectionFactory(new HandedToTheirDeadline()));
        // through the proxy: plain HTTP forwarded, HTTPS tunnelled with CONNECT (TLS stays end to end)
        proxy.ifPresent(address -> config.property(ClientProperties.PROXY_URI, address.toString()));
        return jersey.withConfig(config);
    }

    /** Both ways Jersey opens a connection: directly, and through the proxy it was given. */
    private static final class HandedToTheirDeadline implements HttpUrlConnectorProvider.ConnectionFactory {

        @Override
        public HttpURLConnection getConnection(URL url) throws IOException {
            return getConnection(url, null);
        }

        @Override
        public HttpURLConnection getConnection(URL url, Proxy proxy) throws IOException {
            HttpURLConnection connection = (HttpURLConnection) (proxy == null ? url.openConnection() : url.openConnection(proxy));
            AttemptDeadlines.opened(connection);
            return connection;
        }
    }
}
