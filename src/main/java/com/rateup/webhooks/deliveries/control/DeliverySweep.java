package com.rateup.webhooks.deliveries.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At startup and then periodically, dispatches the pending deliveries that are due and that
 * nobody holds: those a crash or restart interrupted, and those whose webhook was re-enabled.
 */
@Singleton
@Startup
@DependsOn("Migrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeliverySweep {

    private static final Logger LOG = Logger.getLogger(DeliverySweep.class.getName());

    @Resource
    TimerService timers;

    @Inject
    DeliveryStore store;

    @Inject
    DeliveryDispatcher dispatcher;

    @Inject
    @ConfigProperty(name = "rateup.delivery.sweep-interval-ms", defaultValue = "10000")
    long intervalMs;

    /** Bounds how much work one sweep queues in memory; the rest waits in the database for the next. */
    @Inject
    @ConfigProperty(name = "rateup.delivery.sweep-batch", defaultValue = "200")
    int batch;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(0, intervalMs, new TimerConfig(null, false));
    }

    @Timeout
    void sweep() {
        try {
            var claims = store.claimDue(batch);
            claims.forEach(claim -> dispatcher.dispatch(claim.deliveryId(), claim.owner()));
            if (!claims.isEmpty()) {
                LOG.info(() -> "sweep resumed " + claims.size() + " pending deliveries");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "delivery sweep failed; it runs again in " + intervalMs + " ms", e);
        }
    }
}
