package com.rateup.webhooks.platform.control;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink retries a read that fails for a lost connection 3 times, 5 s apart, which held every
 * request 10 s or more while the database was away; it has no persistence unit property for it.
 * Here a retry, if any, is immediate: the pool validates its connections, so waiting would not find
 * a better one, and the caller gets its 503 at once. (EclipseLink 4.0 still retries once with a
 * count of 0.) Registered by {@code eclipselink.session.customizer} in persistence.xml.
 */
public class FailFastQueries implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(0);
            login.setDelayBetweenConnectionAttempts(0);
        }
    }
}
