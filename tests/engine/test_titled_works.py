"""Many works share a title: who made each is what tells them apart, so pages naming other
makers of a title are about other works, while a copy of one page with its maker changed is
a conflict."""

from __future__ import annotations

from ..conftest import titled as _doc
from ..conftest import verifier_over

GARTH = _doc("Document 1", "Double Live is the second live album by Garth Brooks, released on "
                           "November 17, 1998. It sold over a million copies in its first week.")
RHEOSTATICS = _doc("Document 2", "Double Live is a live album by the Canadian band Rheostatics, "
                                 "recorded at the Horseshoe Tavern in Toronto.")


def test_makers_of_works_sharing_a_title_each_answer_for_their_work(services) -> None:
    answer = verifier_over(services, [GARTH, RHEOSTATICS]).verify(
        'Who is the artist of the album "Double Live"?')
    assert answer.verdict.value == "ANSWERED"
    assert {"Garth Brooks", "Rheostatics"} <= {c.answer for c in answer.citations}
    assert "something else by this name" in answer.text


def test_a_copy_of_a_page_with_its_maker_changed_is_a_conflict(services) -> None:
    copy = _doc("Document 3", GARTH.text.replace("Garth Brooks", "Clint Black"))
    answer = verifier_over(services, [GARTH, copy]).verify(
        'Who is the artist of the album "Double Live"?')
    assert answer.verdict.value == "DISPUTED"


def test_makers_of_an_untitled_thing_still_conflict(services) -> None:
    docs = [_doc("Harlow Post", "The new Harlow footbridge was designed by Ines Varga, the "
                                "council said on Monday."),
            _doc("Fenn Courier", "Engineers at Marlow & Finch designed the footbridge over "
                                 "the Harlow canal, which opens in May.")]
    answer = verifier_over(services, docs).verify("Who designed the Harlow footbridge?")
    assert answer.verdict.value == "DISPUTED"
