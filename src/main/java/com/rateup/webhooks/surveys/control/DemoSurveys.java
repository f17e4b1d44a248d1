package com.rateup.webhooks.surveys.control;

import com.rateup.webhooks.surveys.entity.QuestionType;
import com.rateup.webhooks.surveys.entity.Survey;
import com.rateup.webhooks.surveys.entity.SurveyKind;
import com.rateup.webhooks.teams.entity.Team;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With {@code rateup.demo-data=true} (set by {@code mvn -Prun}), an empty database gets a demo
 * team with a web survey and a WhatsApp flow, so that a first look at the admin pages has
 * something to attach a webhook to. Never on a database that has a team already.
 */
@Singleton
@Startup
@DependsOn("Migrations")
public class DemoSurveys {

    private static final Logger LOG = Logger.getLogger(DemoSurveys.class.getName());

    @Inject
    @ConfigProperty(name = "rateup.demo-data", defaultValue = "false")
    boolean enabled;

    @PersistenceContext
    EntityManager em;

    @PostConstruct
    void createIfEmpty() {
        if (!enabled || em.createNamedQuery(Team.ALL, Team.class).setMaxResults(1).getResultList().size() > 0) {
            return;
        }
        Team team = new Team("Demo team");
        em.persist(team);
        em.flush(); // surveys reference the team by a plain column, which JPA does not order inserts by
        Survey survey = new Survey(team.id(), SurveyKind.SURVEY, "Customer satisfaction", "checkout");
        survey.addQuestion(QuestionType.Rating, "How would you rate your purchase?");
        survey.addQuestion(QuestionType.NPS, "How likely are you to recommend us to a friend?");
        survey.addQuestion(QuestionType.Text, "What could we do better?");
        Survey flow = new Survey(team.id(), SurveyKind.FLOW, "Delivery feedback", "whatsapp");
        flow.addQuestion(QuestionType.Smiley, "How was your delivery?");
        flow.addQuestion(QuestionType.YesNo, "Did it arrive on time?");
        em.persist(survey);
        em.persist(flow);
        LOG.info(() -> "Demo data (rateup.demo-data=true): team 'Demo team' (" + team.id() + ") with a web survey and a WhatsApp flow");
    }
}
