"""Per-client rate limits: a token bucket per client key, in this process.

Several app replicas each keep their own buckets, so a client may get up to one allowance per
replica; put a shared limiter in front (the proxy or load balancer) for a global cap.
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from bot.web.auth import client_key

MAX_CLIENTS = 10_000  # buckets kept; the least recently seen are forgotten first


class RateLimiter:
    """``per_min`` requests a minute per key, in bursts of up to ``per_min``; 0 is no limit."""

    def __init__(self, per_min: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = per_min / 60.0
        self.burst = max(1.0, per_min)
        self.clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def take(self, key: str) -> float:
        """0 if ``key`` may go ahead now (and count it), else the seconds until it may."""
        if self.rate <= 0:
            return 0.0
        now = self.clock()
        with self._lock:
            tokens, then = self._buckets.pop(key, (self.burst, now))
            tokens = min(self.burst, tokens + (now - then) * self.rate)
            wait = 0.0 if tokens >= 1 else (1 - tokens) / self.rate
            self._buckets[key] = (tokens - 1 if wait == 0 else tokens, now)
            while len(self._buckets) > MAX_CLIENTS:
                self._buckets.popitem(last=False)
            return wait


def too_many(wait: float, what: str) -> tuple[str, int]:
    """The 429 message and ``Retry-After`` seconds."""
    seconds = max(1, math.ceil(wait))
    return (f"too many {what} from this client: try again in {seconds} s "
            "(limits: CROSSCHECK_RATE_VERIFY_PER_MIN, CROSSCHECK_RATE_UPLOAD_PER_MIN)", seconds)


class RateLimit:
    """ASGI middleware: 429 with ``Retry-After`` once a client is over its limit on a route.

    ``routes`` maps (method, path) to (limiter, what is limited).
    """

    def __init__(self, app: Any, routes: dict[tuple[str, str], tuple[RateLimiter, str]]) -> None:
        self.app = app
        self.routes = routes

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            hit = self.routes.get((scope["method"], scope["path"].rstrip("/")))
            if hit is not None:
                limiter, what = hit
                wait = limiter.take(client_key(scope))
                if wait > 0:
                    message, seconds = too_many(wait, what)
                    body = json.dumps({"detail": message}).encode()
                    await send({"type": "http.response.start", "status": 429, "headers": [
                        (b"content-type", b"application/json"),
                        (b"retry-after", str(seconds).encode()),
                        (b"content-length", str(len(body)).encode())]})
                    await send({"type": "http.response.body", "body": body})
                    return
        await self.app(scope, receive, send)
