// Checks one delivery the way receivers do. Usage: node verify.js <body-file> <headers.json> <secret>
// Prints JSON: {roundTrip, rateupRawBody, rateupDocumentedSnippet, standardWebhooks, standardWebhooksError}
'use strict';
const fs = require('fs');
const crypto = require('crypto');
const { Webhook } = require('standardwebhooks');

const [bodyFile, headersFile, secret] = process.argv.slice(2);
const raw = fs.readFileSync(bodyFile);
const headers = JSON.parse(fs.readFileSync(headersFile, 'utf8'));
const given = headers['x-rateup-signature'] || '';

const hmac = (data) => crypto.createHmac('sha256', secret).update(data).digest('base64');
const same = (a, b) => a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));

// What an Express receiver with express.json() does: the documented snippet signs the re-serialised body.
const reqBody = JSON.parse(raw.toString('utf8'));
const documented = hmac(JSON.stringify(reqBody));

let standardWebhooks = false;
let standardWebhooksError = null;
try {
  new Webhook(secret).verify(raw.toString('utf8'), headers);
  standardWebhooks = true;
} catch (e) {
  standardWebhooksError = String(e.message || e);
}

process.stdout.write(JSON.stringify({
  roundTrip: JSON.stringify(reqBody) === raw.toString('utf8'),
  rateupRawBody: same(given, hmac(raw)),
  rateupDocumentedSnippet: same(given, documented),
  standardWebhooks,
  standardWebhooksError,
}));
