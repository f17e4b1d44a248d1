package com.rateup.webhooks.surveys.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@Entity
@Table(name = "survey")
@NamedQuery(name = Survey.OF_TEAM,
        query = "select s from Survey s where s.teamId = :teamId order by s.createdAt, s.id")
@NamedQuery(name = Survey.OF_TEAM_AND_KIND,
        query = "select s from Survey s where s.teamId = :teamId and s.kind = :kind order by s.createdAt, s.id")
@NamedQuery(name = Survey.LISTED_OF_KIND, query = "select s, (select count(q) from Question q where q.survey = s) from Survey s"
        + " where s.kind = :kind order by s.createdAt desc, s.id")
@NamedQuery(name = Survey.LISTED_OF_TEAM_AND_KIND, query = "select s, (select count(q) from Question q where q.survey = s) from Survey s"
        + " where s.kind = :kind and s.teamId = :teamId order by s.createdAt desc, s.id")
@NamedQuery(name = Survey.WITH_QUESTIONS, query = "select s from Survey s left join fetch s.questions where s.id = :id")
public class Survey {

    public static final String OF_TEAM = "Survey.ofTeam";
    /** One read for the survey and its questions, where {@code find} would take two. */
    public static final String WITH_QUESTIONS = "Survey.withQuestions";
    public static final String LISTED_OF_KIND = "Survey.listedOfKind";
    public static final String LISTED_OF_TEAM_AND_KIND = "Survey.listedOfTeamAndKind";
    public static final String OF_TEAM_AND_KIND = "Survey.ofTeamAndKind";

    @Id
    private String id;

    @Column(name = "team_id")
    private String teamId;

    @Enumerated(EnumType.STRING)
    private SurveyKind kind;

    private String title;

    private String tag;

    @Column(name = "created_at")
    private Instant createdAt;

    @OneToMany(mappedBy = "survey", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Question> questions = new ArrayList<>();

    protected Survey() {
    }

    public Survey(String teamId, SurveyKind kind, String title, String tag) {
        this.id = UUID.randomUUID().toString();
        this.teamId = teamId;
        this.kind = kind;
        this.title = title;
        this.tag = tag;
        this.createdAt = Instant.now();
    }

    public Question addQuestion(QuestionType type, String title) {
        Question question = new Question(this, questions.size(), type, title);
        questions.add(question);
        return question;
    }

    public Optional<Question> question(String questionId) {
        return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }

    /**
     * The survey's rules for a response's answers, in the order given: each names one of its
     * questions, at most once, with a value its question's type accepts ({@link QuestionType#problemWith}).
     * Either every answer is accepted or the problems say, field by field, what is wrong.
     */
    public Checked check(List<Given> answers) {
        List<Accepted> accepted = new ArrayList<>(answers.size());
        List<String> problems = new ArrayList<>();
        Set<String> answered = new HashSet<>();
        for (int i = 0; i < answers.size(); i++) {
            Given answer = answers.get(i);
            String field = "answers[" + i + "]";
            Optional<Question> asked = question(answer.questionId());
            if (asked.isEmpty()) {
                problems.add(field + ".questionId: no such question in this survey");
            } else if (!answered.add(answer.questionId())) {
                problems.add(field + ".questionId: question answered twice");
            } else {
                JsonValue value = answer.value() == null ? JsonValue.NULL : answer.value();
                asked.get().type().problemWith(answer.value()).ifPresentOrElse(
                        problem -> problems.add(field + ".response: " + problem),
                        () -> accepted.add(new Accepted(asked.get(), value)));
            }
        }
        return new Checked(problems.isEmpty() ? accepted : List.of(), problems);
    }

    /** An answer as a respondent gave it; {@code value} null when left out. */
    public record Given(String questionId, JsonValue value) {
    }

    /** An answer its question accepts; a skipped one is {@code JsonValue.NULL}. */
    public record Accepted(Question question, JsonValue value) {
    }

    public record Checked(List<Accepted> accepted, List<String> problems) {
    }

    public boolean belongsTo(String team) {
        return teamId.equals(team);
    }

    public String id() {
        return id;
    }

    public String teamId() {
        return teamId;
    }

    public SurveyKind kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public String tag() {
        return tag;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public List<Question> questions() {
        return List.copyOf(questions);
    }
}
