"""A compact fingerprint of an article's wording, to recognise one story posted in two forms.

The text's words (Unicode-folded, case-folded, punctuation dropped) are cut into shingles, every
run of SHINGLE_WORDS words, and summarised by MinHash: for each of SIGNATURE_SIZE hash functions
the smallest value over the shingles. Two fingerprints agree at a position about as often as the
two texts share shingles (their Jaccard resemblance), so they compare without either text.

`same_story_score` is the estimated share of the *shorter* text's shingles found in the other
(containment): a copy trimmed at the end or with a paragraph added still scores near 1, where
resemblance would fall with the length difference. SAME_STORY_THRESHOLD was measured with
bench/near_duplicates.py (see the README's benchmark table).

For lookup, the signature is cut into BANDS bands of ROWS_PER_BAND values (locality-sensitive
hashing): texts that agree on one whole band are candidates. With 64 bands of 2, texts sharing
a quarter of their shingles meet in a band with a probability of 98.4%; unrelated texts almost
never do.

Every value comes from BLAKE2b of fixed strings, so a fingerprint is the same in every process
and every Python version: they are stored and compared for as long as the articles are kept.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from functools import cache

from analysis.types import Fingerprint

SHINGLE_WORDS = 5
SIGNATURE_SIZE = 128
ROWS_PER_BAND = 2
BANDS = SIGNATURE_SIZE // ROWS_PER_BAND
# Measured with bench/near_duplicates.py (5-word shingles): the same story scored 0.535 and up
# (a copy cut to 45% with a new intro), other stories 0.132 at most (a follow-up repeating a
# quote and a line of background); 0.35 sits in the middle of that gap, each side more than
# three standard deviations of the 128-value estimate (about 0.05) away.
SAME_STORY_THRESHOLD = 0.35

_WORD = re.compile(r"\w+")
_PRIME = (1 << 61) - 1  # a Mersenne prime: (a * h + b) mod p permutes the shingle hashes
_VALUE_MASK = (1 << 32) - 1  # signature values are kept to 32 bits
EMPTY_VALUE = _VALUE_MASK


def normalised_words(text: str) -> list[str]:
    """The text's words, Unicode- and case-folded, without punctuation or spacing."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def shingle_hashes(words: Sequence[str], size: int = SHINGLE_WORDS) -> set[int]:
    """A 64-bit hash of every run of `size` words (a text shorter than that is one run)."""
    if not words:
        return set()
    if len(words) < size:
        return {_hash64(" ".join(words))}
    return {_hash64(" ".join(words[i : i + size])) for i in range(len(words) - size + 1)}


def fingerprint(text: str, size: int = SHINGLE_WORDS) -> Fingerprint:
    """The MinHash fingerprint of a text's wording (word order matters, layout does not)."""
    hashes = shingle_hashes(normalised_words(text), size)
    if not hashes:
        return Fingerprint(signature=(EMPTY_VALUE,) * SIGNATURE_SIZE, shingles=0)
    signature = tuple(
        min(((a * h + b) % _PRIME) & _VALUE_MASK for h in hashes) for a, b in _permutations()
    )
    return Fingerprint(signature=signature, shingles=len(hashes))


def band_keys(print_: Fingerprint) -> tuple[int, ...]:
    """One signed 64-bit key per band (band number included), the rows a store indexes."""
    keys = []
    for band in range(BANDS):
        values = print_.signature[band * ROWS_PER_BAND : (band + 1) * ROWS_PER_BAND]
        digest = _digest(f"band {band}: " + ",".join(map(str, values)))
        keys.append(int.from_bytes(digest, "big", signed=True))
    return tuple(keys)


def resemblance(first: Fingerprint, second: Fingerprint) -> float:
    """Estimated Jaccard resemblance: shared shingles over all shingles of the two texts."""
    if not first.shingles or not second.shingles:
        return 0.0
    same = sum(1 for a, b in zip(first.signature, second.signature, strict=True) if a == b)
    return same / SIGNATURE_SIZE


def same_story_score(first: Fingerprint, second: Fingerprint) -> float:
    """Estimated share of the shorter text's shingles that the other text has (0 to 1)."""
    jaccard = resemblance(first, second)
    if jaccard == 0.0:
        return 0.0
    shared = jaccard * (first.shingles + second.shingles) / (1 + jaccard)
    return min(1.0, shared / min(first.shingles, second.shingles))


def is_same_story(first: Fingerprint, second: Fingerprint) -> bool:
    """Whether two texts are one story in two forms (a copy trimmed, re-headed, re-ordered)."""
    return same_story_score(first, second) >= SAME_STORY_THRESHOLD


def _hash64(text: str) -> int:
    return int.from_bytes(_digest(text), "big")


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()


@cache
def _permutations() -> tuple[tuple[int, int], ...]:
    # a in [1, p), b in [0, p), drawn from fixed strings: the same functions everywhere.
    pairs = []
    for index in range(SIGNATURE_SIZE):
        a = _hash64(f"minhash a {index}") % (_PRIME - 1) + 1
        b = _hash64(f"minhash b {index}") % _PRIME
        pairs.append((a, b))
    return tuple(pairs)
