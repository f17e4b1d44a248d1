package com.rateup.webhooks.surveys.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "question")
public class Question {

    @Id
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "survey_id")
    private Survey survey;

    private int position;

    @Enumerated(EnumType.STRING)
    private QuestionType type;

    private String title;

    protected Question() {
    }

    Question(Survey survey, int position, QuestionType type, String title) {
        this.id = UUID.randomUUID().toString();
        this.survey = survey;
        this.position = position;
        this.type = type;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public int position() {
        return position;
    }

    public QuestionType type() {
        return type;
    }

    public String title() {
        return title;
    }
}
