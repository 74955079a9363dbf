"""Pure helpers over personal names: honorifics, surnames, aliases, pronoun gender."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from analysis.lexicon import NAME_PARTICLES, POSSESSIVE_ENDINGS, word_set

Gender = Literal["m", "f"]


# Keyed without the final dot, lower case; the value is the gender the honorific implies.
HONORIFICS: dict[str, Gender | None] = {
    "mr": "m",
    "mister": "m",
    "sir": "m",
    "lord": "m",
    "messrs": "m",
    "father": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "dame": "f",
    "lady": "f",
    "madam": "f",
    "sister": "f",
    "mx": None,
    "dr": None,
    "doctor": None,
    "prof": None,
    "professor": None,
    "president": None,
    "vice-president": None,
    "senator": None,
    "sen": None,
    "rep": None,
    "gov": None,
    "governor": None,
    "mayor": None,
    "minister": None,
    "chancellor": None,
    "judge": None,
    "justice": None,
    "gen": None,
    "general": None,
    "col": None,
    "capt": None,
    "captain": None,
    "lt": None,
    "sgt": None,
    "cmdr": None,
    "adm": None,
    "admiral": None,
    "representative": None,
    "chief": None,
    "pastor": None,
    "secretary": None,
    "sergeant": None,
    "lieutenant": None,
    "colonel": None,
    "rev": None,
    "reverend": None,
    "rabbi": None,
    "imam": None,
    "pope": None,
    "king": "m",
    "queen": "f",
    "prince": "m",
    "princess": "f",
    "ambassador": None,
    "commissioner": None,
    "inspector": None,
    "detective": None,
    "officer": None,
    "coach": None,
    "premier": None,
    "chairman": "m",
    "chairwoman": "f",
    "councilwoman": "f",
    "councilman": "m",
    "councillor": None,
    "councilor": None,
    "congressman": "m",
    "congresswoman": "f",
    "assemblyman": "m",
    "assemblywoman": "f",
    "alderman": None,
    "supervisor": None,
    "sheriff": None,
    "dean": None,
}

# Short honorifics that are written with a dot and almost never start a sentence otherwise;
# the regex that finds names NER missed uses only these.
COURTESY_TITLES: tuple[str, ...] = ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof")

# Common family names written first in Chinese, Korean, Vietnamese (and, in some outlets,
# Japanese) usage. Used only to decide which end of a name is the surname.
EAST_ASIAN_SURNAMES: frozenset[str] = word_set(
    """
    li wang zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo
    zheng liang xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang
    yu du ye cheng wei su lu ding ren shen yao xue fan jin zhong qian tan xi hou shao meng
    long wen bai cui kong mao qiu qin jia gu lai liao yin fu shi zou xiong hao duan lei hong you
    yan ou fang tao dai xia wan qi ni tong lyu bao ge xing sheng
    chan wong cheung leung lam ho ng chow tsang kwok lau yip tse chiu fong mak
    low man chew teo goh ong koh chua fung mok siu yuen poon chu tam hui kwan lui pang shek
    suen tai yau foo loh toh quek seah soh khoo neo ang chia chin sim lok ooi phua yap yong
    gan kok lum mah ling heng tay
    kim lee park choi jung jeong kang cho yoon jang lim oh seo shin kwon hwang ahn yoo jeon
    ko moon son bae baek heo nam noh ha kwak sung cha joo woo min ryu na ji chae won chun
    roh rhee ban yeo pyo
    nguyen tran le pham hoang huynh phan vu vo dang bui do ngo duong ly trinh truong mai dinh
    doan luong
    sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato yoshida
    yamada sasaki yamaguchi matsumoto inoue kimura hayashi shimizu yamazaki mori abe ikeda
    hashimoto ishikawa kishida koizumi
    """
)

NAME_SUFFIXES: frozenset[str] = word_set("jr jr. sr sr. ii iii iv phd")
# The suffixes that tell a father from a son of one name: "Roy Pruitt Sr." and "Roy Pruitt Jr.".
GENERATION_SUFFIXES: frozenset[str] = word_set("jr sr ii iii iv")

_PRONOUN_GENDER: dict[str, Gender] = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}


def honorific_key(word: str) -> str:
    """The lookup key of a possible honorific: lower case, final dot dropped."""
    return word.lower().rstrip(".")


def is_honorific(word: str) -> bool:
    """True when the word is an honorific or title written before a name."""
    return honorific_key(word) in HONORIFICS


def honorific_gender(word: str) -> Gender | None:
    """The gender an honorific implies: "Mr." -> "m", "Ms." -> "f", "Dr." -> None."""
    return HONORIFICS.get(honorific_key(word))


def pronoun_gender(word: str) -> Gender | None:
    """The gender of a third-person pronoun: "she" -> "f", "his" -> "m", "they" -> None."""
    return _PRONOUN_GENDER.get(word.lower())


def strip_possessive(word: str) -> str:
    """Drop a possessive ending: "Park's" -> "Park", "Jones'" -> "Jones"."""
    for ending in POSSESSIVE_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending):
            return word[: -len(ending)]
    return word


def name_tokens(name: str, keep_suffix: bool = False) -> tuple[str, ...]:
    """The words of a name, honorifics in front and possessives dropped, and suffixes too
    unless `keep_suffix` (the canonical name keeps "Jr."; matching surnames does not)."""
    words = [strip_possessive(w.strip(",;:")) for w in name.split()]
    words = [w for w in words if w]
    while len(words) > 1 and is_honorific(words[0]):
        words.pop(0)
    while not keep_suffix and len(words) > 1 and words[-1].lower() in NAME_SUFFIXES:
        words.pop()
    return tuple(words)


def leading_honorific(name: str) -> str | None:
    """The honorific a name is written with, if any: "Mr. Park" -> "Mr."."""
    words = name.split()
    if len(words) > 1 and is_honorific(words[0]):
        return words[0]
    return None


def is_family_name_first(tokens: tuple[str, ...]) -> bool:
    """True when a name looks East Asian, family name first: "Park Ji-hoon", "Li Wenjun"."""
    if len(tokens) < 2 or len(tokens) > 3:
        return False
    first, last = tokens[0].lower(), tokens[-1].lower()
    if first not in EAST_ASIAN_SURNAMES:
        return False
    # A hyphenated given name ("Ji-hoon") is the strongest cue; otherwise a known family name
    # in front and none at the end ("Li Wenjun", but not "Lee Kim" nor "Bruce Lee").
    return "-" in tokens[-1] or last not in EAST_ASIAN_SURNAMES or len(tokens) == 3


def surname(name: str) -> str:
    """The family name: "Maria Alvarez" -> "Alvarez", "Park Ji-hoon" -> "Park"."""
    tokens = name_tokens(name)
    if not tokens:
        return ""
    if is_family_name_first(tokens):
        return tokens[0]
    start = len(tokens) - 1
    while start > 1 and tokens[start - 1].lower() in NAME_PARTICLES:
        start -= 1
    return " ".join(tokens[start:])


def shared_surname(short: str, full_names: Iterable[str]) -> bool:
    """Whether a surname ("Halvorsen", "Mr. Park") can stand for two different full names."""
    return len({full for full in full_names if is_alias_of(short, full)}) > 1


def surname_word(name: str) -> str:
    """The surname's last word, the one a single token can match: "Blasio" of "Bill de Blasio",
    "Park" of "Park Ji-hoon"."""
    words = surname(name).split()
    return words[-1] if words else ""


def given_name(name: str) -> str | None:
    """The first given name, when the name has one: "Maria Alvarez" -> "Maria"."""
    tokens = name_tokens(name)
    if len(tokens) < 2:
        return None
    if is_family_name_first(tokens):
        return tokens[1]
    return tokens[0]


def _fold(words: tuple[str, ...] | str) -> str:
    text = words if isinstance(words, str) else " ".join(words)
    return text.lower().replace("’", "'")


def is_alias_of(short: str, full: str) -> bool:
    """True when `short` can name the same person as `full`: "Mr. Park" ~ "Park Ji-hoon".

    Matches the surname (either end for names whose order is uncertain), the whole name,
    or the name minus middle names; never a different given name ("Park Soo-ah").
    """
    short_t, full_t = name_tokens(short), name_tokens(full)
    if not short_t or not full_t or len(short_t) > len(full_t):
        return False
    if _fold(short_t) == _fold(full_t):
        return True
    if _fold(short_t) == _fold(surname(full)):
        return True
    if len(short_t) == 1 and len(full_t) == 2 and full_t[0].lower() in EAST_ASIAN_SURNAMES:
        # "Lee Smith" read family-first would lose "Mr. Smith"; accept both ends.
        return _fold(short_t) in (_fold(full_t[0]), _fold(full_t[1])) and "-" not in full_t[1]
    if len(short_t) == len(full_t) == 2 and _fold(short_t[-1]) == _fold(full_t[-1]):
        # "Ken Starr" for "Kenneth Starr": a short form of the same given name.
        short_given, full_given = _fold(short_t[0]), _fold(full_t[0])
        return len(short_given) >= 3 and full_given.startswith(short_given)
    if len(short_t) >= 2 and len(full_t) > len(short_t):
        # "Maria Alvarez" for "Maria Elena Alvarez": same first and last words.
        return _fold(short_t[0]) == _fold(full_t[0]) and _fold(short_t[-1]) == _fold(full_t[-1])
    return False
