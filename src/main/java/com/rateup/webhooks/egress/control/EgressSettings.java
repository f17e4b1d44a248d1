package com.rateup.webhooks.egress.control;

import com.rateup.webhooks.webhooks.control.SsrfProtection;
import java.net.URI;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * What both servers' delivery clients are built with: the attempt's time budget, the egress proxy, the
 * address rules, and the client certificate to present ({@code identity}, its fingerprint, and the TLS
 * context holding it; empty and the JDK's default for none).
 */
record EgressSettings(long timeoutMs, Optional<URI> proxy, SsrfProtection ssrf, String identity, Optional<SSLContext> tls) {
}
