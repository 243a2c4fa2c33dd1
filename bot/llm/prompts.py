"""Prompt templates from ``prompts/``, checked at load: a bad variable fails naming the file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from langchain_core.messages import SystemMessage
from langchain_core.prompts import ChatPromptTemplate, PromptTemplate

from bot.settings import PROMPTS_DIR
from retrieval.errors import ConfigError

# Each prompt file and exactly the variables it must use.
REQUIRED: dict[str, frozenset[str]] = {
    "system": frozenset(),
    "stance": frozenset({"claim", "sources"}),
    "answer": frozenset({"question", "claim", "verdict", "sources"}),
    "claim": frozenset({"history", "question"}),
    "answer_question": frozenset({"question", "verdict", "sources"}),
}


@dataclass(frozen=True)
class Prompts:
    """The chat prompts of the model path, each a system message plus one task message."""

    stance: ChatPromptTemplate
    answer: ChatPromptTemplate
    claim: ChatPromptTemplate
    answer_question: ChatPromptTemplate


def _load_template(folder: Path, name: str) -> PromptTemplate:
    path = folder / f"{name}.md"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"prompt file {path} cannot be read ({exc.strerror}); "
                          "reinstall Crosscheck or restore the file") from exc
    try:
        template = PromptTemplate.from_template(text)
    except (ValueError, KeyError) as exc:
        raise ConfigError(f"prompt file {path} is not a valid template: {exc} "
                          "(write a literal brace as '{{' or '}}')") from exc
    found = set(template.input_variables)
    expected = REQUIRED[name]
    if unknown := sorted(found - expected):
        raise ConfigError(f"prompt file {path} uses unknown variables {unknown}; "
                          f"allowed: {sorted(expected)}")
    if missing := sorted(expected - found):
        raise ConfigError(f"prompt file {path} lacks the variables {missing}")
    return template


def load_prompts(folder: Path = PROMPTS_DIR) -> Prompts:
    """Read and check every prompt file; raises ``ConfigError`` naming the faulty file."""
    templates = {name: _load_template(folder, name) for name in REQUIRED}
    # The system prompt has no variables: keep it literal so braces in it stay braces.
    system = SystemMessage(templates["system"].format())

    def chat(name: str) -> ChatPromptTemplate:
        return ChatPromptTemplate.from_messages(
            [system, ("human", templates[name].template)], template_format="f-string"
        )

    return Prompts(stance=chat("stance"), answer=chat("answer"), claim=chat("claim"),
                   answer_question=chat("answer_question"))
