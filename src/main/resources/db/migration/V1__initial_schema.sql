-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL. Ids are UUID strings; instants are UTC timestamps.

CREATE TABLE platform_setting (
    name  VARCHAR(100) PRIMARY KEY,
    setting_value VARCHAR(1000) NOT NULL
);

CREATE TABLE team (
    id         VARCHAR(36) PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE api_token (
    id           VARCHAR(36) PRIMARY KEY,
    team_id      VARCHAR(36) NOT NULL REFERENCES team (id),
    token_hash   VARCHAR(64) NOT NULL UNIQUE,
    created_at   TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP,
    revoked_at   TIMESTAMP
);

CREATE TABLE survey (
    id         VARCHAR(36) PRIMARY KEY,
    team_id    VARCHAR(36) NOT NULL REFERENCES team (id),
    kind       VARCHAR(10) NOT NULL,
    title      VARCHAR(200) NOT NULL,
    tag        VARCHAR(100),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX survey_team ON survey (team_id, created_at);

CREATE TABLE question (
    id        VARCHAR(36) PRIMARY KEY,
    survey_id VARCHAR(36) NOT NULL REFERENCES survey (id),
    position  INTEGER NOT NULL,
    type      VARCHAR(20) NOT NULL,
    title     VARCHAR(500) NOT NULL,
    UNIQUE (survey_id, position)
);

CREATE TABLE survey_response (
    id         VARCHAR(36) PRIMARY KEY,
    survey_id  VARCHAR(36) NOT NULL REFERENCES survey (id),
    phone      VARCHAR(32),
    language   VARCHAR(35),
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE answer (
    id          VARCHAR(36) PRIMARY KEY,
    response_id VARCHAR(36) NOT NULL REFERENCES survey_response (id),
    question_id VARCHAR(36) NOT NULL REFERENCES question (id),
    position    INTEGER NOT NULL,
    value_json  VARCHAR(100000) NOT NULL
);
CREATE INDEX answer_response ON answer (response_id);

CREATE TABLE webhook (
    id                         VARCHAR(36) PRIMARY KEY,
    survey_id                  VARCHAR(36) NOT NULL UNIQUE REFERENCES survey (id),
    url                        VARCHAR(2048) NOT NULL,
    state                      VARCHAR(10) NOT NULL,
    secret                     VARCHAR(200) NOT NULL,
    previous_secret            VARCHAR(200),
    previous_secret_expires_at TIMESTAMP,
    secret_rotated_at          TIMESTAMP,
    created_at                 TIMESTAMP NOT NULL,
    updated_at                 TIMESTAMP NOT NULL,
    version                    BIGINT NOT NULL
);

-- The outbox. No foreign key to webhook: deliveries outlive a removed webhook in the log.
CREATE TABLE delivery (
    id              VARCHAR(36) PRIMARY KEY,
    team_id         VARCHAR(36) NOT NULL REFERENCES team (id),
    survey_id       VARCHAR(36) NOT NULL REFERENCES survey (id),
    response_id     VARCHAR(36) NOT NULL REFERENCES survey_response (id),
    payload         VARCHAR(1000000) NOT NULL,
    triggered_at    TIMESTAMP NOT NULL,
    status          VARCHAR(10) NOT NULL,
    round_attempts  INTEGER NOT NULL,
    next_attempt_at TIMESTAMP,
    lease_owner     VARCHAR(36),
    lease_until     TIMESTAMP,
    created_at      TIMESTAMP NOT NULL,
    completed_at    TIMESTAMP,
    version         BIGINT NOT NULL
);
CREATE INDEX delivery_due ON delivery (status, next_attempt_at);
CREATE INDEX delivery_log ON delivery (survey_id, created_at);

CREATE TABLE delivery_attempt (
    id               VARCHAR(36) PRIMARY KEY,
    delivery_id      VARCHAR(36) NOT NULL REFERENCES delivery (id),
    number           INTEGER NOT NULL,
    started_at       TIMESTAMP NOT NULL,
    duration_ms      BIGINT NOT NULL,
    status_code      INTEGER,
    error            VARCHAR(500),
    response_excerpt VARCHAR(4096),
    UNIQUE (delivery_id, number)
);
