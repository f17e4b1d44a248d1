package com.rateup.webhooks.responses.entity;

import com.rateup.webhooks.surveys.entity.Question;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "answer")
public class Answer {

    @Id
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "response_id")
    private SurveyResponse response;

    @ManyToOne(optional = false)
    @JoinColumn(name = "question_id")
    private Question question;

    /** The question's position, so answers come out in the survey's order. */
    private int position;

    @Column(name = "value_json")
    private String valueJson;

    protected Answer() {
    }

    Answer(SurveyResponse response, Question question, String valueJson) {
        this.id = UUID.randomUUID().toString();
        this.response = response;
        this.question = question;
        this.position = question.position();
        this.valueJson = valueJson;
    }

    public Question question() {
        return question;
    }

    public int position() {
        return position;
    }

    public String valueJson() {
        return valueJson;
    }
}
