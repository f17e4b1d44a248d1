// A webhook receiver that verifies rateup's signatures. Node.js built-ins only.
// Usage: node examples/receiver.js <client secret> [port]
//
// It checks x-rateup-signature over the raw body bytes, the robust way: the bytes that arrived are the
// bytes that were signed. The seed's documented snippet, HMAC over JSON.stringify(req.body) (what an
// Express app with express.json() has at hand), gives the same answer for every body rateup sends,
// and is printed beside it.
'use strict';
const http = require('http');
const crypto = require('crypto');

const [secret, port = '9000'] = process.argv.slice(2);
if (!secret) {
  console.error('usage: node examples/receiver.js <client secret> [port]');
  process.exit(2);
}

const signature = (data) => crypto.createHmac('sha256', secret).update(data).digest('base64');
const same = (a, b) => a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));

http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const raw = Buffer.concat(chunks);
    const given = req.headers['x-rateup-signature'] || '';
    const valid = same(given, signature(raw));
    let documented = false;
    try {
      documented = same(given, signature(JSON.stringify(JSON.parse(raw.toString('utf8')))));
    } catch (notJson) { /* the raw check above has already decided */ }
    console.log(`${valid ? 'VERIFIED' : 'BAD SIGNATURE'} x-webhook-id=${req.headers['x-webhook-id']}`,
      `triggered-at=${req.headers['x-rateup-triggered-at']}`,
      `(JSON.stringify variant ${documented ? 'matches' : 'differs'})`, raw.toString('utf8'));
    res.writeHead(valid ? 200 : 401).end();
  });
}).listen(Number(port), '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${port}/`));
