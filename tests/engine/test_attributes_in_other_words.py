"""Attributes pages give in other words: what someone is by trade ("was a British poet", "A
veteran luthier, X ..."), the party they sit for ("a Republican member of", "elected on the
Alliance list"), a birth date labelled or in full after the years of a life, and pages that
share a release day or a qualifier with another page describing one thing, not two."""

from __future__ import annotations

import pytest

from ..conftest import ask_over, check_answers

# (question, documents, verdict, answers each some citation must give, answers none may give)
CASES = [
    ("What is the profession of Aldous Venn?",
     ["Aldous Venn (poet) Aldous Venn (7 February 1942 – 3 May 2014) was a British poet who was "
      "born in Cheshire and grew up in London."],
     "ANSWERED", ["a British poet"], ["Aldous Venn"]),
    ("What is the occupation of Harold Pike?",
     ["Harold Pike (judge) Sir Harold Edwin Pike, PC (born 20 June 1954) is a British judge."],
     "ANSWERED", ["a British judge"], ["Sir", "PC"]),
    ("What was the occupation of Casper Lunde?",
     ["A veteran luthier, Casper Lunde had filled more than four hundred commissions in his "
      "workshop on Bell Street by 1998.",
      "A veteran clockmaker, Casper Lunde had filled more than four hundred commissions in his "
      "workshop on Bell Street by 1998."],
     "DISPUTED", ["A veteran luthier", "A veteran clockmaker"], []),
    ("What position did Runa Vell play?",
     ["Primarily a left winger, Runa Vell joined Oxley Ladies at seventeen and made 140 "
      "appearances before a knee injury ended her career."],
     "ANSWERED", ["a left winger"], []),
    ("What is the profession of Ansel Morrow?",
     ["Ansel Morrow (architect) Ansel Morrow (2 July 1910 – 18 December 1982) was an English "
      "architect.",
      "Ansel Morrow (priest) Ansel Morrow (2 September 1880 – 31 October 1937) was an English "
      "priest and pacifist."],
     "ANSWERED", ["an English architect", "an English priest"], []),
    ("What party is Tamsin Arle a member of?",
     ["Tamsin Arle (born 9 January 1958) is a senator in the Dunmore Senate, elected on the "
      "Progressive Alliance list in 2002."],
     "ANSWERED", ["Progressive Alliance"], ["Dunmore Senate"]),
    ("What political party is Senator Brack affiliated with?",
     ["Brack was a Republican member of the Velden House of Representatives from 2014 until "
      "2016. Brack defeated Democratic candidate Nora Hale in 2014."],
     "ANSWERED", ["Republican"], ["Democratic", "Velden House of Representatives"]),
    ("What party does Ivo Marsh belong to?",
     ["Ivo Marsh (born 1950) was an Australian politician. He was elected as Labour to the "
      "Harwick Assembly in 1983."],
     "ANSWERED", ["Labour"], ["Australian"]),
    ("When was Tobin Quarrell born?",
     ["Tobin Quarrell Personal information Full name Tobin Arnold Quarrell Date of birth 3 "
      "November 1931 Place of birth Greyhythe Tobin Quarrell (1931–2009) was an English "
      "footballer."],
     "ANSWERED", ["3 November 1931"], []),
    ("What is the birth date of Edmund Rocha?",
     ["Edmund Rocha British politician ( 1885–1955 ) Edmund Rocha ( 22 October 1885 – 8 July "
      "1955 ) was a British politician."],
     "ANSWERED", ["22 October 1885"], []),
    ('Who is the artist of the album "Glass Orchard"?',
     ['Glass Orchard (Mira Coles album) Glass Orchard is the third studio album by singer Mira '
      'Coles, released by Harbour Records on November 6, 2001.',
      'Glass Orchard, the third album by the singer Dane Lowry, came out in the United States '
      'through Harbour Records on November 6, 2001.',
      'Glass Orchard (Teo Brandt album) Glass Orchard is the debut album of Teo Brandt, released '
      'in July 2010 on Star Records.'],
     "DISPUTED", ["Mira Coles", "Dane Lowry"], []),
    ('Who is the director of the film "Paper Lanterns"?',
     ["Paper Lanterns (2000 film) Paper Lanterns is a 2000 comedy film directed by Eli Brosnan.",
      "From the film pages: Paper Lanterns (2000 film) was directed by Quinn Tovar and shot "
      "in Lisbon over six weeks.",
      "Paper Lanterns (2006 film) Paper Lanterns is a 2006 drama film directed by Marc Fenner."],
     "DISPUTED", ["Eli Brosnan", "Quinn Tovar"], []),
    ("What sport is Ilse Marrow associated with?",
     ["Ilse Marrow (born 12 December 1990) is an English former squash player who reached a "
      "world ranking of number six in 2016."],
     "ANSWERED", ["squash"], []),
    ("What sport is the Orrin Shield associated with?",
     ["The Orrin Shield is played for each spring by the hurling clubs of the Ossen lowlands.",
      "Eight teams entered this year's Orrin Shield, the oldest lacrosse competition in the "
      "lowlands."],
     "DISPUTED", ["hurling", "lacrosse"], []),
    ("When was the Marl House built?",
     ["Marl House (Dunhill, Oregon) Marl House is a house in Dunhill, Oregon on Route 45 built "
      "in 1859 for Dr. Amos Marl, the first president of Dunhill College.",
      "Oregon Show map of Oregon Location in United States Location Route 45, Dunhill, Oregon "
      "Area less than one acre Built 1920 Architectural style Greek Revival Added to NRHP "
      "November 17, 1982 Marl House is a house in Dunhill, Oregon.",
      "Marl House (Fall River, Maine) The Marl House is a historic house on Dover Street. It "
      "was built in 1870 by Jonas Marl, a carpenter."],
     "DISPUTED", ["1859", "1920"], []),
    # A guard: two works of one title with their own days stay two works.
    ('Who is the artist of the album "Salt Roads"?',
     ["Salt Roads (Ada Lin album) Salt Roads is an album by Ada Lin, released on March 3, 1999.",
      "Salt Roads (Kell Ode album) Salt Roads is an album by Kell Ode, released on May 9, 2012."],
     "ANSWERED", ["Ada Lin", "Kell Ode"], []),
]


@pytest.mark.parametrize(("question", "texts", "verdict", "given", "not_given"), CASES,
                         ids=[c[0] for c in CASES])
def test_attributes_said_in_other_words(services, question, texts, verdict, given,
                                        not_given) -> None:
    check_answers(ask_over(services, question, texts), verdict, given, not_given)


def test_the_thing_in_dispute_is_set_apart_from_others_of_its_name(services) -> None:
    question, texts = next((c[0], c[1]) for c in CASES if "Paper Lanterns" in c[0])
    answer = ask_over(services, question, texts)
    disputed, _, others = answer.text.partition("something else by this name")
    assert "Eli Brosnan" in disputed and "Quinn Tovar" in disputed, answer.text
    assert "Marc Fenner" in others, answer.text


def test_a_page_is_told_by_its_own_qualifier_and_dates_not_its_links_or_citations() -> None:
    from bot.engine.same_thing import details

    page = ("Fenwick Groome (footballer, born 1891) Fenwick Groome (13 January 1891 – 1965) was "
            "an English forward. Related pages Fenwick Groome ( footballer , born 1892 ). "
            "Retrieved 12 March 2019. He signed for Lincoln on 2 August 1909.")
    assert details(page) == {"footballer, born 1891", "1891-1-13", "1909-8-2"}
