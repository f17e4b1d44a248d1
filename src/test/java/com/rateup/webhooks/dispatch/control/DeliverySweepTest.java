package com.rateup.webhooks.dispatch.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.rateup.webhooks.outbox.control.DeliveryPolicy;
import com.rateup.webhooks.platform.control.DatabaseOutage;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeliverySweepTest {


    private final ClaimingStore store = new ClaimingStore();
    private final RecordingDispatcher dispatcher = new RecordingDispatcher();
    private final EndpointGate gate = EndpointGateTest.gate(16, 8, 12);
    private final DeliverySweep sweep = new DeliverySweep();

    private static DeliveryStore.DueWebhook due(String team, String webhook) {
        return new DeliveryStore.DueWebhook(team, webhook, URI.create("https://hooks.example/" + webhook));
    }

    @BeforeEach
    void sweepWithTwoSlotsPerEndpointAtFirst() {
        sweep.store = store;
        sweep.dispatcher = dispatcher;
        sweep.gate = gate;
        sweep.outage = new DatabaseOutage();
        sweep.policy = new DeliveryPolicy() {
            @Override
            public int sweepBatch() {
                return 200;
            }
        };
    }

    @Test
    void teamsTakeTurnsEachWithItsOldestDueWebhookFirst() {
        List<DeliveryStore.DueWebhook> oldestDueFirst = List.of(due("a", "a1"), due("a", "a2"), due("a", "a3"),
                due("b", "b1"), due("a", "a4"), due("c", "c1"), due("b", "b2"));

        assertThat(DeliverySweep.takingTeamsInTurn(oldestDueFirst)).extracting(DeliveryStore.DueWebhook::webhookId)
                .containsExactly("a1", "b1", "c1", "a2", "b2", "a3", "a4");
    }

    @Test
    void aPassClaimsWhatTheSlotsAdmitAcrossWebhooksInOneClaimAndDispatchesIt() {
        store.due = Map.of("w1", List.of("d1", "d2", "d3"), "w2", List.of("d4"));
        store.webhooks = List.of(due("a", "w1"), due("b", "w2"));

        sweep.sweep();

        // a new endpoint starts with two slots: d3 waits
        assertThat(store.claims).containsExactly(List.of("d1", "d2", "d4"));
        assertThat(dispatcher.dispatched).containsExactlyInAnyOrder("d1", "d2", "d4");
        assertThat(gate.inFlight()).isEqualTo(3);
    }

    @Test
    void theAdmissionOfADeliveryAnotherClaimerWonIsReleased() {
        store.due = Map.of("w1", List.of("d1", "d2"));
        store.webhooks = List.of(due("a", "w1"));
        store.answer = ids -> List.of(leased("d2"));

        sweep.sweep();

        assertThat(dispatcher.dispatched).containsExactly("d2");
        assertThat(gate.inFlight()).isEqualTo(1);
    }

    @Test
    void aClaimThatFailsReleasesEveryAdmissionOfThePass() {
        store.due = Map.of("w1", List.of("d1", "d2"), "w2", List.of("d3"));
        store.webhooks = List.of(due("a", "w1"), due("a", "w2"));
        store.answer = ids -> {
            throw new IllegalStateException("the database went away");
        };

        sweep.sweep();

        assertThat(dispatcher.dispatched).isEmpty();
        assertThat(gate.inFlight()).isZero();
    }

    private static LeasedDelivery leased(String deliveryId) {
        return new LeasedDelivery(deliveryId, "owner-of-" + deliveryId, null);
    }

    /** Due work as given; a claim wins every delivery unless told otherwise. */
    static class ClaimingStore extends DeliveryStore {

        Map<String, List<String>> due = Map.of();
        List<DueWebhook> webhooks = List.of();
        Function<Collection<String>, List<LeasedDelivery>> answer = ids -> ids.stream().map(DeliverySweepTest::leased).toList();
        final List<List<String>> claims = new ArrayList<>();

        @Override
        public List<DueWebhook> dueWebhooks(int limit) {
            return webhooks;
        }

        @Override
        public List<String> dueOf(String webhookId, int limit) {
            List<String> all = due.getOrDefault(webhookId, List.of());
            return all.subList(0, Math.min(limit, all.size()));
        }

        @Override
        public List<LeasedDelivery> claim(Collection<String> deliveryIds) {
            claims.add(deliveryIds.stream().sorted().toList());
            return answer.apply(deliveryIds);
        }

        @Override
        public Optional<Instant> earliestDue() {
            return Optional.empty();
        }
    }

    /** Holds what it is given: a dispatched delivery keeps its admission. */
    static class RecordingDispatcher extends DeliveryDispatcher {

        final List<String> dispatched = new ArrayList<>();

        @Override
        public void dispatch(LeasedDelivery leased, EndpointGate.Admission admission) {
            dispatched.add(leased.deliveryId());
        }
    }
}
