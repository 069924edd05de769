"""TLS 1.2's PRF (RFC 5246 §5), for tests that recompute a secret
independently of tlssim."""
import hashlib
import hmac


def prf_sha256(secret, label, seed, n):
    """P_SHA256(secret, label + seed), n bytes."""
    out, a = b"", label + seed
    while len(out) < n:
        a = hmac.new(secret, a, hashlib.sha256).digest()
        out += hmac.new(secret, a + label + seed, hashlib.sha256).digest()
    return out[:n]
