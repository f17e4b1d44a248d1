package com.rateup.webhooks.platform.control;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Group commit: writes wait in a queue, and a few committer threads each take what has arrived (up
 * to a batch size) and hand it to one transaction, so concurrent writers share one durable commit
 * instead of paying one each. No timer: a batch is what arrived while the previous commit ran, so a
 * lone write is committed at once and a burst fills the batches. Each write's stage completes only
 * after the commit that holds it. A batch that fails is tried again one write at a time, so one bad
 * row fails only its own write — unless the database is away, which fails the whole batch at once.
 *
 * @param <I> what one writer hands over
 * @param <O> what it gets back once committed
 */
public final class GroupCommit<I, O> {

    private final Function<List<I>, List<O>> commitBatch;
    private final int batchSize;
    private final BlockingQueue<Waiting<I, O>> waiting;
    private final List<Thread> committers = new ArrayList<>();
    private final DistributionSummary batchSizes;
    private final Timer commits;
    private volatile boolean stopping;

    /**
     * @param lane names the threads and tags the metrics: {@code rateup.group.commit.batch} (writes per
     *     commit), {@code rateup.group.commit.duration} and {@code rateup.group.commit.waiting}
     * @param commitBatch runs one transaction for the batch and returns each write's result, in order
     */
    public GroupCommit(String lane, Function<List<I>, List<O>> commitBatch, Settings settings, ThreadFactory threads,
            MeterRegistry registry) {
        this.commitBatch = commitBatch;
        this.batchSize = settings.batchSize();
        this.waiting = new ArrayBlockingQueue<>(settings.queueCapacity());
        batchSizes = DistributionSummary.builder("rateup.group.commit.batch")
                .description("Writes per commit of a group-commit lane")
                .tag("lane", lane)
                .register(registry);
        commits = Timer.builder("rateup.group.commit.duration")
                .description("Duration of a group-commit lane's transactions, from the first write to the durable commit")
                .tag("lane", lane)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        Gauge.builder("rateup.group.commit.waiting", waiting, BlockingQueue::size)
                .description("Writes of a group-commit lane waiting for a commit")
                .tag("lane", lane)
                .register(registry);
        for (int i = 0; i < settings.committers(); i++) {
            Thread thread = threads.newThread(this::commitWhatArrives);
            thread.setName("rateup-" + lane + "-commit-" + i);
            thread.start();
            committers.add(thread);
        }
    }

    /** Completes with the write's result once committed, or with why it was not. */
    public CompletionStage<O> submit(I write) {
        Waiting<I, O> entry = new Waiting<>(write, new CompletableFuture<>());
        if (stopping) {
            entry.done.completeExceptionally(new Refused("the server is stopping"));
        } else if (!waiting.offer(entry)) {
            entry.done.completeExceptionally(new Refused("too many writes wait for a commit"));
        } else if (stopping && waiting.remove(entry)) {
            // the committers may have left already: nobody would take it
            entry.done.completeExceptionally(new Refused("the server is stopping"));
        }
        return entry.done;
    }

    private void commitWhatArrives() {
        List<Waiting<I, O>> batch = new ArrayList<>(batchSize);
        while (!stopping || !waiting.isEmpty()) {
            try {
                Waiting<I, O> first = waiting.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, batchSize - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // not expected (commit answers every failure to its writers); the thread must go on
                batch.forEach(entry -> entry.done.completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Waiting<I, O>> batch) {
        try {
            List<I> writes = batch.stream().map(Waiting::write).toList();
            List<O> results = commits.record(() -> commitBatch.apply(writes));
            batchSizes.record(results.size());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done.complete(results.get(i));
            }
        } catch (RuntimeException e) {
            // the database away (or gone during the commit, whose outcome is then unknown): writing each
            // again could only fail too, or store twice what the cut-short commit may have stored
            if (batch.size() == 1 || DatabaseOutage.reasonOf(e).isPresent()) {
                batch.forEach(entry -> entry.done.completeExceptionally(e));
                return;
            }
            for (Waiting<I, O> entry : batch) {
                commit(List.of(entry));
            }
        }
    }

    /** Commits what already waits (for at most {@code patience}), then stops; a write arriving meanwhile is refused. */
    public void stop(Duration patience) {
        stopping = true;
        long deadline = System.nanoTime() + patience.toNanos();
        for (Thread thread : committers) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Waiting<I, O> left;
        while ((left = waiting.poll()) != null) {
            left.done.completeExceptionally(new Refused("the server is stopping"));
        }
    }

    /** How big a batch may grow, how many commit at once, and how many writes may wait before new ones are refused. */
    public record Settings(int batchSize, int committers, int queueCapacity) {

        public Settings {
            if (batchSize < 1 || committers < 1 || queueCapacity < 1) {
                throw new IllegalArgumentException("batch size, committers and queue capacity must be at least 1");
            }
        }
    }

    /** The write was not committed, through no fault of its own: it may be made again at once. */
    public static class Refused extends RuntimeException {

        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private record Waiting<I, O>(I write, CompletableFuture<O> done) {
    }
}
