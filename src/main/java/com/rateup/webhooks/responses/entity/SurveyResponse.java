package com.rateup.webhooks.responses.entity;

import com.rateup.webhooks.surveys.entity.Question;
import com.rateup.webhooks.surveys.entity.Survey;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
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
@NamedQuery(name = SurveyResponse.OF_RESPONDENT, query = "select r from SurveyResponse r where r.phone in :phones"
        + " and r.surveyId in (select s.id from Survey s where s.teamId = :teamId) order by r.createdAt, r.id")
@NamedQuery(name = SurveyResponse.ERASE, query = "update SurveyResponse r set r.phone = null, r.language = null, r.erasedAt = :now"
        + " where r.id in :ids")
@NamedQuery(name = SurveyResponse.ERASE_ANSWERS, query = "delete from Answer a where a.response.id in :ids")
public class SurveyResponse {

    /** What the intake takes as a respondent's phone number: digits, perhaps with a {@code +} in front. */
    public static final String PHONE_PATTERN = "\\+?[0-9]{3,20}";

    /** A team's responses of one respondent ({@link #phonesOf}). */
    public static final String OF_RESPONDENT = "SurveyResponse.ofRespondent";
    /** Keeps the rows {@code :ids} (deliveries in the log refer to them) without anything of the respondent. */
    public static final String ERASE = "SurveyResponse.erase";
    public static final String ERASE_ANSWERS = "SurveyResponse.eraseAnswers";

    @Id
    private String id;

    @Column(name = "survey_id")
    private String surveyId;

    private String phone;

    private String language;

    /** When the respondent's data was erased (#34): phone, language and answers are gone. */
    @Column(name = "erased_at")
    private Instant erasedAt;

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

    /**
     * A phone number as one respondent's: its digits, without the {@code +} the intake accepts in
     * front, so that {@code +14155552671} and {@code 14155552671} are one number.
     */
    public static String digitsOf(String phone) {
        return phone.startsWith("+") ? phone.substring(1) : phone;
    }

    /** The ways one respondent's number may be stored: with and without the {@code +} in front. */
    public static List<String> phonesOf(String phone) {
        String digits = digitsOf(phone);
        return List.of(digits, "+" + digits);
    }

    public Instant erasedAt() {
        return erasedAt;
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
