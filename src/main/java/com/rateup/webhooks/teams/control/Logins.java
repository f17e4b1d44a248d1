package com.rateup.webhooks.teams.control;

import com.rateup.webhooks.teams.entity.TeamUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
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

    /**
     * The administrator or a team user, or empty when the name is locked or the password wrong. A
     * transaction: a correct password whose stored hash is {@linkplain Passwords#outdated outdated} is hashed anew.
     */
    @Transactional
    public Optional<Caller> check(String username, String password) {
        if (username == null || password == null || throttle.lockedFor(username, Instant.now()).isPresent()) {
            return Optional.empty();
        }
        Optional<Caller> caller;
        if (administrator.isAdministrator(username)) {
            caller = administrator.matches(username, password) ? Optional.of(new Caller(username, null)) : Optional.empty();
        } else {
            Optional<TeamUser> user = teamUser(username);
            // one hash either way: an unknown name takes as long as a known one with a wrong password
            boolean valid = user.isPresent() ? passwords.verify(password, user.get().passwordHash()) : passwords.verifyNothing(password);
            if (valid && Passwords.outdated(user.get().passwordHash())) {
                user.get().rehash(passwords.hash(password));
            }
            caller = valid ? user.map(known -> new Caller(known.username(), known.teamId())) : Optional.empty();
        }
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
