package com.rateup.webhooks.admin.boundary;

import com.rateup.webhooks.outbox.control.DeliveryLog;
import com.rateup.webhooks.outbox.entity.Delivery;
import com.rateup.webhooks.platform.boundary.PageMessages;
import com.rateup.webhooks.surveys.control.TeamSurveys;
import com.rateup.webhooks.surveys.entity.Survey;
import com.rateup.webhooks.teams.boundary.Viewer;
import com.rateup.webhooks.teams.control.TeamDirectory;
import com.rateup.webhooks.teams.entity.Team;
import com.rateup.webhooks.webhooks.control.TeamWebhooks;
import com.rateup.webhooks.webhooks.entity.Receives;
import com.rateup.webhooks.webhooks.entity.Webhook;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The team's "Webhooks" page: every webhook with its scope, state and last delivery, and a form
 * that creates or edits a team webhook (URL and switch: {@link EndpointFields}; description, and the surveys and flows it
 * receives, or all of them). Saved through the same control as the REST API, with its rules.
 * The administrator picks the team first; a team user sees only the own team.
 */
@Named("teamWebhooks")
@ViewScoped
public class TeamWebhooksPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Viewer viewer;

    @Inject
    TeamWebhooks webhooks;

    @Inject
    TeamSurveys surveys;

    @Inject
    TeamDirectory teams;

    @Inject
    DeliveryLog log;

    private String teamFilter;
    private String editedId;
    private boolean editing;
    private boolean confirmingDelete;

    private final EndpointFields endpoint = new EndpointFields();
    @Size(max = 500)
    private String description;
    private boolean allSurveys;
    private List<String> surveyIds = new ArrayList<>();

    private transient List<Row> rows;
    private transient List<Survey> teamSurveys;
    private transient Webhook edited;

    /** The team whose webhooks are shown: the user's own, or the one the administrator picked. */
    public String getTeamId() {
        return viewer.teamShown(teamFilter);
    }

    public List<Row> getRows() {
        if (rows == null) {
            String teamId = getTeamId();
            List<Webhook> all = teamId == null ? List.of() : webhooks.ofTeam(teamId);
            Map<String, Delivery> latest = log.latestOf(all.stream().map(Webhook::id).toList());
            Map<String, Survey> byId = getSurveys().stream().collect(Collectors.toMap(Survey::id, Function.identity()));
            rows = all.stream().map(webhook -> new Row(webhook, scopeText(webhook, byId), SurveyList.statusOf(webhook),
                    latest.get(webhook.id()))).toList();
        }
        return rows;
    }

    /** The team's surveys and flows, for the picker and the scope column. */
    public List<Survey> getSurveys() {
        if (teamSurveys == null) {
            teamSurveys = getTeamId() == null ? List.of() : surveys.ofTeam(getTeamId());
        }
        return teamSurveys;
    }

    public List<Team> getTeams() {
        return viewer.isAdministrator() ? teams.all() : List.of();
    }

    public void create() {
        editing = true;
        editedId = null;
        edited = null;
        confirmingDelete = false;
        endpoint.clear();
        description = null;
        allSurveys = false;
        surveyIds = new ArrayList<>();
    }

    public void edit(String webhookId) {
        webhooks.find(getTeamId(), webhookId).filter(webhook -> webhook.ownerSurveyId().isEmpty()).ifPresent(webhook -> {
            editing = true;
            editedId = webhook.id();
            edited = webhook;
            confirmingDelete = false;
            endpoint.show(webhook);
            description = webhook.description();
            allSurveys = webhook.scope().all();
            surveyIds = new ArrayList<>(webhook.scope().surveyIds());
        });
    }

    public void cancel() {
        editing = false;
        editedId = null;
        edited = null;
        confirmingDelete = false;
    }

    public void save() {
        String teamId = getTeamId();
        if (teamId == null) {
            return;
        }
        if (!allSurveys && surveyIds.isEmpty()) {
            PageMessages.error(null, "webhooks.scope.required");
            return;
        }
        Webhook.Scope scope = allSurveys ? Webhook.Scope.ALL : Webhook.Scope.of(new LinkedHashSet<>(surveyIds));
        try {
            var parsed = endpoint.parsedUrl();
            if (editedId == null) {
                edited = webhooks.create(teamId, parsed, endpoint.isEnabled(), blankToNull(description), scope, Receives.UNCHANGED);
                editedId = edited.id();
                PageMessages.info("webhooks.created");
            } else {
                edited = webhooks.change(editedId, parsed, endpoint.isEnabled(), blankToNull(description), scope, Receives.UNCHANGED).orElse(null);
                PageMessages.info(edited == null ? "webhooks.gone" : "settings.saved");
            }
        } catch (TeamWebhooks.RefusedEndpoint refused) {
            PageMessages.error("webhook:url", "settings.url.refused", refused.getMessage());
        } catch (TeamWebhooks.UnknownSurveys | TeamWebhooks.TooManyWebhooks refused) {
            PageMessages.error(null, "webhooks.refused", refused.getMessage());
        }
        rows = null;
    }

    public void askToDelete() {
        confirmingDelete = true;
    }

    public void delete() {
        if (editedId != null && webhooks.find(getTeamId(), editedId).isPresent()) {
            webhooks.remove(editedId);
            PageMessages.info("webhooks.deleted");
        }
        cancel();
        rows = null;
    }

    /** The webhook being edited, once saved: its secret is shown. */
    public Webhook getEdited() {
        if (edited == null && editedId != null) {
            edited = webhooks.find(getTeamId(), editedId).orElse(null);
        }
        return edited;
    }

    public String format(Instant instant) {
        return PageMessages.time(instant);
    }

    private static String scopeText(Webhook webhook, Map<String, Survey> byId) {
        if (webhook.ownerSurveyId().isPresent()) {
            Survey own = byId.get(webhook.ownerSurveyId().get());
            return PageMessages.text("webhooks.scope.own", own == null ? webhook.ownerSurveyId().get() : own.title());
        }
        if (webhook.scope().all()) {
            return PageMessages.text("webhooks.scope.all");
        }
        return webhook.scope().surveyIds().stream()
                .map(id -> byId.containsKey(id) ? byId.get(id).title() : id)
                .sorted()
                .collect(Collectors.joining(", "));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** {@code status}: enabled, disabled or failing; {@code lastDelivery} null when it had none. */
    public record Row(Webhook webhook, String scope, String status, Delivery lastDelivery) {
    }

    public String getTeamFilter() {
        return teamFilter;
    }

    public void setTeamFilter(String teamFilter) {
        this.teamFilter = teamFilter;
    }

    public boolean isEditing() {
        return editing;
    }

    public boolean isConfirmingDelete() {
        return confirmingDelete;
    }

    public EndpointFields getEndpoint() {
        return endpoint;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public boolean isAllSurveys() {
        return allSurveys;
    }

    public void setAllSurveys(boolean allSurveys) {
        this.allSurveys = allSurveys;
    }

    public List<String> getSurveyIds() {
        return surveyIds;
    }

    public void setSurveyIds(List<String> surveyIds) {
        this.surveyIds = surveyIds == null ? new ArrayList<>() : new ArrayList<>(surveyIds);
    }
}
