"""LangChain chat models picked by ``Settings.llm``, with timeouts, retries and clear errors."""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage
from pydantic import BaseModel, ValidationError

from bot.settings import Settings
from retrieval.errors import BackendError, ConfigError, CrosscheckError, MissingDependencyError

log = logging.getLogger(__name__)

T = TypeVar("T", bound=BaseModel)
R = TypeVar("R")

PROVIDERS = ("openai", "openai-compatible")
NO_KEY = "not-needed"  # local servers (Ollama, llama.cpp) take any key


@dataclass(frozen=True)
class LLMSpec:
    """A parsed ``llm`` setting: provider and model name."""

    provider: str
    model: str


def parse_llm(value: str) -> LLMSpec | None:
    """``offline`` -> None; ``openai:<model>`` / ``openai-compatible:<model>`` -> a spec."""
    value = value.strip()
    if value.lower() == "offline":
        return None
    provider, _, model = value.partition(":")
    if provider not in PROVIDERS or not model.strip():
        raise ConfigError(
            f"CROSSCHECK_LLM={value!r} is not a model setting: use 'offline', "
            "'openai:<model>' (e.g. openai:gpt-4o-mini) or 'openai-compatible:<model>' "
            "with CROSSCHECK_LLM_BASE_URL"
        )
    return LLMSpec(provider, model.strip())


def _base_url(spec: LLMSpec, settings: Settings) -> str | None:
    if spec.provider == "openai-compatible":
        url = settings.llm_base_url or settings.openai_base_url
        if not url:
            raise ConfigError(
                f"CROSSCHECK_LLM={spec.provider}:{spec.model} needs the server's address: set "
                "CROSSCHECK_LLM_BASE_URL (e.g. http://127.0.0.1:11434/v1 for Ollama)"
            )
        return url
    return settings.llm_base_url or settings.openai_base_url or None


def make_chat_model(settings: Settings) -> BaseChatModel | None:
    """The configured chat model, or None for the offline engine; no network call is made."""
    spec = parse_llm(settings.llm)
    if spec is None:
        return None
    base_url = _base_url(spec, settings)
    key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else None
    if not key:
        if spec.provider == "openai" and base_url is None:
            raise ConfigError(
                f"CROSSCHECK_LLM=openai:{spec.model} needs an API key: set OPENAI_API_KEY, "
                "or use CROSSCHECK_LLM=offline"
            )
        key = NO_KEY
    try:
        from langchain_openai import ChatOpenAI
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise MissingDependencyError("the model path needs langchain-openai: "
                                     "pip install langchain-openai") from exc
    # Retries are ours (``call_with_retries``): one place decides what is worth retrying.
    return ChatOpenAI(model=spec.model, base_url=base_url, api_key=key,  # type: ignore[arg-type]
                      timeout=settings.llm_timeout, max_retries=0, temperature=0)


def describe(settings: Settings) -> str:
    """Where calls go, for messages: 'model M at URL'."""
    spec = parse_llm(settings.llm)
    if spec is None:
        return "the offline engine"
    url = settings.llm_base_url or settings.openai_base_url or "the OpenAI API"
    return f"model {spec.model!r} at {url}"


class MalformedOutput(BackendError):
    """The model replied, but not in the shape asked for."""

    def __init__(self, message: str) -> None:
        super().__init__(message, retryable=True)


def classify(exc: BaseException, settings: Settings) -> CrosscheckError:
    """Turn a client exception into a config error (says what to set) or a backend error."""
    if isinstance(exc, CrosscheckError):
        return exc
    where = describe(settings)
    try:
        import openai
    except ImportError:  # pragma: no cover
        openai = None  # type: ignore[assignment]
    if openai is not None:
        if isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
            return ConfigError(f"{where} refused the API key: set OPENAI_API_KEY to a valid key, "
                               "or use CROSSCHECK_LLM=offline")
        if isinstance(exc, openai.NotFoundError):
            return ConfigError(f"{where} does not know this model: set CROSSCHECK_LLM to a model "
                               "the server serves (for Ollama: `ollama list`)")
        if isinstance(exc, openai.APITimeoutError):
            return BackendError(f"{where} did not reply within {settings.llm_timeout:g} s "
                                "(CROSSCHECK_LLM_TIMEOUT)", retryable=True)
        if isinstance(exc, openai.APIConnectionError):
            return BackendError(f"cannot reach {where}: start the server or fix "
                                "CROSSCHECK_LLM_BASE_URL", retryable=True)
        if isinstance(exc, openai.RateLimitError | openai.InternalServerError):
            return BackendError(f"{where} is busy or failing ({exc.__class__.__name__})",
                                retryable=True)
        if isinstance(exc, openai.APIStatusError):
            return BackendError(f"{where} rejected the request (HTTP {exc.status_code})",
                                retryable=exc.status_code >= 500)
    if isinstance(exc, TimeoutError):
        return BackendError(f"{where} did not reply within {settings.llm_timeout:g} s "
                            "(CROSSCHECK_LLM_TIMEOUT)", retryable=True)
    if isinstance(exc, ConnectionError):
        return BackendError(f"cannot reach {where}: start the server or fix "
                            "CROSSCHECK_LLM_BASE_URL", retryable=True)
    if isinstance(exc, ValueError | ValidationError | json.JSONDecodeError):
        return MalformedOutput(f"{where} sent output that could not be read "
                               f"({exc.__class__.__name__})")
    return BackendError(f"{where} failed: {exc.__class__.__name__}: {exc}", retryable=False)


def call_with_retries(fn: Callable[[], R], settings: Settings, backoff: float = 0.5) -> R:
    """Run ``fn``; retry retryable failures ``llm_retries`` times, waiting backoff, 2x, 4x..."""
    for attempt in range(settings.llm_retries + 1):
        try:
            return fn()
        except Exception as exc:  # every failure is classified below
            error = classify(exc, settings)
            retry = isinstance(error, BackendError) and error.retryable
            if not retry or attempt == settings.llm_retries:
                raise error from exc
            log.info("model call failed (%s); retry %d of %d", error, attempt + 1,
                     settings.llm_retries)
            time.sleep(backoff * 2**attempt)
    raise AssertionError("unreachable")  # pragma: no cover


_FENCE = re.compile(r"```(?:json)?\s*(.*?)```", re.DOTALL)


def parse_json_text(text: str, schema: type[T]) -> T:
    """JSON-in-text fallback: the first JSON object in a reply (fenced or bare), validated."""
    text = text.strip()
    candidates = [m.group(1) for m in _FENCE.finditer(text)] + [text]
    start, end = text.find("{"), text.rfind("}")
    if 0 <= start < end:
        candidates.append(text[start:end + 1])
    last: Exception | None = None
    for candidate in candidates:
        try:
            return schema.model_validate(json.loads(candidate))
        except (ValueError, ValidationError) as exc:
            last = exc
    raise MalformedOutput(f"the model's reply is not a valid {schema.__name__} "
                          f"({last.__class__.__name__ if last else 'empty'}): {text[:80]!r}")


def message_text(message: Any) -> str:
    """The text of a chat message or chunk (content may be a list of parts)."""
    content = getattr(message, "content", message)
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(p if isinstance(p, str) else str(p.get("text", "")) for p in content)
    return str(content)


class ChatClient:
    """One chat model with the project's call discipline: structured output, retries, streaming."""

    def __init__(self, model: BaseChatModel, settings: Settings, backoff: float = 0.5) -> None:
        self.model = model
        self.settings = settings
        self.backoff = backoff
        self._structured = True  # falls to JSON-in-text once the server rejects a schema

    def structured(self, messages: Sequence[BaseMessage], schema: type[T]) -> T:
        """A ``schema`` instance from the model: native structured output, else JSON in text."""
        return call_with_retries(lambda: self._structured_once(messages, schema),
                                 self.settings, self.backoff)

    def _structured_once(self, messages: Sequence[BaseMessage], schema: type[T]) -> T:
        if self._structured:
            try:
                runnable = self.model.with_structured_output(
                    _response_schema(schema), method="json_schema", include_raw=True)
            except (NotImplementedError, TypeError, ValueError):
                self._structured = False  # no native support: ask for JSON in text
            else:
                try:
                    out = runnable.invoke(list(messages))
                except Exception as exc:
                    error = classify(exc, self.settings)
                    if not (isinstance(error, BackendError) and not error.retryable):
                        raise
                    log.info("structured output rejected (%s); asking for JSON in text", error)
                    self._structured = False
                else:
                    if isinstance(out, schema):
                        return out
                    if isinstance(out, dict) and "raw" in out:
                        parsed = out.get("parsed")
                        if isinstance(parsed, dict):
                            try:
                                return schema.model_validate(parsed)
                            except ValidationError:
                                pass
                        return parse_json_text(message_text(out["raw"]) or
                                               _tool_args(out["raw"]), schema)
                    return schema.model_validate(out)
        reply = self.model.invoke(list(messages))
        return parse_json_text(message_text(reply), schema)

    def stream_text(self, messages: Sequence[BaseMessage]) -> Iterator[str]:
        """Text pieces as the model writes them; a failure before the first piece is retried."""
        pieces: list[str] = []

        def first() -> Iterator[str]:
            stream = self.model.stream(list(messages))
            for chunk in stream:
                text = message_text(chunk)
                if text:
                    pieces.append(text)
                    break
            return stream  # type: ignore[return-value]

        stream = call_with_retries(first, self.settings, self.backoff)
        yield from pieces
        try:
            for chunk in stream:
                text = message_text(chunk)
                if text:
                    yield text
        except Exception as exc:
            raise classify(exc, self.settings) from exc


def _response_schema(schema: type[BaseModel]) -> dict[str, Any]:
    """The JSON schema sent to the server; we validate the reply ourselves (lenient parsing)."""
    js = schema.model_json_schema()
    js.setdefault("title", schema.__name__)
    js.setdefault("description", (schema.__doc__ or schema.__name__).strip())
    return js


def _tool_args(message: Any) -> str:
    calls = getattr(message, "tool_calls", None) or []
    return json.dumps(calls[0]["args"]) if calls else ""
