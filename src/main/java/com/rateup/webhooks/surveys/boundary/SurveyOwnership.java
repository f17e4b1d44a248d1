package com.rateup.webhooks.surveys.boundary;

import com.rateup.webhooks.platform.boundary.Problems;
import com.rateup.webhooks.surveys.control.TeamSurveys;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * Tenancy in one place: every route whose path names a {@code {teamId}} and a {@code {surveyId}}
 * reaches its resource only when the survey belongs to that team, and answers 404 otherwise, as if
 * the survey did not exist. Bound to no annotation, so a new route cannot forget it; it runs after
 * the team's token was checked ({@code TeamAuthentication}). The survey it found is the request's
 * {@link TeamSurvey}.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class SurveyOwnership implements ContainerRequestFilter {

    @Inject
    TeamSurveys surveys;

    @Inject
    TeamSurvey teamSurvey;

    @Override
    public void filter(ContainerRequestContext request) {
        MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters();
        String teamId = path.getFirst("teamId");
        String surveyId = path.getFirst("surveyId");
        if (teamId == null || surveyId == null) {
            return;
        }
        surveys.find(teamId, surveyId).ifPresentOrElse(teamSurvey::resolved,
                () -> request.abortWith(Problems.notFound("survey").getResponse()));
    }
}
