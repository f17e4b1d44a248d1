package com.rateup.webhooks.dispatch.control;

import com.rateup.webhooks.outbox.control.DeliveryPolicy;
import com.rateup.webhooks.platform.control.DatabaseOutage;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Dispatches pending deliveries that are due and that nobody holds: those a crash or restart
 * interrupted, those that waited in the database for a free slot, and those whose webhook was
 * enabled again. Runs at startup, periodically, and as soon as a slot frees up while deliveries
 * wait. Webhooks take turns, so one endpoint's backlog cannot hide another's.
 *
 * <p>At shutdown it closes the {@link EndpointGate} and gives the attempts in flight
 * {@code rateup.delivery.shutdown-grace} to finish; waiting deliveries are handed back at once.
 */
@Singleton
@Startup
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
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
    EndpointGate gate;

    @Inject
    DatabaseOutage outage;

    @Inject
    DeliveryPolicy policy;

    /**
     * How long the list of webhooks with due work is reused when a freed slot asks for a pass:
     * finding those webhooks reads every due row, so under load it is done a few times a second,
     * not once per delivery. Timer passes always look afresh.
     */
    static final Duration WEBHOOK_LIST_REUSE = Duration.ofMillis(200);

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();
    private volatile boolean fresh;
    private volatile List<DeliveryStore.DueWebhook> dueWebhooks = List.of();
    private volatile Instant dueWebhooksAt = Instant.EPOCH;
    private volatile Instant lastCompleted = Instant.now();
    private volatile Instant lastEnded = Instant.now();
    private volatile Instant wakeUpAt;

    /**
     * Payara Micro stops on SIGTERM without undeploying (no {@code @PreDestroy}); this hook closes
     * the gate then too. Payara's own hook stops the container at the same time, so an attempt
     * in flight may reach the receiver without being recorded: it is sent again after the
     * restart, with the same x-webhook-id (at least once).
     */
    private final Thread drainOnExit = new Thread(this::drain, "rateup-delivery-drain");

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(0, policy.sweepInterval().toMillis(), new TimerConfig(null, false));
        Runtime.getRuntime().addShutdownHook(drainOnExit);
    }

    @Timeout
    void onTimer() {
        fresh = true;
        sweep();
    }

    /** While the database is away only the timer tries again: a freed slot would just meet the outage sooner. */
    public void onCapacityFreed(@Observes DeliveryDispatcher.CapacityFreed freed) {
        if (outage.since().isEmpty()) {
            sweep();
        }
    }

    /**
     * One pass over the due work. A call while a pass runs returns at once but makes that pass
     * run once more: the work it announces may have been committed after the running pass read
     * the database, and nothing else might wake the sweep before the next timer.
     */
    public void sweep() {
        requested.set(true);
        while (!gate.closed() && requested.get() && running.compareAndSet(false, true)) {
            try {
                requested.set(false);
                sweepOnce();
            } finally {
                running.set(false);
            }
        }
    }

    private void sweepOnce() {
        try {
            Instant now = Instant.now();
            boolean reuse = !fresh && !dueWebhooks.isEmpty() && now.isBefore(dueWebhooksAt.plus(WEBHOOK_LIST_REUSE));
            fresh = false;
            int dispatched = dispatchAll(reuse ? dueWebhooks : findDueWebhooks(now));
            if (reuse && dispatched == 0) {
                dispatched = dispatchAll(findDueWebhooks(now)); // the reused list ran dry: look again
            }
            lastCompleted = Instant.now();
            if (!reuse) {
                wakeAtEarliestDue();
            }
            if (dispatched > 0) {
                int count = dispatched;
                LOG.fine(() -> "sweep dispatched " + count + " pending deliveries");
            }
            outage.answered();
        } catch (RuntimeException e) {
            if (!outage.noticed(e)) {
                LOG.log(Level.WARNING, "delivery sweep failed; it runs again in " + policy.sweepInterval(), e);
            }
        } finally {
            lastEnded = Instant.now();
        }
    }

    private List<DeliveryStore.DueWebhook> findDueWebhooks(Instant now) {
        dueWebhooks = store.dueWebhooks(policy.sweepBatch());
        dueWebhooksAt = now;
        return dueWebhooks;
    }

    /**
     * Admits what the webhooks' free slots allow, teams taking turns, then claims all of it in one
     * transaction and dispatches it. An admission whose delivery another claimer won (or all of
     * them, if the claim fails) is released.
     */
    private int dispatchAll(List<DeliveryStore.DueWebhook> webhooks) {
        Map<String, EndpointGate.Admission> admitted = new HashMap<>();
        try {
            for (DeliveryStore.DueWebhook due : takingTeamsInTurn(webhooks)) {
                admitDueOf(due, admitted);
            }
            if (admitted.isEmpty()) {
                return 0;
            }
            List<LeasedDelivery> claimed = store.claim(admitted.keySet());
            for (LeasedDelivery leased : claimed) {
                dispatcher.dispatch(leased, admitted.get(leased.deliveryId()));
                admitted.remove(leased.deliveryId()); // the dispatch releases it now
            }
            return claimed.size();
        } finally {
            admitted.values().forEach(gate::release);
        }
    }

    /**
     * The webhooks in the order the teams take turns: each team's oldest due webhook first, then each
     * team's next, so one team's many webhooks with due work cannot come before every other team's.
     */
    static List<DeliveryStore.DueWebhook> takingTeamsInTurn(List<DeliveryStore.DueWebhook> oldestDueFirst) {
        Map<String, Deque<DeliveryStore.DueWebhook>> byTeam = new LinkedHashMap<>();
        oldestDueFirst.forEach(due -> byTeam.computeIfAbsent(due.teamId(), team -> new ArrayDeque<>()).add(due));
        List<DeliveryStore.DueWebhook> inTurn = new ArrayList<>(oldestDueFirst.size());
        while (inTurn.size() < oldestDueFirst.size()) {
            byTeam.values().forEach(queue -> {
                if (!queue.isEmpty()) {
                    inTurn.add(queue.poll());
                }
            });
        }
        return inTurn;
    }

    /** A retry handed back to the database is due before the next periodic pass: be there on time. */
    private void wakeAtEarliestDue() {
        store.earliestDue()
                .filter(due -> due.isAfter(Instant.now()) && due.isBefore(Instant.now().plus(policy.sweepInterval())))
                .filter(due -> wakeUpAt == null || due.isBefore(wakeUpAt) || wakeUpAt.isBefore(Instant.now()))
                .ifPresent(due -> {
                    wakeUpAt = due;
                    timers.createSingleActionTimer(Date.from(due), new TimerConfig(null, false));
                });
    }

    private void admitDueOf(DeliveryStore.DueWebhook webhook, Map<String, EndpointGate.Admission> admitted) {
        String endpoint = EndpointGate.endpointOf(webhook.url());
        Optional<EndpointGate.Outage> outage = gate.outage(endpoint, Instant.now());
        if (outage.isPresent()) {
            store.postponeDueOf(webhook.webhookId(), outage.get());
            return;
        }
        int free = gate.freeSlots(endpoint, webhook.teamId());
        List<String> due = free == 0 ? List.of() : store.dueOf(webhook.webhookId(), free);
        if (due.size() == free) {
            gate.leftWaiting(); // there may be more: the endpoint's next free slot brings the sweep back
        }
        for (String deliveryId : due) {
            Optional<EndpointGate.Admission> admission = gate.tryAdmit(endpoint, webhook.teamId());
            if (admission.isEmpty()) {
                return;
            }
            admitted.put(deliveryId, admission.get());
        }
    }

    /** When the last pass completed; readiness reports a dispatcher whose sweep stopped running. */
    public Instant lastCompleted() {
        return lastCompleted;
    }

    /**
     * When the last pass ended, completed or not (the database away, say): liveness asks only whether
     * the sweep still runs, since a restart cures a stuck sweep and never an unreachable database.
     */
    public Instant lastEnded() {
        return lastEnded;
    }

    public Duration interval() {
        return policy.sweepInterval();
    }

    @PreDestroy
    void undeploy() {
        try {
            Runtime.getRuntime().removeShutdownHook(drainOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            return; // the hook drains
        }
        drain();
    }

    void drain() {
        try {
            boolean drained = gate.closeAndDrain(policy.shutdownGrace());
            LOG.info(() -> drained ? "delivery dispatcher stopped; no attempt in flight"
                    : "delivery dispatcher stopped with attempts still in flight after " + policy.shutdownGrace()
                            + "; their leases run out and they are resumed at the next start");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
