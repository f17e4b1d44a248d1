package com.rateup.webhooks.teams.control;

import com.rateup.webhooks.teams.entity.ApiToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class TeamTokens {

    /** Last-used times are informative; writing them at most once a minute spares a write per request. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    @PersistenceContext
    EntityManager em;

    /** The token, if it is a valid, unrevoked one; its team is the caller's. */
    @Transactional
    public Optional<ApiToken> authenticate(String plainToken) {
        if (plainToken.isEmpty() || plainToken.length() > 200) {
            return Optional.empty();
        }
        return em.createNamedQuery(ApiToken.ACTIVE_BY_HASH, ApiToken.class)
                .setParameter("hash", ApiToken.hash(plainToken))
                .getResultStream()
                .findFirst()
                .map(token -> {
                    Instant now = Instant.now();
                    if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(now.minus(LAST_USED_RESOLUTION))) {
                        token.markUsed(now);
                    }
                    return token;
                });
    }
}
