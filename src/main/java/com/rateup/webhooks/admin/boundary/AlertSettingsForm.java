package com.rateup.webhooks.admin.boundary;

import com.rateup.webhooks.platform.boundary.PageMessages;
import com.rateup.webhooks.teams.boundary.Viewer;
import com.rateup.webhooks.teams.control.TeamDirectory;
import com.rateup.webhooks.teams.entity.Team;
import com.rateup.webhooks.webhooks.control.TeamWebhooks;
import com.rateup.webhooks.webhooks.entity.Receives;
import com.rateup.webhooks.webhooks.entity.Webhook;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The team's "Alerts" page: the alert endpoint's URL and switch ({@link EndpointFields}), and what every webhook shows ({@link WebhookPanel}).
 * Saved through the same control as {@code PUT /api/teams/{teamId}/alerts}, with its rules. The
 * administrator picks the team first; a team user sees only the own team.
 */
@Named("alertSettings")
@ViewScoped
public class AlertSettingsForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Viewer viewer;

    @Inject
    TeamWebhooks webhooks;

    @Inject
    TeamDirectory teams;

    private String teamFilter;
    private final EndpointFields endpoint = new EndpointFields();
    private transient Webhook alerts;

    /** The team whose alerts are shown: the user's own, or the one the administrator picked. */
    public String getTeamId() {
        return viewer.teamShown(teamFilter);
    }

    public Webhook getAlerts() {
        if (alerts == null && getTeamId() != null) {
            alerts = webhooks.alertsOf(getTeamId()).orElse(null);
        }
        endpoint.showOnce(alerts);
        return alerts;
    }

    public List<Team> getTeams() {
        return viewer.isAdministrator() ? teams.all() : List.of();
    }

    public void save() {
        String teamId = getTeamId();
        if (teamId == null) {
            return;
        }
        try {
            var saved = webhooks.saveAlerts(teamId, endpoint.parsedUrl(), endpoint.isEnabled(), Receives.UNCHANGED);
            alerts = saved.webhook();
            PageMessages.info(saved.created() ? "alerts.created" : "settings.saved");
        } catch (TeamWebhooks.RefusedEndpoint refused) {
            PageMessages.error("alerts:url", "settings.url.refused", refused.getMessage());
        }
    }

    public String getTeamFilter() {
        return teamFilter;
    }

    public void setTeamFilter(String teamFilter) {
        this.teamFilter = teamFilter;
    }

    public EndpointFields getEndpoint() {
        getAlerts();
        return endpoint;
    }
}
