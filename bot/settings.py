"""One settings object, read from ``CROSSCHECK_*`` variables and an optional TOML file."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from pydantic import Field
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "seeds"
PROMPTS_DIR = ROOT / "prompts"


class Settings(BaseSettings):
    """Everything that can be configured; env wins over the TOML file, which wins over defaults."""

    model_config = SettingsConfigDict(env_prefix="CROSSCHECK_", extra="ignore")

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
    stance: str = Field(
        "model",
        description="Stance judge: 'model' (the shipped cross-encoder for contradictions, with "
        "rules and embeddings for support), 'rules' (rules alone) or 'llm'.",
    )
    llm: str = Field(
        "offline",
        description="Answer writer: 'offline' (templates), 'openai:<model>' or "
        "'openai-compatible:<model>' (with `llm_base_url`).",
    )
    llm_base_url: str | None = Field(
        None, description="Base URL of an OpenAI-compatible chat server (Ollama, vLLM, ...)."
    )
    llm_timeout: float = Field(30.0, gt=0, description="Seconds before a model call is abandoned.")
    llm_retries: int = Field(2, ge=0, le=10, description="Retries of a failed model call.")
    seeds: Path = Field(SEEDS_DIR, description="Corpus ingested when the store is empty.")
    auto_seed: bool = Field(True, description="Ingest `seeds` on first use of an empty store.")
    api_token: str | None = Field(
        None, description="Bearer token required by the API and UI; none means open access."
    )
    cors_origins: list[str] = Field(
        default_factory=list, description="Origins allowed to embed or call the app (CORS)."
    )
    max_question_chars: int = Field(2000, ge=10, description="Longest question accepted.")
    max_upload_mb: float = Field(10.0, gt=0, description="Largest document accepted by upload.")
    max_upload_files: int = Field(50, ge=1, description="Most documents in one upload.")

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
        from retrieval.chunking import CHUNKER_VERSION
        from retrieval.documents import CLEANER_VERSION

        parts: dict[str, Any] = {
            "embeddings": self.embeddings,
            "chunk_chars": self.chunk_chars,
            "chunker": CHUNKER_VERSION,
            "cleaner": CLEANER_VERSION,
        }
        return hashlib.sha1(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:10]
