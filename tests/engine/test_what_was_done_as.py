""""What position did he play?": "plays as a left-back" says it with the verb asked; every
word of what was done "as" counts ("a left-back" is not "a right-back"), and copies that
differ in it are in dispute."""

from __future__ import annotations

from ..conftest import ask_over

HOLLIS = ("Daniel Hollis (footballer) Daniel Hollis (born 2 May 1990) is an English professional "
          "footballer who plays as a {position} for Brisk United. He came through the youth "
          "academy at Brisk and made his debut at 18. He is 1.85 m tall.")


def test_what_a_player_plays_as_answers_the_position(services) -> None:
    answer = ask_over(services, "What position does Daniel Hollis play?",
                      [HOLLIS.format(position="left-back")])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert answer.text.lower().startswith("left-back"), answer.text


def test_copies_that_differ_in_what_he_plays_as_are_disputed(services) -> None:
    answer = ask_over(services, "What position does Daniel Hollis play?", [
        HOLLIS.format(position="left-back"), HOLLIS.format(position="right-back")])
    quotes = " ".join(c.quote for c in answer.citations)
    assert answer.verdict.value == "DISPUTED", answer.text
    assert "left-back" in quotes and "right-back" in quotes, answer.text
