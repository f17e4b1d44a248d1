// A minimal webhook receiver that verifies x-rateup-signature the documented way.
// Usage: node examples/receiver.js <client secret> [port]   (Node.js built-ins only)
'use strict';
const http = require('http');
const crypto = require('crypto');

const [secret, port = '9000'] = process.argv.slice(2);
if (!secret) {
  console.error('usage: node examples/receiver.js <client secret> [port]');
  process.exit(2);
}

http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    // the documented check: HMAC-SHA256 over JSON.stringify of the parsed body, base64
    const expected = crypto.createHmac('sha256', secret).update(JSON.stringify(body)).digest('base64');
    const given = req.headers['x-rateup-signature'] || '';
    const valid = given.length === expected.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected));
    console.log(`${valid ? 'VERIFIED' : 'BAD SIGNATURE'} x-webhook-id=${req.headers['x-webhook-id']}`,
      `triggered-at=${req.headers['x-rateup-triggered-at']}`, JSON.stringify(body));
    res.writeHead(valid ? 200 : 401).end();
  });
}).listen(Number(port), '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${port}/`));
