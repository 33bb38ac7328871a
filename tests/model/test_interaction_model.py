"""The interaction model follows Alexa's rules and holds what the handlers rely on."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest

from skill.interaction_model import builder, rules
from skill.interaction_model.told import CHECKED_FACTS
from skill.knowledge import load_knowledge
from skill.triage import Answer
from skill.understanding import load_interaction_model
from testkit import REPO_ROOT as ROOT
from tests.model import LOCALES

INTENTS = {
    "AMAZON.YesIntent",
    "AMAZON.NoIntent",
    "SometimesIntent",
    "NotSureIntent",
    "ConfusedIntent",
    "TermIntent",
    "StartIntent",
    "ResultIntent",
    "RunnerUpIntent",
    "WhoToSeeIntent",
    "QuestionsLeftIntent",
    "MoreIntent",
    "AMAZON.RepeatIntent",
    "AMAZON.StartOverIntent",
    "GoBackIntent",
    "WhyIntent",
    "ExplainConditionIntent",
    "DifferenceIntent",
    "AMAZON.HelpIntent",
    "AMAZON.StopIntent",
    "AMAZON.CancelIntent",
    "AMAZON.NavigateHomeIntent",
    "AMAZON.FallbackIntent",
    "WarningSignIntent",
    "NoWarningSignIntent",
    "PainFactIntent",
    "DurationIntent",
    "CorrectionIntent",
    "HowSureIntent",
    "CommonIntent",
    "KeepRunningIntent",
    "MeanwhileIntent",
    "IceOrHeatIntent",
    "HowLongIntent",
    "RecoveryIntent",
    "WorryIntent",
    "ScanIntent",
    "ComeBackIntent",
    "OtherExerciseIntent",
    "WhyMeIntent",
    "MedicineIntent",
    "TreatmentIntent",
    "PrivacyIntent",
    "SendResultIntent",
    "PregnancyIntent",
    "RaceIntent",
    "HoldOnIntent",
    "SuspectIntent",
    "AlreadyAskedIntent",
    "DisagreeIntent",
    "AreYouADoctorIntent",
    "GradualOnsetIntent",
    "StopsAboveKneeIntent",
    "ThanksIntent",
    "SmallTalkIntent",
    "NoPainFactIntent",
    "SometimesPainFactIntent",
    "NoButPainFactIntent",
    "YesAndPainFactIntent",
}


def comparable(sample: str) -> str:
    return " ".join(re.sub(r"[^a-z'{} ]", " ", sample.lower().replace(".", "")).split())


def all_samples(language_model: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        (intent["name"], sample)
        for intent in language_model["intents"]
        for sample in intent["samples"]
    ]


def test_model_has_the_shape_the_developer_console_imports(model: dict[str, Any]) -> None:
    assert list(model) == ["interactionModel"]
    language_model = model["interactionModel"]["languageModel"]
    assert set(language_model) == {"invocationName", "intents", "types"}
    for intent in language_model["intents"]:
        assert set(intent) <= {"name", "slots", "samples"}
        assert all(isinstance(sample, str) for sample in intent["samples"])
    for slot_type in language_model["types"]:
        for value in slot_type["values"]:
            assert set(value) == {"id", "name"}
            assert set(value["name"]) == {"value", "synonyms"}


def test_model_declares_exactly_the_intents_the_handlers_answer_and_free_speech(
    language_model: dict[str, Any],
) -> None:
    names = [intent["name"] for intent in language_model["intents"]]
    assert sorted(names) == sorted([*INTENTS, *builder.free_speech_intents()])


def test_every_opening_of_free_speech_has_an_intent_whose_phrase_slot_takes_the_rest(
    language_model: dict[str, Any],
) -> None:
    openings = builder.definition()["free_speech"]["openings"]
    asides = builder.definition()["free_speech"]["asides"]
    carriers = {i["name"]: i for i in language_model["intents"] if rules.has_phrase_slot(i)}
    assert len(carriers) == len(openings) + 1 and len(openings) == len(set(openings))
    assert builder.free_speech_intents()["FreeSpeechIveIntent"] == "i've"
    for name, opening in builder.free_speech_intents().items():
        assert re.fullmatch(r"FreeSpeech[A-Za-z]*Intent", name)
        assert carriers[name]["slots"] == [{"name": "speech", "type": "AMAZON.SearchQuery"}]
        said = [opening] if opening else asides
        assert carriers[name]["samples"] == [f"{words} {{speech}}" for words in said]


def test_the_model_keeps_within_alexas_limit_of_intents(language_model: dict[str, Any]) -> None:
    assert len(language_model["intents"]) <= rules.MAX_INTENTS
    too_many = {"interactionModel": {"languageModel": {"intents": [{}] * 251}}}
    assert rules.intent_count_problems(too_many)


def test_free_speech_openings_never_begin_a_launch() -> None:
    free_speech = builder.definition()["free_speech"]
    openings = {words.split()[0] for words in (*free_speech["openings"], *free_speech["asides"])}
    assert not openings & (rules.SAMPLE_LAUNCH_WORDS | set(rules.LAUNCH_PHRASES))


@pytest.mark.parametrize(
    ("slots", "sample"),
    [
        ([{"name": "speech", "type": "AMAZON.SearchQuery"}], "{speech}"),
        (
            [
                {"name": "speech", "type": "AMAZON.SearchQuery"},
                {"name": "condition", "type": "ConditionType"},
            ],
            "what about {condition} and {speech}",
        ),
    ],
    ids=["no carrier phrase", "beside another slot"],
)
def test_model_rules_refuse_a_phrase_slot_alone_or_beside_another_slot(
    language_model: dict[str, Any], slots: list[dict[str, str]], sample: str
) -> None:
    model = {
        "interactionModel": {
            "languageModel": {
                **language_model,
                "intents": [{"name": "SaidIntent", "slots": slots, "samples": [sample]}],
            }
        }
    }
    assert rules.phrase_slot_problems(model)


def test_invocation_name_follows_alexa_rules(language_model: dict[str, Any]) -> None:
    name = language_model["invocationName"]
    assert name == "glute detective"
    assert rules.invocation_name_problems(name) == []


@pytest.mark.parametrize(
    "name",
    ["glute", "Glute Detective", "open glute detective", "glute detective skill", "the glute"],
)
def test_invocation_name_rules_reject_bad_names(name: str) -> None:
    assert rules.invocation_name_problems(name)


@pytest.mark.parametrize("phrase", [*rules.LAUNCH_PHRASES, *rules.ONE_SHOT_PHRASES])
def test_invocation_name_rules_reject_the_first_word_of_every_launch_phrase(phrase: str) -> None:
    assert rules.invocation_name_problems(f"{phrase.split()[0]} detective")


def test_every_custom_intent_but_free_speech_has_at_least_fifteen_samples(
    language_model: dict[str, Any],
) -> None:
    custom = [
        i
        for i in language_model["intents"]
        if not i["name"].startswith("AMAZON.") and not rules.has_phrase_slot(i)
    ]
    assert {intent["name"] for intent in custom} == {
        name for name in INTENTS if not name.startswith("AMAZON.")
    }
    for intent in custom:
        assert len(intent["samples"]) >= 15, intent["name"]


def test_no_sample_is_in_two_intents(language_model: dict[str, Any]) -> None:
    owners: dict[str, set[str]] = {}
    for intent, sample in all_samples(language_model):
        owners.setdefault(comparable(sample), set()).add(intent)
    assert {sample: names for sample, names in owners.items() if len(names) > 1} == {}


def test_samples_use_only_what_alexa_accepts(language_model: dict[str, Any]) -> None:
    for intent, sample in all_samples(language_model):
        assert re.fullmatch(r"[A-Za-z' .{}]+", sample), (intent, sample)
        assert sample == sample.strip() and "  " not in sample, (intent, sample)


def test_slots_are_of_declared_or_phrase_types_and_samples_name_declared_slots(
    language_model: dict[str, Any],
) -> None:
    types = {slot_type["name"] for slot_type in language_model["types"]} | rules.PHRASE_TYPES
    for intent in language_model["intents"]:
        declared = {slot["name"] for slot in intent.get("slots", [])}
        assert {slot["type"] for slot in intent.get("slots", [])} <= types
        for sample in intent["samples"]:
            assert set(re.findall(r"\{(\w+)\}", sample)) <= declared, (intent["name"], sample)


def test_explain_condition_has_samples_with_and_without_the_slot(
    language_model: dict[str, Any],
) -> None:
    explain = next(i for i in language_model["intents"] if i["name"] == "ExplainConditionIntent")
    assert explain["slots"] == [{"name": "condition", "type": "ConditionType"}]
    with_slot = [s for s in explain["samples"] if "{condition}" in s]
    assert "what is {condition}" in with_slot and "tell me about {condition}" in with_slot
    assert "what is it" in explain["samples"]


def samples_of(language_model: dict[str, Any], name: str) -> set[str]:
    return set(next(i for i in language_model["intents"] if i["name"] == name)["samples"])


def test_words_about_the_question_itself_ask_it_again_instead_of_explaining_a_condition(
    language_model: dict[str, Any],
) -> None:
    confused = samples_of(language_model, "ConfusedIntent")
    assert {"what does that mean", "explain that", "what do you mean"} <= confused
    assert "tell me more" in samples_of(language_model, "MoreIntent")


def test_condition_type_has_exactly_the_ids_of_the_causes_and_the_concerns(
    language_model: dict[str, Any],
) -> None:
    condition_type, _ = language_model["types"][:2]
    assert condition_type["name"] == "ConditionType"
    ids = [value["id"] for value in condition_type["values"]]
    knowledge = load_knowledge()
    assert sorted(ids) == sorted([*knowledge.causes, *knowledge.concerns])
    assert {"coccydynia", "iliotibial_band_syndrome"} <= set(ids)


def test_term_type_has_every_term_of_the_knowledge_by_all_its_words(
    language_model: dict[str, Any],
) -> None:
    _, term_type = language_model["types"][:2]
    assert term_type["name"] == "TermType"
    words = {v["id"]: [v["name"]["value"], *v["name"]["synonyms"]] for v in term_type["values"]}
    assert words == {term.id: list(term.words) for term in load_knowledge().terms.values()}


# Short phrases that also begin a confused sentence ("I do not understand", "it is not clear").
COLLIDING_WITH_CONFUSION = ["I do", "I don't", "I have", "I haven't", "it is", "uh huh", "uh uh"]


@pytest.mark.parametrize("sample", COLLIDING_WITH_CONFUSION)
def test_no_answer_sample_is_the_start_of_a_confused_sentence(
    language_model: dict[str, Any], sample: str
) -> None:
    for answer in ("AMAZON.YesIntent", "AMAZON.NoIntent", "SometimesIntent", "NotSureIntent"):
        assert sample not in samples_of(language_model, answer)


@pytest.mark.parametrize(
    ("intent", "words"),
    [
        ("AMAZON.YesIntent", ["yeah", "yep", "yup", "sure", "correct"]),
        ("AMAZON.NoIntent", ["nope", "nah", "no way"]),
        ("SometimesIntent", ["sometimes", "a little", "a bit", "kind of", "sort of"]),
    ],
)
def test_common_answer_words_are_samples_so_every_tool_and_locale_resolves_them(
    language_model: dict[str, Any], intent: str, words: list[str]
) -> None:
    assert set(words) <= samples_of(language_model, intent)


def test_no_synonym_names_two_conditions(language_model: dict[str, Any]) -> None:
    owners: dict[str, set[str]] = {}
    for value in language_model["types"][0]["values"]:  # ConditionType
        for word in [value["name"]["value"], *value["name"]["synonyms"]]:
            owners.setdefault(comparable(word), set()).add(value["id"])
    assert {word: ids for word, ids in owners.items() if len(ids) > 1} == {}


def test_generator_finds_no_rule_broken_in_the_model(model: dict[str, Any]) -> None:
    assert rules.model_problems(model) == []


def with_extra_sample(model: dict[str, Any], intent_name: str, sample: str) -> dict[str, Any]:
    changed = copy.deepcopy(model)
    for intent in changed["interactionModel"]["languageModel"]["intents"]:
        if intent["name"] == intent_name:
            intent["samples"].append(sample)
    return changed


@pytest.mark.parametrize("sample", ["open the question", "ask about {condition}", "alexa why"])
def test_sample_rules_reject_a_sample_that_starts_with_a_launch_word(
    model: dict[str, Any], sample: str
) -> None:
    problems = rules.sample_problems(with_extra_sample(model, "ExplainConditionIntent", sample))
    assert any("launch or wake word" in problem for problem in problems)


@pytest.mark.parametrize(
    "sample", ["why?", "step 2", "what is {condition}s", "what is {injury}", "why, then"]
)
def test_sample_rules_reject_punctuation_digits_and_bad_slots(
    model: dict[str, Any], sample: str
) -> None:
    assert rules.sample_problems(with_extra_sample(model, "ExplainConditionIntent", sample))


def test_duplicate_rule_catches_a_sample_in_two_intents(model: dict[str, Any]) -> None:
    changed = with_extra_sample(model, "WhyIntent", "Go  back")
    assert rules.duplicate_sample_problems(changed)


def without_regional_samples(model: dict[str, Any], locale: str) -> dict[str, Any]:
    shared = copy.deepcopy(model)
    regional = [r for r in builder.definition()["regional"] if locale in r["locales"]]
    for intent in shared["interactionModel"]["languageModel"]["intents"]:
        for r in regional:
            extra = r["more_samples"].get(intent["name"], [])
            intent["samples"] = [s for s in intent["samples"] if s not in extra]
    return shared


def test_the_five_locales_share_one_model_but_for_regional_words(model: dict[str, Any]) -> None:
    for locale in LOCALES:
        shared = without_regional_samples(load_interaction_model(locale), locale)
        assert shared == without_regional_samples(model, "en-US"), locale


def test_regional_words_reach_only_their_locales() -> None:
    def samples(locale: str, intent: str) -> list[str]:
        intents = load_interaction_model(locale)["interactionModel"]["languageModel"]["intents"]
        return next(i for i in intents if i["name"] == intent)["samples"]

    for locale in ("en-GB", "en-AU", "en-IN"):
        assert "should I see a physio" in samples(locale, "WhoToSeeIntent")
        assert "my bum hurts" in samples(locale, "StartIntent")
    for locale in ("en-US", "en-CA"):
        assert "should I see a physio" not in samples(locale, "WhoToSeeIntent")
        assert "should I see a physical therapist" in samples(locale, "WhoToSeeIntent")


def test_committed_models_equal_the_generator_output() -> None:
    expected = builder.expected_files()
    assert len(expected) == 2 * len(LOCALES)
    assert builder.stale_files(expected) == []
    assert builder.main(["--check"]) == 0


def test_skill_package_holds_real_copies_for_the_ask_cli() -> None:
    # The ASK CLI zips a symlinked folder as a link, which would upload no model at all.
    for locale in LOCALES:
        packaged = ROOT / "skill-package" / "interactionModels" / "custom" / f"{locale}.json"
        assert not packaged.parent.is_symlink() and not packaged.is_symlink()
        console = ROOT / "interaction_model" / f"{locale}.json"
        assert packaged.read_text(encoding="utf-8") == console.read_text(encoding="utf-8")


def test_check_fails_when_a_committed_model_file_differs(tmp_path: Path) -> None:
    assert builder.main(["--root", str(tmp_path)]) == 0
    assert builder.main(["--check", "--root", str(tmp_path)]) == 0
    (tmp_path / "skill-package" / "interactionModels" / "custom" / "en-IN.json").write_text("{}")
    assert builder.main(["--check", "--root", str(tmp_path)]) == 1


def test_a_locale_table_replaces_only_that_locales_samples(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = copy.deepcopy(builder.definition())
    data["locales"]["en-GB"] = {"samples": {"GoBackIntent": ["go back a bit"]}}
    monkeypatch.setattr(builder, "definition", lambda: data)

    def go_back_samples(locale: str) -> list[str]:
        model = builder.build_model(locale)
        intents = model["interactionModel"]["languageModel"]["intents"]
        samples: list[str] = next(i for i in intents if i["name"] == "GoBackIntent")["samples"]
        return samples

    assert go_back_samples("en-GB") == ["go back a bit"]
    assert "go back a bit" not in go_back_samples("en-US")


def test_condition_values_are_the_knowledge_causes_then_the_concerns_by_their_names(
    language_model: dict[str, Any],
) -> None:
    condition_type, _ = language_model["types"][:2]  # then TermType
    knowledge = load_knowledge()
    causes = [
        {"id": c.id, "name": {"value": c.name, "synonyms": list(c.synonyms)}}
        for c in knowledge.causes.values()
    ]
    concerns = [
        {"id": c.id, "name": {"value": c.names[0], "synonyms": list(c.names[1:])}}
        for c in knowledge.concerns.values()
    ]
    assert condition_type["values"] == causes + concerns


def test_volunteered_slot_values_name_what_the_knowledge_and_the_engine_know(
    language_model: dict[str, Any],
) -> None:
    knowledge = load_knowledge()
    types = {t["name"]: {v["id"] for v in t["values"]} for t in language_model["types"]}
    # Each warning sign is one of the red flags that decides a triage.
    assert types["WarningSignType"] == {
        fid for fid, flag in knowledge.red_flags.items() if flag.triage is not None
    }
    # Each fact is a symptom question, a side (which no question weighs), or a fact checked
    # with a warning sign's own question.
    sides, checked = {"both_sides", "one_side", "other_place"}, set(CHECKED_FACTS)
    assert types["FactType"] <= {*knowledge.features, *sides, *checked}
    assert types["AnswerType"] == {answer.value for answer in Answer}
