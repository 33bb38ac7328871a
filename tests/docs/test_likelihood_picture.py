"""docs/likelihoods.svg: the likelihood table of clinical.toml, drawn, and kept fresh."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from scripts import draw_likelihoods
from skill.knowledge import NONE_OF_THESE, load_knowledge

SVG = "{http://www.w3.org/2000/svg}"


def test_the_committed_picture_is_what_the_script_draws_from_clinical_toml() -> None:
    assert draw_likelihoods.main(["--check"]) == 0


def test_the_picture_has_a_cell_per_hypothesis_and_question_with_its_likelihood() -> None:
    knowledge = load_knowledge()
    root = ET.fromstring(draw_likelihoods.draw(knowledge))
    numbers = [t.text for t in root.iter(f"{SVG}text") if t.get("text-anchor") == "middle"]
    expected = [
        f"{feature.likelihood[hypothesis]:.2f}"
        for hypothesis in [*knowledge.causes, NONE_OF_THESE]
        for feature in knowledge.features.values()
    ]
    assert numbers == expected


def test_a_changed_likelihood_changes_the_picture() -> None:
    knowledge = load_knowledge()
    feature = knowledge.features["sit_bone"]
    changed_feature = feature._replace(
        likelihood={**feature.likelihood, "ischial_bursitis": 0.12345}
    )
    changed = knowledge._replace(features={**knowledge.features, "sit_bone": changed_feature})
    assert "0.12" in draw_likelihoods.draw(changed)
    assert draw_likelihoods.draw(changed) != draw_likelihoods.draw(knowledge)
