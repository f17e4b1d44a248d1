package com.rateup.webhooks.teams.control;

import com.rateup.webhooks.teams.entity.TeamUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/** Checks user names and passwords, throttled by {@link LoginThrottle}. */
@ApplicationScoped
public class Logins {

    @Inject
    AdminCredentials administrator;

    @Inject
    Passwords passwords;

    @Inject
    LoginThrottle throttle;

    @PersistenceContext
    EntityManager em;

    /** The administrator or a team user, or empty when the name is locked or the password wrong. */
    public Optional<Caller> check(String username, String password) {
        if (username == null || password == null || throttle.lockedFor(username, Instant.now()).isPresent()) {
            return Optional.empty();
        }
        Optional<Caller> caller = administrator.isAdministrator(username)
                ? Optional.of(new Caller(username, null)).filter(admin -> administrator.matches(username, password))
                : teamUser(username).map(user -> passwords.verify(password, user.passwordHash())
                                ? new Caller(user.username(), user.teamId()) : null)
                        .or(() -> {
                            passwords.verifyNothing(password); // as slow for an unknown name as for a known one
                            return Optional.empty();
                        });
        if (caller.isPresent()) {
            throttle.succeeded(username);
        } else {
            throttle.failed(username, Instant.now());
        }
        return caller;
    }

    /** The administrator's Basic credentials of the REST API. */
    public boolean checkAdministrator(String username, String password) {
        return check(username, password).filter(Caller::administrator).isPresent();
    }

    public Optional<TeamUser> teamUser(String username) {
        return em.createNamedQuery(TeamUser.BY_USERNAME, TeamUser.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst();
    }

    /** Who signed in: the platform administrator (no team) or a member of one team. */
    public record Caller(String username, String teamId) {

        public boolean administrator() {
            return teamId == null;
        }
    }
}
