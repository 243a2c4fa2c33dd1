"""One settings object, read from ``CROSSCHECK_*`` variables and an optional TOML file."""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from retrieval.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent
_LLM = re.compile(r"\s*(?:offline|(?:openai|openai-compatible):\s*\S.*)\s*", re.IGNORECASE)
_LLM_HELP = ("use 'offline', 'openai:<model>' (e.g. openai:gpt-4o-mini) or "
             "'openai-compatible:<model>' with CROSSCHECK_LLM_BASE_URL")
SEEDS_DIR = ROOT / "seeds"
PROMPTS_DIR = ROOT / "prompts"


class Settings(BaseSettings):
    """Everything that can be configured; env wins over the TOML file, which wins over defaults."""

    model_config = SettingsConfigDict(env_prefix="CROSSCHECK_", extra="ignore",
                                      populate_by_name=True)

    store: Path = Field(Path(".crosscheck"), description="Folder of the embedded Chroma store.")
    chroma_url: str | None = Field(
        None, description="URL of a Chroma server (http://host:8000); overrides `store`."
    )
    embeddings: str = Field(
        "minilm",
        description="Embedder: 'minilm' (bundled all-MiniLM-L6-v2, offline) or 'openai:<model>'.",
    )
    embeddings_base_url: str | None = Field(
        None, description="Base URL of an OpenAI-compatible embeddings endpoint."
    )
    chunk_chars: int = Field(600, ge=100, le=4000, description="Longest chunk, in characters.")
    top_k: int = Field(8, ge=1, le=50, description="Passages read per question.")
    stance: Literal["model", "rules", "llm"] = Field(
        "model",
        description="Stance judge: 'model' (the shipped cross-encoder for contradictions, with "
        "rules and embeddings for support), 'rules' (rules alone) or 'llm' (the chat model "
        "of `llm`).",
    )
    llm: str = Field(
        "offline",
        description="Answer writer: 'offline' (templates), 'openai:<model>' or "
        "'openai-compatible:<model>' (with `llm_base_url`).",
    )
    llm_base_url: str | None = Field(
        None, description="Base URL of an OpenAI-compatible chat server (Ollama, vLLM, ...)."
    )
    openai_api_key: SecretStr | None = Field(
        None, validation_alias="OPENAI_API_KEY",
        description="Key for the OpenAI API (env OPENAI_API_KEY); local servers need none.",
    )
    openai_base_url: str | None = Field(
        None, validation_alias="OPENAI_BASE_URL",
        description="Default base URL of the OpenAI client (env OPENAI_BASE_URL); "
        "`llm_base_url` wins over it.",
    )
    llm_timeout: float = Field(30.0, gt=0, description="Seconds before a model call is abandoned.")
    llm_retries: int = Field(2, ge=0, le=10, description="Retries of a failed model call.")
    seeds: Path = Field(SEEDS_DIR, description="Corpus ingested when the store is empty.")
    auto_seed: bool = Field(True, description="Ingest `seeds` on first use of an empty store.")
    api_token: str | None = Field(
        None, description="Bearer token required by the API and UI; none means open access."
    )
    session_secret: str | None = Field(
        None, description="Key that signs UI session cookies; by default one derived from "
        "`api_token` (changing either ends every session)."
    )
    rate_verify_per_min: float = Field(
        60.0, ge=0, description="Questions per minute per client on POST /api/verify "
        "(0: no limit); each app replica counts its own."
    )
    rate_upload_per_min: float = Field(
        20.0, ge=0, description="Uploads per minute per client, API and UI (0: no limit); each "
        "app replica counts its own."
    )
    audit_log: Path | None = Field(
        None, description="Append-only JSON-lines log of every corpus change; default "
        "`<store>-audit.jsonl` beside the `store` folder (also with a Chroma server)."
    )
    cors_origins: list[str] = Field(
        default_factory=list, description="Origins allowed to embed or call the app (CORS)."
    )
    max_question_chars: int = Field(2000, ge=10, description="Longest question accepted.")
    max_upload_mb: float = Field(10.0, gt=0, description="Largest document accepted by upload.")
    max_upload_files: int = Field(50, ge=1, description="Most documents in one upload.")
    fetch_timeout: float = Field(
        15.0, gt=0, le=300, description="Seconds to fetch a web page given by URL."
    )
    fetch_private: bool = Field(
        False, description="Let the web app fetch URLs on this machine or its private network "
        "(the command line always may)."
    )

    @field_validator("llm")
    @classmethod
    def _llm_name(cls, value: str) -> str:
        if not _LLM.fullmatch(value):
            raise ValueError(f"CROSSCHECK_LLM={value!r} is not a model setting: {_LLM_HELP}")
        return value

    @model_validator(mode="after")
    def _combinations(self) -> Settings:
        if self.stance == "llm" and self.llm.strip().lower() == "offline":
            raise ValueError(
                "CROSSCHECK_STANCE=llm needs a model: set CROSSCHECK_LLM to 'openai:<model>' or "
                "'openai-compatible:<model>', or use CROSSCHECK_STANCE=model or rules"
            )
        return self

    @property
    def audit_path(self) -> Path:
        """Where corpus changes are logged."""
        if self.audit_log is not None:
            return self.audit_log
        return self.store.with_name(self.store.name + "-audit.jsonl")

    @property
    def offline(self) -> bool:
        """No chat model: the engine's templates write every answer."""
        return self.llm.strip().lower() == "offline"

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        config = os.environ.get("CROSSCHECK_CONFIG", "crosscheck.toml")
        if Path(config).is_file():
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=config))
        return tuple(sources)

    def index_stamp(self) -> str:
        """Names the vector index: changes whenever chunking or embedding would."""
        # The versions alone: the file loaders are not needed to name the index.
        from retrieval.versions import CHUNKER_VERSION, CLEANER_VERSION

        parts: dict[str, Any] = {
            "embeddings": self.embeddings,
            "chunk_chars": self.chunk_chars,
            "chunker": CHUNKER_VERSION,
            "cleaner": CLEANER_VERSION,
        }
        return hashlib.sha1(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:10]


def load_settings(**overrides: Any) -> Settings:
    """Settings from env and file (``overrides`` win); a bad value is a ``ConfigError`` that
    names the setting to fix."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            field = ".".join(str(p) for p in err["loc"])
            name = f"CROSSCHECK_{field.upper()}" if field else "the settings"
            message = str(err["msg"]).removeprefix("Value error, ")
            problems.append(message if "CROSSCHECK_" in message else f"{name}: {message}")
        raise ConfigError("; ".join(problems)) from exc
