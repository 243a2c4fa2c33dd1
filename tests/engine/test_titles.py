"""A title given to a person in a claim is part of what it claims.

"Ivo Rane, the port director, met the strikers" is contradicted by a sentence that names Rane
with another title and gives "Port Director" to someone else. Sentences written for these
tests, not the seed's.
"""

from __future__ import annotations

import pytest

from bot.types import Stance

LIST = ("Port Director Ana Vell, Deputy Mayor Tom Brask and council staff member Ivo Rane met "
        "the strikers on Monday.")


@pytest.mark.parametrize(
    "claim",
    [
        "Ivo Rane, the port director, met the strikers.",  # in apposition
        "Deputy Mayor Ivo Rane met the strikers.",  # before the name
    ],
)
def test_a_title_the_sentence_gives_someone_else_contradicts(rules, claim: str) -> None:
    [score] = rules.scores(claim, [LIST])
    assert score.label is Stance.REFUTES and score.factual, score


@pytest.mark.parametrize(
    "claim",
    [
        "Ana Vell, the port director, met the strikers.",  # her own title
        "Ivo Rane met the strikers.",  # no title claimed
    ],
)
def test_a_persons_own_title_or_none_still_supports(rules, claim: str) -> None:
    [score] = rules.scores(claim, [LIST])
    assert score.label is Stance.SUPPORTS, score


def test_names_listed_are_not_titles_of_each_other(parser) -> None:
    from bot.engine.titles import title_of_another

    # The small model parses names in a list as appositions of the first.
    assert title_of_another(parser.parse("Ana Vell, the port director, met them."),
                            parser.parse(LIST)) is None
