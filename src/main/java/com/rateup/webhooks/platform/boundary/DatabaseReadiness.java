package com.rateup.webhooks.platform.boundary;

import com.rateup.webhooks.platform.control.DatabaseOutage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the database answers: without it no response can be accepted. The data source's
 * bounded login and connection-wait times keep this check within a couple of seconds during an outage.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @PersistenceContext
    EntityManager em;

    @Inject
    DatabaseOutage outage;

    @Override
    @Transactional
    public HealthCheckResponse call() {
        try {
            em.createNativeQuery("SELECT 1").getSingleResult();
            outage.answered();
            return HealthCheckResponse.up("database");
        } catch (RuntimeException e) {
            outage.noticed(e);
            return HealthCheckResponse.named("database").down()
                    .withData("reason", DatabaseOutage.reasonOf(e).orElse(e.getClass().getSimpleName()))
                    .withData("since", outage.since().map(Object::toString).orElse(""))
                    .build();
        }
    }
}
