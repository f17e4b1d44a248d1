package com.rateup.webhooks.webhooks.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@Entity
@Table(name = "webhook")
@NamedQuery(name = Webhook.OF_SURVEY, query = "select w from Webhook w where w.surveyId = :surveyId")
@NamedQuery(name = Webhook.OF_SURVEYS, query = "select w from Webhook w where w.surveyId in :surveyIds")
@NamedQuery(name = Webhook.OF_TEAM, query = "select w from Webhook w where w.teamId = :teamId"
        + " and w.reach <> com.rateup.webhooks.webhooks.entity.Reach.ALERTS order by w.createdAt, w.id")
@NamedQuery(name = Webhook.ALERTS_OF_TEAM, query = "select w from Webhook w where w.teamId = :teamId"
        + " and w.reach = com.rateup.webhooks.webhooks.entity.Reach.ALERTS")
// "member of" would join the scope table into the outer query (EclipseLink), dropping the survey's own webhook
@NamedQuery(name = Webhook.RECEIVING, query = "select w from Webhook w where w.teamId = :teamId"
        + " and w.events like '%,response.created,%' and (w.surveyId = :surveyId"
        + " or (w.surveyId is null and (w.reach = com.rateup.webhooks.webhooks.entity.Reach.ALL"
        + " or exists (select v.id from Webhook v join v.surveyIds listed where v.id = w.id and listed = :surveyId))))"
        + " order by w.createdAt, w.id")
@NamedQuery(name = Webhook.SUBSCRIBED, query = "select w from Webhook w where w.teamId = :teamId and w.events like :event"
        + " order by w.createdAt, w.id")
@NamedQuery(name = Webhook.COUNT_TEAM_WEBHOOKS, query = "select count(w) from Webhook w where w.teamId = :teamId"
        + " and w.reach in (com.rateup.webhooks.webhooks.entity.Reach.LISTED, com.rateup.webhooks.webhooks.entity.Reach.ALL)")
@NamedQuery(name = Webhook.MARK_FAILING, query = "update Webhook w set w.failingSince = :now"
        + " where w.id = :id and w.failingSince is null")
@NamedQuery(name = Webhook.MARK_HEALTHY, query = "update Webhook w set w.failingSince = null"
        + " where w.id = :id and w.failingSince is not null")
@NamedQuery(name = Webhook.DISABLE, query = "update Webhook w set w.state = com.rateup.webhooks.webhooks.entity.WebhookState.DISABLED,"
        + " w.disabledReason = :reason, w.disabledAt = :now, w.version = w.version + 1"
        + " where w.id = :id and w.state = com.rateup.webhooks.webhooks.entity.WebhookState.ENABLED")
public class Webhook {

    static final String DISABLED_BY_THE_TEAM = "disabled by the team";

    public static final String OF_SURVEY = "Webhook.ofSurvey";
    public static final String OF_SURVEYS = "Webhook.ofSurveys";
    public static final String OF_TEAM = "Webhook.ofTeam";
    public static final String ALERTS_OF_TEAM = "Webhook.alertsOfTeam";
    public static final String RECEIVING = "Webhook.receiving";
    public static final String SUBSCRIBED = "Webhook.subscribed";
    public static final String COUNT_TEAM_WEBHOOKS = "Webhook.countTeamWebhooks";
    public static final String MARK_FAILING = "Webhook.markFailing";
    public static final String MARK_HEALTHY = "Webhook.markHealthy";
    public static final String DISABLE = "Webhook.disable";
    public static final String SECRET_PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    private String id;

    @Column(name = "team_id")
    private String teamId;

    /** The survey whose own webhook this is (the URL on its Settings tab); null for a team webhook. */
    @Column(name = "survey_id")
    private String surveyId;

    @Enumerated(EnumType.STRING)
    private Reach reach;

    /** The surveys it receives when its reach is LISTED. */
    @ElementCollection
    @CollectionTable(name = "webhook_survey", joinColumns = @JoinColumn(name = "webhook_id"))
    @Column(name = "survey_id")
    private Set<String> surveyIds = new HashSet<>();

    private String description;

    private String url;

    /** The event types it receives, as {@code ,a,b,} (so that one is matched with like '%,a,%'). */
    private String events;

    /** Its {@link PayloadFilter} as saved; null: it receives every payload of its events. */
    @Column(name = "payload_filter")
    private String payloadFilter;

    /** Parsed once per loaded entity: the intake asks for every response. */
    @Transient
    private transient Optional<PayloadFilter> filter;

    /** What it may see of the respondent ({@link PersonalData}). */
    @Enumerated(EnumType.STRING)
    @Column(name = "phone_policy")
    private PersonalData.Phone phonePolicy = PersonalData.Phone.SEND;

    @Enumerated(EnumType.STRING)
    @Column(name = "free_text_policy")
    private PersonalData.FreeText freeTextPolicy = PersonalData.FreeText.SEND;

    /**
     * What the receiver requires besides the signature ({@link EndpointAuthentication#stored()}), null for none;
     * plain in memory, encrypted in the database like the secrets (META-INF/orm.xml).
     */
    private String authentication;

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

    private Webhook(String teamId, URI url, boolean enabled) {
        this.id = UUID.randomUUID().toString();
        this.teamId = teamId;
        this.state = WebhookState.ENABLED;
        this.secret = newSecret();
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
        change(url, enabled);
        subscribe(EventType.DEFAULT);
    }

    /** The survey's own webhook: the one on its Settings tab, which receives that survey only. */
    public static Webhook ofSurvey(String teamId, String surveyId, URI url, boolean enabled) {
        Webhook webhook = new Webhook(teamId, url, enabled);
        webhook.surveyId = surveyId;
        webhook.reach = Reach.SURVEY;
        return webhook;
    }

    /** The team's alert endpoint: it receives alerts about the team's webhooks, not responses. */
    public static Webhook forAlerts(String teamId, URI url, boolean enabled) {
        Webhook webhook = new Webhook(teamId, url, enabled);
        webhook.reach = Reach.ALERTS;
        webhook.subscribe(EventType.ALERTS);
        return webhook;
    }

    /** A team webhook, receiving the surveys of its scope. */
    public static Webhook ofTeam(String teamId, URI url, boolean enabled, String description, Scope scope) {
        Webhook webhook = new Webhook(teamId, url, enabled);
        webhook.describe(description, scope);
        return webhook;
    }

    /** A team webhook's description and scope; a survey's own webhook keeps its survey as its scope. */
    public void describe(String newDescription, Scope scope) {
        this.description = newDescription;
        if (reach == Reach.LISTED || reach == Reach.ALL || reach == null) {
            this.reach = scope.all() ? Reach.ALL : Reach.LISTED;
            this.surveyIds.clear();
            this.surveyIds.addAll(scope.surveyIds());
        }
        this.updatedAt = Instant.now();
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

    /** From now on it receives these event types (in their order of declaration) and no others. */
    public void subscribe(Set<EventType> types) {
        StringBuilder text = new StringBuilder(",");
        EnumSet.copyOf(types).forEach(type -> text.append(type.wireName()).append(','));
        this.events = text.toString();
        this.updatedAt = Instant.now();
    }

    /** The event types it receives. */
    public Set<EventType> events() {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        for (String name : events.split(",")) {
            EventType.ofWireName(name).ifPresent(types::add);
        }
        return types;
    }

    /** What it receives of its events; empty: everything. */
    public Optional<PayloadFilter> filter() {
        if (filter == null) {
            filter = PayloadFilter.ofStored(payloadFilter);
        }
        return filter;
    }

    /** Whether its filter lets this payload (the JSON text as it is sent) through; without a filter, everything. */
    public boolean wants(String payload) {
        return filter().map(given -> given.matches(payload)).orElse(true);
    }

    public void filter(Optional<PayloadFilter> given) {
        this.payloadFilter = given.map(PayloadFilter::text).orElse(null);
        this.filter = given;
        this.updatedAt = Instant.now();
    }

    public PersonalData personalData() {
        return new PersonalData(phonePolicy, freeTextPolicy);
    }

    /** The members the policy names; the others stay. */
    public void personalData(PersonalData given) {
        PersonalData next = given.over(personalData());
        this.phonePolicy = next.phone();
        this.freeTextPolicy = next.freeText();
        this.updatedAt = Instant.now();
    }

    public EndpointAuthentication authentication() {
        return EndpointAuthentication.ofStored(authentication);
    }

    /** Credentials the given one leaves null are kept from the present one of the same type. */
    public void authenticate(EndpointAuthentication given) {
        EndpointAuthentication next = given.keeping(authentication());
        if (next.missing() != null) {
            throw new EndpointAuthentication.Incomplete(next.missing());
        }
        this.authentication = next instanceof EndpointAuthentication.None ? null : next.stored().toString();
        this.updatedAt = Instant.now();
    }

    public boolean receives(EventType type) {
        return events.contains("," + type.wireName() + ",");
    }

    /** The pattern of {@link #SUBSCRIBED}'s {@code :event}. */
    public static String subscribedPattern(EventType type) {
        return "%," + type.wireName() + ",%";
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

    public String teamId() {
        return teamId;
    }

    /** The survey whose own webhook this is; empty for a team webhook. */
    public Optional<String> ownerSurveyId() {
        return Optional.ofNullable(surveyId);
    }

    /** The surveys it receives: all of the team's, or those listed (for a survey's own webhook: that survey). */
    public Scope scope() {
        return switch (reach) {
            case SURVEY -> Scope.of(Set.of(surveyId));
            case ALL -> Scope.ALL;
            case LISTED -> Scope.of(surveyIds);
            case ALERTS -> Scope.of(Set.of());
        };
    }

    public Reach reach() {
        return reach;
    }

    public String description() {
        return description;
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

    /** What a webhook receives: every survey and flow of its team ({@link #ALL}), or the ones listed. */
    public record Scope(boolean all, Set<String> surveyIds) {

        public static final Scope ALL = new Scope(true, Set.of());

        public Scope {
            surveyIds = Set.copyOf(surveyIds);
        }

        public static Scope of(Set<String> surveyIds) {
            return new Scope(false, surveyIds);
        }

        public boolean includes(String surveyId) {
            return all || surveyIds.contains(surveyId);
        }
    }
}
