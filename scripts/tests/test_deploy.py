"""End-to-end tests of scripts/deploy against a fake controller on 127.0.0.1: one test per exit code, the
refusals, the outputs and the description's limit."""

import importlib.machinery
import importlib.util
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import unittest

from fakes import FakeController

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

    def run_client(self, *extra, url=None, token="oidc-token", timeout=20, env_extra=None):
        env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "CONTROLLER_", "ACTIONS_"))}
        env.update({"CONTROLLER_URL": url or self.fake.url, "GITHUB_RUN_ID": "4711", "GITHUB_RUN_ATTEMPT": "2",
                    "GITHUB_STEP_SUMMARY": str(self.summary), "GITHUB_OUTPUT": str(self.outputs)})
        if token:
            env["CONTROLLER_TOKEN"] = token
        env.update(env_extra or {})
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
        self.assertEqual(outputs(self.outputs), {"deployment-id": "d-1", "status": "SUCCEEDED",
                                                 "url": self.fake.url + "/deployments/d-1"})
        self.assertIn(self.fake.url + "/deployments/d-1", result.stdout)

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

    def test_every_refusal_exits_3_with_the_problems_detail(self):
        refusals = {
            409: ("Release refused", "alarm demo-app-success-rate is in ALARM"),
            422: ("The release was refused before it started", "deployment group demo-app does not exist"),
            403: ("Not allowed", "rule ci-main may not release demo-app to production"),
        }
        for status, (title, detail) in refusals.items():
            with self.subTest(status=status):
                self.outputs.unlink(missing_ok=True)
                self.fake = FakeController((status, {"type": "about:blank", "title": title, "status": status,
                                                     "detail": detail}))

                result = self.run_client()
                self.fake.close()

                self.assertEqual(result.returncode, 3, result.stdout + result.stderr)
                self.assertIn(detail, result.stdout)
                self.assertIn(detail, result.stderr)
                self.assertIn("refused", self.summary.read_text())
                self.assertEqual(outputs(self.outputs), {"status": "REFUSED"})
        self.fake = None

    def test_a_refusal_while_following_exits_3(self):
        self.fake = FakeController((202, deployment("PENDING")), [
            (403, {"title": "Not allowed", "status": 403, "detail": "the token may no longer read demo-app"})])

        result = self.run_client()

        self.assertEqual(result.returncode, 3, result.stdout + result.stderr)
        self.assertIn("the token may no longer read demo-app", result.stderr)

    def test_a_refused_static_token_exits_5_without_retrying(self):
        self.fake = FakeController((202, deployment("PENDING")), [(200, deployment("SUCCEEDED"))],
                                   accept=lambda token: False)

        result = self.run_client(token="revoked")

        self.assertEqual(result.returncode, 5, result.stdout + result.stderr)
        self.assertIn("authentication failed", result.stderr)
        self.assertEqual(len(self.fake.requests), 1)
        self.assertEqual(outputs(self.outputs), {"status": "AUTHENTICATION_FAILED"})

    def test_unknown_service_exits_2(self):
        self.fake = FakeController((404, {"title": "Unknown service", "status": 404, "detail": "no service demo-app"}))

        result = self.run_client()

        self.assertEqual(result.returncode, 2)
        self.assertIn("no service demo-app", result.stderr)

    def test_invalid_request_exits_2(self):
        self.fake = FakeController((400, {"title": "The request has invalid fields", "status": 400,
                                          "detail": "image: must not be blank"}))

        result = self.run_client()

        self.assertEqual(result.returncode, 2)
        self.assertIn("image: must not be blank", result.stderr)

    def test_a_long_description_is_shortened_to_the_apis_limit_and_the_output_says_so(self):
        self.fake = FakeController((202, deployment("PENDING")), [(200, deployment("SUCCEEDED"))])
        message = "Fix the checkout\n\n" + "A commit message body that goes on. " * 60

        result = self.run_client("--description", message)

        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        sent = self.fake.requests[0][3]["description"]
        self.assertEqual(len(sent), 1000)
        self.assertTrue(sent.startswith("Fix the checkout\n\nA commit message body"))
        self.assertTrue(sent.endswith(" [...]"))
        self.assertIn("shortened", result.stdout)

    def test_a_description_within_the_limit_is_sent_as_it_is(self):
        self.fake = FakeController((202, deployment("PENDING")), [(200, deployment("SUCCEEDED"))])
        message = "x" * 1000

        result = self.run_client("--description", message)

        self.assertEqual(self.fake.requests[0][3]["description"], message)
        self.assertNotIn("shortened", result.stdout)

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
                     "3  the controller refused", "4  the time limit passed", "5  authentication failed"):
            self.assertIn(line, result.stdout)
        self.assertIn("at most 1000 characters", result.stdout)


def outputs(path):
    return dict(line.split("=", 1) for line in path.read_text().splitlines()) if path.exists() else {}


class DescriptionLimitTest(unittest.TestCase):

    def setUp(self):
        self.client = load_script_module()

    def test_characters_outside_the_basic_plane_count_twice_as_javas_string_length_does(self):
        rockets = "a" + "\U0001F680" * 600  # 601 code points, 1201 UTF-16 code units

        shortened = self.client.fit_description(rockets)

        # "a", 496 rockets (992 units) and " [...]": 999, as the 497th rocket would need one unit more than is left
        self.assertEqual(self.client.utf16_length(shortened), 999)
        self.assertEqual(shortened, "a" + "\U0001F680" * 496 + " [...]")
        self.assertEqual(len(shortened.encode("utf-16-le")) // 2, self.client.utf16_length(shortened))
        self.assertTrue(shortened.endswith(" [...]"))

    def test_a_description_that_fits_is_left_alone(self):
        self.assertIsNone(self.client.fit_description("\U0001F680" * 500))
        self.assertIsNone(self.client.fit_description(None))


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

    def test_timeout_in_minutes_wins_too(self):
        args = self.client.parse_args(["--service", "s", "--image", "i", "--timeout-minutes", "12.5"])

        self.assertEqual(self.client.time_limit_seconds(args), 750)

    def test_idempotency_key_is_stable_for_a_run_attempt_and_random_outside_actions(self):
        env = {"GITHUB_RUN_ID": "1", "GITHUB_RUN_ATTEMPT": "1"}

        self.assertEqual(self.client.idempotency_key("s", "i", env), self.client.idempotency_key("s", "i", env))
        self.assertNotEqual(self.client.idempotency_key("s", "i", env), self.client.idempotency_key("s", "j", env))
        self.assertNotEqual(self.client.idempotency_key("s", "i", {}), self.client.idempotency_key("s", "i", {}))


if __name__ == "__main__":
    unittest.main()
