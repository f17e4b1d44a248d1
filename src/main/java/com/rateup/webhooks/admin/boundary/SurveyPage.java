package com.rateup.webhooks.admin.boundary;

import com.rateup.webhooks.platform.boundary.PageMessages;
import com.rateup.webhooks.surveys.control.TeamSurveys;
import com.rateup.webhooks.surveys.entity.Survey;
import com.rateup.webhooks.surveys.entity.SurveyKind;
import com.rateup.webhooks.teams.boundary.Viewer;
import com.rateup.webhooks.teams.control.TeamDirectory;
import com.rateup.webhooks.teams.entity.Team;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * One survey or flow, with its tabs. Another team's survey, by link or typed URL, is answered 404
 * exactly like a missing one. The tabs' own beans ask {@link #visibleSurveyId()} before they act.
 */
@Named
@ViewScoped
public class SurveyPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final List<String> TABS = List.of("overview", "settings", "deliveries");

    @Inject
    Viewer viewer;

    @Inject
    TeamSurveys surveys;

    @Inject
    TeamDirectory teams;

    private String id;
    private String tab = TABS.get(0);
    private String visibleId;
    private transient Survey survey;

    /** On the first request of the view: 404 unless the survey exists and is the viewer's to see. */
    public void load() throws IOException {
        Optional<Survey> found = surveys.find(id).filter(s -> viewer.sees(s.teamId()));
        if (found.isEmpty()) {
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.getExternalContext().responseSendError(404, "not found");
            faces.responseComplete();
            return;
        }
        survey = found.get();
        visibleId = survey.id();
    }

    /** The survey this view was opened for, after the visibility check; null before it passed. */
    public String visibleSurveyId() {
        return visibleId;
    }

    public Survey getSurvey() {
        if (survey == null && visibleId != null) {
            survey = surveys.find(visibleId).orElse(null);
        }
        return survey;
    }

    public String getTeamName() {
        return getSurvey() == null ? null : teams.find(getSurvey().teamId()).map(Team::name).orElse(null);
    }

    public String getSection() {
        return PageMessages.text(getSurvey() != null && getSurvey().kind() == SurveyKind.FLOW ? "nav.flows" : "nav.surveys");
    }

    public List<String> getTabs() {
        return TABS;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getTab() {
        return tab;
    }

    /** Only known tabs: the value names the included page. */
    public void setTab(String tab) {
        this.tab = TABS.contains(tab) ? tab : TABS.get(0);
    }
}
