package com.rateup.webhooks.webhooks.control;

import com.rateup.webhooks.surveys.control.TeamSurveys;
import com.rateup.webhooks.surveys.entity.Survey;
import com.rateup.webhooks.teams.entity.Team;
import com.rateup.webhooks.webhooks.entity.Reach;
import com.rateup.webhooks.webhooks.entity.EndpointAuthentication;
import com.rateup.webhooks.webhooks.entity.Receives;
import com.rateup.webhooks.webhooks.entity.EventType;
import com.rateup.webhooks.webhooks.entity.Webhook;
import com.rateup.webhooks.webhooks.entity.WebhookRemoved;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A team's webhooks: each survey's own one (the URL on its Settings tab) and the team webhooks,
 * which receive the surveys of their scope. Found only within their team, like surveys.
 */
@ApplicationScoped
public class TeamWebhooks {

    @PersistenceContext
    EntityManager em;

    @Inject
    SsrfProtection ssrf;

    @Inject
    TeamSurveys surveys;

    @Inject
    Event<WebhookRemoved> removed;

    @Inject
    WebhookConfig config;

    /** The webhook whatever its team, for the delivery path, which has its id from a stored delivery. */
    public Optional<Webhook> find(String webhookId) {
        return Optional.ofNullable(webhookId == null ? null : em.find(Webhook.class, webhookId));
    }

    /** The team's webhook; empty for a missing one and for another team's alike, and for its alert endpoint. */
    public Optional<Webhook> find(String teamId, String webhookId) {
        return find(webhookId).filter(webhook -> webhook.teamId().equals(teamId) && webhook.reach() != Reach.ALERTS);
    }

    /** The team's alert endpoint, if it has one. */
    public Optional<Webhook> alertsOf(String teamId) {
        return em.createNamedQuery(Webhook.ALERTS_OF_TEAM, Webhook.class).setParameter("teamId", teamId).getResultStream().findFirst();
    }

    /**
     * Creates the team's alert endpoint (with a new secret) or changes its URL and switch; guarded like
     * a webhook's URL. The team row is locked meanwhile, so a team never gets two.
     */
    @Transactional
    public Saved saveAlerts(String teamId, URI url, boolean enabled, Receives receives) {
        refuseUnsafe(url, receives);
        em.find(Team.class, teamId, LockModeType.PESSIMISTIC_WRITE);
        Optional<Webhook> existing = alertsOf(teamId);
        existing.ifPresent(alerts -> alerts.change(url, enabled));
        Webhook alerts = existing.orElseGet(() -> {
            Webhook created = Webhook.forAlerts(teamId, url, enabled);
            em.persist(created);
            return created;
        });
        receives.applyTo(alerts);
        return new Saved(alerts, existing.isEmpty());
    }

    /** The survey's own webhook: the one on its Settings tab. */
    public Optional<Webhook> ofSurvey(String surveyId) {
        return em.createNamedQuery(Webhook.OF_SURVEY, Webhook.class)
                .setParameter("surveyId", surveyId)
                .getResultStream()
                .findFirst();
    }

    /** The own webhooks of these surveys, by survey id. */
    public Map<String, Webhook> ofSurveys(Collection<String> surveyIds) {
        if (surveyIds.isEmpty()) {
            return Map.of();
        }
        return em.createNamedQuery(Webhook.OF_SURVEYS, Webhook.class)
                .setParameter("surveyIds", surveyIds)
                .getResultStream()
                .collect(Collectors.toMap(webhook -> webhook.ownerSurveyId().orElseThrow(), webhook -> webhook));
    }

    /** Every webhook of the team, oldest first. */
    public List<Webhook> ofTeam(String teamId) {
        return em.createNamedQuery(Webhook.OF_TEAM, Webhook.class).setParameter("teamId", teamId).getResultList();
    }

    /** The webhooks that receive the survey's responses: its own and the team webhooks whose scope holds it. */
    public List<Webhook> receiving(String teamId, String surveyId) {
        return em.createNamedQuery(Webhook.RECEIVING, Webhook.class)
                .setParameter("teamId", teamId)
                .setParameter("surveyId", surveyId)
                .getResultList();
    }

    /**
     * Deletes the webhook; its pending deliveries end in the same transaction ({@link WebhookRemoved}),
     * so they are never sent anywhere unasked, not even to a webhook created later.
     */
    @Transactional
    public void remove(String webhookId) {
        find(webhookId).ifPresent(webhook -> {
            removed.fire(new WebhookRemoved(webhookId));
            em.remove(webhook);
        });
    }

    /**
     * Creates the survey's own webhook (with a new secret) or changes its URL and switch; the secret
     * stays. The URL must already be a well-formed {@code @EndpointUrl}; here it is refused when
     * its host is not a public address (unless the operator allows private networks).
     */
    @Transactional
    public Saved saveOfSurvey(String teamId, String surveyId, URI url, boolean enabled, Receives receives) {
        refuseUnsafe(url, receives);
        Optional<Webhook> existing = ofSurvey(surveyId);
        existing.ifPresent(webhook -> webhook.change(url, enabled));
        Webhook webhook = existing.orElseGet(() -> {
            Webhook created = Webhook.ofSurvey(teamId, surveyId, url, enabled);
            em.persist(created);
            return created;
        });
        receives.applyTo(webhook);
        return new Saved(webhook, existing.isEmpty());
    }

    /**
     * A new team webhook with its own secret. The team's row is locked while its webhooks are counted,
     * so two concurrent requests cannot both pass {@code rateup.team.max-webhooks}.
     */
    @Transactional
    public Webhook create(String teamId, URI url, boolean enabled, String description, Webhook.Scope scope, Receives receives) {
        refuseUnsafe(url, receives);
        refuseForeign(teamId, scope);
        em.find(Team.class, teamId, LockModeType.PESSIMISTIC_WRITE);
        long count = em.createNamedQuery(Webhook.COUNT_TEAM_WEBHOOKS, Long.class).setParameter("teamId", teamId).getSingleResult();
        if (count >= config.maxTeamWebhooks()) {
            throw new TooManyWebhooks(config.maxTeamWebhooks());
        }
        Webhook webhook = Webhook.ofTeam(teamId, url, enabled, description, scope);
        receives.applyTo(webhook);
        em.persist(webhook);
        return webhook;
    }

    /** Changes a webhook; a survey's own webhook keeps its survey as its scope. Empty when it is gone. */
    @Transactional
    public Optional<Webhook> change(String webhookId, URI url, boolean enabled, String description, Webhook.Scope scope,
            Receives receives) {
        refuseUnsafe(url, receives);
        return find(webhookId).map(webhook -> {
            refuseForeign(webhook.teamId(), scope);
            webhook.change(url, enabled);
            webhook.describe(description, scope);
            receives.applyTo(webhook);
            return webhook;
        });
    }

    /** A new secret, recorded with who asked for it; the previous one keeps signing the Standard Webhooks header for {@code rateup.webhook.secret-grace}. */
    @Transactional
    public Optional<Webhook> rotateSecret(String webhookId, String rotatedBy) {
        Optional<Webhook> webhook = find(webhookId);
        webhook.ifPresent(it -> it.rotateSecret(config.secretGrace(), rotatedBy));
        return webhook;
    }

    /** The team's webhooks that receive alerts of this type, whatever their state, oldest first. */
    public List<Webhook> subscribedTo(String teamId, EventType type) {
        return em.createNamedQuery(Webhook.SUBSCRIBED, Webhook.class)
                .setParameter("teamId", teamId)
                .setParameter("event", Webhook.subscribedPattern(type))
                .getResultList();
    }

    private void refuseUnsafe(URI url, Receives receives) {
        ssrf.refusal(url).ifPresent(refusal -> {
            throw new RefusedEndpoint("url", refusal);
        });
        refuseUnsafeTokenUrl(receives);
    }

    /** An OAuth2 token endpoint is reached under the same rules as the receiver. */
    private void refuseUnsafeTokenUrl(Receives receives) {
        if (receives.authentication() instanceof EndpointAuthentication.OAuth2 oauth2) {
            ssrf.refusal(oauth2.tokenUrl()).ifPresent(refusal -> {
                throw new RefusedEndpoint("authentication.tokenUrl", refusal);
            });
        }
    }

    private void refuseForeign(String teamId, Webhook.Scope scope) {
        List<String> unknown = scope.surveyIds().stream().filter(id -> surveys.find(teamId, id).isEmpty()).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new UnknownSurveys(unknown);
        }
    }

    /**
     * Notes that the webhook's receiver failed an attempt. Bulk updates, here and below: they must
     * not conflict with an admin editing the settings at the same moment.
     */
    public void markFailing(String webhookId, Instant now) {
        em.createNamedQuery(Webhook.MARK_FAILING).setParameter("id", webhookId).setParameter("now", now).executeUpdate();
    }

    public void markHealthy(String webhookId) {
        em.createNamedQuery(Webhook.MARK_HEALTHY).setParameter("id", webhookId).executeUpdate();
    }

    /** Stops deliveries to the webhook, keeping them pending until it is enabled again. */
    public void disable(String webhookId, String reason, Instant now) {
        em.createNamedQuery(Webhook.DISABLE)
                .setParameter("id", webhookId)
                .setParameter("reason", reason)
                .setParameter("now", now)
                .executeUpdate();
    }

    public record Saved(Webhook webhook, boolean created) {
    }

    /** The endpoint's host is not a public address; the message says why, without a stack trace. */
    public static class RefusedEndpoint extends RuntimeException {

        private final String field;

        RefusedEndpoint(String field, String reason) {
            super(reason, null, false, false);
            this.field = field;
        }

        /** Which URL of the request: {@code url} or {@code authentication.tokenUrl}. */
        public String field() {
            return field;
        }
    }

    /** The scope names surveys the team does not have (missing or another team's: indistinguishable). */
    public static class UnknownSurveys extends RuntimeException {

        UnknownSurveys(List<String> ids) {
            super("no survey or flow " + String.join(", ", ids) + " in this team", null, false, false);
        }
    }

    /** The team has {@code rateup.team.max-webhooks} team webhooks already. */
    public static class TooManyWebhooks extends RuntimeException {

        TooManyWebhooks(int max) {
            super("the team has " + max + " webhooks, the most it may have (rateup.team.max-webhooks); delete one first",
                    null, false, false);
        }
    }

    /** The surveys and flows it receives now: its own, those of its list by id, or all of the team's, oldest first. */
    public List<Survey> surveysOf(Webhook webhook) {
        Webhook.Scope scope = webhook.scope();
        return scope.all()
                ? surveys.ofTeam(webhook.teamId())
                : scope.surveyIds().stream().sorted().map(id -> surveys.find(webhook.teamId(), id)).flatMap(Optional::stream).toList();
    }

    /** The survey a sample payload for the webhook is made of (test event, receiver check); empty when it receives none yet. */
    public Optional<Survey> sampledSurvey(Webhook webhook) {
        return surveysOf(webhook).stream().findFirst();
    }

    /** Changes what it receives (its events, filter or personal-data policy, as {@link Receives} says); empty when the webhook is gone. */
    @Transactional
    public Optional<Webhook> receive(String webhookId, Receives receives) {
        refuseUnsafeTokenUrl(receives);
        return find(webhookId).map(webhook -> {
            receives.applyTo(webhook);
            return webhook;
        });
    }

}
