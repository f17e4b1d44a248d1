package com.rateup.webhooks.teams.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Someone who signs in to the admin pages and sees only the surveys of their team. */
@Entity
@Table(name = "team_user")
@NamedQuery(name = TeamUser.BY_USERNAME, query = "select u from TeamUser u where u.username = :username")
public class TeamUser {

    public static final String BY_USERNAME = "TeamUser.byUsername";

    @Id
    private String id;

    @Column(name = "team_id")
    private String teamId;

    private String username;

    /** PBKDF2, in the format of Jakarta Security's {@code Pbkdf2PasswordHash}. */
    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "created_at")
    private Instant createdAt;

    protected TeamUser() {
    }

    public TeamUser(String teamId, String username, String passwordHash) {
        this.id = UUID.randomUUID().toString();
        this.teamId = teamId;
        this.username = username;
        this.passwordHash = passwordHash;
        this.createdAt = Instant.now();
    }

    public String id() {
        return id;
    }

    public String teamId() {
        return teamId;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    /** The same password, hashed anew (a stronger setting than the stored hash was made with). */
    public void rehash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
