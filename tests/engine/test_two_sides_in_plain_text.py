"""Two sides' statements as plain text writes them: a quotation in straight marks that runs
over several sentences is still its speaker's, and a denial "with anyone" is a denial with
whoever the claim names."""

from __future__ import annotations

from ..conftest import ask_over

FERRY = (
    "Islands council and ferry operator meet over winter sailings\n\n"
    "The Dunmore Islands Council met Kestrel Ferries on Thursday in Portree to discuss the "
    "winter timetable.\n\n"
    '"The meeting was useful," said Moira Fenn, the council\'s spokeswoman. "We will not be '
    'rushed. We have not agreed to any new timetable."\n\n'
    '"We have not entered talks with anyone about selling the ferries," said Tam Rudd, '
    "Kestrel's finance director."
)


def test_a_quotation_in_straight_marks_is_followed_back_to_its_speaker(services) -> None:
    answer = ask_over(
        services, "Did the council's spokeswoman say the council has agreed to a new timetable?",
        [FERRY])
    assert answer.verdict.value == "REFUTED", answer.text
    cited = [c for c in answer.citations if "new timetable" in c.quote]
    assert cited and cited[0].speaker and "Moira Fenn" in cited[0].speaker, cited
    # Quoted whole, its marks balanced: not '... timetable."' after the speaker's name.
    assert "\u201cWe have not agreed to any new timetable\u201d" in answer.text, answer.text


def test_a_denial_with_anyone_is_a_denial_with_the_party_named(rules) -> None:
    sentence = "The Rural People's Party has not entered coalition talks with anyone."
    [score] = rules.scores("The Rural People's Party is in talks with the Alliance.", [sentence])
    assert score.label.value == "REFUTES", score
    # Another party named in the denial leaves the claim's party open.
    other = "The Rural People's Party has not entered coalition talks with the Civic Union."
    [score] = rules.scores("The Rural People's Party is in talks with the Alliance.", [other])
    assert score.label.value != "REFUTES", score

