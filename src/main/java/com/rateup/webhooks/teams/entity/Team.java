package com.rateup.webhooks.teams.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

@Entity
@Table(name = "team")
@NamedQuery(name = Team.ALL, query = "select t from Team t order by t.name, t.id")
public class Team {

    public static final String ALL = "Team.all";

    @Id
    private String id;

    private String name;

    @Column(name = "created_at")
    private Instant createdAt;

    protected Team() {
    }

    public Team(String name) {
        this.id = UUID.randomUUID().toString();
        this.name = Objects.requireNonNull(name).strip();
        this.createdAt = Instant.now();
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
