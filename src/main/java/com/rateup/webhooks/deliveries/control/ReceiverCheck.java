package com.rateup.webhooks.deliveries.control;

import com.rateup.webhooks.dispatch.control.DeliveryAttempts;
import com.rateup.webhooks.egress.control.WebhookRequest;
import com.rateup.webhooks.outbox.control.PayloadWriter;
import com.rateup.webhooks.outbox.entity.AttemptResult;
import com.rateup.webhooks.surveys.entity.Survey;
import com.rateup.webhooks.webhooks.entity.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * "Check my receiver": three sample events marked as tests, sent now: one signed with the webhook's
 * secret, one signed with a secret nobody has, one correctly signed ten minutes ago (its
 * {@code webhook-timestamp} and {@code x-rateup-triggered-at} say so). A receiver that verifies
 * accepts only the first. Rejecting means answering with a status other than 2xx; no answer is not a
 * rejection. Not stored, not retried, not counted in the endpoint's health.
 */
@ApplicationScoped
public class ReceiverCheck {

    static final Duration STALE = Duration.ofMinutes(10);

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    DeliveryAttempts attempts;

    public Verdict check(Survey survey, Webhook webhook) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant then = now.minus(STALE);
        List<String> secrets = webhook.signingSecrets(now);
        AttemptResult signed = send(webhook, PayloadWriter.sample(survey, now), now, secrets);
        AttemptResult misSigned = send(webhook, PayloadWriter.sample(survey, now), now, List.of(forgedSecret()));
        AttemptResult stale = send(webhook, PayloadWriter.sample(survey, then), then, secrets);
        Boolean matches = webhook.filter().map(filter -> filter.matches(PayloadWriter.sample(survey, now))).orElse(null);
        return Verdict.of(signed, misSigned, stale, matches);
    }

    private AttemptResult send(Webhook webhook, String payload, Instant at, List<String> secrets) {
        return attempts.postTestEvent(WebhookRequest.test(UUID.randomUUID().toString(), webhook.url(), payload, at, secrets, webhook.authentication()));
    }

    private static String forgedSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Webhook.SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /**
     * What the three events showed, and what it means for the team in one sentence; {@code sampleMatchesFilter}:
     * whether the webhook's filter would let the sample through (sent anyway), null without a filter.
     */
    public record Verdict(boolean acceptsSigned, boolean rejectsMisSigned, boolean rejectsStale, String verdict, Boolean sampleMatchesFilter)
            implements Serializable {

        static Verdict of(AttemptResult signed, AttemptResult misSigned, AttemptResult stale, Boolean sampleMatchesFilter) {
            boolean accepts = signed.succeeded();
            boolean rejectsForged = rejected(misSigned);
            boolean rejectsOld = rejected(stale);
            String verdict;
            if (!accepts) {
                verdict = "your receiver did not accept a correctly signed event (" + signed.outcome()
                        + "): check its secret, and that it verifies the raw body";
            } else if (!rejectsForged) {
                verdict = "your receiver accepts events with a wrong signature (" + misSigned.outcome()
                        + "): anyone can forge them";
            } else if (!rejectsOld) {
                verdict = "your receiver accepts an event signed 10 minutes ago (" + stale.outcome()
                        + "): a captured event can be replayed; reject a webhook-timestamp older than 5 minutes";
            } else {
                verdict = "your receiver verifies signatures and rejects stale events";
            }
            return new Verdict(accepts, rejectsForged, rejectsOld, verdict, sampleMatchesFilter);
        }

        /** The receiver did all three right. */
        public boolean passed() {
            return acceptsSigned && rejectsMisSigned && rejectsStale;
        }

        private static boolean rejected(AttemptResult result) {
            return result.statusCode() != null && !result.succeeded();
        }
    }
}
