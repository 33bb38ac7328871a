"""docs/clinical.md describes the knowledge as it is: the numbers it quotes are the file's."""

from __future__ import annotations

import re

from skill.knowledge import load_knowledge
from testkit import REPO_ROOT

DOC = (REPO_ROOT / "docs" / "clinical.md").read_text("utf-8")


def test_the_clinical_doc_names_every_cause_its_sign_and_every_red_flag() -> None:
    knowledge = load_knowledge()
    for condition in knowledge.conditions.values():
        assert condition.name in DOC, condition.id
    for lookalike in knowledge.lookalikes.values():
        assert lookalike.name in DOC and f"`{lookalike.defining[0]}`" in DOC, lookalike.id
    for flag_id, flag in knowledge.red_flags.items():
        assert flag.triage is None or f"`{flag_id}`" in DOC, flag_id


def test_the_numbers_the_clinical_doc_quotes_are_the_knowledge_files() -> None:
    settings = load_knowledge().settings
    assert f"`slip_rate` ({settings.slip_rate:g})" in DOC
    assert f"`sometimes_weight` ({settings.sometimes_weight:g})" in DOC
    assert f"`usual_questions` symptom questions ({settings.usual_questions})" in DOC
    assert f"`question_cap` symptom questions ({settings.question_cap})" in DOC
    assert f"`focus` ({settings.focus:g})" in DOC
    odds = (1 - settings.slip_rate) / settings.slip_rate
    assert "less than sixteen to" in DOC and 15 < odds <= 16
    past_knee = load_knowledge().features["past_knee"].likelihood
    assert f"({past_knee['sciatica']:.2f})" in DOC
    assert f"({past_knee['piriformis_syndrome']:.2f})" in DOC


def test_the_clinical_doc_links_the_likelihood_picture() -> None:
    assert re.search(r"\]\(likelihoods\.svg\)", DOC)
