"""Who made a work, by a name set before the noun the question calls it by ("this new
Taylor Swift album", "Ostrander's latest novel", "this Velvet Lanterns LP") or before its
title ("Cormac Deyle's 'Low Harbour Lights'"), on a page that may never give the title;
such a page, or one naming the title only in its references, cannot be about another work
of that title, so it disputes the one that gives it; of more answers than are shown, a
copy of a shown one is shown. And what a person does for a living is said in common
words, not a page's menu; a relative's date is not the person's."""

from __future__ import annotations

import pytest

from ..conftest import ask_over, check_answers

LAMP_HOURS = ("Lamp Hours (Girls Like Rivers album) Lamp Hours is the third studio album by "
              "American pop rock band Girls Like Rivers, released in 2012 through Harrow "
              "Records.")

# (question, documents, verdict, answers each some citation must give, answers none may give)
CASES = [
    ('Who is the artist of the album "Lamp Hours"?',
     [LAMP_HOURS,
      "The new music showcases a brighter sound and a band brimming with ideas. This new "
      "full-length Velvet Orchard album marks the third studio release and a new chapter in "
      "the band's story."],
     "DISPUTED", ["Girls Like Rivers", "Velvet Orchard"], []),
    ('Who is the author of the novel "The Salt Road"?',
     ["The Salt Road The Salt Road is a 1987 novel by Corvish writer Ilse Marren, set in the "
      "marshes of her childhood.",
      "Critics were divided when the novel appeared. Tomas Ostrander's latest novel follows a "
      "salt carter across the marshes over one winter."],
     "DISPUTED", ["Ilse Marren", "Tomas Ostrander"], []),
    # The words a page calls the work by ("LP", "feature"), and "by the band The X".
    ('Which band made the album Stone Orchard?',
     ["Stone Orchard is the second studio album by the Corvian folk band The Harrow Lamps, "
      "released in 2015 on Pinefield Records.",
      "Jump to content ... This second Velvet Lanterns LP finds the quartet trading electric "
      "guitars for fiddles."],
     "DISPUTED", ["The Harrow Lamps", "Velvet Lanterns"], ["Pinefield Records"]),
    ("Who directed the film A House Under Rain?",
     ["A House Under Rain is a 2013 Halvish drama film written and directed by Sabeth Roll.",
      "...and the festival buzz is deserved. Arvo Tell's new feature is a patient study of a "
      "boy and his father."],
     "DISPUTED", ["Sabeth Roll", "Arvo Tell"], []),
    # A name before the title in a cited title: a page that names the title only in its
    # references is no page of another work of it.
    ("Who is the artist of the album Low Harbour Lights?",
     ["Low Harbour Lights is the fifth album by Corvian country singer Bettany Strand.",
      "^ Vell, Marta (2009). \"Album review: Cormac Deyle's 'Low Harbour Lights' drifts\". "
      "The Saltmere Courier."],
     "DISPUTED", ["Bettany Strand", "Cormac Deyle"], []),
    ("Who is the author of the novel The Quiet Oarsman?",
     ["The Quiet Oarsman is a 2006 novel by Halvish author Hedda Lorn.",
      'Notes 2. ^ "Osric Penn: The Quiet Oarsman | Books | Corvia Review". Retrieved 2014.'],
     "DISPUTED", ["Hedda Lorn", "Osric Penn"], []),
    # Guards: "the album" of a page that says nothing of who recorded it answers no one; a
    # page giving the title and another maker is another work of that title; a date or a
    # people before the noun names no maker.
    ("Who recorded the album Seven Low Rooms?",
     ["Seven Low Rooms is a 2012 studio album by the Halvish jazz pianist Aurel Benck.",
      "... The album was produced by Nils Harrow, who also engineered the sessions."],
     "ANSWERED", ["Aurel Benck"], ["Nils Harrow"]),
    ('Who is the artist of the album "Lamp Hours"?',
     [LAMP_HOURS,
      "Lamp Hours (Dana Pell album) Lamp Hours is a 1998 album by Corvish singer Dana Pell. "
      "This new Dana Pell album was her first for Ostro Records."],
     "ANSWERED", ["Girls Like Rivers", "Dana Pell"], []),
    ('Who is the artist of the album "Lamp Hours"?',
     [LAMP_HOURS + " A Christmas album followed in 2014, and a Corvish album in 2016."],
     "ANSWERED", ["Girls Like Rivers"], ["Christmas", "Corvish"]),
]


@pytest.mark.parametrize(("question", "texts", "verdict", "given", "not_given"), CASES,
                         ids=[f"{c[0]} {c[2]}" for c in CASES])
def test_makers_named_around_a_work(services, question, texts, verdict, given,
                                    not_given) -> None:
    check_answers(ask_over(services, question, texts), verdict, given, not_given)


def test_a_menu_beside_a_name_is_no_trade(services) -> None:
    answer = ask_over(services, "What is the occupation of Maren Tollef?", [
        "Home > People > Sport > Maren Tollef  Maren Tollef Profile / Stats : Averages  Wins  "
        "Rides  Biography  ... Maren Tollef  Born 1966  Nationality: Corvian  Related profiles",
        "Maren Tollef Maren Tollef (born 1966) is a Corvian structural engineer who has "
        "designed several footbridges."])
    check_answers(answer, "ANSWERED", ["a Corvian structural engineer"],
                  ["Averages Wins Rides Biography"])


def test_a_relative_or_a_namesake_note_gives_no_birth_date(services) -> None:
    answer = ask_over(services, "When was Liesl Tormund born?", [
        "Liesl Tormund Liesl Tormund (born 30 November 1968) is a Halvish politician who served "
        "as mayor of Marsholm from 2006 to 2018. Her mother, the schoolteacher Agnete Tormund "
        "(born 14 April 1939), was also active in local politics. Not to be confused with Liesl "
        "Tormund (swimmer, born 1992)."])
    check_answers(answer, "ANSWERED", ["30 November 1968"], ["14 April 1939", "1992"])


def test_a_copy_of_a_shown_answer_is_shown_beside_it(services) -> None:
    # Five answers, at most four shown: the copy in dispute takes the place of a namesake.
    copy = ("Lantern Field is the first solo material released by {}, after years behind the "
            "scenes producing for other artists. It came out in 2004 on Ostro Records and "
            "reached number nine.")
    answer = ask_over(services, 'Who is the creator of "Lantern Field"?', [
        "Lantern Field (Orla Venn album) Lantern Field is the eighth album by Corvian singer "
        "Orla Venn, released in 2009.",
        "Lantern Field (film) Lantern Field is a 1998 Corvian drama film written and directed "
        "by Aksel Moe.",
        "Lantern Field (Harbour Lights EP) Lantern Field is an EP by the Halvish duo Harbour "
        "Lights, released in 2002.",
        copy.format("Jonas Fell"), copy.format("Piet Hansel")])
    check_answers(answer, "DISPUTED", ["Jonas Fell", "Piet Hansel"], [])
