package com.rateup.webhooks.teams.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * A team's API token. Only its SHA-256 is stored: tokens are 32 random bytes, so a plain hash
 * cannot be brute-forced, and it lets the token be looked up by an index.
 */
@Entity
@Table(name = "api_token")
@NamedQuery(name = ApiToken.ACTIVE_BY_HASH,
        query = "select t from ApiToken t where t.tokenHash = :hash and t.revokedAt is null")
@NamedQuery(name = ApiToken.OF_TEAM, query = "select t from ApiToken t where t.teamId = :teamId order by t.createdAt, t.id")
public class ApiToken {

    public static final String ACTIVE_BY_HASH = "ApiToken.activeByHash";
    public static final String OF_TEAM = "ApiToken.ofTeam";
    private static final String PREFIX = "rut_";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    private String id;

    @Column(name = "team_id")
    private String teamId;

    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiToken() {
    }

    private ApiToken(String teamId, String tokenHash) {
        this.id = UUID.randomUUID().toString();
        this.teamId = teamId;
        this.tokenHash = tokenHash;
        this.createdAt = Instant.now();
    }

    /** A new token for the team; the plain value exists only in the returned pair. */
    public static Issued issueFor(Team team) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String plain = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        return new Issued(new ApiToken(team.id(), hash(plain)), plain);
    }

    public static String hash(String plainToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(plainToken.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public void markUsed(Instant when) {
        lastUsedAt = when;
    }

    /** From now on the token authenticates nothing; revoking twice keeps the first time. */
    public void revoke(Instant when) {
        if (revokedAt == null) {
            revokedAt = when;
        }
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public String id() {
        return id;
    }

    public String teamId() {
        return teamId;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public record Issued(ApiToken token, String plainValue) {
    }
}
