package com.rateup.webhooks.webhooks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "webhook")
@NamedQuery(name = Webhook.OF_SURVEY, query = "select w from Webhook w where w.surveyId = :surveyId")
@NamedQuery(name = Webhook.OF_SURVEYS, query = "select w from Webhook w where w.surveyId in :surveyIds")
@NamedQuery(name = Webhook.MARK_FAILING, query = "update Webhook w set w.failingSince = :now"
        + " where w.surveyId = :surveyId and w.failingSince is null")
@NamedQuery(name = Webhook.MARK_HEALTHY, query = "update Webhook w set w.failingSince = null"
        + " where w.surveyId = :surveyId and w.failingSince is not null")
@NamedQuery(name = Webhook.DISABLE, query = "update Webhook w set w.state = com.rateup.webhooks.webhooks.entity.WebhookState.DISABLED,"
        + " w.disabledReason = :reason, w.disabledAt = :now, w.version = w.version + 1"
        + " where w.surveyId = :surveyId and w.state = com.rateup.webhooks.webhooks.entity.WebhookState.ENABLED")
public class Webhook {

    static final String DISABLED_BY_THE_TEAM = "disabled by the team";

    public static final String OF_SURVEY = "Webhook.ofSurvey";
    public static final String OF_SURVEYS = "Webhook.ofSurveys";
    public static final String MARK_FAILING = "Webhook.markFailing";
    public static final String MARK_HEALTHY = "Webhook.markHealthy";
    public static final String DISABLE = "Webhook.disable";
    public static final String SECRET_PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    private String id;

    @Column(name = "survey_id")
    private String surveyId;

    private String url;

    @Enumerated(EnumType.STRING)
    private WebhookState state;

    /** Plain in memory, encrypted in the database: the converter is mapped in META-INF/orm.xml, so this entity names no control class. */
    private String secret;

    @Column(name = "previous_secret")
    private String previousSecret;

    @Column(name = "previous_secret_expires_at")
    private Instant previousSecretExpiresAt;

    @Column(name = "secret_rotated_at")
    private Instant secretRotatedAt;

    @Column(name = "secret_rotated_by")
    private String secretRotatedBy;

    @Column(name = "disabled_reason")
    private String disabledReason;

    @Column(name = "disabled_at")
    private Instant disabledAt;

    /** Since when every attempt failed; null while the receiver answers. */
    @Column(name = "failing_since")
    private Instant failingSince;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected Webhook() {
    }

    public Webhook(String surveyId, URI url, boolean enabled) {
        this.id = UUID.randomUUID().toString();
        this.surveyId = surveyId;
        this.state = WebhookState.ENABLED;
        this.secret = newSecret();
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
        change(url, enabled);
    }

    /** A change by the admin; enabling it (again) clears why it was disabled and its failure history. */
    public void change(URI newUrl, boolean nowEnabled) {
        this.url = newUrl.toString();
        this.updatedAt = Instant.now();
        if (nowEnabled) {
            this.state = WebhookState.ENABLED;
            this.disabledReason = null;
            this.disabledAt = null;
            this.failingSince = null;
        } else if (state == WebhookState.ENABLED) {
            this.state = WebhookState.DISABLED;
            this.disabledReason = DISABLED_BY_THE_TEAM;
            this.disabledAt = updatedAt;
        }
    }

    /** A new secret signs from now on; the old one keeps signing the Standard Webhooks header for the grace period. */
    public void rotateSecret(Duration grace, String by) {
        Instant now = Instant.now();
        secretRotatedBy = by;
        previousSecret = secret;
        previousSecretExpiresAt = now.plus(grace);
        secret = newSecret();
        secretRotatedAt = now;
        updatedAt = now;
    }

    /** The current secret first, then the previous one while its grace period lasts. */
    public List<String> signingSecrets(Instant at) {
        List<String> secrets = new ArrayList<>(2);
        secrets.add(secret);
        if (previousSecret != null && previousSecretExpiresAt != null && at.isBefore(previousSecretExpiresAt)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }

    private static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    public String id() {
        return id;
    }

    public String surveyId() {
        return surveyId;
    }

    public URI url() {
        return URI.create(url);
    }

    /**
     * Disabled by the system (its endpoint failed for {@code auto-disable-after}, or answered 410),
     * not by the team: responses that arrive meanwhile wait for it to be enabled again. A team that
     * switches its webhook off on purpose does not want them.
     */
    public boolean waitsForReenabling() {
        return state == WebhookState.DISABLED && !DISABLED_BY_THE_TEAM.equals(disabledReason);
    }

    public boolean enabled() {
        return state == WebhookState.ENABLED;
    }

    public String secret() {
        return secret;
    }

    public Instant previousSecretExpiresAt() {
        return previousSecretExpiresAt;
    }

    /** Who rotated the secret last: a user name of the admin pages or an API token's id. */
    public String secretRotatedBy() {
        return secretRotatedBy;
    }

    public Instant secretRotatedAt() {
        return secretRotatedAt;
    }

    public String disabledReason() {
        return disabledReason;
    }

    public Instant disabledAt() {
        return disabledAt;
    }

    public Instant failingSince() {
        return failingSince;
    }

    /** Enabled, but every attempt since {@link #failingSince()} failed. */
    public boolean failing() {
        return enabled() && failingSince != null;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
