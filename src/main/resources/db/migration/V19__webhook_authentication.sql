-- What a receiver requires besides the signature (basic, bearer-oauth2, headers, mtls): one JSON document
-- with its credentials, encrypted like the secrets (webhooks.control.EncryptedSecret). NULL: none.
ALTER TABLE webhook ADD COLUMN authentication VARCHAR(40000);
