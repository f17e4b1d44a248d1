-- What a webhook may see of the respondent (#34): the phone number (SEND, MASK, PSEUDONYMISE, OMIT) and
-- free-text answers (SEND, OMIT). The default sends the seed's payload unchanged.
ALTER TABLE webhook ADD COLUMN phone_policy VARCHAR(16) DEFAULT 'SEND' NOT NULL;
ALTER TABLE webhook ADD COLUMN free_text_policy VARCHAR(16) DEFAULT 'SEND' NOT NULL;
