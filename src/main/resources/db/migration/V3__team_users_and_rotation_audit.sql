-- People who sign in to the admin pages for one team; the platform administrator is not a row here.
CREATE TABLE team_user (
    id            VARCHAR(36) PRIMARY KEY,
    team_id       VARCHAR(36) NOT NULL REFERENCES team (id),
    username      VARCHAR(100) NOT NULL UNIQUE,
    password_hash VARCHAR(300) NOT NULL,
    created_at    TIMESTAMP NOT NULL
);

-- who rotated a webhook's secret last (a user of the admin pages, or an API token's id)
ALTER TABLE webhook ADD COLUMN secret_rotated_by VARCHAR(150);
