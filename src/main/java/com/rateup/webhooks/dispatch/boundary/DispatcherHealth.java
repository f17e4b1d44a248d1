package com.rateup.webhooks.dispatch.boundary;

import com.rateup.webhooks.dispatch.control.DeliverySweep;
import com.rateup.webhooks.dispatch.control.EndpointGate;
import com.rateup.webhooks.health.control.EndpointHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * The dispatcher is ready while it takes work and its sweep keeps completing; it is live unless the
 * sweep has stopped running for much longer than its interval (a stuck instance that a restart would
 * fix). A database outage makes it not ready, never not live: passes that meet the outage still end,
 * and restarting every instance during a database's maintenance would only drop what is in memory.
 */
@ApplicationScoped
public class DispatcherHealth {

    @Inject
    DeliverySweep sweep;

    @Inject
    EndpointGate gate;

    @Inject
    EndpointHealth health;

    @Produces
    @Readiness
    HealthCheck ready() {
        return () -> {
            var response = HealthCheckResponse.named("dispatcher")
                    .status(!gate.closed() && sweptWithin(3))
                    .withData("inFlight", gate.inFlight())
                    .withData("lastSweep", sweep.lastCompleted().toString());
            try {
                health.countsByState().forEach((state, count) -> response.withData("webhooks" + state.name(), count));
            } catch (RuntimeException databaseAway) {
                // the database check says so; the dispatcher's own readiness does not depend on these figures
            }
            return response.build();
        };
    }

    @Produces
    @Liveness
    HealthCheck live() {
        return () -> status("dispatcher-sweep", within(sweep.lastEnded(), 30));
    }

    private boolean sweptWithin(int intervals) {
        return within(sweep.lastCompleted(), intervals);
    }

    private boolean within(Instant last, int intervals) {
        return Duration.between(last, Instant.now()).compareTo(sweep.interval().multipliedBy(intervals).plusSeconds(30)) < 0;
    }

    private HealthCheckResponse status(String name, boolean up) {
        return HealthCheckResponse.named(name)
                .status(up)
                .withData("inFlight", gate.inFlight())
                .withData("lastSweep", sweep.lastCompleted().toString())
                .withData("lastPassEnded", sweep.lastEnded().toString())
                .build();
    }
}
