package com.rateup.webhooks.egress.control;

import com.rateup.webhooks.webhooks.control.SsrfProtection;
import jakarta.ws.rs.client.ClientBuilder;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.apache.http.HttpHost;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.DnsResolver;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.impl.conn.SystemDefaultDnsResolver;
import org.jboss.resteasy.client.jaxrs.ResteasyClientBuilder;
import org.jboss.resteasy.client.jaxrs.engines.ApacheHttpClient43Engine;

/**
 * The delivery client on RESTEasy (WildFly): its engine on the server's Apache HttpClient 4.5, whose
 * connections go only to the addresses {@link SsrfProtection#vettedAddresses} checked for them.
 * Called only where RESTEasy is the JAX-RS client: the only class that names RESTEasy's or HttpClient 4's types
 * (the modules are named in WEB-INF/jboss-deployment-structure.xml).
 */
final class ResteasyConnections {

    private ResteasyConnections() {
    }

    static DeliveryClient pinned(ClientBuilder resteasy, EgressSettings egress) {
        int timeoutMs = (int) egress.timeoutMs();
        var sockets = RegistryBuilder.<ConnectionSocketFactory>create()
                .register("http", PlainConnectionSocketFactory.getSocketFactory())
                // verifies the URL's host name, sends it as SNI; presents the webhook's client certificate, if it has one
                .register("https", egress.tls().map(SSLConnectionSocketFactory::new).orElseGet(SSLConnectionSocketFactory::getSystemSocketFactory))
                .build();
        DnsResolver resolver = egress.proxy().isEmpty() ? egress.ssrf()::vettedAddresses
                : SystemDefaultDnsResolver.INSTANCE; // the only connection is to the proxy, which resolves the endpoint's name
        var connections = new PoolingHttpClientConnectionManager(sockets, null, null, resolver, -1, TimeUnit.MILLISECONDS);
        // a kept-alive connection the receiver closed meanwhile would fail the attempt: checked before each reuse
        connections.setValidateAfterInactivity(1);
        HttpClientBuilder http = HttpClientBuilder.create()
                .setConnectionManager(connections)
                .disableAutomaticRetries() // retrying is the outbox's business, and recorded
                .disableCookieManagement()
                .disableContentCompression()
                .setDefaultRequestConfig(RequestConfig.custom() // the timeouts: a backstop to the attempt's deadline (AttemptDeadlines)
                        .setConnectTimeout(timeoutMs)
                        .setSocketTimeout(timeoutMs)
                        .setConnectionRequestTimeout(timeoutMs)
                        .setRedirectsEnabled(false) // a redirect is a failed attempt; following one could lead to an internal address
                        .build());
        // through the proxy: plain HTTP forwarded, HTTPS tunnelled with CONNECT (TLS stays end to end)
        egress.proxy().map(ResteasyConnections::host).ifPresent(http::setProxy);
        var engine = new ApacheHttpClient43Engine(http.build(), true);
        return new DeliveryClient(((ResteasyClientBuilder) resteasy).httpEngine(engine).register(new TraceHeader(), TraceHeader.LAST).build(), connections::shutdown, egress.identity());
    }

    private static HttpHost host(URI proxy) {
        return new HttpHost(proxy.getHost(), proxy.getPort(), proxy.getScheme());
    }
}
