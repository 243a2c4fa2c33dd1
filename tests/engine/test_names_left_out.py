"""A sentence that leaves out part of the name asked about still answers for it, when the
document leaves no doubt whom or what it means."""

from __future__ import annotations

from ..conftest import titled as _doc
from ..conftest import verifier_over

# Two accounts of one man's death: a page headed by his full name, and another that names him
# in full once and, far further on, by his surname only.
PENWICK = [
    _doc("Document 1", "Arthur Penwick Arthur Penwick (12 May 1742 – 3 March 1787) was a "
                       "planter and signer of the compact. He served two terms in the assembly."),
    _doc("Document 2", "Arthur Penwick was a planter and a signer of the compact. He sat in "
                       "the assembly for two terms and argued against the stamp tax in a series "
                       "of pamphlets. When the war came he joined the militia and was taken "
                       "when the city fell to the British in 1780. He was held as a prisoner at "
                       "St. Augustine until exchanged in July the following year. Penwick died "
                       "on June 15, 1790 at the age of 47 and was buried in the family tomb."),
]


def _asked(services, docs, question: str) -> tuple[str, str]:
    """(verdict, every cited quote) of a question over these documents."""
    answer = verifier_over(services, docs).verify(question)
    return answer.verdict.value, " ".join(c.quote for c in answer.citations)


def test_a_surname_alone_stands_for_the_person_asked_about(services) -> None:
    verdict, quotes = _asked(services, PENWICK, "When did Arthur Penwick die?")
    assert verdict == "DISPUTED"
    assert "3 March 1787" in quotes and "June 15, 1790" in quotes


def test_a_surname_shared_by_another_person_in_the_document_does_not(services) -> None:
    other = _doc("Document 2", PENWICK[1].text.replace(
        "He was held", "His wife, Sarah Penwick, ran the estate. He was held"))
    verdict, quotes = _asked(services, [PENWICK[0], other], "When did Arthur Penwick die?")
    assert verdict == "ANSWERED" and "1790" not in quotes


def test_a_name_written_with_a_possessive_and_a_full_stop_is_the_name_asked(services) -> None:
    church = _doc("Document 1", "St. Olaf's Evangelical Lutheran Church (Harwick) St. Olaf's "
                                "Evangelical Lutheran Church is a historic church in Harwick. "
                                "It was built in 1901 and is a brick building with a gable roof.")
    answer = verifier_over(services, [church]).verify(
        "When was St. Olaf's Evangelical Lutheran Church built?")
    assert answer.verdict.value == "ANSWERED"
    assert "1901" in answer.text


# Two men of one name, each page titled with his years: asked when he was born, the years of
# his death still tell them apart.
REEL = [
    _doc("Tomas Reel (1840–1902)", "Tomas Reel was born on 4 May 1840 in Fenn. He was a "
                                   "Scottish curler and rink builder, coached by Angus Brodie."),
    _doc("Tomas Reel (1885–1931)", "Tomas Reel was born on 2 June 1885 in Cardiff. He was a "
                                   "Welsh bailiff and politician for the Liberal Party."),
]


def test_pages_headed_by_other_years_are_namesakes_when_one_year_is_asked(services) -> None:
    verdict, quotes = _asked(services, REEL, "When was Tomas Reel born?")
    assert verdict == "ANSWERED" and "1840" in quotes and "1885" in quotes


def test_a_fragment_calling_the_place_the_city_answers_for_it_in_full(services) -> None:
    """Where no passage names Dunmore, "the city" of a census fragment is the place asked
    about; of two figures in the sentence, the one said of a family answers for a family."""
    census = _doc("Document 1", "The median income for a household in the city was $29,312, "
                                "and the median income for a family was $34,753. Males had a "
                                "median income of $27,000.")
    answer = verifier_over(services, [census]).verify(
        "What is the median income for a family in Dunmore?")
    assert answer.verdict.value == "ANSWERED"
    assert answer.text.startswith("$34,753") or answer.text.startswith("34,753")


# One description of a church on its own page and, with another date, in a passage that never
# names the church.
HARWICK = _doc("Document 1", "St. Olaf's Lutheran Church (Harwick) St. Olaf's Lutheran Church "
                             "is a historic church in Harwick. It was built in 1901 and is a "
                             "brick building with a medium pitched gable roof, deep bracketed "
                             "cornice, and a tower in the centre bay of the front.")


def test_a_copy_of_a_sentence_naming_the_subject_is_about_it_too(services) -> None:
    copy = _doc("Document 2", "It was built in 1850 and is a brick building with a medium "
                              "pitched gable roof, deep bracketed cornice, and a tower in the "
                              "centre bay of the front. It was listed as a landmark in 1980.")
    verdict, quotes = _asked(services, [HARWICK, copy],
                             "When was St. Olaf's Lutheran Church built?")
    assert verdict == "DISPUTED"
    assert "1901" in quotes and "1850" in quotes


def test_a_short_sentence_many_pages_could_hold_is_no_copy(services) -> None:
    other = _doc("Document 2", "It was built in 1850. The mill stands beside the river and "
                               "was listed as a landmark in 1980.")
    verdict, quotes = _asked(services, [HARWICK, other],
                             "When was St. Olaf's Lutheran Church built?")
    assert verdict == "ANSWERED" and "1850" not in quotes


def test_a_form_filled_in_for_another_place_is_no_copy(services) -> None:
    """Census sentences share their wording, not their subject: one that differs in several
    figures and in what the place is ("the city") is about another place."""
    township = _doc("Document 1", "Selby Township is a civil township of Orr County. As of the "
                                  "census of 2000, there were 2,051 people, 697 households, "
                                  "and 579 families residing in the township.")
    city = _doc("Document 2", "The median age was 39.4 years. As of the census of 2000, there "
                              "were 2,104 people, 787 households, and 497 families residing "
                              "in the city.")
    verdict, quotes = _asked(services, [township, city], "What is the population of Selby?")
    assert verdict == "ANSWERED" and "2,104" not in quotes
