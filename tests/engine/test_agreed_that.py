""""Agreed that the library should return to the village" says what "agreed to return the
library to the village" says: the "should" is what was agreed, as the claim's "to" is. A
"should" of the speaker's own still leaves the claim open."""

from __future__ import annotations

import pytest

from ..conftest import ask_over

AGREED = (
    "Council and readers meet over village library\n\n"
    "\u201cThe council agreed on Monday that the library should return to Brayford, and we "
    "thank the councillors for it,\u201d said Ana Fell, who chairs the readers' group."
)
OPINION = (
    "Council and readers meet over village library\n\n"
    "The library should return to Brayford, said Ana Fell, who chairs the readers' group."
)


@pytest.mark.parametrize(("question", "text", "carried"), [
    ("Did the council agree to return the library to Brayford?", AGREED, True),
    ("Did the council agree to return the library to Brayford?", OPINION, False),
    ("Will the library return to Brayford?", OPINION, False),
])
def test_a_should_that_was_agreed(services, question: str, text: str, carried: bool) -> None:
    answer = ask_over(services, question, [text])
    assert (answer.verdict.value == "SUPPORTED") is carried, answer.text
