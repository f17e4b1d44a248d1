package com.rateup.webhooks.admin.boundary;

import com.rateup.webhooks.health.control.EndpointHealth;
import com.rateup.webhooks.health.entity.EndpointState;
import com.rateup.webhooks.platform.boundary.PageMessages;
import com.rateup.webhooks.surveys.control.TeamSurveys;
import com.rateup.webhooks.surveys.entity.Survey;
import com.rateup.webhooks.surveys.entity.SurveyKind;
import com.rateup.webhooks.teams.boundary.Viewer;
import com.rateup.webhooks.teams.control.TeamDirectory;
import com.rateup.webhooks.teams.entity.Team;
import com.rateup.webhooks.webhooks.control.TeamWebhooks;
import com.rateup.webhooks.webhooks.entity.Webhook;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Web Surveys › Surveys and WhatsApp › Flows: the viewer's surveys or flows with their webhook status. */
@Named
@RequestScoped
public class SurveyList {

    @Inject
    Viewer viewer;

    @Inject
    TeamSurveys surveys;

    @Inject
    TeamWebhooks webhooks;

    @Inject
    TeamDirectory teams;

    @Inject
    EndpointHealth health;

    private SurveyKind kind = SurveyKind.SURVEY;
    private String teamFilter;
    private List<Row> rows;
    private List<Team> allTeams;

    public List<Row> getRows() {
        if (rows == null) {
            String teamId = viewer.isAdministrator() ? blankToNull(teamFilter) : viewer.getTeamId();
            List<TeamSurveys.Listed> listed = teamId == null && !viewer.isAdministrator() ? List.of() : surveys.list(kind, teamId);
            Map<String, Webhook> hooks = webhooks.ofSurveys(listed.stream().map(l -> l.survey().id()).toList());
            Map<String, EndpointState> states = health.recordedStates(hooks.values());
            Map<String, String> teamNames = viewer.isAdministrator()
                    ? getTeams().stream().collect(Collectors.toMap(Team::id, Team::name)) : Map.of();
            rows = listed.stream()
                    .map(l -> new Row(l.survey(), teamNames.get(l.survey().teamId()), l.questionCount(),
                            statusOf(hooks.get(l.survey().id())),
                            hooks.containsKey(l.survey().id()) ? states.get(hooks.get(l.survey().id()).id()) : null))
                    .toList();
        }
        return rows;
    }

    public List<Team> getTeams() {
        if (allTeams == null) {
            allTeams = viewer.isAdministrator() ? teams.all() : List.of();
        }
        return allTeams;
    }

    public String getSection() {
        return PageMessages.text(kind == SurveyKind.FLOW ? "nav.whatsapp" : "nav.webSurveys");
    }

    public String getHeading() {
        return PageMessages.text(kind == SurveyKind.FLOW ? "nav.flows" : "nav.surveys");
    }

    public String getKind() {
        return kind.name();
    }

    /** Anything but FLOW lists the surveys: a mistyped link still shows a page. */
    public void setKind(String kind) {
        this.kind = "FLOW".equals(kind) ? SurveyKind.FLOW : SurveyKind.SURVEY;
    }

    public String getTeamFilter() {
        return teamFilter;
    }

    public void setTeamFilter(String teamFilter) {
        this.teamFilter = teamFilter;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** {@code webhookStatus}: none, enabled, disabled or failing; {@code health}: its endpoint's state, null without a webhook. */
    public record Row(Survey survey, String teamName, int questionCount, String webhookStatus, EndpointState health) {
    }

    /** none, enabled, disabled or failing, as the lists and badges name it. */
    static String statusOf(Webhook webhook) {
        if (webhook == null) {
            return "none";
        }
        return webhook.failing() ? "failing" : webhook.enabled() ? "enabled" : "disabled";
    }
}
