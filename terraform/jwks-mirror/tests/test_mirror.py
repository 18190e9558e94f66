"""Tests of the JWKS mirror (terraform/jwks-mirror/mirror.py) with the fetch and S3 replaced by fakes.

Run from the repository root: python3 -m unittest discover -s terraform/jwks-mirror/tests -v
"""

import base64
import importlib.util
import io
import json
import os
import pathlib
import random
import socket
import sys
import types
import unittest
import urllib.error
from unittest import mock

SOURCE = pathlib.Path(__file__).resolve().parents[1] / "mirror.py"
GITHUB_JWKS = "https://token.actions.githubusercontent.com/.well-known/jwks"


def load_mirror_module():
    spec = importlib.util.spec_from_file_location("jwks_mirror", SOURCE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


mirror = load_mirror_module()


def b64url(raw):
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def rsa_public_key(kid, bits=2048, seed=1):
    """Shaped like one of GitHub's keys: an RS256 signing key with a certificate thumbprint and chain."""
    generator = random.Random(seed)
    modulus = generator.getrandbits(bits) | (1 << (bits - 1)) | 1
    return {
        "kty": "RSA",
        "alg": "RS256",
        "use": "sig",
        "kid": kid,
        "n": b64url(modulus.to_bytes(bits // 8, "big")),
        "e": "AQAB",
        "x5t": b64url(generator.randbytes(20)),
        "x5c": [base64.b64encode(generator.randbytes(700)).decode("ascii")],
    }


def key_set(*keys):
    return json.dumps({"keys": list(keys)}).encode("utf-8")


GOOD_KEY_SET = key_set(rsa_public_key("cc413527-173f-5a05-976e-9c52b1d7b431", seed=1),
                       rsa_public_key("38826b17-6a30-5f9b-b169-8beb8202f723", seed=2))


class FakeBucket:
    """put_object as S3 answers it: stores the body and its headers under the key, or fails when told to."""

    def __init__(self, objects=None, failure=None):
        self.objects = dict(objects or {})
        self.failure = failure
        self.puts = []

    def put_object(self, **request):
        self.puts.append(request)
        if self.failure:
            raise self.failure
        self.objects[(request["Bucket"], request["Key"])] = request


class FakeResponse(io.BytesIO):
    def __init__(self, body, status=200, url=GITHUB_JWKS):
        super().__init__(body)
        self.status = status
        self.url = url

    def geturl(self):
        return self.url


class ValidationTest(unittest.TestCase):

    def test_a_real_looking_github_key_set_is_accepted(self):
        document = mirror.validate(GOOD_KEY_SET)

        self.assertEqual([key["kid"] for key in document["keys"]],
                         ["cc413527-173f-5a05-976e-9c52b1d7b431", "38826b17-6a30-5f9b-b169-8beb8202f723"])

    def test_a_key_without_use_or_alg_is_accepted(self):
        key = rsa_public_key("k1")
        del key["use"], key["alg"], key["x5t"], key["x5c"]

        self.assertEqual(mirror.validate(key_set(key))["keys"][0]["kid"], "k1")

    def assertRefused(self, body, reason):
        with self.assertRaises(mirror.InvalidKeySet) as refusal:
            mirror.validate(body)
        self.assertIn(reason, str(refusal.exception))

    def test_an_empty_body_is_refused(self):
        self.assertRefused(b"", "not JSON")

    def test_an_html_error_page_is_refused(self):
        self.assertRefused(b"<html><body>502 Bad Gateway</body></html>", "not JSON")

    def test_a_truncated_key_set_is_refused(self):
        self.assertRefused(GOOD_KEY_SET[: len(GOOD_KEY_SET) // 2], "not JSON")

    def test_bytes_that_are_not_utf8_are_refused(self):
        self.assertRefused(b"\xff\xfe{\x00}", "not JSON")

    def test_absurdly_nested_json_is_refused(self):
        self.assertRefused(b"[" * 50000 + b"]" * 50000, "not JSON")

    def test_json_that_is_not_a_key_set_is_refused(self):
        self.assertRefused(b"[]", "no 'keys' array")
        self.assertRefused(b'{"message": "rate limited"}', "no 'keys' array")
        self.assertRefused(b'{"keys": {"kid": "k1"}}', "no 'keys' array")

    def test_an_empty_key_set_is_refused(self):
        self.assertRefused(b'{"keys": []}', "empty")

    def test_a_key_that_is_not_an_object_is_refused(self):
        self.assertRefused(b'{"keys": ["k1"]}', "not a JSON object")

    def test_an_elliptic_curve_key_is_refused(self):
        ec_key = {"kty": "EC", "crv": "P-256", "kid": "ec-1", "x": b64url(b"x" * 32), "y": b64url(b"y" * 32)}

        self.assertRefused(key_set(rsa_public_key("k1"), ec_key), "kty 'EC', not 'RSA'")

    def test_a_symmetric_key_is_refused(self):
        self.assertRefused(key_set({"kty": "oct", "kid": "k1", "k": b64url(b"secret")}), "kty 'oct'")

    def test_a_key_without_kid_is_refused(self):
        key = rsa_public_key("k1")
        del key["kid"]

        self.assertRefused(key_set(key), "no key id")

    def test_a_key_without_modulus_or_exponent_is_refused(self):
        for member in ("n", "e"):
            key = rsa_public_key("k1")
            del key[member]
            with self.subTest(member=member):
                self.assertRefused(key_set(key), f"no base64url '{member}'")

    def test_a_modulus_that_is_not_base64url_is_refused(self):
        key = rsa_public_key("k1")
        key["n"] = key["n"][:100] + "+/=" + key["n"][103:]

        self.assertRefused(key_set(key), "no base64url 'n'")

    def test_a_short_modulus_is_refused(self):
        self.assertRefused(key_set(rsa_public_key("k1", bits=1024)), "1024-bit modulus")

    def test_an_even_exponent_is_refused(self):
        key = rsa_public_key("k1")
        key["e"] = b64url((65536).to_bytes(3, "big"))

        self.assertRefused(key_set(key), "unusable public exponent")

    def test_a_key_for_encryption_is_refused(self):
        key = rsa_public_key("k1")
        key["use"] = "enc"

        self.assertRefused(key_set(key), "not for signatures")

    def test_a_private_key_is_refused(self):
        key = rsa_public_key("k1")
        key["d"] = key["n"]

        self.assertRefused(key_set(key), "private key members ['d']")

    def test_duplicate_key_ids_are_refused(self):
        self.assertRefused(key_set(rsa_public_key("k1", seed=1), rsa_public_key("k1", seed=2)), "duplicate key ids")


class MirrorTest(unittest.TestCase):
    OLD_COPY = {"Bucket": "mirror-bucket", "Key": "github-actions/jwks.json", "Body": b'{"keys":[]}'}

    def setUp(self):
        self.bucket = FakeBucket({("mirror-bucket", "github-actions/jwks.json"): self.OLD_COPY})

    def run_mirror(self, fetch_key_set):
        return mirror.mirror(GITHUB_JWKS, "mirror-bucket", "github-actions/jwks.json", self.bucket, fetch_key_set)

    def test_a_good_key_set_is_written_as_json_with_a_short_cache_lifetime(self):
        key_ids = self.run_mirror(lambda url: GOOD_KEY_SET)

        written = self.bucket.objects[("mirror-bucket", "github-actions/jwks.json")]
        self.assertEqual(key_ids, ["cc413527-173f-5a05-976e-9c52b1d7b431", "38826b17-6a30-5f9b-b169-8beb8202f723"])
        self.assertEqual(written["ContentType"], "application/json")
        self.assertEqual(written["CacheControl"], "max-age=60")
        self.assertEqual(json.loads(written["Body"]), json.loads(GOOD_KEY_SET))

    def test_the_key_set_is_fetched_from_the_configured_source(self):
        requested = []

        self.run_mirror(lambda url: requested.append(url) or GOOD_KEY_SET)

        self.assertEqual(requested, [GITHUB_JWKS])

    def assertOldCopyUntouched(self):
        self.assertEqual(self.bucket.puts, [])
        self.assertEqual(self.bucket.objects, {("mirror-bucket", "github-actions/jwks.json"): self.OLD_COPY})

    def test_a_failing_fetch_leaves_the_old_copy_alone(self):
        for failure in (urllib.error.URLError("Name or service not known"), socket.timeout("timed out"),
                        urllib.error.HTTPError(GITHUB_JWKS, 503, "Service Unavailable", {}, None)):
            def failing_fetch(url, failure=failure):
                raise failure

            with self.subTest(failure=failure), self.assertRaises(type(failure)):
                self.run_mirror(failing_fetch)
            self.assertOldCopyUntouched()

    def test_a_garbled_key_set_leaves_the_old_copy_alone(self):
        for body in (b"", b"<html>maintenance</html>", GOOD_KEY_SET[:-10], b'{"keys": []}'):
            with self.subTest(body=body[:30]), self.assertRaises(mirror.InvalidKeySet):
                self.run_mirror(lambda url: body)
            self.assertOldCopyUntouched()

    def test_a_failing_write_is_reported(self):
        self.bucket.failure = RuntimeError("AccessDenied")

        with self.assertRaisesRegex(RuntimeError, "AccessDenied"):
            self.run_mirror(lambda url: GOOD_KEY_SET)


class FetchTest(unittest.TestCase):

    def test_the_body_is_returned_and_json_is_asked_for(self):
        with mock.patch.object(mirror.urllib.request, "urlopen", return_value=FakeResponse(GOOD_KEY_SET)) as urlopen:
            self.assertEqual(mirror.fetch(GITHUB_JWKS), GOOD_KEY_SET)

        request = urlopen.call_args.args[0]
        self.assertEqual(request.full_url, GITHUB_JWKS)
        self.assertEqual(request.get_header("Accept"), "application/json")
        self.assertEqual(urlopen.call_args.kwargs["timeout"], mirror.FETCH_TIMEOUT_SECONDS)

    def test_a_source_that_is_not_https_is_refused_before_any_request(self):
        with mock.patch.object(mirror.urllib.request, "urlopen") as urlopen:
            with self.assertRaisesRegex(ValueError, "not an https URL"):
                mirror.fetch("http://token.actions.githubusercontent.com/.well-known/jwks")
        urlopen.assert_not_called()

    def test_a_redirect_away_from_https_is_refused(self):
        response = FakeResponse(GOOD_KEY_SET, url="http://example.com/jwks")
        with mock.patch.object(mirror.urllib.request, "urlopen", return_value=response):
            with self.assertRaisesRegex(ValueError, "not https"):
                mirror.fetch(GITHUB_JWKS)

    def test_an_answer_other_than_200_is_refused(self):
        with mock.patch.object(mirror.urllib.request, "urlopen", return_value=FakeResponse(b"", status=204)):
            with self.assertRaisesRegex(ValueError, "HTTP 204"):
                mirror.fetch(GITHUB_JWKS)

    def test_an_oversized_body_is_refused(self):
        body = b" " * (mirror.MAX_BYTES + 1)
        with mock.patch.object(mirror.urllib.request, "urlopen", return_value=FakeResponse(body)):
            with self.assertRaisesRegex(mirror.InvalidKeySet, "larger than"):
                mirror.fetch(GITHUB_JWKS)


class HandlerTest(unittest.TestCase):
    ENVIRONMENT = {"MIRROR_BUCKET": "mirror-bucket", "MIRROR_KEY": "github-actions/jwks.json"}

    def setUp(self):
        self.bucket = FakeBucket()
        fake_boto3 = types.SimpleNamespace(client=lambda service: self.bucket if service == "s3" else None)
        patches = [mock.patch.dict(os.environ, self.ENVIRONMENT),
                   mock.patch.dict(sys.modules, {"boto3": fake_boto3}),
                   mock.patch.object(mirror, "_s3_client", None)]
        for patch in patches:
            patch.start()
            self.addCleanup(patch.stop)

    def test_loading_the_module_does_not_need_boto3(self):
        with mock.patch.dict(sys.modules, {"boto3": None}):
            module = load_mirror_module()

        self.assertTrue(callable(module.handler))

    def test_the_handler_mirrors_github_into_the_configured_object_and_logs_the_key_ids(self):
        with mock.patch.object(mirror, "fetch", return_value=GOOD_KEY_SET) as fetch, \
                self.assertLogs("jwks-mirror", "INFO") as logs:
            result = mirror.handler({}, None)

        fetch.assert_called_once_with(GITHUB_JWKS)
        self.assertEqual(result["target"], "s3://mirror-bucket/github-actions/jwks.json")
        self.assertIn(("mirror-bucket", "github-actions/jwks.json"), self.bucket.objects)
        self.assertIn("cc413527-173f-5a05-976e-9c52b1d7b431", logs.output[0])

    def test_the_handler_fails_the_invocation_and_says_why_when_the_key_set_is_unusable(self):
        with mock.patch.object(mirror, "fetch", return_value=b'{"keys": []}'), \
                self.assertLogs("jwks-mirror", "ERROR") as logs, self.assertRaises(mirror.InvalidKeySet):
            mirror.handler({}, None)

        self.assertEqual(self.bucket.puts, [])
        self.assertIn("kept the previous copy", logs.output[0])
        self.assertIn("the 'keys' array is empty", logs.output[0])


if __name__ == "__main__":
    unittest.main()
