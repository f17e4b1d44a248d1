package com.rateup.webhooks.responses.entity;

import com.rateup.webhooks.surveys.entity.Question;
import com.rateup.webhooks.surveys.entity.Survey;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "survey_response")
public class SurveyResponse {

    @Id
    private String id;

    @Column(name = "survey_id")
    private String surveyId;

    private String phone;

    private String language;

    /** Whole seconds: the instant is sent to receivers as {@code 2024-09-17T10:00:00Z}. */
    @Column(name = "created_at")
    private Instant createdAt;

    @OneToMany(mappedBy = "response", cascade = CascadeType.ALL)
    @OrderBy("position")
    private List<Answer> answers = new ArrayList<>();

    protected SurveyResponse() {
    }

    public SurveyResponse(Survey survey, String phone, String language) {
        this.id = UUID.randomUUID().toString();
        this.surveyId = survey.id();
        this.phone = phone;
        this.language = language;
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /** Adds the answer to a question; {@code valueJson} is the answer in its canonical JSON form. */
    public void answer(Question question, String valueJson) {
        answers.add(new Answer(this, question, valueJson));
        answers.sort((a, b) -> Integer.compare(a.position(), b.position()));
    }

    public String id() {
        return id;
    }

    public String surveyId() {
        return surveyId;
    }

    public String phone() {
        return phone;
    }

    public String language() {
        return language;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public List<Answer> answers() {
        return List.copyOf(answers);
    }
}
