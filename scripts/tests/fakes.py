"""Stand-ins for what scripts/deploy talks to, on 127.0.0.1: the controller's API and GitHub's ID token endpoint."""

import base64
import json
import threading
import time
import urllib.parse
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def serve(handler_class):
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_class)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def answer(handler, status, body):
    payload = json.dumps(body).encode()
    handler.send_response(status)
    handler.send_header("Content-Type", "application/json" if status < 400 else "application/problem+json")
    handler.send_header("Content-Length", str(len(payload)))
    handler.end_headers()
    handler.wfile.write(payload)


UNAUTHORIZED = (401, {"type": "urn:ecs-canary:problem:unauthenticated", "title": "Authentication required",
                      "status": 401, "detail": "the bearer token was not accepted: Jwt expired"})


class FakeController:
    """Answers POST with `start` (status, body) and each GET with the next of `reads` (the last one repeats), or with
    reads() when it is a function. A request whose bearer token `accept` refuses gets a 401 problem instead."""

    def __init__(self, start, reads=(), accept=lambda token: True):
        self.start = start
        self.reads = reads if callable(reads) else list(reads)
        self.accept = accept
        self.requests = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                fake.requests.append(("POST", self.path, dict(self.headers), body))
                answer(self, *(fake.start if fake.authenticated(self) else UNAUTHORIZED))

            def do_GET(self):
                fake.requests.append(("GET", self.path, dict(self.headers), None))
                answer(self, *(fake.next_read() if fake.authenticated(self) else UNAUTHORIZED))

        self.server, self.url = serve(Handler)

    def authenticated(self, handler):
        header = handler.headers.get("Authorization", "")
        return header.startswith("Bearer ") and self.accept(header[len("Bearer "):])

    def next_read(self):
        if callable(self.reads):
            return self.reads()
        return self.reads.pop(0) if len(self.reads) > 1 else self.reads[0]

    def tokens_used(self):
        return [r[2]["Authorization"][len("Bearer "):] for r in self.requests]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def jwt(claims):
    """A JWT-shaped token (header.payload.signature); the client reads claims, it never checks signatures."""
    def part(value):
        return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()
    return f"{part({'alg': 'RS256', 'typ': 'JWT', 'kid': 'test'})}.{part(claims)}.c2lnbmF0dXJl"


class TokenEndpoint:
    """GitHub's ID token endpoint as a job sees it: GET <ACTIONS_ID_TOKEN_REQUEST_URL>&audience=..., with
    "Authorization: bearer <ACTIONS_ID_TOKEN_REQUEST_TOKEN>", answers {"value": <JWT>}. Tokens live `lifetime`
    seconds (GitHub's live 300); `make` may replace the token issued for given claims."""

    REQUEST_TOKEN = "request-token-from-the-runner"

    def __init__(self, lifetime=300, status=200, make=jwt):
        self.lifetime = lifetime
        self.status = status
        self.make = make
        self.issued = {}
        self.requests = []
        endpoint = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                url = urllib.parse.urlsplit(self.path)
                endpoint.requests.append((url.path, urllib.parse.parse_qs(url.query), dict(self.headers)))
                if self.headers.get("Authorization") != "bearer " + TokenEndpoint.REQUEST_TOKEN:
                    answer(self, 401, {"message": "Unauthorized"})
                elif endpoint.status != 200:
                    answer(self, endpoint.status, {"message": "refused"})
                else:
                    answer(self, 200, {"value": endpoint.mint(urllib.parse.parse_qs(url.query).get("audience"))})

        self.server, base = serve(Handler)
        self.request_url = base + "/_apis/pipelines/workflows/4711/idtoken?api-version=2.0"

    def mint(self, audience):
        issued_at = int(time.time())
        claims = {"iss": "https://token.actions.githubusercontent.com", "aud": (audience or [None])[0],
                  "iat": issued_at, "nbf": issued_at, "exp": issued_at + self.lifetime, "jti": str(uuid.uuid4())}
        token = self.make(claims)
        self.issued[token] = claims
        return token

    def valid(self, token):
        """What a controller would say: a token this endpoint issued that has not expired."""
        claims = self.issued.get(token)
        return claims is not None and time.time() < claims["exp"]

    def environment(self):
        return {"GITHUB_ACTIONS": "true", "ACTIONS_ID_TOKEN_REQUEST_URL": self.request_url,
                "ACTIONS_ID_TOKEN_REQUEST_TOKEN": self.REQUEST_TOKEN}

    def close(self):
        self.server.shutdown()
        self.server.server_close()
