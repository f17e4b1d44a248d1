package com.rateup.webhooks.deliveries.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.rateup.webhooks.outbox.entity.AttemptResult;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReceiverVerdictTest {

    private static final AttemptResult OK = AttemptResult.answered(Instant.EPOCH, 5, 200, "", null);
    private static final AttemptResult UNAUTHORIZED = AttemptResult.answered(Instant.EPOCH, 5, 401, "", null);
    private static final AttemptResult NO_ANSWER = AttemptResult.failed(Instant.EPOCH, 1500, "no answer within 1500 ms");

    @Test
    void aReceiverThatVerifiesPasses() {
        ReceiverCheck.Verdict verdict = ReceiverCheck.Verdict.of(OK, UNAUTHORIZED, UNAUTHORIZED, null);
        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.verdict()).isEqualTo("your receiver verifies signatures and rejects stale events");
    }

    @Test
    void eachFailingIsNamedTheWorstFirst() {
        assertThat(ReceiverCheck.Verdict.of(UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED, null).verdict())
                .startsWith("your receiver did not accept a correctly signed event (answered 401)");
        assertThat(ReceiverCheck.Verdict.of(OK, OK, OK, null).verdict()).contains("wrong signature").contains("anyone can forge them");
        assertThat(ReceiverCheck.Verdict.of(OK, UNAUTHORIZED, OK, null).verdict()).contains("signed 10 minutes ago").contains("replayed");
    }

    @Test
    void noAnswerIsNotARejection() {
        ReceiverCheck.Verdict verdict = ReceiverCheck.Verdict.of(OK, NO_ANSWER, UNAUTHORIZED, null);
        assertThat(verdict.rejectsMisSigned()).isFalse();
        assertThat(verdict.passed()).isFalse();
    }
}
