package com.rateup.webhooks.teams.boundary;

import com.rateup.webhooks.teams.control.Logins;
import com.rateup.webhooks.teams.control.TeamDirectory;
import com.rateup.webhooks.teams.entity.TeamUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.util.Objects;
import java.util.Optional;

/** Who is looking at the admin pages: the administrator sees every team's surveys, a team user only the own team's. */
@Named
@RequestScoped
public class Viewer {

    @Inject
    SecurityContext security;

    @Inject
    Logins logins;

    @Inject
    HttpServletRequest request;

    @Inject
    TeamDirectory teams;

    private Optional<String> teamId;

    public boolean isSignedIn() {
        return security.getCallerPrincipal() != null;
    }

    public String getName() {
        Principal caller = security.getCallerPrincipal();
        return caller == null ? null : caller.getName();
    }

    public boolean isAdministrator() {
        return security.isCallerInRole(LoginIdentityStore.ADMIN);
    }

    /** The team of a team user; null for the administrator. */
    public String getTeamId() {
        if (teamId == null) {
            teamId = isAdministrator() || !isSignedIn() ? Optional.empty() : logins.teamUser(getName()).map(TeamUser::teamId);
        }
        return teamId.orElse(null);
    }

    /**
     * The team a team page shows: a team user's own, whatever was asked for; for the administrator the
     * team they picked, if it exists (null until they pick one).
     */
    public String teamShown(String picked) {
        if (isAdministrator()) {
            return picked == null || picked.isBlank() || teams.find(picked).isEmpty() ? null : picked;
        }
        return getTeamId();
    }

    public boolean sees(String surveyTeamId) {
        return isAdministrator() || (getTeamId() != null && Objects.equals(getTeamId(), surveyTeamId));
    }

    public String logout() throws ServletException {
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "/login?faces-redirect=true";
    }
}
