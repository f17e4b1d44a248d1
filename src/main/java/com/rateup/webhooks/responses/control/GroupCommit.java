package com.rateup.webhooks.responses.control;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Group commit: checked responses wait in a queue, and a few committer threads each take what has
 * arrived (up to {@code rateup.intake.batch-size}) and store it in one transaction, so concurrent
 * submissions share one durable commit instead of paying one each. No timer: a batch is what
 * arrived while the previous commit ran, so a lone submission is committed at once and a burst
 * fills the batches. Each response's stage completes only after the commit that holds it and its
 * deliveries; a batch that fails is retried one response at a time, so one bad row fails only its
 * own submission.
 */
@ApplicationScoped
public class GroupCommit {

    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    ResponseStore store;

    @Inject
    MeterRegistry registry;

    @Inject
    @ConfigProperty(name = "rateup.intake.batch-size", defaultValue = "64")
    int batchSize;

    @Inject
    @ConfigProperty(name = "rateup.intake.committers", defaultValue = "2")
    int committers;

    /** Most responses waiting for a commit; beyond it a submission is answered 503 at once. */
    @Inject
    @ConfigProperty(name = "rateup.intake.queue-capacity", defaultValue = "4096")
    int queueCapacity;

    private DistributionSummary batchSizes;
    private Timer commits;
    private BlockingQueue<Waiting> waiting;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopping;

    @PostConstruct
    void start() {
        if (batchSize < 1 || committers < 1 || queueCapacity < 1) {
            throw new IllegalStateException("rateup.intake.batch-size, committers and queue-capacity must be at least 1");
        }
        waiting = new ArrayBlockingQueue<>(queueCapacity);
        batchSizes = DistributionSummary.builder("rateup.intake.batch.responses")
                .description("Responses stored per intake commit (group commit)")
                .register(registry);
        commits = Timer.builder("rateup.intake.commit.duration")
                .description("Duration of intake commits, from the first insert to the durable commit")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        Gauge.builder("rateup.intake.waiting", this, intake -> intake.waiting.size())
                .description("Checked responses waiting for a commit")
                .register(registry);
        for (int i = 0; i < committers; i++) {
            Thread thread = threadFactory.newThread(this::commitWhatArrives);
            thread.setName("rateup-intake-commit-" + i);
            thread.start();
            threads.add(thread);
        }
    }

    /** Completes with the stored response's id, or with the error to answer the submission with. */
    public CompletionStage<String> store(CheckedResponse response) {
        Waiting entry = new Waiting(response, new CompletableFuture<>());
        if (stopping) {
            entry.stored.completeExceptionally(new Refused("the server is stopping"));
        } else if (!waiting.offer(entry)) {
            entry.stored.completeExceptionally(new Refused("too many responses wait to be stored"));
        } else if (stopping && waiting.remove(entry)) {
            // the committers may have left already: nobody would take it
            entry.stored.completeExceptionally(new Refused("the server is stopping"));
        }
        return entry.stored;
    }

    private void commitWhatArrives() {
        List<Waiting> batch = new ArrayList<>(batchSize);
        while (!stopping || !waiting.isEmpty()) {
            try {
                Waiting first = waiting.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, batchSize - 1);
                commit(batch);
            } catch (InterruptedException e) {
                if (!stopping) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } catch (RuntimeException | Error e) {
                // not expected (commit answers every failure to its submissions); the thread must go on
                batch.forEach(entry -> entry.stored.completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Waiting> batch) {
        try {
            List<CheckedResponse> responses = batch.stream().map(Waiting::response).toList();
            List<String> ids = commits.record(() -> store.storeAll(responses));
            batchSizes.record(ids.size());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).stored.complete(ids.get(i));
            }
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).stored.completeExceptionally(e);
                return;
            }
            for (Waiting entry : batch) {
                commit(List.of(entry));
            }
        }
    }

    /** Commits what is already waiting, then stops; a submission arriving meanwhile is refused (503). */
    @PreDestroy
    void stop() {
        stopping = true;
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Waiting left;
        while ((left = waiting.poll()) != null) {
            left.stored.completeExceptionally(new Refused("the server is stopping"));
        }
    }

    /** The submission was not stored, through no fault of its own: it may be sent again at once. */
    public static class Refused extends RuntimeException {

        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private record Waiting(CheckedResponse response, CompletableFuture<String> stored) {
    }
}
