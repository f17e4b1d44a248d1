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
public class Webhook {

    public static final String OF_SURVEY = "Webhook.ofSurvey";
    public static final String SECRET_PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    private String id;

    @Column(name = "survey_id")
    private String surveyId;

    private String url;

    @Enumerated(EnumType.STRING)
    private WebhookState state;

    private String secret;

    @Column(name = "previous_secret")
    private String previousSecret;

    @Column(name = "previous_secret_expires_at")
    private Instant previousSecretExpiresAt;

    @Column(name = "secret_rotated_at")
    private Instant secretRotatedAt;

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
        this.url = url.toString();
        this.state = enabled ? WebhookState.ENABLED : WebhookState.DISABLED;
        this.secret = newSecret();
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public void change(URI newUrl, boolean nowEnabled) {
        this.url = newUrl.toString();
        this.state = nowEnabled ? WebhookState.ENABLED : WebhookState.DISABLED;
        this.updatedAt = Instant.now();
    }

    /** A new secret signs from now on; the old one keeps signing the Standard Webhooks header for the grace period. */
    public void rotateSecret(Duration grace) {
        Instant now = Instant.now();
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

    public boolean enabled() {
        return state == WebhookState.ENABLED;
    }

    public String secret() {
        return secret;
    }

    public Instant previousSecretExpiresAt() {
        return previousSecretExpiresAt;
    }

    public Instant secretRotatedAt() {
        return secretRotatedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
