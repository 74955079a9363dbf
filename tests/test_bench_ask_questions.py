"""bench/ask_questions.json: at least 40 questions, each expectation found in its seed."""

from __future__ import annotations

import json
from pathlib import Path

from bench.ask_eval import QUESTIONS, SEEDS, fold, is_right


def test_the_questions_are_answerable_from_their_seeds() -> None:
    questions = json.loads(Path(QUESTIONS).read_text(encoding="utf-8"))["questions"]
    assert len(questions) >= 40
    assert len({q["id"] for q in questions}) == len(questions)
    seeds = {p.stem for p in SEEDS.glob("*.txt")}
    assert {q["seed"] for q in questions} == seeds  # every seed is asked about
    for question in questions:
        text = (SEEDS / f"{question['seed']}.txt").read_text(encoding="utf-8")
        assert question["expect"] and is_right(text, question["expect"]), question["id"]
        # Worded differently: the question is not a sentence of the article.
        assert fold(question["question"].rstrip("?")) not in fold(text), question["id"]


def test_scoring_folds_quotes_dashes_and_case() -> None:
    assert is_right(
        "The vote was 7\u20134 after a \u201clong\u201d night.", ["VOTE WAS 7-4", '"long"']
    )
    assert not is_right("The vote was 7\u20134.", ["7-4", "unanimous"])
