package com.rateup.webhooks.egress.control;

import com.rateup.webhooks.outbox.control.DeliveryPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Client;
import java.net.HttpURLConnection;
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
 * At the deadline the attempt's connection is cut, which ends any read or connect it blocks in:
 * on Jersey (Payara) by disconnecting its HttpURLConnection ({@link JerseyConnections}), on RESTEasy
 * (WildFly) by closing its client, whose connection manager closes the connection (ADR 0005).
 *
 * <p>The cut runs on a thread of its own and is repeated until the attempt ends: a connection
 * opened just after a cut is cut too.
 */
@ApplicationScoped
public class AttemptDeadlines {

    private static final long RECUT_MS = 100;

    /** The attempt the current thread is making: where Jersey's connection factory hands its connection. */
    private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

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

    /**
     * Starts the budget of an attempt made on the current thread with {@code client};
     * {@code cutByClosing}: whether closing the client is how its connection is cut, where the
     * connection is not handed over ({@link HttpClients#cutByClosing}).
     */
    public Deadline start(Client client, boolean cutByClosing) {
        Deadline deadline = new Deadline(client, cutByClosing);
        CURRENT.set(deadline);
        deadline.schedule(policy.timeoutMs());
        return deadline;
    }

    /** Jersey opened the current attempt's connection. */
    static void opened(HttpURLConnection connection) {
        Deadline deadline = CURRENT.get();
        if (deadline != null) {
            deadline.connection = connection;
        }
    }

    /** The budget of one attempt; ending it (when the attempt is over) stops the clock. */
    public final class Deadline implements AutoCloseable {

        private enum State { RUNNING, CUT, OVER }

        private final Client client;
        private final boolean cutByClosing;
        private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
        private volatile HttpURLConnection connection;
        private volatile ScheduledFuture<?> alarm;

        private Deadline(Client client, boolean cutByClosing) {
            this.client = client;
            this.cutByClosing = cutByClosing;
        }

        private void schedule(long delayMs) {
            alarm = clock.schedule(() -> cutters.execute(this::cut), delayMs, TimeUnit.MILLISECONDS);
        }

        private void cut() {
            if (!state.compareAndSet(State.RUNNING, State.CUT) && state.get() != State.CUT) {
                return; // the attempt ended in time
            }
            HttpURLConnection opened = connection;
            if (opened != null) {
                opened.disconnect();
            } else if (cutByClosing) {
                client.close();
            }
            if (state.get() == State.CUT) {
                schedule(RECUT_MS);
            }
        }

        /** Whether the budget ran out: whatever the attempt ends with, it had no (complete) answer in time. */
        public boolean passed() {
            return state.get() == State.CUT;
        }

        /** Ends the budget; true when the attempt ended before it ran out, so its connection is intact. */
        public boolean end() {
            boolean inTime = state.compareAndSet(State.RUNNING, State.OVER);
            state.set(State.OVER);
            alarm.cancel(false);
            CURRENT.remove();
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
