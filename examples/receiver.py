#!/usr/bin/env python3
"""A webhook receiver that verifies rateup's signatures. Python 3 standard library only.

Usage: python3 examples/receiver.py <client secret> [port]

It checks x-rateup-signature over the raw body bytes, the robust way: the bytes that arrived are
the bytes that were signed, whatever JSON library parses them later. It also checks the Standard
Webhooks headers (webhook-id, webhook-timestamp, webhook-signature), which add replay protection.
"""
import base64
import hashlib
import hmac
import json
import sys
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

TOLERANCE_SECONDS = 5 * 60  # Standard Webhooks: refuse timestamps further than this from now


def rateup_signature(secret: str, data: bytes) -> str:
    return base64.b64encode(hmac.new(secret.encode(), data, hashlib.sha256).digest()).decode()


def raw_body_verified(secret: str, body: bytes, given: str) -> bool:
    return hmac.compare_digest(rateup_signature(secret, body), given)


def stringify_variant_verified(secret: str, body: bytes, given: str) -> bool:
    """The seed's documented check re-serialises the parsed body the way JavaScript's JSON.stringify
    does. Python's json.dumps with these options writes the same text for every string and integer
    rateup sends, but not for every number (1e-07 where JavaScript writes 1e-7): prefer the raw body."""
    try:
        text = json.dumps(json.loads(body), separators=(",", ":"), ensure_ascii=False)
    except ValueError:
        return False
    return hmac.compare_digest(rateup_signature(secret, text.encode()), given)


def standard_webhooks_verified(secret: str, body: bytes, headers) -> bool:
    msg_id, timestamp = headers.get("webhook-id", ""), headers.get("webhook-timestamp", "")
    if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > TOLERANCE_SECONDS:
        return False
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = f"{msg_id}.{timestamp}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    # during a secret rotation the header lists one "v1,<signature>" per active secret
    return any(hmac.compare_digest(expected, s.removeprefix("v1,"))
               for s in headers.get("webhook-signature", "").split() if s.startswith("v1,"))


def handler_for(secret: str):
    class Receiver(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("content-length", 0)))
            given = self.headers.get("x-rateup-signature", "")
            valid = raw_body_verified(secret, body, given) and standard_webhooks_verified(secret, body, self.headers)
            variant = "matches" if stringify_variant_verified(secret, body, given) else "differs"
            print(f"{'VERIFIED' if valid else 'BAD SIGNATURE'} x-webhook-id={self.headers.get('x-webhook-id')}"
                  f" triggered-at={self.headers.get('x-rateup-triggered-at')} (JSON.stringify variant {variant})"
                  f" {body.decode()}", flush=True)
            self.send_response(200 if valid else 401)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass  # one line per delivery above is enough

    return Receiver


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: python3 examples/receiver.py <client secret> [port]")
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 9000
    server = HTTPServer(("127.0.0.1", port), handler_for(sys.argv[1]))
    print(f"listening on http://127.0.0.1:{port}/", flush=True)
    server.serve_forever()
