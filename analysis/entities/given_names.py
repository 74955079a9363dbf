"""Common given names whose gender is clear, to tell "Mrs. Clinton" from "Bill Clinton"."""

from __future__ import annotations

import unicodedata
from functools import cache
from importlib.resources import files

from analysis.entities.names import Gender
from analysis.lexicon import word_set

_FEMALE = word_set(
    """
    karin katrin anke ilse greta ingrid inga liv sigrid solveig kirsten birgit annika
    marta ana ines beatriz carla lucia paula rosa teresa carmen pilar elena giulia chiara
    francesca alessandra sofia eleni dimitra katerina maria irina natalia oksana daria
    amira yasmina layla zainab ngozi amara chioma adaeze wanjiru fatou aminata
    colleen moira fiona morag eilidh harriet gloria dana andrea ingrid
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
    margaret betty sandra ashley dorothy kimberly emily donna michelle carol amanda melissa
    deborah stephanie rebecca laura sharon cynthia kathleen amy shirley angela helen anna
    brenda pamela nicole samantha katherine emma ruth christine catherine debra rachel
    carolyn janet virginia maria heather diane julie joyce victoria kelly christina joan
    evelyn lauren judith olivia martha cheryl megan andrea hannah jacqueline gloria teresa
    sara janice julia marie madison grace judy theresa beverly denise marilyn amber danielle
    rose brittany diana abigail natalie jane lori alexis tiffany kayla hillary hilary nikki
    condoleezza elena elisabeth ingrid mette sofia sophie chloe claire nadia miriam lucia
    priya olga tatiana svetlana angela ursula theresa nancy kamala michele melania ivanka
    chelsea sonia ruth huma kellyanne carly sarah nikki loretta janet susana valerie
    hanna freja astrid ines isabel isabelle marta anne annie agnes helene mariam fatima
    aisha leila yasmin mei meiling roisin siobhan aoife wendy megyn pamela adelle julia
    ayse fatma zeynep elif emine hatice merve ozlem aylin gul huda rania dalia reem salma
    nour lina mona hala anjali deepa kavita lakshmi meera neha pooja sunita anita asha
    akiko keiko naoko hiroko yoko
    """
)
_MALE = word_set(
    """
    pieter jan willem hendrik joost bram sven magnus nils erik olaf bjorn lars anders
    rui joao joaquim tomas pedro miguel carlos jorge luis antonio francisco javier
    giovanni marco luca matteo giuseppe nikos dimitris giorgos yannis kostas andreas
    antoine pierre jean francois louis olivier emeka chinedu kwame kofi oluwaseun
    ahmed karim tariq youssef hamza ewan hamish callum angus lionel curtis marcus
    raymond dale harold
    james robert john michael william david richard joseph thomas charles christopher
    daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george
    timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry
    justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis
    jerry tyler aaron jose adam nathan henry douglas zachary peter kyle walter ethan jeremy
    harold keith christian roger noah gerald carl terry sean austin arthur lawrence jesse
    dylan bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne roy
    ralph randy eugene vincent russell elijah louis bobby philip johnny bill barack
    ted marco rand jeb mitt newt bernie chris mike rick martin
    tomas tom victor oliver marcus aidan gareth jamal rafael marek felix colm jonas oskar
    sven lars hans klaus ahmed mohammed muhammad omar ali hassan ivan dmitri sergei vladimir
    xi ben harry barney dick al jim tim bob ron rob rudy reince sam kurt
    mehmet mustafa ahmet hasan huseyin ibrahim yusuf emre burak murat kemal recep ismail
    osman khalid faisal hussein mahmoud nasser walid samir tarek rajesh ravi sanjay vijay
    arjun rahul amit suresh anil hiroshi takeshi kenji
    """
)


def is_given_name(name: str) -> bool:
    """Whether the word is a common given name, of either sex: "Steven", "Jordan"."""
    key = _fold(name)
    return key in _FEMALE or key in _MALE


def given_name_gender(name: str) -> Gender | None:
    """The gender a common given name suggests: "Hillary" -> "f", "Bill" -> "m"."""
    key = _fold(name)
    if key in _FEMALE and key not in _MALE:
        return "f"
    if key in _MALE and key not in _FEMALE:
        return "m"
    return None


def likely_gender(name: str) -> Gender | None:
    """The gender a given name suggests, for telling whom "she" stands for: the news list
    above, then the names gender-guesser's dictionary gives as clearly one sex ("Halima",
    "Keisha", "Rodrigo"); names it calls mostly one sex or either are left unknown."""
    return given_name_gender(name) or _dictionary_genders().get(_fold(name))


def load_name_dictionary() -> None:
    """Read the first-name dictionary now (0.8 s) rather than in the first analysis."""
    _dictionary_genders()


@cache
def _dictionary_genders() -> dict[str, Gender]:
    """gender-guesser's nam_dict.txt (Jörg Michael's first-name dictionary, GFDL) read to the
    names every entry of which is "M" or "F": 4 MB, where its own detector keeps 22 MB of
    per-country figures the bot never asks for."""
    codes: dict[str, set[str]] = {}
    data = files("gender_guesser").joinpath("data", "nam_dict.txt")
    with data.open(encoding="utf-8") as lines:
        for line in lines:
            code, _, rest = line.partition(" ")
            name = rest[:_NAME_FIELD].strip() if code and code[0] not in "#=" else ""
            if name and "+" not in name and "<" not in name:
                codes.setdefault(_fold(name), set()).add(code)
    clear: dict[str, Gender] = {"M": "m", "F": "f"}
    return {name: clear[c] for name, (c, *more) in codes.items() if not more and c in clear}


# nam_dict.txt gives the name in the columns before the per-country frequencies (from 30).
_NAME_FIELD = 26


def _fold(name: str) -> str:
    """ "Inês" is looked up as "ines", "José" as "jose"."""
    decomposed = unicodedata.normalize("NFKD", name.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
