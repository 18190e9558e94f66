"""End-to-end tests of scripts/deploy against a fake controller on 127.0.0.1: one test per exit code."""

import importlib.machinery
import importlib.util
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import threading
import unittest
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SCRIPT = pathlib.Path(__file__).resolve().parents[1] / "deploy"


def load_script_module():
    loader = importlib.machinery.SourceFileLoader("deploy_client", str(SCRIPT))
    spec = importlib.util.spec_from_loader("deploy_client", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def deployment(status, traffic=0, phases=(), events=(), reason=None):
    return {"id": "d-1", "service": "demo-app", "status": status, "trafficPercent": traffic,
            "phases": list(phases), "events": list(events), "reason": reason}


def phase(index, traffic, outcome=None):
    return {"index": index, "trafficPercent": traffic, "startedAt": "2026-11-23T10:00:00Z",
            "endedAt": "2026-11-23T10:01:00Z" if outcome else None, "outcome": outcome,
            "alarmStates": {"demo-app-success-rate": "ALARM" if outcome == "FAILED" else "OK"}}


class FakeController:
    """Answers POST with `start` (status, body) and each GET with the next of `reads` (the last one repeats)."""

    def __init__(self, start, reads=()):
        self.start = start
        self.reads = list(reads)
        self.requests = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                fake.requests.append(("POST", self.path, dict(self.headers), body))
                self.answer(*fake.start)

            def do_GET(self):
                fake.requests.append(("GET", self.path, dict(self.headers), None))
                status, answer = fake.reads.pop(0) if len(fake.reads) > 1 else fake.reads[0]
                self.answer(status, answer)

            def answer(self, status, body):
                payload = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json" if status < 400 else "application/problem+json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class DeployClientTest(unittest.TestCase):

    def setUp(self):
        self.work = tempfile.TemporaryDirectory()
        self.summary = pathlib.Path(self.work.name) / "summary.md"
        self.outputs = pathlib.Path(self.work.name) / "outputs"
        self.fake = None

    def tearDown(self):
        if self.fake:
            self.fake.close()
        self.work.cleanup()

    def run_client(self, *extra, url=None, token="oidc-token", timeout=20):
        env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "CONTROLLER_"))}
        env.update({"CONTROLLER_URL": url or self.fake.url, "GITHUB_RUN_ID": "4711", "GITHUB_RUN_ATTEMPT": "2",
                    "GITHUB_STEP_SUMMARY": str(self.summary), "GITHUB_OUTPUT": str(self.outputs)})
        if token:
            env["CONTROLLER_TOKEN"] = token
        args = [sys.executable, str(SCRIPT), "--service", "demo-app", "--image", "registry/demo-app:abc",
                "--poll-seconds", "0.05", "--retry-seconds", "3", *extra]
        return subprocess.run(args, env=env, capture_output=True, text=True, timeout=timeout)

    def test_good_release_exits_0_after_printing_every_phase_and_writes_the_summary(self):
        self.fake = FakeController((202, deployment("PENDING")), [
            (200, deployment("IN_PROGRESS", 10, [phase(1, 10)])),
            (200, deployment("IN_PROGRESS", 20, [phase(1, 10, "PASSED"), phase(2, 20)])),
            (200, deployment("SUCCEEDED", 100, [phase(1, 10, "PASSED"), phase(2, 20, "PASSED")],
                             [{"at": "2026-11-23T10:09:00Z", "type": "COMPLETED", "message": "all traffic moved"}])),
        ])

        result = self.run_client("--description", "release abc")

        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("phase   1: 10% of traffic", result.stdout)
        self.assertIn("phase   2: PASSED", result.stdout)
        self.assertIn("COMPLETED: all traffic moved", result.stdout)
        method, path, headers, body = self.fake.requests[0]
        self.assertEqual((method, path), ("POST", "/api/deployments"))
        self.assertEqual(headers["Authorization"], "Bearer oidc-token")
        self.assertTrue(headers["Idempotency-Key"].startswith("gha-4711-2-"))
        self.assertEqual(body, {"service": "demo-app", "image": "registry/demo-app:abc", "description": "release abc"})
        self.assertTrue(all(r[1] == "/api/deployments/d-1" for r in self.fake.requests[1:]))
        self.assertIn("SUCCEEDED", self.summary.read_text())
        self.assertIn("status=SUCCEEDED", self.outputs.read_text())

    def test_rolled_back_release_exits_1(self):
        self.fake = FakeController((202, deployment("PENDING")), [
            (200, deployment("ROLLING_BACK", 20, [phase(1, 10, "PASSED"), phase(2, 20, "FAILED")],
                             reason="alarm demo-app-success-rate in ALARM")),
            (200, deployment("ROLLED_BACK", 0, [phase(1, 10, "PASSED"), phase(2, 20, "FAILED")],
                             reason="alarm demo-app-success-rate in ALARM")),
        ])

        result = self.run_client()

        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertIn("demo-app-success-rate ALARM", result.stdout)
        self.assertIn("ROLLED_BACK", self.summary.read_text())

    def test_failed_release_exits_1(self):
        self.fake = FakeController((202, deployment("PENDING")), [(200, deployment("FAILED", reason="task never healthy"))])

        self.assertEqual(self.run_client().returncode, 1)

    def test_refusal_exits_3_with_the_controllers_reason(self):
        self.fake = FakeController((409, {"type": "about:blank", "title": "Release refused", "status": 409,
                                          "detail": "alarm demo-app-success-rate is in ALARM"}))

        result = self.run_client()

        self.assertEqual(result.returncode, 3, result.stdout + result.stderr)
        self.assertIn("alarm demo-app-success-rate is in ALARM", result.stdout)
        self.assertIn("refused", self.summary.read_text())

    def test_unknown_service_exits_2(self):
        self.fake = FakeController((404, {"title": "Unknown service", "status": 404, "detail": "no service demo-app"}))

        result = self.run_client()

        self.assertEqual(result.returncode, 2)
        self.assertIn("no service demo-app", result.stderr)

    def test_missing_token_exits_2_without_calling_the_controller(self):
        self.fake = FakeController((202, deployment("PENDING")), [(200, deployment("SUCCEEDED"))])

        result = self.run_client(token=None)

        self.assertEqual(result.returncode, 2)
        self.assertEqual(self.fake.requests, [])

    def test_missing_arguments_exit_2(self):
        result = subprocess.run([sys.executable, str(SCRIPT), "--service", "demo-app"], capture_output=True, text=True)

        self.assertEqual(result.returncode, 2)

    def test_unreachable_controller_exits_2_after_retrying(self):
        result = self.run_client("--retry-seconds", "1", url="http://127.0.0.1:9")

        self.assertEqual(result.returncode, 2)
        self.assertIn("unreachable", result.stderr)

    def test_transient_errors_while_following_are_retried(self):
        self.fake = FakeController((202, deployment("PENDING")), [
            (503, {"title": "Service Unavailable", "status": 503}),
            (200, deployment("SUCCEEDED", 100)),
        ])

        result = self.run_client()

        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("retrying", result.stdout)

    def test_release_still_running_at_the_time_limit_exits_4(self):
        self.fake = FakeController((202, deployment("PENDING")), [(200, deployment("IN_PROGRESS", 30, [phase(3, 30)]))])

        result = self.run_client("--timeout-seconds", "0.5")

        self.assertEqual(result.returncode, 4, result.stdout + result.stderr)
        self.assertIn("time limit", result.stdout)
        self.assertIn("still IN_PROGRESS", self.summary.read_text())

    def test_help_documents_every_exit_code(self):
        result = subprocess.run([sys.executable, str(SCRIPT), "--help"], capture_output=True, text=True)

        self.assertEqual(result.returncode, 0)
        for line in ("0  the release SUCCEEDED", "1  the release was ROLLED_BACK or FAILED", "2  usage or connection",
                     "3  the controller refused", "4  the time limit passed"):
            self.assertIn(line, result.stdout)


class TimeLimitTest(unittest.TestCase):

    def setUp(self):
        self.client = load_script_module()

    def test_limit_is_ten_steps_plus_bake_plus_margin(self):
        args = self.client.parse_args(["--service", "s", "--image", "i"])

        self.assertEqual(self.client.time_limit_seconds(args), 60 * (10 * 1 + 5 + 10))

    def test_limit_follows_the_deployment_configuration(self):
        args = self.client.parse_args(["--service", "s", "--image", "i", "--step-minutes", "3", "--bake-minutes", "0",
                                       "--margin-minutes", "2"])

        self.assertEqual(self.client.time_limit_seconds(args), 60 * 32)

    def test_explicit_timeout_wins(self):
        args = self.client.parse_args(["--service", "s", "--image", "i", "--timeout-seconds", "90"])

        self.assertEqual(self.client.time_limit_seconds(args), 90)

    def test_idempotency_key_is_stable_for_a_run_attempt_and_random_outside_actions(self):
        env = {"GITHUB_RUN_ID": "1", "GITHUB_RUN_ATTEMPT": "1"}

        self.assertEqual(self.client.idempotency_key("s", "i", env), self.client.idempotency_key("s", "i", env))
        self.assertNotEqual(self.client.idempotency_key("s", "i", env), self.client.idempotency_key("s", "j", env))
        self.assertNotEqual(self.client.idempotency_key("s", "i", {}), self.client.idempotency_key("s", "i", {}))


if __name__ == "__main__":
    unittest.main()
