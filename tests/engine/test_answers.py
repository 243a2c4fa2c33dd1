"""Open questions over several documents: answers found, compared after normalising, and
conflicting sources put side by side."""

from __future__ import annotations

import pytest

from bot.citations import backed
from bot.pipeline import Verifier
from retrieval.documents import content_hash
from retrieval.types import Document

from ..conftest import titled as _doc
from ..conftest import verifier_over

AGREE = [
    _doc("Census shows slow growth in Brannock",
         "Brannock grew slowly over the decade. The river town has a population of 3,559, "
         "according to the census office. Most residents work at the mill."),
    _doc("Flood wall plan shelved",
         "The council says Brannock, home to 3559 people, cannot afford a flood wall. "
         "Councillor Ines Varga said the cost would fall on too few households."),
]
CONFLICT = _doc(
    "Brannock in brief",
    "Brannock grew slowly over the decade. The river town has a population of 10,000, "
    "according to the census office. Most residents work at the mill.",
)


@pytest.fixture
def verifier(services) -> Verifier:
    services.settings = services.settings.model_copy(update={"auto_seed": False})
    return Verifier(services)


def test_one_answer_in_different_forms_is_answered(services, verifier: Verifier) -> None:
    services.ingest_documents(AGREE)
    answer = verifier.verify("How many people live in Brannock?")
    assert answer.kind == "question"
    assert answer.verdict.value == "ANSWERED"
    assert answer.text.startswith("3,559") or answer.text.startswith("3559")
    assert answer.citations and all(c.answer and backed(c.answer, c.quote)
                                    for c in answer.citations)
    assert answer.to_json()["kind"] == "question"


def test_a_near_duplicate_with_another_figure_is_a_conflict(services, verifier) -> None:
    services.ingest_documents([*AGREE, CONFLICT])
    answer = verifier.verify("How many people live in Brannock?")
    assert answer.verdict.value == "DISPUTED"
    quotes = " ".join(c.quote for c in answer.citations)
    assert "10,000" in quotes and ("3,559" in quotes or "3559" in quotes)
    assert "Brannock in brief" in answer.text  # each source is named
    assert len({c.answer for c in answer.citations}) >= 2


def test_a_question_nothing_answers_cites_nothing(services, verifier: Verifier) -> None:
    services.ingest_documents(AGREE)
    for question in ("Who founded Brannock?", "Write me a poem about rivers."):
        answer = verifier.verify(question)
        assert answer.verdict.value == "NOT_ENOUGH_INFO"
        assert answer.citations == ()
        assert answer.kind == "question"


def test_an_open_question_never_gets_a_claim_verdict(services, verifier: Verifier) -> None:
    services.ingest_documents([*AGREE, CONFLICT])
    for question in ("Who said the cost would fall on too few households?",
                     "What does Ines Varga say about the flood wall?"):
        answer = verifier.verify(question)
        assert answer.verdict.value in ("ANSWERED", "DISPUTED", "NOT_ENOUGH_INFO")
    answer = verifier.verify("Who said the cost would fall on too few households?")
    assert answer.verdict.value == "ANSWERED" and "Ines Varga" in answer.text


def test_claims_keep_their_verdicts(services, verifier: Verifier) -> None:
    services.ingest_documents(AGREE)
    answer = verifier.verify("Does Brannock have a population of 3,559?")
    assert answer.kind == "claim"
    assert answer.verdict.value in ("SUPPORTED", "REFUTED", "DISPUTED", "NOT_ENOUGH_INFO")


# Two things that share a name, each document headed by its own disambiguator, and a copy of
# one of them with its date changed.
NAMESAKES = [
    _doc("Document 1",
         "Corin Maddox (cyclist) Corin Maddox was born on 4 March 1961 in Leeds. "
         "He rode in three Tours de France."),
    _doc("Document 2",
         "Corin Maddox (painter) Corin Maddox was born on 9 July 1874 in Bristol. "
         "His landscapes hang in the city gallery."),
]
NAMESAKE_COPY = _doc(
    "Document 3",
    "Corin Maddox (cyclist) Corin Maddox was born on 12 May 1966 in Leeds. "
    "He rode in three Tours de France.",
)


def test_namesakes_each_get_their_answer(services, verifier: Verifier) -> None:
    services.ingest_documents(NAMESAKES)
    answer = verifier.verify("When was Corin Maddox born?")
    assert answer.verdict.value == "ANSWERED"


def test_a_changed_copy_about_the_same_namesake_is_a_conflict(services, verifier) -> None:
    services.ingest_documents([*NAMESAKES, NAMESAKE_COPY])
    answer = verifier.verify("When was Corin Maddox born?")
    assert answer.verdict.value == "DISPUTED"


# Two men of one name whose pages are headed by their death years, and a copy of the first
# page with its year changed in the heading too: the headings differ, but the copy is the
# first page with one fact changed, so it is a second account of the same man.
CARROW = [
    _doc("Document 1",
         "Edwin Carrow (died 1677) Sir Edwin Carrow (3 March 1605 - 9 February 1677) was an "
         "English lawyer who sat in the House of Commons at various times between 1645 and "
         "1660. He was the son of Sir John Carrow of Mells Manor and matriculated at Lincoln "
         "College, Oxford."),
    _doc("Document 2",
         "Edwin Carrow (died 1707) Edwin Carrow (1646 - 11 March 1707) was an English "
         "politician who sat in the House of Commons between 1685 and 1689. He entered "
         "Lincoln's Inn in 1663 and was a justice of the peace for Somerset."),
]
CARROW_COPY = _doc(
    "Document 3",
    "Edwin Carrow (died 1777) Sir Edwin Carrow (3 March 1605 - 9 February 1777) was an "
    "English lawyer who sat in the House of Commons at various times between 1645 and "
    "1660. He was the son of Sir John Carrow of Mells Manor and matriculated at Lincoln "
    "College, Oxford.",
)


def test_namesakes_headed_by_their_years_each_get_their_answer(services, verifier) -> None:
    services.ingest_documents(CARROW)
    answer = verifier.verify("When did Edwin Carrow die?")
    assert answer.verdict.value == "ANSWERED"


def test_a_copied_page_with_another_heading_is_still_a_conflict(services, verifier) -> None:
    services.ingest_documents([*CARROW, CARROW_COPY])
    answer = verifier.verify("When did Edwin Carrow die?")
    assert answer.verdict.value == "DISPUTED"
    quotes = " ".join(c.quote for c in answer.citations)
    assert "9 February 1677" in quotes and "9 February 1777" in quotes


# A census page: the township's population among other counts, an area and a density.
TOWNSHIP = _doc(
    "Document 1",
    "Orla Township, Bren County, Ohio Orla Township is one of the twelve townships of Bren "
    "County, Ohio, United States. The township has a total area of 34.1 square miles. "
    "As of the census [ 1 ] of 2010, there were 1,243 people, 395 households, and 325 "
    "families residing in the township. The population density was 36.4 people per square "
    "mile.",
)
# Another township of the same name, in another county; and a copy of the first with its
# population changed.
TOWNSHIP_NAMESAKE = _doc(
    "Document 2",
    "Orla Township, Tully County, Ohio Orla Township is one of the nine townships of Tully "
    "County, Ohio, United States. The population was 887 at the 2010 census.",
)
TOWNSHIP_COPY = _doc(
    "Document 3",
    "Orla Township, Bren County, Ohio Orla Township is one of the twelve townships of Bren "
    "County, Ohio, United States. The population was 9,870 at the 2010 census.",
)


def test_a_population_is_a_count_of_people_not_any_number(services, verifier) -> None:
    services.ingest_documents([TOWNSHIP])
    answer = verifier.verify("What is the population of Orla Township?")
    assert answer.verdict.value == "ANSWERED"
    assert answer.text.startswith("1,243")
    assert {c.answer for c in answer.citations} == {"1,243"}


def test_pages_headed_by_different_places_are_namesakes(services, verifier) -> None:
    services.ingest_documents([TOWNSHIP, TOWNSHIP_NAMESAKE])
    answer = verifier.verify("What is the population of Orla Township, Ohio?")
    assert answer.verdict.value == "ANSWERED"
    assert {c.answer for c in answer.citations} == {"1,243", "887"}


def test_a_changed_copy_under_the_same_heading_is_a_conflict(services, verifier) -> None:
    services.ingest_documents([TOWNSHIP, TOWNSHIP_NAMESAKE, TOWNSHIP_COPY])
    answer = verifier.verify("What is the population of Orla Township, Ohio?")
    assert answer.verdict.value == "DISPUTED"
    assert {"1,243", "9,870"} <= {c.answer for c in answer.citations}


ATHLETE = [
    _doc("Document 1",
         "Tessa Marlow (footballer) Tessa Marlow is an English professional footballer who "
         "plays as a defender for Harwick City."),
    _doc("Document 2",
         "Marlow joined Harwick City in 2019. Tessa Marlow scored twice in the cup final."),
]
ATHLETE_WRONG = _doc(
    "Document 3",
    "Tessa Marlow is a celebrated basketball player known for her defence.",
)


def test_a_sport_is_the_word_that_names_one(services, verifier) -> None:
    services.ingest_documents(ATHLETE)
    answer = verifier.verify("What sport is Tessa Marlow associated with?")
    assert answer.verdict.value == "ANSWERED"
    assert answer.text.lower().startswith("football")


def test_another_sport_for_the_same_person_is_a_conflict(services, verifier) -> None:
    services.ingest_documents([*ATHLETE, ATHLETE_WRONG])
    answer = verifier.verify("What sport is Tessa Marlow associated with?")
    assert answer.verdict.value == "DISPUTED"
    answers = {(c.answer or "").lower() for c in answer.citations}
    assert "basketball" in answers and any(a.startswith("football") for a in answers)


def test_a_birth_name_in_the_life_dates_is_not_the_birth_date(services, verifier) -> None:
    services.ingest_documents([_doc(
        "Document 1",
        "Corin Maddox Jnr Corin Maddox Jnr (born Corin Peter Maddox; 19 August 1948 – 6 "
        "January 2016) was an Irish golfer.",
    )])
    answer = verifier.verify("When was Corin Maddox Jnr born?")
    assert answer.verdict.value == "ANSWERED"
    assert answer.text.startswith("19 August 1948")


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("Wadi, Karnataka Wadi is a census town in Gulbarga district.", "Wadi, Karnataka"),
        ("Corin Maddox Jnr Corin Maddox Jnr (born 1948) was a golfer.", "Corin Maddox Jnr"),
        ("Croatian kuna The kuna was the currency of Croatia.", "Croatian kuna"),
        ("The Yellow Ticket The Yellow Ticket is a 1931 film.", "The Yellow Ticket"),
        ("Police said the man was held. Police later released him.", None),
        ("Brannock grew slowly over the decade. The river town has 3,559 people.", None),
        ("the committee met. the committee said", None),
        ("4th Tallis Rifles The 4th Tallis Rifles was a volunteer unit.", "4th Tallis Rifles"),
        ("Second Battle of Orrin Ford The second battle of Orrin Ford was fought in 1643.",
         "Second Battle of Orrin Ford"),
    ],
)
def test_an_encyclopedia_heading_is_found_where_the_text_repeats_it(text, heading) -> None:
    from bot.engine.headings import page_heading as _heading

    assert _heading(text) == heading


# One ship's page carries a label; the other ship's pages are fragments that never say it.
LANTERN = [
    _doc("Document 1",
         "Harwick Lantern (1904 ship) Harwick Lantern was a steel cargo ship launched on 2 May "
         "1904 at the Tallow yard for the Brisk Line."),
    _doc("Document 2",
         "served on the coastal route for a decade. The Harwick Lantern, a wooden schooner, "
         "was launched in 1861 at Pellow Quay and carried slate to the southern ports."),
]


def test_a_page_that_never_names_anothers_label_is_about_a_namesake(services, verifier) -> None:
    services.ingest_documents(LANTERN)
    answer = verifier.verify("When was the Harwick Lantern launched?")
    assert answer.verdict.value == "ANSWERED"
    assert {"2 May 1904", "1861"} <= {c.answer for c in answer.citations}


# A chapel's page, and a fragment that calls it "the chapel at Lissbury" (the page's label)
# and names another architect: one building, two accounts.
CHAPEL = [
    _doc("Document 1",
         "Ferrow Chapel (Lissbury) Ferrow Chapel is a Methodist chapel in Lissbury. It was "
         "designed by Agnes Tollan and opened in 1872."),
    _doc("Document 2",
         "beside the old tannery. The chapel at Lissbury was designed by Hector Vane, whose "
         "plans won a competition held by the trustees."),
]


def test_a_fragment_naming_the_label_and_the_kind_is_a_conflict(services, verifier) -> None:
    services.ingest_documents(CHAPEL)
    answer = verifier.verify("Who designed Ferrow Chapel?")
    assert answer.verdict.value == "DISPUTED"
    assert {"Agnes Tollan", "Hector Vane"} <= {c.answer for c in answer.citations}


def test_a_fragment_that_names_the_subject_in_part_still_counts(services, verifier) -> None:
    """A copy cut mid-page names its subject by surname only: its other date still conflicts."""
    services.ingest_documents([
        _doc("Document 1",
             "Edwin Aldcott Edwin Aldcott (3 July 1750 – 28 February 1825) was an "
             "English politician. Edwin Aldcott was born on 3 July 1750 in Duke Street."),
        _doc("Document 2",
             "The others of the party are John Staples and James Byres. Aldcott was born on 12 "
             "December 1750 in Duke Street, Westminster."),
    ])
    answer = verifier.verify("What is the birth date of Edwin Aldcott?")
    assert answer.verdict.value == "DISPUTED"
    assert {"3 July 1750", "12 December 1750"} <= {c.answer for c in answer.citations}


def test_a_weekday_and_a_date_for_one_day_agree(services, verifier) -> None:
    services.ingest_documents([
        Document(doc_id=content_hash("a"), title="Vote set", source="a.txt",
                 published="2026-06-02",
                 text="The Orla council is due to vote on the harbour budget on June 24."),
        Document(doc_id=content_hash("b"), title="Budget passed", source="b.txt",
                 published="2026-06-25",
                 text="The Orla council approved the harbour budget on Wednesday night."),
    ])
    answer = verifier.verify("When did the Orla council approve the harbour budget?")
    assert answer.verdict.value == "ANSWERED"
    assert answer.text.startswith("June 24")  # the stated date, not the weekday
    assert len(answer.citations) == 2


def test_a_unitless_tally_does_not_answer_how_much(services, verifier) -> None:
    services.ingest_documents([_doc(
        "Budget passed",
        "The council voted 11 to 8 for the harbour budget to spend more on the pier. The "
        "harbour budget gives the pier 36 million crowns.",
    )])
    answer = verifier.verify("How much will the harbour budget spend on the pier?")
    assert answer.verdict.value == "ANSWERED"
    assert answer.text.startswith("36 million")


RECALL = [
    _doc("Recall widened", "Around 180,000 patients in the country take Velora tablets, "
         "according to the agency."),
    _doc("Patients complain", "The patient group says it has received 37 reports of dizziness "
         "from patients who take Velora tablets, which cost the health service more each year."),
]


def test_a_number_of_other_things_does_not_answer_how_many(services, verifier) -> None:
    services.ingest_documents(RECALL)
    answer = verifier.verify("How many patients take Velora tablets?")
    assert answer.verdict.value == "ANSWERED"
    assert answer.text.startswith("Around 180,000")


def test_a_price_is_a_sum_of_money_not_a_count(services, verifier) -> None:
    services.ingest_documents(RECALL)
    answer = verifier.verify("How much do Velora tablets cost the health service?")
    assert answer.verdict.value == "NOT_ENOUGH_INFO"
    assert not answer.citations


@pytest.mark.parametrize(("texts", "question", "answer"), [
    # A figure given as changed from another is an update, not a conflict.
    (["The Velora recall covers approximately 1.2 million packs.",
      "The Velora recall now covers about 1.8 million packs, up from the 1.2 million announced "
      "last month."],
     "How many packs does the Velora recall cover?", "About 1.8 million"),
    # A value supposed under a condition is not an answer.
    (["The Orla budget raises the harbour levy by 3.9 per cent.",
      "If the grant is approved, the Orla budget could raise the harbour levy by only 2.5 per "
      "cent, the mayor said."],
     "By how much does the Orla budget raise the harbour levy?", "3.9 per cent"),
    # A length of time does not answer "when".
    (["New Velora stock reached pharmacies on September 24, Dalvane said.",
      "Dalvane expects new Velora stock to reach pharmacies within two weeks."],
     "When did new Velora stock reach pharmacies?", "September 24"),
    # The one whose father died is not the one who died.
    (["the mill passed out of the family. Penrith's father died in 1802, leaving the mill to "
      "his widow and their son, Orla.",
      "Orla Penrith died on 4 March 1851 in Truro, where he had kept a map shop for thirty "
      "years."],
     "When did Orla Penrith die?", "4 March 1851"),
], ids=["update", "supposed", "length-of-time", "owner-of-the-one-who-acts"])
def test_of_two_sources_one_answers_and_the_other_does_not_conflict(
    services, verifier, texts: list[str], question: str, answer: str
) -> None:
    services.ingest_documents([_doc(f"Document {i}", t) for i, t in enumerate(texts, 1)])
    got = verifier.verify(question)
    assert got.verdict.value == "ANSWERED"
    assert got.text.startswith(answer)


PANEL = _doc(
    "Talks",
    "Chief Harbour Commissioner Mira Tessen, Deputy Minister of Transport Jonas Brell and "
    "port council staff member Ida Solberg met the union's negotiators, an official said.",
)


@pytest.mark.parametrize(("question", "answer"), [
    ("Who is Mira Tessen?", "Chief Harbour Commissioner"),
    ("Who is Ida Solberg?", "port council staff member"),
    ("Who was the Deputy Minister of Transport?", "Jonas Brell"),
])
def test_titles_listed_before_names_are_read_along_the_text(services, verifier, question,
                                                            answer) -> None:
    services.ingest_documents([PANEL])
    got = verifier.verify(question)
    assert got.verdict.value == "ANSWERED"
    assert got.text.lower().startswith(answer.lower())


def test_the_one_reporting_is_not_the_answer_to_what_is_reported(services, verifier) -> None:
    services.ingest_documents([_doc(
        "Recall", "Dalvane said the impurity had been traced to a single supplier of a raw "
        "ingredient, which it did not name.")])
    answer = verifier.verify("Which company supplied the raw ingredient?")
    assert answer.verdict.value == "NOT_ENOUGH_INFO"


def test_a_noun_made_from_the_asked_verb_anchors_the_answer(services, verifier) -> None:
    services.ingest_documents([_doc(
        "Plan", "Disclosure of the harbour plan came first in Oslo, where a union spokesman "
        "described the Sweden harbour plan as a first step.")])
    answer = verifier.verify("In which town was the harbour plan first disclosed?")
    assert answer.verdict.value == "ANSWERED"
    assert answer.text.startswith("Oslo")


def test_a_verb_of_the_counted_word_gives_the_count(services, verifier) -> None:
    """'will seat 9,400 spectators' answers 'how many seats' as '12,000 seats' does."""
    services.ingest_documents([
        _doc("Arena confirmed",
             "The new Brackwater arena will seat 9,400 spectators when it opens in May, "
             "the council confirmed."),
        _doc("Brackwater's big night",
             "Brackwater's new arena boasts 12,000 seats, the largest hall in the county."),
    ])
    answer = verifier.verify("How many seats does the new Brackwater arena have?")
    assert answer.verdict.value == "DISPUTED"
    assert {"9,400", "12,000"} <= {c.answer for c in answer.citations}


def test_the_adjective_of_the_asked_kind_is_not_a_word_to_match(services, verifier) -> None:
    """"What political party": a party is asked for; the text need not say "political"."""
    services.ingest_documents([_doc(
        "Document 1",
        "Vance Orley Vance Orley (born 1948) is a lawyer from Dunmore. Orley was elected as "
        "a Democrat in 1990 and held the seat for four terms.",
    )])
    answer = verifier.verify("What political party is Senator Orley a part of?")
    assert answer.verdict.value == "ANSWERED"
    assert "Democrat" in answer.text


# Two men of one name whose pages are headed by their years; who coached each is given
# further on, in sentences that carry no year.
REEL = [
    _doc("Document 1", "Tomas Reel, Baron Neath (1901–1970) Tomas Henry Reel was a Welsh "
                       "sportsman. He was coached by Idris Mawr at Cardiff and won six caps."),
    _doc("Document 2", "Tomas Reel, Laird of Fenn (1840–1902) Tomas Alder Reel was a Scottish "
                       "sportsman. He was coached by Angus Brodie and built the first rink."),
]


def test_pages_headed_by_other_years_of_life_are_namesakes(services, verifier) -> None:
    services.ingest_documents(REEL)
    answer = verifier.verify("Who coached Tomas Reel?")
    assert answer.verdict.value == "ANSWERED"
    assert {"Idris Mawr", "Angus Brodie"} <= {c.answer for c in answer.citations}


def test_the_words_before_the_asked_noun_say_which_one_it_is(services, verifier) -> None:
    services.ingest_documents([_doc(
        "Document 1",
        "WDLN (1490 AM) is a radio station broadcasting an adult contemporary format. "
        "Licensed to Harwick, it serves the Fenn valley.",
    )])
    answer = verifier.verify("What is the broadcast format of WDLN?")
    assert answer.verdict.value == "ANSWERED"
    assert answer.text.lower().startswith("adult contemporary")


@pytest.mark.parametrize(("question", "text", "maker"), [
    ("Who is the author of Greyhaven?",
     "Greyhaven is a 1954 novel by the Irish writer Nuala Breen, set on a lighthouse island. "
     "It was adapted for radio by the broadcaster Tom Askew in 1961.", "Nuala Breen"),
    ("Who is the creator of Tumblewick?",
     "Tumblewick is a stop-motion series made by the animator Ruth Adeyemi in 1992. It was "
     "sold in 1995 to the broadcaster Westcliff Media.", "Ruth Adeyemi"),
    ("Who is the founder of the Orwin Trust?",
     "The Orwin Trust is a housing charity in Salford. It was set up in 1931 by the mill owner "
     "Edgar Lunt and was taken over by the city council in 1975.", "Edgar Lunt"),
])
def test_a_makers_noun_is_answered_by_the_making(services, verifier, question, text,
                                                 maker) -> None:
    """"Who is the author of X?" - "a novel by Y", "made by Y", "set up by Y": the one who made
    it, not the one who bought, adapted or took it over."""
    services.ingest_documents([_doc("Document 1", text)])
    answer = verifier.verify(question)
    assert answer.verdict.value == "ANSWERED"
    assert answer.text.startswith(maker), answer.text


@pytest.mark.parametrize(("question", "text", "said"), [
    # What one is known for is what one is.
    ("What is Mirela Vasic best known for?",
     "Mirela Vasic (born 3 June 1971) is a Croatian violinist and conductor. She has led the "
     "Split Chamber Orchestra since 2004.", "violinist and conductor"),
    # Belonging to a party is being its member.
    ("Which party does Maud Ellery belong to?",
     "Maud Ellery is a Welsh politician. She has been a member of the Green Party since 2009 "
     "and sits on Cardiff council.", "Green Party"),
    # The years of a life beside a name are not a role.
    ("What is the profession of Edwin Marr?",
     "Edwin Marr (4 March 1901 – 9 May 1970) was a Scottish organ builder. His workshop in "
     "Perth built forty church organs.", "organ builder"),
])
def test_a_page_answers_what_it_says_in_other_words(services, verifier, question, text,
                                                    said) -> None:
    services.ingest_documents([_doc("Document 1", text)])
    answer = verifier.verify(question)
    assert answer.verdict.value == "ANSWERED"
    assert said in answer.text, answer.text


@pytest.mark.parametrize(("text", "question", "answer"), [
    # What happened at a time or place is the clause those words belong to ...
    ("The port authority closed the north quay in Kessford in May. Ferries kept running.",
     "What happened in Kessford in May?", "The port authority closed the north quay"),
    # ... or the thing a relative clause dates.
    ("The coast guard is leading a patrol over the Velmora strait that began in April to "
     "deter smugglers.", "What kicked off over the Velmora strait in April?",
     "a patrol over the Velmora strait"),
    # A short form asked, the name written out.
    ("The Kessford Harbour Authority was founded in 1911 by the town's merchants.",
     "When was the KHA founded?", "1911"),
    # A long name spelled with one letter changed is the same name.
    ("Envoys of the Gorvalo government met the mediators on Tuesday in Arlen.",
     "Where did Qorvalo's envoys meet the mediators?", "Arlen"),
    # "By whom?" asks for the doer, who may be described rather than named.
    ("Three senior port officials closed the north quay on Monday after the storm.",
     "The north quay was closed by whom?", "Three senior port officials"),
    # A role asked in other words: "in charge of" a club, "represent" a party.
    ("Ines Varga has been head coach of the Harlow Rovers since 2019. She played in goal.",
     "Which club is Ines Varga in charge of?", "the Harlow Rovers"),
    ("Tomas Brell sat for Orla from 1880 to 1895 as a member of the Reform Party. He was a "
     "wool merchant.", "Which party did Tomas Brell represent?", "the Reform Party"),
], ids=["event-clause", "event-noun", "initials", "one-letter-spelling", "by-whom",
        "in-charge-of", "represent"])
def test_a_page_answers_questions_asked_in_other_shapes(services, verifier, text: str,
                                                       question: str, answer: str) -> None:
    services.ingest_documents([_doc("Report", text)])
    got = verifier.verify(question)
    assert got.verdict.value == "ANSWERED"
    assert got.text.lower().startswith(answer.lower())


def test_what_a_party_says_in_a_relative_clause_is_its_statement(services, verifier) -> None:
    services.ingest_documents([_doc("Deal", (
        "Harbour officials signed a deal with the Orla council, which said the agreement was a "
        "turning point for the port. The officials declined to comment."))])
    got = verifier.verify("How did the Orla council describe the deal?")
    assert got.verdict.value == "ANSWERED"
    assert "turning point" in got.text


def test_a_yes_no_question_put_to_one_party_is_checked_against_what_it_says(services,
                                                                           verifier) -> None:
    services.ingest_documents([_doc("Quay", (
        "The north quay was shut on Monday. The port authority said the quay was closed for "
        "safety checks. Dockworkers said repairs had begun."))])
    got = verifier.verify("According to the port authority, was the quay closed for safety "
                          "checks?")
    assert got.kind == "claim" and got.verdict.value == "SUPPORTED"
    assert "safety checks" in got.text and "port authority" in got.text.lower()
    # Put to the documents themselves, it is a claim about what they say.
    assert verifier.verify("According to the report, was the quay shut?").kind == "claim"


def test_more_of_a_thing_asks_about_another_one(services, verifier) -> None:
    services.ingest_documents([_doc("Hearing", (
        "The mayor said holding hearings in the old hall had been a mistake. Residents filled "
        "the hall on Monday. The mayor said there is no plan to hold another hearing."))])
    got = verifier.verify("What did the mayor say about holding more hearings?")
    assert got.verdict.value == "ANSWERED"
    assert got.text.startswith("The mayor says")  # a party asked by its title alone
    assert "no plan to hold another hearing" in got.text


def test_measures_with_different_figures_conflict(services, verifier) -> None:
    services.ingest_documents([
        _doc("Harlow census", "Harlow is a market town. The median age in Harlow was 45.7 years "
             "at the last census."),
        _doc("Harlow profile", "Harlow is a market town. The median age in Harlow was 30.2 years "
             "at the last census."),
    ])
    got = verifier.verify("What is the median age in Harlow?")
    assert got.verdict.value == "DISPUTED"
    assert {"45.7 years", "30.2 years"} <= {c.answer for c in got.citations}


def test_fragments_calling_the_place_the_city_answer_for_it_when_none_names_it(
        services, verifier) -> None:
    services.ingest_documents([_doc("Document 1", (
        "The average household size was 2.4. The median age in the city was 41.2 years. "
        "About a fifth of residents were under 18."))])
    got = verifier.verify("What is the median age in Dunmere?")
    assert got.verdict.value == "ANSWERED"
    assert got.text.startswith("41.2 years")
    # A page that names another place does not stand in for the one asked about.
    services.ingest_documents([_doc("Document 2", (
        "Orla is a small port. The median age in Orla was 52.0 years at the census."))])
    assert not verifier.verify("What is the median age in Dunmere?").text.startswith("52")



TALKS = [_doc("Border talks", "Four Kelvan officials met officials of Dorra in Sallow on "
              "Monday, a Kelvan spokesman said."),
         _doc("Talks in Sallow", "Three Dorran officials flew to Sallow for the border talks, "
              "the Dorran foreign ministry said on Tuesday.")]


@pytest.mark.parametrize(("question", "answer"), [
    ("How many Dorran officials went to the talks in Sallow?", "three"),
    ("How many Kelvan officials met the officials of Dorra?", "four"),
])
def test_a_count_of_another_partys_people_does_not_answer(services, verifier, question,
                                                           answer) -> None:
    services.ingest_documents(TALKS)
    got = verifier.verify(question)
    assert got.verdict.value == "ANSWERED"
    assert got.text.startswith(answer)


def test_counts_of_one_partys_people_from_two_sides_conflict(services, verifier) -> None:
    """"met two officials of Dorra" counts Dorran officials too: against "Three Dorran
    officials", the two sides differ."""
    services.ingest_documents([_doc("Border talks", TALKS[0].text.replace(
        "met officials", "met two officials")), TALKS[1]])
    got = verifier.verify("How many Dorran officials went to the talks in Sallow?")
    assert got.verdict.value == "DISPUTED"
    assert {"two", "three"} <= {c.answer for c in got.citations}


def test_a_count_of_countries_does_not_answer_how_many_people(services, verifier) -> None:
    services.ingest_documents([_doc("Observers", "Twelve nations sent officials to the border "
                                    "talks in Sallow, the Kelvan foreign ministry said.")])
    assert verifier.verify("How many officials were sent to the talks in Sallow?"
                           ).verdict.value == "NOT_ENOUGH_INFO"
    got = verifier.verify("How many nations sent officials to the talks in Sallow?")
    assert got.verdict.value == "ANSWERED" and got.text.startswith("twelve")


HARBOUR_TALKS = [
    _doc("Harbour talks in Kessford", "Mayor Ilse Brandt and port director Tomas Reyes attended "
         "the harbour talks in Kessford on Monday. The talks ended without a deal."),
    _doc("Who set up the talks", "The harbour talks were arranged by Ana Duval of the shipping "
         "union, who called both sides last week."),
]


@pytest.mark.parametrize(("question", "start"), [
    ("Who attended the harbour talks in Kessford?", "Ilse Brandt"),
    ("Who arranged the harbour talks?", "Ana Duval"),
    ("Who chaired the harbour talks in Kessford?", None),
])
def test_who_did_something_is_answered_by_that_deed_only(services, verifier, question,
                                                         start) -> None:
    """Who attended a meeting does not answer who chaired it: nothing here tells that."""
    services.ingest_documents(HARBOUR_TALKS)
    answer = verifier.verify(question)
    if start is None:
        assert answer.verdict.value == "NOT_ENOUGH_INFO" and not answer.citations
    else:
        assert answer.verdict.value == "ANSWERED"
        assert start in answer.text


QUOTED = _doc("Strike vote in Kessford", "Dock workers in Kessford voted to strike on Friday. "
              "\u201cWe have waited long enough,\u201d said the union's secretary, Ana Duval. "
              "\u201cThe port cannot run on promises.\u201d")


def test_who_said_words_of_a_quotation_is_its_speaker(services, verifier) -> None:
    """The quotation's second sentence names no one: its speaker, where it opens, said it,
    and the answer names the speaker once (as the answer, not also as its source)."""
    services.ingest_documents([QUOTED])
    answer = verifier.verify("Who said the port cannot run on promises?")
    assert answer.verdict.value == "ANSWERED"
    assert answer.text.startswith("The union's secretary, Ana Duval, according to")
    assert answer.text.count("Ana Duval") == 1
    assert "cannot run on promises" in answer.citations[0].quote


def test_what_follows_a_comma_adds_to_the_thing_named_first(services) -> None:
    """One aircraft, written with other spacing and cut at another word: the first phrase
    names it, and a model's name ("A310-324") is no figure."""
    docs = [
        _doc("Document 1", "Kestrel Air Flight 309 Kestrel Air Flight 309 was a scheduled "
                           "passenger service that overran the runway at Orly. The aircraft "
                           "involved in the accident was an Airbus A310-324, c/n 548, tail "
                           "number that had its maiden flight on 23 August 1990 as F-WWCV."),
        _doc("Document 2", "Kestrel Air Flight 309 Aircraft The aircraft involved in the "
                           "accident was an Airbus A310-324 , c/n 548 , tail number ST-ATN , "
                           "that had its maiden flight on 23 August 1990 as F-WWCV ."),
    ]
    answer = verifier_over(services, docs).verify(
        "What type of aircraft was involved in Kestrel Air Flight 309?")
    assert answer.verdict.value == "ANSWERED"
    assert answer.text.startswith("An Airbus A310-324")
