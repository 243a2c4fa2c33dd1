"""How far a contest reaches ("the national league", "three world championships") names no
sport: what was played is the word for the game ("a former handball goalkeeper")."""

from __future__ import annotations

from ..conftest import ask_over, check_text


def test_how_far_a_contest_reaches_is_no_sport(services) -> None:
    answer = ask_over(services, "What sport did Ada Ferrow play?", [
        "Ada Ferrow (born 1981) captained the national team at three world championships "
        "and played eleven seasons in the first division. Ferrow is a former handball "
        "goalkeeper who now coaches in Dunmere."])
    check_text(answer, "ANSWERED", ["handball"], ["world", "national"])


def test_a_lower_case_word_taken_for_a_name_places_the_league(services) -> None:
    answer = ask_over(services, "What sport is Hollby Park associated with?", [
        "on the edge of Marsby , Tessia . Hollby Park opened in 1948 and has been home to the "
        "Marsby Comets since 1951 , when they joined the national league . Retrieved 21 May "
        "2020 .",
        "Hollby Park is a cricket ground in Tarrow, a county town in the south of Marrland. It "
        "has been the home of Tarrow County Cricket Club since 1873."])
    check_text(answer, "ANSWERED", ["cricket"], ["national"])
