"""scripts/deploy in a GitHub Actions job: it mints the job's OIDC ID tokens itself, a fresh one whenever the one it
holds nears its expiry or is refused, so a release may outlast any number of five-minute tokens."""

import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time
import unittest

from fakes import FakeController, TokenEndpoint, jwt

SCRIPT = pathlib.Path(__file__).resolve().parents[1] / "deploy"


def deployment(status):
    return {"id": "d-1", "service": "demo-app", "status": status, "trafficPercent": 0, "phases": [], "events": []}


def release_lasting(seconds):
    """GET answers IN_PROGRESS until `seconds` after the first read, then SUCCEEDED."""
    first = []

    def read():
        first.append(time.monotonic())
        done = time.monotonic() - first[0] >= seconds
        return 200, deployment("SUCCEEDED" if done else "IN_PROGRESS")
    return read


class ActionsTokenTest(unittest.TestCase):

    def setUp(self):
        self.work = tempfile.TemporaryDirectory()
        self.outputs = pathlib.Path(self.work.name) / "outputs"
        self.endpoint = None
        self.fake = None

    def tearDown(self):
        for server in (self.endpoint, self.fake):
            if server:
                server.close()
        self.work.cleanup()

    def run_in_actions(self, *extra, audience="https://deploy.example.com", extra_env=None):
        env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "CONTROLLER_", "ACTIONS_"))}
        env.update(self.endpoint.environment())
        env.update({"CONTROLLER_URL": self.fake.url, "GITHUB_RUN_ID": "4711", "GITHUB_OUTPUT": str(self.outputs)})
        if audience:
            env["CONTROLLER_AUDIENCE"] = audience
        env.update(extra_env or {})
        args = [sys.executable, str(SCRIPT), "--service", "demo-app", "--image", "registry/demo-app:abc",
                "--poll-seconds", "0.1", "--retry-seconds", "3", *extra]
        return subprocess.run(args, env=env, capture_output=True, text=True, timeout=60)

    def test_a_release_outlasting_several_short_lived_tokens_succeeds_with_a_fresh_one_each_time(self):
        self.endpoint = TokenEndpoint(lifetime=2)
        self.fake = FakeController((202, deployment("PENDING")), release_lasting(5), accept=self.endpoint.valid)

        result = self.run_in_actions()

        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertGreaterEqual(len(self.endpoint.issued), 3, "a 5-second release with 2-second tokens")
        self.assertTrue(all(self.endpoint.issued.get(t) for t in self.fake.tokens_used()))
        self.assertNotIn("refused", result.stdout, "tokens were replaced before they expired, not after a 401")
        path, query, headers = self.endpoint.requests[0]
        self.assertEqual(path, "/_apis/pipelines/workflows/4711/idtoken")
        self.assertEqual(query, {"api-version": ["2.0"], "audience": ["https://deploy.example.com"]})
        self.assertEqual(headers["Authorization"], "bearer " + TokenEndpoint.REQUEST_TOKEN)

    def test_every_minted_token_is_masked_in_the_log(self):
        self.endpoint = TokenEndpoint()
        self.fake = FakeController((202, deployment("PENDING")), [(200, deployment("SUCCEEDED"))],
                                   accept=self.endpoint.valid)

        result = self.run_in_actions()

        (token,) = self.endpoint.issued
        self.assertIn("::add-mask::" + token, result.stdout)

    def test_a_300_second_token_is_kept_for_several_calls(self):
        self.endpoint = TokenEndpoint(lifetime=300)
        self.fake = FakeController((202, deployment("PENDING")), release_lasting(1), accept=self.endpoint.valid)

        result = self.run_in_actions()

        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertEqual(len(self.endpoint.issued), 1)
        self.assertGreater(len(self.fake.requests), 3)

    def test_a_refused_token_is_replaced_and_the_call_tried_once_more(self):
        self.endpoint = TokenEndpoint(lifetime=300)
        refused = set()

        def accept(token):  # the controller refuses the first token it sees, as after a key rotation
            if not refused:
                refused.add(token)
            return token not in refused and self.endpoint.valid(token)
        self.fake = FakeController((202, deployment("PENDING")), [(200, deployment("SUCCEEDED"))], accept=accept)

        result = self.run_in_actions()

        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertEqual(len(self.endpoint.issued), 2)
        self.assertEqual([r[0] for r in self.fake.requests], ["POST", "POST", "GET"])
        self.assertIn("minting a fresh one", result.stdout)

    def test_a_token_that_is_not_a_jwt_is_used_until_it_is_refused(self):
        opaque = iter(["opaque-1", "opaque-2"])
        self.endpoint = TokenEndpoint(make=lambda claims: next(opaque))
        self.fake = FakeController((202, deployment("PENDING")), release_lasting(0.5),
                                   accept=lambda token: token == "opaque-2" or len(self.fake.requests) < 3)

        result = self.run_in_actions()

        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        used = self.fake.tokens_used()
        self.assertEqual(used[:3], ["opaque-1"] * 3)
        self.assertEqual(set(used[3:]), {"opaque-2"})

    def test_a_401_that_persists_with_a_fresh_token_exits_5(self):
        self.endpoint = TokenEndpoint()
        self.fake = FakeController((202, deployment("PENDING")), [(200, deployment("SUCCEEDED"))],
                                   accept=lambda token: False)

        result = self.run_in_actions()

        self.assertEqual(result.returncode, 5, result.stdout + result.stderr)
        self.assertEqual(len(self.endpoint.issued), 2)
        self.assertEqual(len(self.fake.requests), 2)
        self.assertIn("also with a freshly minted ID token", result.stderr)

    def test_a_token_endpoint_that_refuses_exits_5(self):
        self.endpoint = TokenEndpoint(status=403)
        self.fake = FakeController((202, deployment("PENDING")), [(200, deployment("SUCCEEDED"))])

        result = self.run_in_actions()

        self.assertEqual(result.returncode, 5, result.stdout + result.stderr)
        self.assertIn("id-token: write", result.stderr)
        self.assertEqual(self.fake.requests, [])

    def test_a_set_controller_token_wins_inside_actions(self):
        self.endpoint = TokenEndpoint()
        self.fake = FakeController((202, deployment("PENDING")), [(200, deployment("SUCCEEDED"))],
                                   accept=lambda token: token == "api-token")

        result = self.run_in_actions(extra_env={"CONTROLLER_TOKEN": "api-token"})

        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertEqual(self.endpoint.requests, [])

    def test_minting_needs_an_audience(self):
        self.endpoint = TokenEndpoint()
        self.fake = FakeController((202, deployment("PENDING")), [(200, deployment("SUCCEEDED"))])

        result = self.run_in_actions(audience=None)

        self.assertEqual(result.returncode, 2)
        self.assertIn("--audience", result.stderr)
        self.assertEqual(self.fake.requests, [])


class RefreshTimeTest(unittest.TestCase):

    def setUp(self):
        from test_deploy import load_script_module
        self.client = load_script_module()

    def test_a_github_token_is_replaced_a_minute_before_it_expires(self):
        self.assertEqual(self.client.refresh_time(jwt({"iat": 1000, "exp": 1300})), 1240)

    def test_a_short_lived_token_is_replaced_a_fifth_of_its_lifetime_before_it_expires(self):
        self.assertEqual(self.client.refresh_time(jwt({"iat": 1000, "exp": 1010})), 1008)

    def test_a_token_without_a_readable_expiry_has_no_refresh_time(self):
        for token in ("opaque", "a.b.c", jwt({"iat": 1}), jwt({"exp": "soon"})):
            with self.subTest(token=token):
                self.assertIsNone(self.client.refresh_time(token))
        self.assertEqual(json.loads(json.dumps(self.client.jwt_claims("x.!!!.y"))), {})


if __name__ == "__main__":
    unittest.main()
