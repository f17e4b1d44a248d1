package com.rateup.webhooks.egress.control;

import com.rateup.webhooks.webhooks.control.SsrfProtection;
import jakarta.ws.rs.client.ClientBuilder;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.glassfish.jersey.apache5.connector.Apache5ClientProperties;
import org.glassfish.jersey.apache5.connector.Apache5ConnectorProvider;
import org.glassfish.jersey.apache5.connector.Apache5HttpClientBuilderConfigurator;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.client.RequestEntityProcessing;

/**
 * The delivery client on Jersey (Payara): Jersey's connector on Apache HttpClient 5, packaged in the WAR,
 * whose connections go only to the addresses {@link SsrfProtection#vettedAddresses} checked for them.
 * Called only where Jersey is the JAX-RS client ({@link HttpClients#isJersey}): the only class that
 * names Jersey's or HttpClient 5's types.
 */
final class JerseyConnections {

    private JerseyConnections() {
    }

    static DeliveryClient pinned(ClientBuilder jersey, EgressSettings egress) {
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                // verifies the URL's host name, sends it as SNI; presents the webhook's client certificate, if it has one
                .setTlsSocketStrategy(egress.tls().map(DefaultClientTlsStrategy::new).orElseGet(DefaultClientTlsStrategy::createSystemDefault))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(egress.timeoutMs(), TimeUnit.MILLISECONDS)
                        .setSocketTimeout((int) egress.timeoutMs(), TimeUnit.MILLISECONDS)
                        // a kept-alive connection the receiver closed meanwhile would fail the attempt: checked before each reuse
                        .setValidateAfterInactivity(TimeValue.ofMilliseconds(1))
                        .build());
        if (egress.proxy().isEmpty()) {
            connections.setDnsResolver(new Vetting(egress.ssrf()));
        } // else the only connection is to the proxy, which resolves the endpoint's name
        PoolingHttpClientConnectionManager manager = connections.build();
        ClientConfig config = new ClientConfig()
                .connectorProvider(new Apache5ConnectorProvider())
                .property(Apache5ClientProperties.CONNECTION_MANAGER, manager)
                // with its length, as a receiver expects of a small JSON body
                .property(ClientProperties.REQUEST_ENTITY_PROCESSING, RequestEntityProcessing.BUFFERED)
                // a backstop: the attempt's deadline (AttemptDeadlines) ends it as a whole
                .property(ClientProperties.CONNECT_TIMEOUT, (int) egress.timeoutMs())
                .property(ClientProperties.READ_TIMEOUT, (int) egress.timeoutMs())
                // a redirect is a failed attempt (docs/receiving.md): following one could also lead to an internal address
                .property(ClientProperties.FOLLOW_REDIRECTS, false)
                // retrying is the outbox's business, and recorded: HttpClient 5 would wait out a 429's or 503's
                // Retry-After and send again on its own; and the receiver gets no Accept-Encoding it did not get before
                .register((Apache5HttpClientBuilderConfigurator) http -> http.disableAutomaticRetries().disableContentCompression())
                .register(new TraceHeader(), TraceHeader.LAST);
        // through the proxy: plain HTTP forwarded, HTTPS tunnelled with CONNECT (TLS stays end to end)
        egress.proxy().ifPresent(address -> config.property(ClientProperties.PROXY_URI, address.toString()));
        return new DeliveryClient(jersey.withConfig(config).build(), () -> manager.close(CloseMode.IMMEDIATE), egress.identity());
    }

    private static final class Vetting extends SystemDefaultDnsResolver {

        private final SsrfProtection ssrf;

        Vetting(SsrfProtection ssrf) {
            this.ssrf = ssrf;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return ssrf.vettedAddresses(host);
        }
    }
}
