package com.rateup.webhooks.egress.control;

import com.rateup.webhooks.outbox.control.DeliveryPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One time budget for a whole attempt: connecting, sending, the status line, the headers and the
 * answer's excerpt together get {@code rateup.delivery.timeout}. The HTTP clients only know a
 * connect timeout and a timeout per read, so a receiver that trickles its status line a byte at a
 * time would hold the attempt as long as it likes; {@code @Timeout} cannot end a blocking call either.
 * At the deadline the attempt's client drops its connections, which ends any read or connect the
 * attempt blocks in (ADR 0005). The cut runs on a thread of its own.
 */
@ApplicationScoped
public class AttemptDeadlines {

    @Inject
    DeliveryPolicy policy;

    private ScheduledExecutorService clock;
    private ExecutorService cutters;

    @PostConstruct
    void start() {
        clock = Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "rateup-attempt-deadline"));
        // cutting may block (a connection's lock); the clock must not
        cutters = Executors.newCachedThreadPool(task -> daemon(task, "rateup-attempt-cut"));
    }

    /** Starts the budget of an attempt made with {@code client}. */
    Deadline start(DeliveryClient client) {
        Deadline deadline = new Deadline(client);
        deadline.alarm = clock.schedule(() -> cutters.execute(deadline::cut), policy.timeoutMs(), TimeUnit.MILLISECONDS);
        return deadline;
    }

    /** The budget of one attempt; ending it (when the attempt is over) stops the clock. */
    public final class Deadline implements AutoCloseable {

        private enum State { RUNNING, CUT, OVER }

        private final DeliveryClient client;
        private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
        private volatile ScheduledFuture<?> alarm;

        private Deadline(DeliveryClient client) {
            this.client = client;
        }

        private void cut() {
            if (state.compareAndSet(State.RUNNING, State.CUT)) {
                client.dropConnections().run();
            } // else the attempt ended in time
        }

        /** Whether the budget ran out: whatever the attempt ends with, it had no (complete) answer in time. */
        public boolean passed() {
            return state.get() == State.CUT;
        }

        /** Ends the budget; true when the attempt ended before it ran out, so its connection is intact. */
        public boolean end() {
            boolean inTime = state.compareAndSet(State.RUNNING, State.OVER);
            alarm.cancel(false);
            return inTime;
        }

        @Override
        public void close() {
            end();
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    @PreDestroy
    void stop() {
        clock.shutdownNow();
        cutters.shutdownNow();
    }
}
