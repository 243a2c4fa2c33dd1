"""What the model is asked to return: pydantic schemas, lenient about case and key spelling."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator

from bot.citations import cited_numbers

StanceName = Literal["SUPPORTS", "REFUTES", "NEUTRAL"]
VerdictName = Literal["SUPPORTED", "REFUTED", "DISPUTED", "NOT_ENOUGH_INFO"]


def _upper(value: Any) -> Any:
    return value.strip().upper().replace(" ", "_") if isinstance(value, str) else value


def _nullish(value: Any) -> Any:
    """A model's way of writing "nobody" ("", "null", "none", "n/a") as None."""
    if isinstance(value, str) and value.strip().lower() in ("", "null", "none", "n/a"):
        return None
    return value


class Judgement(BaseModel):
    """The model's reading of one evidence sentence."""

    key: int = Field(description="The sentence's citation key.")
    stance: StanceName = Field(description="How the sentence bears on the claim.")
    speaker: str | None = Field(None, description="Who makes the statement; null for narration.")
    quote: str = Field("", description="Exact words of the sentence that show the stance.")

    @field_validator("key", mode="before")
    @classmethod
    def _key(cls, value: Any) -> Any:
        return value.strip().strip("[]") if isinstance(value, str) else value

    @field_validator("stance", mode="before")
    @classmethod
    def _stance(cls, value: Any) -> Any:
        return {"SUPPORT": "SUPPORTS", "REFUTE": "REFUTES"}.get(_upper(value), _upper(value))

    _speaker = field_validator("speaker", mode="before")(_nullish)


class Judgements(BaseModel):
    """Stance of every evidence sentence, and the verdict over them."""

    judgements: list[Judgement] = Field(description="One judgement per evidence key.")
    verdict: VerdictName = Field(description="The verdict over all sentences.")

    @field_validator("verdict", mode="before")
    @classmethod
    def _verdict(cls, value: Any) -> Any:
        return _upper(value)


class ClaimDraft(BaseModel):
    """A follow-up question rewritten as a self-contained claim."""

    claim: str = Field(description="A declarative, checkable sentence.")
    subject: str | None = Field(None, description="What 'this'/'it' refers to.")
    speaker: str | None = Field(None, description="The party whose position is asked about.")
    is_open: bool = Field(False, description="True for who/what/when questions.")

    _names = field_validator("subject", "speaker", mode="before")(_nullish)


class AnswerDraft(BaseModel):
    """The answer text as written by the model, with the keys it cites."""

    text: str

    @property
    def keys(self) -> list[int]:
        """Cited keys in order of first appearance."""
        return cited_numbers(self.text)
