package com.rateup.webhooks.dispatch.control;

import com.rateup.webhooks.outbox.control.DeliveryPolicy;
import com.rateup.webhooks.platform.control.GroupCommit;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The dispatchers' writes share commits: each dispatcher hands its claim of a delivery or its record
 * of an attempt to a {@link GroupCommit} lane of their own and waits until it is committed, so it goes
 * on exactly as if it had committed alone (the lease, the next attempt's time and the webhook's state
 * are durable before it acts on them), while the dispatchers that claimed or finished at the same
 * moment pay one commit together. A crash before that commit loses the write, never the delivery: an
 * unclaimed one is the sweep's at the next start; an unrecorded attempt's lease runs out and it is
 * sent again (at least once).
 */
@ApplicationScoped
public class DispatcherWrites {

    @Resource
    ManagedThreadFactory threads;

    @Inject
    DeliveryStore store;

    @Inject
    DeliveryPolicy policy;

    @Inject
    MeterRegistry registry;

    private GroupCommit<Supplier<?>, Object> lane;

    @PostConstruct
    void start() {
        // every dispatcher waits for one write at most: a batch never needs to hold more than all of them
        int dispatchers = policy.maxConcurrency();
        lane = new GroupCommit<>("dispatcher", store::inOneTransaction, new GroupCommit.Settings(dispatchers, 1, 4 * dispatchers + 64),
                threads, registry);
    }

    /** Runs {@code write} (a {@link DeliveryStore} method that joins the transaction) in a shared commit and returns its result once committed. */
    @SuppressWarnings("unchecked")
    public <T> T commit(Supplier<T> write) {
        try {
            return (T) lane.submit(write).toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof GroupCommit.Refused) {
                // stopping: the lane takes no more, but a claim or an attempt that just ended is still worth writing
                return (T) store.inOneTransaction(List.of(write)).get(0);
            }
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    @PreDestroy
    void stop() {
        lane.stop(policy.shutdownGrace());
    }
}
