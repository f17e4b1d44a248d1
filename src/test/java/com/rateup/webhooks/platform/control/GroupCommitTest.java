package com.rateup.webhooks.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The queue and its committers, with a store that records each batch and can hold the first one:
 * what arrives while a commit runs is what the next commit holds.
 */
class GroupCommitTest {

    private final RecordingStore store = new RecordingStore();
    private GroupCommit<String, String> intake;

    @AfterEach
    void stop() {
        store.release();
        if (intake != null) {
            intake.stop(Duration.ofSeconds(10));
        }
    }

    @Test
    void responsesThatArriveDuringACommitShareTheNextOne() throws Exception {
        CompletableFuture<String> first = holdFirstCommit(64, 4096);
        List<CompletableFuture<String>> burst = IntStream.rangeClosed(1, 10).mapToObj(i -> intake.submit(response("r" + i)).toCompletableFuture()).toList();
        store.release();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("id-r0");
        for (int i = 0; i < burst.size(); i++) {
            assertThat(burst.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("id-r" + (i + 1));
        }
        assertThat(store.batches).containsExactly(List.of("r0"), List.of("r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10"));
    }

    @Test
    void aBatchHoldsAtMostTheBatchSize() throws Exception {
        holdFirstCommit(3, 4096);
        List<CompletableFuture<String>> burst = IntStream.rangeClosed(1, 7).mapToObj(i -> intake.submit(response("r" + i)).toCompletableFuture()).toList();
        store.release();

        CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(store.batches).extracting(List::size).containsExactly(1, 3, 3, 1);
    }

    @Test
    void aBatchThatFailsIsRetriedOneByOneSoOnlyTheBadResponseFails() throws Exception {
        holdFirstCommit(64, 4096);
        CompletableFuture<String> good1 = intake.submit(response("r1")).toCompletableFuture();
        CompletableFuture<String> bad = intake.submit(response("bad")).toCompletableFuture();
        CompletableFuture<String> good2 = intake.submit(response("r2")).toCompletableFuture();
        store.release();

        assertThat(good1.get(10, TimeUnit.SECONDS)).isEqualTo("id-r1");
        assertThat(good2.get(10, TimeUnit.SECONDS)).isEqualTo("id-r2");
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("bad row");
        assertThat(store.batches).containsExactly(List.of("r0"), List.of("r1", "bad", "r2"), List.of("r1"), List.of("bad"), List.of("r2"));
    }

    @Test
    void aBatchTheDatabaseCutShortFailsWholeAndIsNotWrittenAgainOneByOne() throws Exception {
        holdFirstCommit(64, 4096);
        CompletableFuture<String> first = intake.submit(response("r1")).toCompletableFuture();
        CompletableFuture<String> second = intake.submit(response("outage")).toCompletableFuture();
        store.release();

        for (CompletableFuture<String> write : List.of(first, second)) {
            assertThatThrownBy(() -> write.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(java.sql.SQLException.class);
        }
        assertThat(store.batches).containsExactly(List.of("r0"), List.of("r1", "outage"));
    }

    @Test
    void aFullQueueRefusesAtOnceAndStoresNothing() throws Exception {
        holdFirstCommit(64, 2);
        intake.submit(response("r1"));
        intake.submit(response("r2"));
        CompletableFuture<String> refused = intake.submit(response("r3")).toCompletableFuture();

        assertThatThrownBy(() -> refused.get(1, TimeUnit.SECONDS)).hasCauseInstanceOf(GroupCommit.Refused.class);
        store.release();
        intake.stop(Duration.ofSeconds(10));
        assertThat(store.batches).flatExtracting(batch -> batch).containsExactly("r0", "r1", "r2");
    }

    @Test
    void stoppingCommitsWhatWaitsAndThenRefuses() throws Exception {
        holdFirstCommit(64, 4096);
        CompletableFuture<String> waiting = intake.submit(response("r1")).toCompletableFuture();
        Thread stopping = new Thread(() -> intake.stop(Duration.ofSeconds(10)));
        stopping.start();
        store.release();
        stopping.join(10_000);

        assertThat(waiting.get(1, TimeUnit.SECONDS)).isEqualTo("id-r1");
        assertThatThrownBy(() -> intake.submit(response("late")).toCompletableFuture().get(1, TimeUnit.SECONDS))
                .hasCauseInstanceOf(GroupCommit.Refused.class);
    }

    /** Starts the lane with one committer and submits "r0", whose commit the store holds until released. */
    private CompletableFuture<String> holdFirstCommit(int batchSize, int queueCapacity) throws InterruptedException {
        intake = new GroupCommit<>("test", store::storeAll, new GroupCommit.Settings(batchSize, 1, queueCapacity), Thread::new,
                new SimpleMeterRegistry());
        CompletableFuture<String> first = intake.submit(response("r0")).toCompletableFuture();
        store.awaitFirstBatch();
        return first;
    }

    private static String response(String name) {
        return name;
    }

    /** Holds its first batch until released; fails every batch that holds the write "bad", as an outage one with "outage". */
    private static class RecordingStore {

        final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
        private final CountDownLatch firstBatch = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        List<String> storeAll(List<String> batch) {
            List<String> surveys = List.copyOf(batch);
            batches.add(surveys);
            if (firstBatch.getCount() > 0) {
                firstBatch.countDown();
                try {
                    released.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (surveys.contains("bad")) {
                throw new IllegalStateException("bad row");
            }
            if (surveys.contains("outage")) {
                throw new IllegalStateException("commit failed", new java.sql.SQLException("FATAL: terminating connection due to administrator command", "57P01"));
            }
            return surveys.stream().map(survey -> "id-" + survey).toList();
        }

        void awaitFirstBatch() throws InterruptedException {
            assertThat(firstBatch.await(10, TimeUnit.SECONDS)).isTrue();
        }

        void release() {
            released.countDown();
        }
    }
}
