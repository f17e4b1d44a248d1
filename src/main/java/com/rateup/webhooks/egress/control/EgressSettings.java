package com.rateup.webhooks.egress.control;

import com.rateup.webhooks.webhooks.control.SsrfProtection;
import java.net.URI;
import java.util.Optional;

/** What both servers' delivery clients are built with: the attempt's time budget, the egress proxy, the address rules. */
record EgressSettings(long timeoutMs, Optional<URI> proxy, SsrfProtection ssrf) {
}
