package com.rateup.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The cycle finder the architecture rule relies on finds what it must, and nothing else. Cost: milliseconds. */
class ClassCyclesTest {

    @Test
    void findsEachCycleOnceAndLeavesOneWayChainsAlone() {
        var uses = Map.of(
                "Outbox", Set.of("Dispatcher"),
                "Dispatcher", Set.of("Store"),
                "Store", Set.of("Alerts", "Policy"),
                "Alerts", Set.of("Outbox"),
                "Log", Set.of("Query"),
                "Query", Set.of("Log"),
                "Policy", Set.<String>of(),
                "Sweep", Set.of("Store"));

        assertThat(ClassCycles.of(uses)).containsExactlyInAnyOrder(
                Set.of("Outbox", "Dispatcher", "Store", "Alerts"), Set.of("Log", "Query"));
    }

    @Test
    void aGraphWithoutCyclesHasNone() {
        assertThat(ClassCycles.of(Map.of("A", Set.of("B", "C"), "B", Set.of("C"), "C", Set.of()))).isEmpty();
    }
}
