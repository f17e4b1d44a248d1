package com.rateup.webhooks.teams.control;

import com.rateup.webhooks.teams.entity.Team;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class TeamDirectory {

    @PersistenceContext
    EntityManager em;

    /** By name; for the administrator's team filter. */
    public List<Team> all() {
        return em.createNamedQuery(Team.ALL, Team.class).getResultList();
    }

    public Optional<Team> find(String teamId) {
        return Optional.ofNullable(teamId == null ? null : em.find(Team.class, teamId));
    }
}
