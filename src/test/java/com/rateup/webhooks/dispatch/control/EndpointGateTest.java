package com.rateup.webhooks.dispatch.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.rateup.webhooks.outbox.entity.AttemptResult;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EndpointGateTest {

    private static final String TEAM = "team";
    private static final String DEAD = "http://dead.example:80/";
    private static final String HEALTHY = "https://ok.example:443/hooks";
    private static final AttemptResult OK = AttemptResult.answered(Instant.EPOCH, 10, 200, "", null);
    private static final AttemptResult DOWN = AttemptResult.failed(Instant.EPOCH, 10, "connection refused");

    private EndpointGate gate;

    @BeforeEach
    void gateWithFourSlotsTwoPerEndpointAndABreakerAfterThreeFailures() {
        gate = gate(4, 2, 64);
    }

    /** A gate with these slots, 64 per host, and a breaker that opens for 30 s after three failures. */
    static EndpointGate gate(int maxConcurrency, int maxPerEndpoint, int maxPerTeam) {
        EndpointGate gate = new EndpointGate();
        gate.maxConcurrency = maxConcurrency;
        gate.maxPerEndpoint = maxPerEndpoint;
        gate.maxPerHost = 64;
        gate.maxPerTeam = maxPerTeam;
        gate.breakerFailures = 3;
        gate.breakerOpen = Duration.ofSeconds(30);
        gate.init();
        return gate;
    }

    @Test
    void endpointsAreKeyedByTheirWholeUrl() {
        assertThat(EndpointGate.endpointOf(URI.create("HTTPS://Hooks.Example.com/a?b"))).isEqualTo("https://hooks.example.com:443/a?b");
        assertThat(EndpointGate.endpointOf(URI.create("http://hooks.example.com"))).isEqualTo("http://hooks.example.com:80/");
        assertThat(EndpointGate.endpointOf(URI.create("http://127.0.0.1:9000/a"))).isEqualTo("http://127.0.0.1:9000/a");
    }

    @Test
    void anAnsweredFailureNeitherOpensTheCircuitNorShrinksTheSlots() {
        AttemptResult serverError = AttemptResult.answered(Instant.EPOCH, 10, 500, "", null);
        Instant now = Instant.now();
        for (int i = 0; i < 10; i++) {
            gate.recordOutcome(DEAD, serverError, now);
        }

        assertThat(gate.outage(DEAD, now).map(EndpointGate.Outage::until)).isEmpty();
        assertThat(gate.freeSlots(DEAD, TEAM)).isEqualTo(2);
    }

    @Test
    void overloadSignsCountTowardTheBreaker() {
        Instant now = Instant.now();
        for (int status : new int[] {429, 503, 504}) {
            gate.recordOutcome(DEAD, AttemptResult.answered(Instant.EPOCH, 10, status, "", null), now);
        }

        assertThat(gate.outage(DEAD, now).map(EndpointGate.Outage::until)).isPresent();
        assertThat(gate.outage(HEALTHY, now).map(EndpointGate.Outage::until)).isEmpty();
    }

    @Test
    void aTeamGetsNoMoreThanItsShareOfTheDispatcher() {
        gate.maxConcurrency = 4;
        gate.maxPerTeam = 2;
        gate.init();
        String busy = "busy-team";

        assertThat(gate.tryAdmit("http://a.example:80/1", busy)).isPresent();
        assertThat(gate.tryAdmit("http://b.example:80/2", busy)).isPresent();
        assertThat(gate.tryAdmit("http://c.example:80/3", busy)).as("beyond the team's share").isEmpty();
        assertThat(gate.freeSlots("http://c.example:80/3", busy)).isZero();
        assertThat(gate.tryAdmit("http://c.example:80/3", "other-team")).isPresent();
    }

    @Test
    void endpointsOnOneHostShareOnlyThePolitenessCap() {
        gate.maxPerHost = 3;
        gate.maxPerEndpoint = 8;
        gate.maxConcurrency = 100;
        gate.init();
        String a = "https://hooks.zapier.example:443/team-a";
        String b = "https://hooks.zapier.example:443/team-b";
        Instant now = Instant.now();
        for (int i = 0; i < 3; i++) {
            gate.recordOutcome(a, DOWN, now);
        }

        assertThat(gate.tryAdmit(a, TEAM)).isEmpty(); // a's circuit is open
        assertThat(gate.tryAdmit(b, TEAM)).isPresent();
        assertThat(gate.tryAdmit(b, TEAM)).isPresent();
        assertThat(gate.tryAdmit("https://other.example:443/team-c", TEAM)).isPresent();
        gate.recordOutcome(b, OK, now);
        assertThat(gate.tryAdmit(b, TEAM)).isPresent();
        assertThat(gate.tryAdmit(b, TEAM)).as("three at once on the host").isEmpty();
    }

    @Test
    void oneEndpointGetsNoMoreThanItsSlotsAndOthersStillGetIn() {
        var first = gate.tryAdmit(DEAD, TEAM);
        var second = gate.tryAdmit(DEAD, TEAM);

        assertThat(first).isPresent();
        assertThat(second).isPresent();
        assertThat(gate.tryAdmit(DEAD, TEAM)).isEmpty();
        assertThat(gate.tryAdmit(HEALTHY, TEAM)).isPresent();
        assertThat(gate.takeTurnedAway()).isTrue();
        assertThat(gate.takeTurnedAway()).isFalse();

        gate.release(first.get());
        gate.release(first.get()); // leaving twice frees one slot only

        assertThat(gate.tryAdmit(DEAD, TEAM)).isPresent();
        assertThat(gate.tryAdmit(DEAD, TEAM)).isEmpty();
    }

    @Test
    void dispatcherSlotsBoundAllEndpointsTogether() {
        for (int i = 0; i < 4; i++) {
            assertThat(gate.tryAdmit("http://e" + i + ".example:80", TEAM)).isPresent();
        }
        assertThat(gate.tryAdmit(HEALTHY, TEAM)).isEmpty();
        assertThat(gate.inFlight()).isEqualTo(4);
    }

    @Test
    void circuitOpensAfterConsecutiveFailuresThenLetsOneProbeThrough() {
        Instant now = Instant.now();
        gate.recordOutcome(DEAD, DOWN, now);
        gate.recordOutcome(DEAD, DOWN, now);
        assertThat(gate.outage(DEAD, now).map(EndpointGate.Outage::until)).isEmpty();

        gate.recordOutcome(DEAD, DOWN, now);

        assertThat(gate.outage(DEAD, now).map(EndpointGate.Outage::until)).contains(now.plusSeconds(30));
        assertThat(gate.tryAdmit(DEAD, TEAM)).isEmpty();
        assertThat(gate.tryAdmit(HEALTHY, TEAM)).isPresent();

        Instant later = now.plusSeconds(31);
        assertThat(gate.outage(DEAD, later).map(EndpointGate.Outage::until)).isEmpty();
    }

    @Test
    void anEndpointsSlotsGrowWithSuccessUpToTheMaximumAndDropToOneAtAFailure() {
        gate.maxPerEndpoint = 4;
        Instant now = Instant.now();
        assertThat(gate.freeSlots(HEALTHY, TEAM)).isEqualTo(2);

        gate.recordOutcome(HEALTHY, OK, now);
        assertThat(gate.freeSlots(HEALTHY, TEAM)).isEqualTo(3);
        for (int i = 0; i < 5; i++) {
            gate.recordOutcome(HEALTHY, OK, now);
        }
        assertThat(gate.freeSlots(HEALTHY, TEAM)).isEqualTo(4);
        var passes = java.util.stream.IntStream.range(0, 4).mapToObj(i -> gate.tryAdmit(HEALTHY, TEAM)).toList();
        assertThat(passes).allMatch(Optional::isPresent);
        assertThat(gate.tryAdmit(HEALTHY, TEAM)).isEmpty();
        assertThat(gate.freeSlots(HEALTHY, TEAM)).isZero();

        gate.recordOutcome(HEALTHY, DOWN, now);
        passes.forEach(admission -> gate.release(admission.get()));

        assertThat(gate.freeSlots(HEALTHY, TEAM)).isEqualTo(1);
        assertThat(gate.tryAdmit(HEALTHY, TEAM)).isPresent();
        assertThat(gate.tryAdmit(HEALTHY, TEAM)).isEmpty();
    }

    @Test
    void anOutageIsDatedFromTheFirstUnansweredAttemptAndEndsWhenTheEndpointAnswersAgain() {
        Instant first = Instant.parse("2026-11-30T12:00:00Z");
        assertThat(gate.recordOutcome(DEAD, DOWN, first)).isEqualTo(new EndpointGate.Outcome(first, null, false));
        gate.recordOutcome(DEAD, DOWN, first.plusSeconds(1));

        EndpointGate.Outcome opened = gate.recordOutcome(DEAD, DOWN, first.plusSeconds(2));

        assertThat(opened).isEqualTo(new EndpointGate.Outcome(first, first.plusSeconds(32), false));
        assertThat(gate.outage(DEAD, first.plusSeconds(3))).contains(new EndpointGate.Outage(first, first.plusSeconds(32)));
        AttemptResult notFound = AttemptResult.answered(Instant.EPOCH, 10, 404, "", null);
        assertThat(gate.recordOutcome(DEAD, notFound, first.plusSeconds(40)))
                .as("any answer, even a failed one, ends the outage").isEqualTo(new EndpointGate.Outcome(null, null, true));
        assertThat(gate.recordOutcome(DEAD, OK, first.plusSeconds(41))).isEqualTo(new EndpointGate.Outcome(null, null, false));
    }

    @Test
    void successClosesTheCircuitAndResetsTheCount() {
        Instant now = Instant.now();
        gate.recordOutcome(DEAD, DOWN, now);
        gate.recordOutcome(DEAD, DOWN, now);
        gate.recordOutcome(DEAD, OK, now);
        gate.recordOutcome(DEAD, DOWN, now);
        gate.recordOutcome(DEAD, DOWN, now);

        assertThat(gate.outage(DEAD, now).map(EndpointGate.Outage::until)).isEqualTo(Optional.empty());
    }

    @Test
    void closedGateAdmitsNothingAndDrainsWhenTheLastPassLeaves() throws Exception {
        var admission = gate.tryAdmit(HEALTHY, TEAM).orElseThrow();
        Thread leaver = new Thread(() -> {
            sleep(200);
            gate.release(admission);
        });
        leaver.start();

        boolean drained = gate.closeAndDrain(Duration.ofSeconds(10));

        assertThat(drained).isTrue();
        assertThat(gate.closed()).isTrue();
        assertThat(gate.tryAdmit(HEALTHY, TEAM)).isEmpty();
    }

    @Test
    void drainGivesUpAfterTheGracePeriod() throws Exception {
        gate.tryAdmit(HEALTHY, TEAM).orElseThrow();

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
