package com.rateup.webhooks.admin.boundary;

import com.rateup.webhooks.platform.boundary.PageMessages;
import com.rateup.webhooks.privacy.control.Respondents;
import com.rateup.webhooks.privacy.entity.Erasure;
import com.rateup.webhooks.responses.entity.SurveyResponse;
import com.rateup.webhooks.teams.boundary.Viewer;
import com.rateup.webhooks.teams.control.TeamDirectory;
import com.rateup.webhooks.teams.entity.Team;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Pattern;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The team's "Privacy" page: erase a respondent's data (asked for twice: it cannot be undone) and the
 * record of past erasures. The same control as {@code POST /api/teams/{teamId}/erasures}; the number is
 * posted in the form, never put in a URL.
 */
@Named("privacyPage")
@ViewScoped
public class PrivacyPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Viewer viewer;

    @Inject
    Respondents respondents;

    @Inject
    TeamDirectory teams;

    private String teamFilter;
    @Pattern(regexp = SurveyResponse.PHONE_PATTERN, message = "must be a phone number in digits, such as 14155552671")
    private String phone;
    private boolean confirming;
    private transient List<Erasure> erasures;

    public String getTeamId() {
        return viewer.teamShown(teamFilter);
    }

    public List<Team> getTeams() {
        return viewer.isAdministrator() ? teams.all() : List.of();
    }

    public void askToErase() {
        confirming = getTeamId() != null && phone != null && !phone.isBlank();
    }

    public void erase() {
        String teamId = getTeamId();
        if (!confirming || teamId == null) {
            return;
        }
        Erasure erasure = respondents.erase(teamId, phone, viewer.getName());
        PageMessages.info("privacy.erased", erasure.responses(), erasure.deliveries(), erasure.cancelled(), erasure.idempotencyKeys());
        phone = null;
        confirming = false;
        erasures = null;
    }

    public void cancel() {
        confirming = false;
    }

    public List<Erasure> getErasures() {
        if (erasures == null) {
            erasures = getTeamId() == null ? List.of() : respondents.erasures(getTeamId(), 50);
        }
        return erasures;
    }

    public String format(Instant instant) {
        return PageMessages.time(instant);
    }

    public boolean isConfirming() {
        return confirming;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getTeamFilter() {
        return teamFilter;
    }

    public void setTeamFilter(String teamFilter) {
        this.teamFilter = teamFilter;
    }
}
