package com.rateup.webhooks.deliveries.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EndpointGateTest {

    private static final String DEAD = "http://dead.example:80";
    private static final String HEALTHY = "https://ok.example:443";

    private EndpointGate gate;

    @BeforeEach
    void gateWithFourSlotsTwoPerEndpointAndABreakerAfterThreeFailures() {
        gate = new EndpointGate();
        gate.maxConcurrency = 4;
        gate.maxPerEndpoint = 2;
        gate.breakerFailures = 3;
        gate.breakerOpen = Duration.ofSeconds(30);
        gate.init();
    }

    @Test
    void endpointsAreKeyedBySchemeHostAndPort() {
        assertThat(EndpointGate.endpointOf(URI.create("HTTPS://Hooks.Example.com/a?b"))).isEqualTo("https://hooks.example.com:443");
        assertThat(EndpointGate.endpointOf(URI.create("http://hooks.example.com/a"))).isEqualTo("http://hooks.example.com:80");
        assertThat(EndpointGate.endpointOf(URI.create("http://127.0.0.1:9000/a"))).isEqualTo("http://127.0.0.1:9000");
    }

    @Test
    void oneEndpointGetsNoMoreThanItsSlotsAndOthersStillGetIn() {
        var first = gate.tryEnter(DEAD);
        var second = gate.tryEnter(DEAD);

        assertThat(first).isPresent();
        assertThat(second).isPresent();
        assertThat(gate.tryEnter(DEAD)).isEmpty();
        assertThat(gate.tryEnter(HEALTHY)).isPresent();
        assertThat(gate.takeTurnedAway()).isTrue();
        assertThat(gate.takeTurnedAway()).isFalse();

        gate.leave(first.get());
        gate.leave(first.get()); // leaving twice frees one slot only

        assertThat(gate.tryEnter(DEAD)).isPresent();
        assertThat(gate.tryEnter(DEAD)).isEmpty();
    }

    @Test
    void dispatcherSlotsBoundAllEndpointsTogether() {
        for (int i = 0; i < 4; i++) {
            assertThat(gate.tryEnter("http://e" + i + ".example:80")).isPresent();
        }
        assertThat(gate.tryEnter(HEALTHY)).isEmpty();
        assertThat(gate.inFlight()).isEqualTo(4);
    }

    @Test
    void circuitOpensAfterConsecutiveFailuresThenLetsOneProbeThrough() {
        Instant now = Instant.now();
        gate.recordOutcome(DEAD, false, now);
        gate.recordOutcome(DEAD, false, now);
        assertThat(gate.openUntil(DEAD, now)).isEmpty();

        gate.recordOutcome(DEAD, false, now);

        assertThat(gate.openUntil(DEAD, now)).contains(now.plusSeconds(30));
        assertThat(gate.tryEnter(DEAD)).isEmpty();
        assertThat(gate.tryEnter(HEALTHY)).isPresent();

        Instant later = now.plusSeconds(31);
        assertThat(gate.openUntil(DEAD, later)).isEmpty();
    }

    @Test
    void anEndpointsSlotsGrowWithSuccessUpToTheMaximumAndDropToOneAtAFailure() {
        gate.maxPerEndpoint = 4;
        Instant now = Instant.now();
        assertThat(gate.freeSlots(HEALTHY)).isEqualTo(2);

        gate.recordOutcome(HEALTHY, true, now);
        assertThat(gate.freeSlots(HEALTHY)).isEqualTo(3);
        for (int i = 0; i < 5; i++) {
            gate.recordOutcome(HEALTHY, true, now);
        }
        assertThat(gate.freeSlots(HEALTHY)).isEqualTo(4);
        var passes = java.util.stream.IntStream.range(0, 4).mapToObj(i -> gate.tryEnter(HEALTHY)).toList();
        assertThat(passes).allMatch(Optional::isPresent);
        assertThat(gate.tryEnter(HEALTHY)).isEmpty();
        assertThat(gate.freeSlots(HEALTHY)).isZero();

        gate.recordOutcome(HEALTHY, false, now);
        passes.forEach(pass -> gate.leave(pass.get()));

        assertThat(gate.freeSlots(HEALTHY)).isEqualTo(1);
        assertThat(gate.tryEnter(HEALTHY)).isPresent();
        assertThat(gate.tryEnter(HEALTHY)).isEmpty();
    }

    @Test
    void successClosesTheCircuitAndResetsTheCount() {
        Instant now = Instant.now();
        gate.recordOutcome(DEAD, false, now);
        gate.recordOutcome(DEAD, false, now);
        gate.recordOutcome(DEAD, true, now);
        gate.recordOutcome(DEAD, false, now);
        gate.recordOutcome(DEAD, false, now);

        assertThat(gate.openUntil(DEAD, now)).isEqualTo(Optional.empty());
    }

    @Test
    void closedGateAdmitsNothingAndDrainsWhenTheLastPassLeaves() throws Exception {
        var pass = gate.tryEnter(HEALTHY).orElseThrow();
        Thread leaver = new Thread(() -> {
            sleep(200);
            gate.leave(pass);
        });
        leaver.start();

        boolean drained = gate.closeAndDrain(Duration.ofSeconds(10));

        assertThat(drained).isTrue();
        assertThat(gate.closed()).isTrue();
        assertThat(gate.tryEnter(HEALTHY)).isEmpty();
    }

    @Test
    void drainGivesUpAfterTheGracePeriod() throws Exception {
        gate.tryEnter(HEALTHY).orElseThrow();

        assertThat(gate.closeAndDrain(Duration.ofMillis(100))).isFalse();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
