"""Mirrors GitHub Actions' OIDC signing keys (a JWKS) into one S3 object.

The deploy controller runs in private subnets without a NAT gateway, so it cannot fetch
https://token.actions.githubusercontent.com/.well-known/jwks itself; it reads this copy through the VPC's S3
gateway endpoint instead. This runs as a Lambda function outside the VPC, on a schedule and once per
terraform apply (see terraform/jwks_mirror.tf).

A copy is written only after the fetched document has passed `validate`, so a failed, garbled or unusable
fetch leaves the last good copy in place. Such a run raises: Lambda counts it as an error, which is what the
mirror's staleness alarm watches, and terraform apply fails on it.

Standard library only. boto3 ships with the Lambda runtime and is imported only when the handler needs S3.
"""

import base64
import binascii
import json
import logging
import os
import re
import urllib.request

DEFAULT_SOURCE_URL = "https://token.actions.githubusercontent.com/.well-known/jwks"
MAX_BYTES = 64 * 1024
FETCH_TIMEOUT_SECONDS = 10
CACHE_CONTROL = "max-age=60"
MIN_MODULUS_BITS = 2048
USER_AGENT = "ecs-canary-jwks-mirror"

# Members of a private RSA key (RFC 7518, section 6.3.2): a published key set must never carry them.
PRIVATE_KEY_MEMBERS = ("d", "p", "q", "dp", "dq", "qi", "oth")
BASE64URL = re.compile(r"^[A-Za-z0-9_-]+$")

LOG = logging.getLogger("jwks-mirror")
LOG.setLevel(logging.INFO)


class InvalidKeySet(ValueError):
    """The fetched document is not a key set the controller could verify GitHub's ID tokens with."""


def fetch(url, timeout=FETCH_TIMEOUT_SECONDS):
    """The body of `url`, fetched over HTTPS only and at most MAX_BYTES long."""
    if not url.startswith("https://"):
        raise ValueError(f"refusing to fetch the key set from {url}: not an https URL")
    request = urllib.request.Request(url, headers={"Accept": "application/json", "User-Agent": USER_AGENT})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        if not response.geturl().startswith("https://"):
            raise ValueError(f"{url} redirected to {response.geturl()}, which is not https")
        if response.status != 200:
            raise ValueError(f"{url} answered HTTP {response.status}, not 200")
        body = response.read(MAX_BYTES + 1)
    if len(body) > MAX_BYTES:
        raise InvalidKeySet(f"the key set is larger than {MAX_BYTES} bytes")
    return body


def validate(body):
    """The parsed key set, if `body` is a non-empty JWKS of public RSA signing keys; InvalidKeySet otherwise."""
    try:
        document = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise InvalidKeySet(f"not JSON: {error}") from None
    if not isinstance(document, dict) or not isinstance(document.get("keys"), list):
        raise InvalidKeySet("not a JWKS: no 'keys' array")
    if not document["keys"]:
        raise InvalidKeySet("the 'keys' array is empty")
    key_ids = [_checked_key_id(index, key) for index, key in enumerate(document["keys"])]
    if len(set(key_ids)) != len(key_ids):
        raise InvalidKeySet(f"duplicate key ids in {key_ids}")
    return document


def _checked_key_id(index, key):
    if not isinstance(key, dict):
        raise InvalidKeySet(f"key {index} is not a JSON object")
    if key.get("kty") != "RSA":
        raise InvalidKeySet(f"key {index} has kty {key.get('kty')!r}, not 'RSA'")
    kid = key.get("kid")
    if not isinstance(kid, str) or not kid.strip():
        raise InvalidKeySet(f"key {index} has no key id (kid)")
    if key.get("use", "sig") != "sig":
        raise InvalidKeySet(f"key {kid} is for use {key.get('use')!r}, not for signatures")
    private = [member for member in PRIVATE_KEY_MEMBERS if member in key]
    if private:
        raise InvalidKeySet(f"key {kid} carries private key members {private}")
    exponent = _base64url_integer(kid, key, "e")
    modulus = _base64url_integer(kid, key, "n")
    if exponent < 3 or exponent % 2 == 0:
        raise InvalidKeySet(f"key {kid} has an unusable public exponent")
    if modulus.bit_length() < MIN_MODULUS_BITS:
        raise InvalidKeySet(f"key {kid} has a {modulus.bit_length()}-bit modulus; at least {MIN_MODULUS_BITS} needed")
    return kid


def _base64url_integer(kid, key, member):
    value = key.get(member)
    if not isinstance(value, str) or not BASE64URL.match(value):
        raise InvalidKeySet(f"key {kid} has no base64url '{member}'")
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    except (binascii.Error, ValueError):
        raise InvalidKeySet(f"key {kid} has a malformed '{member}'") from None
    return int.from_bytes(raw, "big")


def mirror(source_url, bucket, key, s3, fetch_key_set):
    """Fetches the key set, validates it and only then writes it to s3://bucket/key; returns its key ids."""
    document = validate(fetch_key_set(source_url))
    s3.put_object(
        Bucket=bucket,
        Key=key,
        Body=json.dumps(document, separators=(",", ":")).encode("utf-8"),
        ContentType="application/json",
        CacheControl=CACHE_CONTROL,
    )
    return [entry["kid"] for entry in document["keys"]]


_s3_client = None


def s3_client():
    global _s3_client
    if _s3_client is None:
        import boto3  # in the Lambda runtime; imported here so that the module loads without it

        _s3_client = boto3.client("s3")
    return _s3_client


def handler(event, context):
    source_url = os.environ.get("JWKS_SOURCE_URL", DEFAULT_SOURCE_URL)
    bucket = os.environ["MIRROR_BUCKET"]
    key = os.environ["MIRROR_KEY"]
    target = f"s3://{bucket}/{key}"
    try:
        key_ids = mirror(source_url, bucket, key, s3_client(), fetch)
    except Exception as error:
        LOG.error(json.dumps({"outcome": "kept the previous copy", "source": source_url, "target": target,
                              "reason": f"{type(error).__name__}: {error}"}))
        raise
    LOG.info(json.dumps({"outcome": "mirrored", "source": source_url, "target": target, "keyIds": key_ids}))
    return {"target": target, "keyIds": key_ids}
