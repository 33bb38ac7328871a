"""Typed text resolves to the intents and slot values the interaction model declares."""

from __future__ import annotations

from typing import Any

import pytest

from skill.interaction_model.rules import LAUNCH_PHRASES, ONE_SHOT_PHRASES, has_phrase_slot
from skill.understanding import (
    BUILT_IN_LEXICON,
    ER_SUCCESS_MATCH,
    ER_SUCCESS_NO_MATCH,
    FALLBACK_INTENT,
    LaunchPhrase,
    Nlu,
    load_interaction_model,
    normalise,
)

LANGUAGE_MODEL: dict[str, Any] = load_interaction_model()["interactionModel"]["languageModel"]
CONDITIONS = LANGUAGE_MODEL["types"][0]["values"]
TERMS = LANGUAGE_MODEL["types"][1]["values"]


FIRST_VALUES = {t["name"]: t["values"][0]["name"]["value"] for t in LANGUAGE_MODEL["types"]}


def filled(intent: dict[str, Any], sample: str) -> str:
    """A sample as someone would say it: each slot filled with the first value of its type (a
    condition's spoken name, a term, a warning sign, ...)."""
    for slot in intent.get("slots", []):
        sample = sample.replace(f"{{{slot['name']}}}", FIRST_VALUES[slot["type"]])
    return sample


SAMPLES = [
    pytest.param(intent["name"], filled(intent, sample), id=f"{intent['name']}:{sample}")
    for intent in LANGUAGE_MODEL["intents"]
    if not has_phrase_slot(intent)  # free speech: passed on to be understood, never the answer
    for sample in intent["samples"]
]
CONDITION_WORDS = [
    pytest.param(value["id"], word, id=word)
    for value in CONDITIONS
    for word in [value["name"]["value"], *value["name"]["synonyms"]]
]


@pytest.mark.parametrize(("intent", "utterance"), SAMPLES)
def test_every_sample_resolves_back_to_its_own_intent(
    nlu: Nlu, intent: str, utterance: str
) -> None:
    match = nlu.resolve(utterance)
    assert (match.name, match.how) == (intent, "exact")


@pytest.mark.parametrize(("condition_id", "words"), CONDITION_WORDS)
def test_every_name_of_a_condition_resolves_to_its_id(
    nlu: Nlu, condition_id: str, words: str
) -> None:
    match = nlu.resolve(f"what is {words}")
    assert match.name == "ExplainConditionIntent"
    assert match.resolved_id("condition") == condition_id


@pytest.mark.parametrize(
    ("utterance", "condition_id"),
    [
        ("what is runner's butt", "ischial_bursitis"),
        ("What is dead butt syndrome?", "gluteus_medius_syndrome"),
        ("tell me about the SI joint", "si_joint_dysfunction"),
        ("what's S.I. joint", "si_joint_dysfunction"),
        ("Alexa, explain piriformis", "piriformis_syndrome"),
        ("what is a pulled hamstring", "high_hamstring_tendinopathy"),
        ("can you tell me about trochanteric bursitis please", "hip_bursitis"),
    ],
)
def test_conditions_resolve_by_their_common_names(
    nlu: Nlu, utterance: str, condition_id: str
) -> None:
    match = nlu.resolve(utterance)
    assert match.name == "ExplainConditionIntent"
    slot = match.slot("condition")
    assert slot is not None and slot.resolution is not None
    assert slot.resolution.status == ER_SUCCESS_MATCH
    assert slot.resolution.value_id == condition_id


def test_slot_keeps_the_spoken_words_and_the_value_name(nlu: Nlu) -> None:
    slot = nlu.resolve("what is runner's butt").slot("condition")
    assert slot is not None and slot.resolution is not None
    assert (slot.value, slot.slot_type) == ("runner's butt", "ConditionType")
    assert slot.resolution.value_name == "ischial bursitis"


def test_unknown_condition_is_heard_but_not_resolved(nlu: Nlu) -> None:
    match = nlu.resolve("tell me about hamstring pain")
    slot = match.slot("condition")
    assert match.name == "ExplainConditionIntent"
    assert slot is not None and slot.value == "hamstring pain"
    assert slot.resolution is not None and slot.resolution.status == ER_SUCCESS_NO_MATCH
    assert slot.resolution.value_id is None


def test_explaining_without_a_condition_sends_the_slot_empty(nlu: Nlu) -> None:
    match = nlu.resolve("describe it")
    slot = match.slot("condition")
    assert match.name == "ExplainConditionIntent"
    assert slot is not None and slot.value is None and slot.resolution is None


@pytest.mark.parametrize(
    ("utterance", "intent"),
    [
        ("yes", "AMAZON.YesIntent"),
        ("Yeah!", "AMAZON.YesIntent"),
        ("sure", "AMAZON.YesIntent"),
        ("no", "AMAZON.NoIntent"),
        ("nope", "AMAZON.NoIntent"),
        ("help", "AMAZON.HelpIntent"),
        ("what can I say", "AMAZON.HelpIntent"),
        ("stop", "AMAZON.StopIntent"),
        ("cancel", "AMAZON.CancelIntent"),
        ("never mind", "AMAZON.CancelIntent"),
        ("repeat", "AMAZON.RepeatIntent"),
        ("start over", "AMAZON.StartOverIntent"),
        ("go home", "AMAZON.NavigateHomeIntent"),
    ],
)
def test_built_in_intents_understand_alexas_own_words(
    nlu: Nlu, utterance: str, intent: str
) -> None:
    assert nlu.resolve(utterance).name == intent


@pytest.mark.parametrize(
    ("utterance", "intent"),
    [
        ("yes please", "AMAZON.YesIntent"),
        ("um yes", "AMAZON.YesIntent"),
        ("I think it does", "AMAZON.YesIntent"),
        ("no it doesn't hurt when I sit", "AMAZON.NoIntent"),
        ("no thanks", "AMAZON.NoIntent"),
        ("repaet", "AMAZON.RepeatIntent"),
        ("could you say that again please", "AMAZON.RepeatIntent"),
        ("why do you ask that", "WhyIntent"),
        ("please go back", "GoBackIntent"),
    ],
)
def test_near_misses_still_find_the_intent(nlu: Nlu, utterance: str, intent: str) -> None:
    assert nlu.resolve(utterance).name == intent


@pytest.mark.parametrize(
    "utterance", ["I don't know", "not sure", "no idea at all", "maybe", "I'm not really sure"]
)
def test_not_sure_is_never_taken_for_yes_or_no(nlu: Nlu, utterance: str) -> None:
    assert nlu.resolve(utterance).name == "NotSureIntent"


@pytest.mark.parametrize(
    "utterance", ["purple monkey dishwasher", "asdf", "", "   ", "it hurts more after I stop"]
)
def test_anything_else_is_the_fallback_intent(nlu: Nlu, utterance: str) -> None:
    match = nlu.resolve(utterance)
    assert (match.name, match.how) == (FALLBACK_INTENT, "fallback")


def test_lexicon_words_never_belong_to_another_intent_of_the_model() -> None:
    owners = {
        normalise(sample): intent["name"]
        for intent in LANGUAGE_MODEL["intents"]
        for sample in intent["samples"]
    }
    for intent, phrases in BUILT_IN_LEXICON.items():
        for phrase in phrases:
            assert owners.get(normalise(phrase), intent) == intent, phrase


def test_normalise_keeps_apostrophes_and_drops_the_wake_word() -> None:
    assert normalise("Alexa,  What\u2019s   Runner's-Butt?!") == "what's runner's butt"
    assert normalise("S.I. joint") == "si joint"
    assert normalise("Alexa") == ""


@pytest.mark.parametrize(
    ("text", "utterance"),
    [
        ("open glute detective", ""),
        ("Alexa, start Glute Detective.", ""),
        ("launch glute detective", ""),
        ("ask glute detective", ""),
        ("ask glute detective what is runner's butt", "what is runner's butt"),
        ("tell glute detective to go back", "go back"),
        ("Alexa, ask glute detective if it's sciatica", "it's sciatica"),
    ],
)
def test_launch_phrases_open_the_skill_with_or_without_an_utterance(
    nlu: Nlu, text: str, utterance: str
) -> None:
    assert nlu.parse_launch(text) == LaunchPhrase(utterance)


@pytest.mark.parametrize("phrase", [*LAUNCH_PHRASES, *ONE_SHOT_PHRASES])
def test_every_launch_phrase_alexa_knows_opens_the_skill(nlu: Nlu, phrase: str) -> None:
    assert nlu.parse_launch(f"{phrase} glute detective") == LaunchPhrase("")


@pytest.mark.parametrize("text", ["start over", "open the door", "yes", "ask me again"])
def test_phrases_that_do_not_name_the_skill_are_not_launches(nlu: Nlu, text: str) -> None:
    assert nlu.parse_launch(text) is None


def test_a_model_without_samples_for_an_intent_still_resolves_its_lexicon() -> None:
    model = {
        "interactionModel": {
            "languageModel": {
                "invocationName": "tiny test",
                "intents": [{"name": "AMAZON.YesIntent", "samples": []}],
                "types": [],
            }
        }
    }
    tiny = Nlu(model)
    assert tiny.resolve("yep").name == "AMAZON.YesIntent"
    assert tiny.resolve("help").name == FALLBACK_INTENT


def test_a_typed_condition_without_its_apostrophe_still_resolves() -> None:
    match = Nlu.for_locale("en-US").resolve("what is runners butt")
    assert match.name == "ExplainConditionIntent"
    assert match.resolved_id("condition") == "ischial_bursitis"


@pytest.mark.parametrize("fragment", ["I do", "it is", "I have", "I do not", "I don't", "uh uh"])
def test_a_fragment_of_an_answer_is_never_taken_for_an_answer(nlu: Nlu, fragment: str) -> None:
    # Each may begin "I do not understand" or "it is not clear": nothing said in confusion
    # may be recorded.
    answers = {"AMAZON.YesIntent", "AMAZON.NoIntent", "SometimesIntent", "NotSureIntent"}
    assert nlu.resolve(fragment).name not in answers


@pytest.mark.parametrize(
    "question",
    ["what kind of swelling", "what sort of ache", "why a little", "what if I'm not sure"],
)
def test_a_question_the_runner_asks_is_never_taken_for_an_answer(nlu: Nlu, question: str) -> None:
    # Each holds an answer's words ("kind of", "a bit", "not sure") inside a question.
    answers = {"AMAZON.YesIntent", "AMAZON.NoIntent", "SometimesIntent", "NotSureIntent"}
    assert nlu.resolve(question).name not in answers


@pytest.mark.parametrize(
    ("said", "intent", "value"),
    [
        ("I took a fall running downhill", "WarningSignIntent", "red_flag_trauma_fever"),
        ("my groin feels numb", "WarningSignIntent", "red_flag_saddle"),
        ("it started with a pop when I sprinted", "PainFactIntent", "sudden_pull"),
        ("it is more in my groin actually", "PainFactIntent", "groin_pain"),
        ("oh and I fell on the ice last week", "WarningSignIntent", "red_flag_trauma_fever"),
    ],
)
def test_what_runners_tell_in_their_own_words_is_found_by_its_values(
    nlu: Nlu, said: str, intent: str, value: str
) -> None:
    match = nlu.resolve(said)
    slot = "sign" if intent == "WarningSignIntent" else "fact"
    assert (match.name, match.resolved_id(slot)) == (intent, value)


@pytest.mark.parametrize(
    "said",
    [
        "I'm not having any numbness",
        "I don't have any bladder trouble at all",
        "is the groin the same as the hip",
        "I think it does",
        "I'm not sure what a fever means",
        "I've got running fever, ha ha, can't stop signing up for races",
        "I'm always hot after a run, does that count as a fever?",
        "yeah right down to my foot, like electric",
        "yes. my flatmate fell over laughing watching me try to touch my toes",
        "my dog has cancer, poor lad, so I'm a bit stressed",
        "I'm not saying I've had cancer, I just want to know it's not that",
        "no. I've got no fever. the pain is just annoying",
        "it kicked off the week I started doing hill repeats",
        "Nope. My mate tore his hamstring off the bone, bruised all down his leg",
        "Nah. I did fall asleep on the sofa in a weird position, if that counts",
        "No. I did the race for life cancer 5k and it started a week after",
        "I used to have sciatica in both legs years ago but it's totally gone",
        "no. I heard a pop song on my headphones, that's the only pop, haha",
        "no. I'm a nurse so I deal with bladder problems all day at work",
        "no. I've got Saturday Night Fever on in the background, sorry",
        "okay. I'm worried because my uncle died of cancer, but I feel fine",
        "no. I'm going to a weight loss class with my wife to support her",
    ],
)
def test_a_denial_a_question_or_confusion_is_never_a_warning_sign_or_a_fact(
    nlu: Nlu, said: str
) -> None:
    assert nlu.resolve(said).name not in ("WarningSignIntent", "PainFactIntent")


@pytest.mark.parametrize(
    "said",
    [
        "back's absolutely fine",
        "back feels okay actually",
        "my calf's been tight but I think that's separate",
        "it's more in the back of the thigh, stops before the knee",
        "it's in my calf as well but I think that's from running",
    ],
)
def test_a_place_mentioned_in_passing_or_said_to_be_fine_is_not_told_as_pain(
    nlu: Nlu, said: str
) -> None:
    assert nlu.resolve(said).name != "PainFactIntent"


@pytest.mark.parametrize(
    ("said", "value"),
    [
        ("no but I've had a fever since Tuesday", "red_flag_trauma_fever"),
        ("no, but I had chills last night", "red_flag_trauma_fever"),
        ("no, though I did have a fever last week", "red_flag_trauma_fever"),
        ("not really, apart from a fever", "red_flag_trauma_fever"),
        ("no, although I had a temperature on Monday", "red_flag_trauma_fever"),
        ("nope, except I had cancer years ago", "red_flag_serious"),
    ],
)
def test_a_warning_sign_after_no_but_is_still_heard(nlu: Nlu, said: str, value: str) -> None:
    match = nlu.resolve(said)
    assert (match.name, match.resolved_id("sign")) == ("WarningSignIntent", value)


@pytest.mark.parametrize(
    ("said", "value"),
    [
        ("my toes go numb and now both feet are tingling", "red_flag_neuro"),
        ("numbness is there and it is increasing day by day", "red_flag_neuro"),
    ],
)
def test_a_warning_sign_told_anywhere_wins_over_a_place_found_first(
    nlu: Nlu, said: str, value: str
) -> None:
    match = nlu.resolve(said)
    assert (match.name, match.resolved_id("sign")) == ("WarningSignIntent", value)


@pytest.mark.parametrize(
    ("said", "intent", "slot", "value"),
    [
        (
            "yes down both legs actually, into both calves",
            "WarningSignIntent",
            "sign",
            "red_flag_neuro",
        ),
        (
            "yes and it's been hard to pee since yesterday",
            "WarningSignIntent",
            "sign",
            "red_flag_saddle",
        ),
        (
            "no it's more at the front really, in my groin",
            "NoButPainFactIntent",
            "fact",
            "groin_pain",
        ),
        (
            "no it's lower in the middle, at my tailbone really",
            "NoButPainFactIntent",
            "fact",
            "tailbone",
        ),
        ("no, it's lower down, right at my tailbone", "NoButPainFactIntent", "fact", "tailbone"),
        # Weight lost, with no word of whether it was meant: checked with the warning sign.
        ("no, other than losing a bit of weight", "SometimesPainFactIntent", "fact", "weight_loss"),
        (
            "not exactly, it's lower down, right at my tailbone",
            "NoButPainFactIntent",
            "fact",
            "tailbone",
        ),
        (
            "not really, it's more in the middle of my bum, deep in",
            "NoButPainFactIntent",
            "fact",
            "deep_buttock",
        ),
        (
            "nah mate, nothing like that, but my leg has been a bit weak lately",
            "SometimesPainFactIntent",
            "fact",
            "weak_leg",
        ),
    ],
)
def test_what_follows_a_bare_yes_or_no_is_heard_when_it_tells_a_sign_or_after_no_a_place(
    nlu: Nlu, said: str, intent: str, slot: str, value: str
) -> None:
    match = nlu.resolve(said)
    assert (match.name, match.resolved_id(slot)) == (intent, value)


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("yes on the left", "AMAZON.YesIntent"),
        ("no not really", "AMAZON.NoIntent"),
        ("yes a little", "SometimesIntent"),
        ("yes since two weeks", "AMAZON.YesIntent"),
        ("no, but my friend had a fever", "AMAZON.NoIntent"),
        ("no, though my mum had cancer", "AMAZON.NoIntent"),
    ],
)
def test_a_bare_answer_stays_the_answer_when_nothing_more_is_told(
    nlu: Nlu, said: str, intent: str
) -> None:
    assert nlu.resolve(said).name == intent


def test_a_typed_question_mark_is_never_an_answer_or_a_place(nlu: Nlu) -> None:
    dimple = nlu.resolve("the dimple?")
    assert (dimple.name, dimple.resolved_id("term")) == ("TermIntent", "pelvic_dimple")
    assert nlu.resolve("the tail bone, is that the coccyx?").name == "ConfusedIntent"
    assert nlu.resolve("the tail bone").name == "PainFactIntent"


@pytest.mark.parametrize(
    "said", ["I can't say it does really", "no numbness, but it does burn down there when I sit"]
)
def test_a_denial_is_never_read_as_the_yes_or_the_sign_it_denies(nlu: Nlu, said: str) -> None:
    assert nlu.resolve(said).name not in ("AMAZON.YesIntent", "WarningSignIntent")


@pytest.mark.parametrize(
    "said",
    [
        "no, it's deep between my legs really, a burning feeling, worse on the bike saddle",
        "no bruising and walking is fine",
        "I don't have any numbness between my legs",
    ],
)
def test_what_denies_a_sign_or_only_shares_its_words_is_no_warning_sign(
    nlu: Nlu, said: str
) -> None:
    assert nlu.resolve(said).name != "WarningSignIntent"


@pytest.mark.parametrize(
    "said",
    [
        "yes till the calf, and there is some numbness between my legs, I cannot feel when I wipe",
        "look, I have bladder trouble, I can't pee properly",
        "no. actually, I've been having a bit of bother with my waterworks",
    ],
)
def test_a_sign_described_with_a_negation_after_it_is_still_the_sign(nlu: Nlu, said: str) -> None:
    match = nlu.resolve(said)
    assert (match.name, match.resolved_id("sign")) == ("WarningSignIntent", "red_flag_saddle")


@pytest.mark.parametrize(
    "said",
    [
        "I fell behind on my training",
        "I fell asleep on the couch",
        "my race is in the fall",
        "my friend had cancer",
        "my dog was limping",
        "walking doesn't hurt",
        "my groin isn't numb",
        "the pain isn't in both legs",
        "both legs feel fine",
        "my legs are both tired after the marathon",
        "my hands go numb in the cold",
        "I don't feel unwell",
        "I was limping last month but that's gone",
        "I've got a bit of marathon fever",
        "my mate came off his bike",
        "I had a fall out with my running club",
        "I bruised my toe on a rock",
        "I'm a cancer nurse",
        "I popped to the shops before my run",
        "I lost weight on purpose",
        "no, but my friend had a fever",
        "I've lost a few kilos since I started running",
        "does it matter that my friend had cancer",
        "I hit a PB at the weekend",
        "I hit the gym after my run",
        "my pace fell apart in the last mile",
        "my toenail fell off",
        "the frosty mornings give me the chills",
        "I watched a documentary about cancer last night",
        "is this something bad like cancer",
        "could I have broken something",
        "yeah, and I'm weaker on hills than I used to be, getting older",
        "no, I did fall behind my training plan though",
        "no, my watch fell off on a run, that's the only drama",
        "no. I bruised my shin on a coffee table, unrelated",
        "yeah, my friend said I should get it checked in case it's cancer",
        "I'm not sure what a fever means",
        "no. it's the fever of marathon training, I'm obsessed",
        "no. my girlfriend says I'm weak for skipping leg day, cheers",
        "yes. it's a bit bruised from the foam roller too",
        "nah ignore that, it's just hay fever, sneezy not hot",
        "my legs are both tired after the marathon",
        "no. The bladder on my hydration vest leaks though, ha",
        "will cycling help or make it worse? I've got a real weakness for spin classes",
        "both my legs feel great otherwise",
    ],
)
def test_an_everyday_sentence_with_a_warning_signs_words_is_no_warning_sign(
    nlu: Nlu, said: str
) -> None:
    assert nlu.resolve(said).name != "WarningSignIntent"


def test_a_warning_sign_someone_else_noticed_in_the_runner_is_still_heard(nlu: Nlu) -> None:
    match = nlu.resolve("my wife says I've had a fever all week")
    assert (match.name, match.resolved_id("sign")) == ("WarningSignIntent", "red_flag_trauma_fever")


@pytest.mark.parametrize(("said", "intent"), [("no not really", "AMAZON.NoIntent")])
def test_a_negative_answer_may_hold_more_than_one_negation(
    nlu: Nlu, said: str, intent: str
) -> None:
    assert nlu.resolve(said).name == intent


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("not sure, what's a hamstring curl", "TermIntent"),
        ("I'm not sure what you mean by dimple", "ConfusedIntent"),
        ("I don't know, what do you mean", "ConfusedIntent"),
    ],
)
def test_not_sure_followed_by_a_question_asks_and_is_never_an_answer(
    nlu: Nlu, said: str, intent: str
) -> None:
    assert nlu.resolve(said).name == intent


@pytest.mark.parametrize(
    "said",
    [
        "no I don't understand what you mean",
        "no clue, where's the dimple meant to be",
        "nah, I'm not getting it, what do you mean",
        "I don't know the body part you mean",
    ],
)
def test_an_answer_word_said_in_confusion_is_no_answer(nlu: Nlu, said: str) -> None:
    assert nlu.resolve(said).name not in ("AMAZON.YesIntent", "AMAZON.NoIntent", "NotSureIntent")


@pytest.mark.parametrize(
    "said",
    [
        "there's no numbness in my groin",
        "I go to the loo a lot but my bladder is fine",
        "my legs feel weak on hills but it's not getting worse",
        "I bruised my knee on the treadmill",
        "I've lost a few kilos since I started running",
        "I ran through a field of cows and nearly wet myself with fear",
        "I popped into the physio for a quick chat",
    ],
)
def test_what_only_shares_a_signs_ideas_or_denies_them_raises_no_sign(nlu: Nlu, said: str) -> None:
    assert nlu.resolve(said).name != "WarningSignIntent"


@pytest.mark.parametrize(
    ("said", "value"),
    [
        # In everyday words, or with a negation that describes the sign.
        (
            "nothing like that, but I've had a couple of little accidents with wee",
            "red_flag_saddle",
        ),
        ("I can't really feel the toilet paper when I wipe", "red_flag_saddle"),
        ("by the way my bladder's been a bit dodgy this week", "red_flag_saddle"),
        ("probably nothing but my leg seems weaker than last week", "red_flag_neuro"),
        ("I went over on the ice last month and landed on my arse", "red_flag_trauma_fever"),
        ("nah mate, had a fever last week", "red_flag_trauma_fever"),
        ("I can't hop on it without a stabbing pain", "red_flag_weight_bearing"),
        ("I've been losing weight, not on purpose", "red_flag_serious"),
        ("it wakes me up every night and I can't get comfortable", "red_flag_serious"),
        ("I nearly wet myself on my run yesterday and didn't feel it coming", "red_flag_saddle"),
        ("it aches all night and nothing helps", "red_flag_serious"),
        ("nothing like that, but I did have radiotherapy for cancer", "red_flag_serious"),
        ("it snapped, the back of my thigh is all purple", "red_flag_avulsion"),
        # Inside a question about it.
        ("does it matter that I had cancer", "red_flag_serious"),
        ("is it normal that I can't feel myself wiping", "red_flag_saddle"),
        # In words no value holds: heard by what they tell.
        ("since Sunday I can't feel a thing when I sit on the loo seat", "red_flag_saddle"),
        ("I have no control over when I poop anymore", "red_flag_saddle"),
        ("right foot keeps flopping about and it's worse every day", "red_flag_neuro"),
        ("hopping on that leg is a no go, sharp pain", "red_flag_weight_bearing"),
        ("it keeps me awake all night no matter what position", "red_flag_serious"),
        ("I've dropped 15 pounds without changing anything", "red_flag_serious"),
        ("it popped and I had to be helped off the track", "red_flag_avulsion"),
        ("my leg strength is fading week by week", "red_flag_neuro"),
        ("none of those, well, except my leg's definitely weaker than it was", "red_flag_neuro"),
        ("yes, I heard it pop, I couldn't walk home and there's bruising now", "red_flag_avulsion"),
        ("nah, nothing like that, except I've had trouble getting my pee going", "red_flag_saddle"),
        ("I had a little accident in my shorts and didn't even feel it coming", "red_flag_saddle"),
        ("only thing is I can't feel it when I pee", "red_flag_saddle"),
        ("my foot's started slapping when I run and it's worse each day", "red_flag_neuro"),
        ("pins and needles were in my right foot, now it's the left foot too", "red_flag_neuro"),
        ("no, other than walking hurting with every step", "red_flag_weight_bearing"),
        ("I can't hop on it at all, it's too sharp", "red_flag_weight_bearing"),
        ("I fell off a ladder at work on Monday and it's been agony", "red_flag_trauma_fever"),
        ("it popped while I was sprinting and now I'm limping", "red_flag_avulsion"),
        ("I've lost 10 pounds and I'm eating more than ever", "red_flag_serious"),
        ("pain at night that doesn't let up whatever I do", "red_flag_serious"),
        ("not sure. both my legs have been aching and tingling at night", "red_flag_neuro"),
        ("I don't know, I've got a fever and the hip is hot and red", "red_flag_trauma_fever"),
        ("it went twang at the track, and it's all bruised behind the knee", "red_flag_avulsion"),
        ("no. it's a constant gnawing ache in bed, doesn't matter how I lie", "red_flag_serious"),
        ("no. the scales keep going down and I haven't changed anything", "red_flag_serious"),
        ("no, but I've dropped about six kilos without meaning to", "red_flag_serious"),
        ("yes, and it throbs all night, painkillers don't touch it", "red_flag_serious"),
        (
            "none of those. I did have trouble peeing this morning, couldn't get it started",
            "red_flag_saddle",
        ),
        ("no but I feel properly sick and have got the shivers", "red_flag_trauma_fever"),
        ("no. I can't put any weight on that leg at all", "red_flag_weight_bearing"),
        ("no. I've a fever of 39 if that matters", "red_flag_trauma_fever"),
        ("Nah. Also I've been struggling to pee, like it just won't start", "red_flag_saddle"),
        ("Ok. Also, I haven't been able to pass water properly since Sunday", "red_flag_saddle"),
        (
            "Yes. And it's a constant ache at night that won't settle whatever I do",
            "red_flag_serious",
        ),
        ("No. I've got thinner without meaning to", "red_flag_serious"),
        ("hopping on it is like being stabbed", "red_flag_weight_bearing"),
        ("no cancer or anything, but my nether regions have lost feeling a bit", "red_flag_saddle"),
        (
            "well I've been peeing myself a little bit on runs lately, does that count",
            "red_flag_saddle",
        ),
        ("no. Also I can't seem to get a wee started properly since this began", "red_flag_saddle"),
        ("is it related that I've lost control of my bladder a couple of times", "red_flag_saddle"),
        ("I'm tripping over my own foot because it won't lift properly", "red_flag_neuro"),
        ("should I be worried it's now in both legs?", "red_flag_neuro"),
        ("yeah, and it's not just the one leg, it's both of them tbh", "red_flag_neuro"),
        ("no. Oh wait, I did slip on ice and land hard on my backside", "red_flag_trauma_fever"),
        (
            "I should probably say I'm on crutches because I can't weight bear",
            "red_flag_weight_bearing",
        ),
        ("I've been shedding weight without meaning to, is that part of it", "red_flag_serious"),
        ("nah. tbh the skin between my legs feels like it's had an anaesthetic", "red_flag_saddle"),
        ("no to all that. I did poo myself on my last run without feeling it", "red_flag_saddle"),
        ("nope. My right leg feels feebler every day though", "red_flag_neuro"),
        ("yeah in both, the pain shoots down the right and the left", "red_flag_neuro"),
        ("so just to add, I had a nasty tumble off a ladder", "red_flag_trauma_fever"),
        (
            "is it worth saying I've had a high temp, like 39, since Sunday?",
            "red_flag_trauma_fever",
        ),
        ("does it change things that I've had chemo for leukaemia before?", "red_flag_serious"),
        ("kinda. Also at night it's relentless, I can't find any position", "red_flag_serious"),
        ("I went over hard on a trail and whacked my hip on a rock", "red_flag_trauma_fever"),
        ("I can't even stand on that leg to put my sock on", "red_flag_weight_bearing"),
        ("I've dropped about six kilos and I've not been dieting", "red_flag_serious"),
        (
            "at night it's a deep ache that nothing touches, I just lie there awake",
            "red_flag_serious",
        ),
        ("no. I can't sleep for the pain, no position eases it", "red_flag_serious"),
        ("what about pain at night that painkillers don't touch", "red_flag_serious"),
        (
            "does it change anything that there's bruising behind my thigh after it popped",
            "red_flag_avulsion",
        ),
        (
            "ok. it's constant at night, wakes me up, can't find a comfortable position",
            "red_flag_serious",
        ),
        ("I ain't been able to go number two properly, I can't push", "red_flag_saddle"),
        ("I keep needing to wee but then nothing comes out", "red_flag_saddle"),
        ("both my legs have been going dead on runs lately", "red_flag_neuro"),
        ("yeah and I can't get up on my tiptoes on that side anymore", "red_flag_neuro"),
        ("something pinged during strides and I've struggled to walk since", "red_flag_avulsion"),
        ("I can't sleep, it throbs all night whichever way I lie", "red_flag_serious"),
        ("no. but I have been struggling to hold my pee in lately", "red_flag_saddle"),
        ("no spot. um, both my feet are numb in the mornings lately", "red_flag_neuro"),
        (
            "not really. hopping on the one leg is agony though, sharp as anything",
            "red_flag_weight_bearing",
        ),
        ("not really sitting, no. it's walking, every step kills", "red_flag_weight_bearing"),
        ("no. um, I've dropped about six kilos without trying lately", "red_flag_serious"),
        ("yes down to the foot, and it's in both legs now, not just the one", "red_flag_neuro"),
        (
            "not especially. I've been having the sweats and chills at night though",
            "red_flag_trauma_fever",
        ),
        ("nah. it all kicked off when a car clipped me on my bike", "red_flag_trauma_fever"),
        (
            "eh, dunno. the numbness in my shin is spreading each day, is that normal",
            "red_flag_neuro",
        ),
        (
            "I went arse over tit on the trail and it's not been right since",
            "red_flag_trauma_fever",
        ),
        ("thanks. I've been losing weight and I'm not even trying to", "red_flag_serious"),
        (
            "Yeah that makes sense. Only thing is I've been struggling to pass urine",
            "red_flag_saddle",
        ),
        (
            "No fall, no. But um, there's this numbness on the inside of my thighs",
            "red_flag_saddle",
        ),
        ("yes it does. Actually I took a tumble down the stairs", "red_flag_trauma_fever"),
        (
            "no, no cancer. I did fall off a ladder though, I didn't say before",
            "red_flag_trauma_fever",
        ),
        (
            "no. Also I can't seem to start peeing, I stand there and nothing comes",
            "red_flag_saddle",
        ),
        ("yes it does hurt. and, uh, I didn't feel it when I needed to poo", "red_flag_saddle"),
        ("Heads up, I can't lift the front of my foot and it's gotten worse", "red_flag_neuro"),
    ],
)
def test_a_warning_sign_told_in_the_runners_own_words_is_heard(
    nlu: Nlu, said: str, value: str
) -> None:
    match = nlu.resolve(said)
    assert (match.name, match.resolved_id("sign")) == ("WarningSignIntent", value)


@pytest.mark.parametrize(
    "said",
    ["that's got me stumped, can you explain it", "I'm all at sea, try me with easier words"],
)
def test_words_not_understood_but_said_to_be_confusing_are_confusion(nlu: Nlu, said: str) -> None:
    assert nlu.resolve(said).name == "ConfusedIntent"


def test_numbness_between_the_legs_from_a_bike_seat_is_checked_not_raised(nlu: Nlu) -> None:
    match = nlu.resolve("my bike seat gives me a numb crotch on the turbo")
    assert (match.name, match.resolved_id("fact")) == ("PainFactIntent", "numb_buttock")
    # Never once it comes with bladder trouble or a crash.
    crash = nlu.resolve("I can't control my bladder since my bike crash")
    assert (crash.name, crash.resolved_id("sign")) == ("WarningSignIntent", "red_flag_saddle")


def test_the_most_serious_warning_sign_told_wins(nlu: Nlu) -> None:
    # The saddle emergency, not the fall that came before it.
    match = nlu.resolve("my groin went numb after I came off my bike")
    assert (match.name, match.resolved_id("sign")) == ("WarningSignIntent", "red_flag_saddle")


@pytest.mark.parametrize(
    ("said", "concern"),
    [
        ("is this cancer", "cancer"),
        ("is bone cancer a possibility", "cancer"),
        ("could a tumor cause this", "cancer"),
        ("could I have broken something", "stress_fracture"),
        ("is it a fracture do you reckon", "stress_fracture"),
        ("could it be cauda equina", "cauda_equina"),
    ],
)
def test_a_serious_cause_the_runner_fears_is_asked_about_not_told(
    nlu: Nlu, said: str, concern: str
) -> None:
    found = nlu.resolve(said)
    assert found.name == "SuspectIntent" and found.resolved_id("condition") == concern


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("nah yeah it's kinda in the front actually", "AMAZON.YesIntent"),
        ("yeah nah not really", "AMAZON.NoIntent"),
        ("nah I don't buy it, I reckon it's my back", "DisagreeIntent"),
    ],
)
def test_australian_yes_and_no_and_a_doubt_are_heard_as_meant(
    nlu: Nlu, said: str, intent: str
) -> None:
    assert nlu.resolve(said).name == intent


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("oh then yes", "AMAZON.YesIntent"),
        ("yes especially leaning back", "AMAZON.YesIntent"),
        ("naw", "AMAZON.NoIntent"),
    ],
)
def test_an_answer_with_no_correcting_word_answers_the_question_asked(
    nlu: Nlu, said: str, intent: str
) -> None:
    # "Oh then yes" after a word explained is no correction of the answer before; "leaning
    # back" is no back pain.
    assert nlu.resolve(said).name == intent


@pytest.mark.parametrize(
    ("said", "place"),
    [
        ("it's not really my hamstring, it's more my groin", "groin_pain"),
        ("it's not my back, it's my groin", "groin_pain"),
    ],
)
def test_a_place_told_after_one_denied_is_the_place_meant(nlu: Nlu, said: str, place: str) -> None:
    match = nlu.resolve(said)
    assert (match.name, match.resolved_id("fact")) == ("PainFactIntent", place)


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("great. I do hill repeats on Tuesdays, should I stop those?", "KeepRunningIntent"),
        ("thanks. can I still run the marathon", "RaceIntent"),
    ],
)
def test_a_question_after_a_word_of_thanks_is_what_gets_answered(
    nlu: Nlu, said: str, intent: str
) -> None:
    assert nlu.resolve(said).name == intent


def test_a_remark_ending_in_not_sure_is_unsure(nlu: Nlu) -> None:
    assert nlu.resolve("my husband reckons it does but I'm not sure").name == "NotSureIntent"


@pytest.mark.parametrize(
    "said",
    [
        "sorry, no, only the left leg, I misspoke",
        "sorry that came out wrong, I just need to pee a lot because I drink loads",
        "actually scratch that, it's just my bum cheek that's numb from sitting",
        "sorry, no, I meant my foot goes a bit numb, not down there",
        "no wait, I'm thinking of my brother, I didn't fall at all",
        "oh sorry, I misheard you, I thought you said camping. No, never had cancer",
        "sorry, I exaggerated there, walking is actually totally fine",
        "no sorry, there wasn't a pop, I'm mixing it up with something years ago",
        "oh wait, no, it was a cancer scare but the biopsy was clear, I've never had it",
        "hang on, the crash was after the pain started, so no, that's not what set it off",
    ],
)
def test_what_takes_back_what_was_just_said_goes_back(nlu: Nlu, said: str) -> None:
    assert nlu.resolve(said).name == "GoBackIntent"


def test_a_warning_sign_told_while_taking_something_back_is_still_the_sign(nlu: Nlu) -> None:
    assert nlu.resolve("scratch that, both my legs are numb").name == "WarningSignIntent"


@pytest.mark.parametrize(
    ("said", "fact"),
    [
        ("No fall. Funny thing though, the bit I sit on feels numb as anything", "numb_buttock"),
        ("ok ta. My right leg's gone properly weak, it just buckled on the stairs", "weak_leg"),
    ],
)
def test_what_a_warning_sign_checks_told_in_a_later_sentence_is_heard(
    nlu: Nlu, said: str, fact: str
) -> None:
    match = nlu.resolve(said)
    assert (match.name, match.resolved_id("fact")) == ("PainFactIntent", fact)


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("Ha, I skip leg day, so no idea.", "NotSureIntent"),
        ("Hmm, let me think... no, I don't reckon.", "AMAZON.NoIntent"),
        ("I stretch both legs every morning", "AMAZON.FallbackIntent"),
    ],
)
def test_an_answer_after_a_pause_or_a_remark_is_heard_and_both_legs_in_passing_is_no_sign(
    nlu: Nlu, said: str, intent: str
) -> None:
    assert nlu.resolve(said).name == intent


def test_something_a_warning_sign_checks_asked_as_a_question_is_still_checked(nlu: Nlu) -> None:
    match = nlu.resolve("is it bad that I keep tripping because my leg won't do what I tell it?")
    assert (match.name, match.resolved_id("fact")) == ("PainFactIntent", "weak_leg")


def test_a_question_after_an_open_slot_is_no_name(nlu: Nlu) -> None:
    assert nlu.resolve("what about swimming, is that fine to do").name == "OtherExerciseIntent"


@pytest.mark.parametrize(
    "said",
    [
        "I was trying to sprint when it went",
        "I've been on a diet and feel fine",
        "wait, no, it does",
        "not me, my mum did",
        "not every step",
    ],
)
def test_words_that_only_sometimes_take_something_back_undo_nothing(nlu: Nlu, said: str) -> None:
    assert nlu.resolve(said).name != "GoBackIntent"


def test_a_relatives_cancer_asked_about_is_the_fear_answered_never_the_sign(nlu: Nlu) -> None:
    match = nlu.resolve("my gran had bowel cancer, does that make it more likely for me?")
    assert (match.name, match.resolved_id("condition")) == ("SuspectIntent", "cancer")


@pytest.mark.parametrize(
    ("said", "sign"),
    [
        ("no sorry, that was my brother who had cancer, not me", "red_flag_serious"),
        ("sorry, my mum had cancer, not me", "red_flag_serious"),
        ("no wait, I've been on a diet actually, I was trying to lose it", "red_flag_serious"),
    ],
)
def test_a_warning_sign_taken_back_as_someone_elses_or_explained_is_denied(
    nlu: Nlu, said: str, sign: str
) -> None:
    # Denied, the dialogue asks the sign again if it was the last thing recorded.
    match = nlu.resolve(said)
    assert (match.name, match.resolved_id("sign")) == ("NoWarningSignIntent", sign)


def test_someone_elses_cancer_without_taking_anything_back_is_a_plain_no(nlu: Nlu) -> None:
    assert nlu.resolve("No, my brother had cancer, not me").name == "AMAZON.NoIntent"


@pytest.mark.parametrize(
    "said", ["I had cancer but that's gone now", "I had cancer years ago, it's long gone"]
)
def test_a_cancer_treated_long_ago_is_still_the_warning_sign(nlu: Nlu, said: str) -> None:
    match = nlu.resolve(said)
    assert (match.name, match.resolved_id("sign")) == ("WarningSignIntent", "red_flag_serious")


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("cancer? God no. Touch wood.", "AMAZON.NoIntent"),
        ("Fever? Not that I know of.", "AMAZON.NoIntent"),
        ("cancer? yes, years ago", "AMAZON.YesIntent"),
        ("cancer? God no. But I have lost a stone without trying", "WarningSignIntent"),
    ],
)
def test_a_word_of_the_question_said_back_then_answered_is_the_answer(
    nlu: Nlu, said: str, intent: str
) -> None:
    assert nlu.resolve(said).name == intent


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("my cat had cancer last year, anyway what stretches should I do?", "MeanwhileIntent"),
        (
            "my training partner is the one who crashed her bike, not me, anyway thanks",
            "ThanksIntent",
        ),
    ],
)
def test_what_comes_after_anyway_is_what_gets_answered(nlu: Nlu, said: str, intent: str) -> None:
    assert nlu.resolve(said).name == intent


@pytest.mark.parametrize(
    "said",
    ["both legs", "it's in both legs", "both my feet"],
)
def test_both_legs_said_alone_is_checked_and_in_a_longer_remark_is_not(nlu: Nlu, said: str) -> None:
    assert nlu.resolve(said).resolved_id("fact") == "both_legs"
    remark = nlu.resolve("No. Both my legs feel heavy on the hills, but everybody's do")
    assert remark.name == "AMAZON.NoIntent"


def test_a_weak_leg_asked_about_as_a_worry_is_checked_before_the_worry(nlu: Nlu) -> None:
    match = nlu.resolve("should I be worried that my foot is slapping down when I walk?")
    assert (match.name, match.resolved_id("fact")) == ("PainFactIntent", "weak_leg")


@pytest.mark.parametrize(
    ("said", "sign"),
    [
        ("It wakes me at three every morning and nothing, no position, helps.", "red_flag_serious"),
        ("My bladder doesn't feel like it empties properly anymore.", "red_flag_saddle"),
        ("i pee a lot less and sometimes i cant get it started is that linked", "red_flag_saddle"),
        ("wait i never mentioned i got hit by a car in march", "red_flag_trauma_fever"),
        ("Since the crash in the road race last month it's been sore", "red_flag_trauma_fever"),
        ("my leg is getting weak, I nearly fell over on the stairs", "red_flag_neuro"),
    ],
)
def test_warning_signs_told_in_longer_everyday_words_are_heard(
    nlu: Nlu, said: str, sign: str
) -> None:
    match = nlu.resolve(said)
    assert (match.name, match.resolved_id("sign")) == ("WarningSignIntent", sign)


@pytest.mark.parametrize(
    ("said", "sign"),
    [
        ("bladder's fine, bowels are fine, legs are fine, it's just the bum", "red_flag_saddle"),
        ("feeling great actually, no temperature or anything", "red_flag_trauma_fever"),
        ("oh no hang on, that was last month, no fever now", "red_flag_trauma_fever"),
    ],
)
def test_a_warning_signs_subject_said_to_be_fine_denies_that_sign(
    nlu: Nlu, said: str, sign: str
) -> None:
    # Denied, nothing is recorded; a sign just told is asked again.
    match = nlu.resolve(said)
    assert (match.name, match.resolved_id("sign")) == ("NoWarningSignIntent", sign)


def test_a_no_that_says_walking_is_fine_stays_a_no(nlu: Nlu) -> None:
    # After the advice for a sign just told, a no takes that sign back (it is asked again).
    said = "well no, that's wrong, I can walk fine, it's only when running"
    assert nlu.resolve(said).name == "AMAZON.NoIntent"


def test_a_question_about_walking_is_not_walking_said_to_be_fine(nlu: Nlu) -> None:
    said = "cool. I walk the dog every night with no problem, is walking ok for sciatica"
    assert nlu.resolve(said).name != "NoWarningSignIntent"


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("my wife reckons I've got cancer of the bum, ha ha, she's a worrier", "SuspectIntent"),
        ("I'm worried I've got cancer", "SuspectIntent"),
        ("I had cancer and I'm worried it's back", "WarningSignIntent"),
        ("ok. My doctor did mention my melanoma might be relevant?", "WarningSignIntent"),
    ],
)
def test_a_cancer_feared_is_the_fear_answered_and_one_had_is_the_sign(
    nlu: Nlu, said: str, intent: str
) -> None:
    assert nlu.resolve(said).name == intent


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("it did a few months back but it's fine now", "AMAZON.NoIntent"),
        ("only when I'm tired", "SometimesIntent"),
        ("hmm hard to tell, I guess a bit", "SometimesIntent"),
        ("it is paining little bit when I am doing the curls in gym", "SometimesIntent"),
        ("wait, go back, it did start suddenly actually", "GoBackIntent"),
        ("what is calf please", "TermIntent"),
        ("its in both my legs to be honest", "PainFactIntent"),
        ("fell? only off the wagon, I had a pizza last night", "SmallTalkIntent"),
    ],
)
def test_hedges_fillers_and_asides_in_an_answer_are_heard_as_meant(
    nlu: Nlu, said: str, intent: str
) -> None:
    assert nlu.resolve(said).name == intent


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("um no numbness but my left foot kinda slaps when i run", "PainFactIntent"),
        ("um i slipped on the ice in january and landed right on my but ok", "WarningSignIntent"),
        (
            "no it doesn't go past the knee but i leak when i cough, never happened before",
            "WarningSignIntent",
        ),
        (
            "should i be worried i've lost like ten pounds without really trying",
            "WarningSignIntent",
        ),
        ("um i don't know i fell down the stairs at the weekend", "WarningSignIntent"),
        ("sort of but honestly i can't really hold my wee anymore", "WarningSignIntent"),
        ("is it bad if i can't really feel down there when i wipe", "WarningSignIntent"),
        ("yeah it goes to my foot and the leg feels weak when i push off", "YesAndPainFactIntent"),
    ],
)
def test_signs_in_speech_recognitions_words_are_heard(nlu: Nlu, said: str, intent: str) -> None:
    assert nlu.resolve(said).name == intent


@pytest.mark.parametrize(
    "said",
    [
        "mostly my lower back and it spreads into the top of both buttocks",
        "my water bottle is leaking, it's new",
    ],
)
def test_both_buttocks_or_a_leaking_bottle_is_no_warning_sign(nlu: Nlu, said: str) -> None:
    assert nlu.resolve(said).name != "WarningSignIntent"


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("no i mean yes sorry yes it does", "AMAZON.YesIntent"),
        ("no but what's tendinopathy even mean", "TermIntent"),
        ("okay cool cheers mate", "ThanksIntent"),
        ("okay i'll go thanks bye", "AMAZON.StopIntent"),
        ("so can i like still run or what", "KeepRunningIntent"),
        ("I think it's sciatica to be honest", "SuspectIntent"),
    ],
)
def test_what_a_reply_opens_or_ends_with_does_not_decide_it(
    nlu: Nlu, said: str, intent: str
) -> None:
    assert nlu.resolve(said).name == intent


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("I didn't say I fell", "NoWarningSignIntent"),
        ("I never said I had cancer", "NoWarningSignIntent"),
        ("no no i didn't say outside of my hip", "GoBackIntent"),
        ("no not my tailbone", "NoPainFactIntent"),
        ("i just said no none of them", "AMAZON.NoIntent"),
        ("can i keep cycling", "OtherExerciseIntent"),
    ],
)
def test_what_the_skill_misheard_is_put_right_and_never_raised(
    nlu: Nlu, said: str, intent: str
) -> None:
    assert nlu.resolve(said).name == intent


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("the bladder on my hydration pack leaks does that count haha no", "AMAZON.FallbackIntent"),
        ("my left leg has been getting weaker, I keep catching my toe", "WarningSignIntent"),
        ("I can't really put weight on that leg at the moment", "WarningSignIntent"),
        ("my bladder's been playing up", "WarningSignIntent"),
        ("my knee's been playing up", "AMAZON.FallbackIntent"),
    ],
)
def test_signs_and_words_that_only_look_like_them_are_told_apart(
    nlu: Nlu, said: str, intent: str
) -> None:
    assert nlu.resolve(said).name == intent


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("no sorry i misheard you i've never had cancer my dad did", "GoBackIntent"),
        ("No wait, that's wrong. It was my knee clicking, there's no pop.", "GoBackIntent"),
        ("never mind it's just because the house is freezing i'm not ill", "NoWarningSignIntent"),
        ("Great. I lost weight on purpose, could that be why my butt hurts?", "WhyMeIntent"),
        ("My dad had sciatica for years, is this the same thing?", "AMAZON.FallbackIntent"),
    ],
)
def test_take_backs_and_questions_after_a_remark_are_heard_as_meant(
    nlu: Nlu, said: str, intent: str
) -> None:
    assert nlu.resolve(said).name == intent


def test_a_sign_told_after_no_cancer_is_still_the_sign(nlu: Nlu) -> None:
    match = nlu.resolve("no cancer, but I've lost a lot of weight without trying")
    assert (match.name, match.resolved_id("sign")) == ("WarningSignIntent", "red_flag_serious")


@pytest.mark.parametrize(
    "said",
    [
        "no fever no injury it just crept up on me",
        "no cancer no weight loss if anything i've put on a few pounds",
    ],
)
def test_a_no_that_denies_two_signs_by_name_is_the_answer_no(nlu: Nlu, said: str) -> None:
    assert nlu.resolve(said).name == "AMAZON.NoIntent"


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("nah, the only thing that fell was my 5k time", "AMAZON.NoIntent"),
        ("My star sign's Cancer, does that count? Kidding, no.", "AMAZON.NoIntent"),
        ("my bladder's full after all that water, see ya, thanks", "AMAZON.StopIntent"),
        ("Thanks. My uncle had sciatica, is this similar?", "AMAZON.FallbackIntent"),
        ("great so it's not the cancer my granddad had then", "AMAZON.FallbackIntent"),
    ],
)
def test_jokes_goodbyes_and_thanks_before_a_question_are_heard_as_meant(
    nlu: Nlu, said: str, intent: str
) -> None:
    assert nlu.resolve(said).name == intent


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("Hang on, that was deliberate, I've been on a diet, so no.", "AMAZON.NoIntent"),
        ("no actually wait yes it does hurt", "AMAZON.YesIntent"),
        ("not really, only when i do them really heavy", "SometimesIntent"),
        ("no wait yes", "AMAZON.YesIntent"),
        ("yes sorry I meant no", "AMAZON.NoIntent"),
        ("yes sorry scratch that no", "AMAZON.NoIntent"),
        ("no wait actually it's a yes", "AMAZON.YesIntent"),
        ("yes it's a no brainer", "AMAZON.FallbackIntent"),
        # A "no" before "I meant" is a cry, and the answer before is what changes; so it is
        # when the answer before is named.
        ("no wait I meant yes", "CorrectionIntent"),
        ("yes I meant no to the last one", "CorrectionIntent"),
        ("I fell last week, so no", "WarningSignIntent"),
        ("only the left leg so i guess no", "AMAZON.NoIntent"),
        ("i fell last week so i guess no", "WarningSignIntent"),
    ],
)
def test_a_reply_that_turns_in_the_same_breath_is_the_answer_it_turns_to(
    nlu: Nlu, said: str, intent: str
) -> None:
    assert nlu.resolve(said).name == intent


def test_a_weak_foot_told_after_a_yes_is_heard_with_it(nlu: Nlu) -> None:
    # The yes is recorded, then the weakness is checked for getting worse.
    said = "Yeah I guess, and also my right leg has got really weak, I can hardly lift my foot."
    match = nlu.resolve(said)
    assert (match.name, match.resolved_id("fact")) == ("YesAndPainFactIntent", "leg_weakness")


def test_falling_for_something_is_no_fall(nlu: Nlu) -> None:
    said = "No, it doesn't. I did fall for a marathon ad though, does that count?"
    assert nlu.resolve(said).name != "WarningSignIntent"


@pytest.mark.parametrize(
    ("said", "intent", "fact"),
    [
        (
            "Oh god yes, after a day at my desk it's agony, I have to perch on one cheek.",
            "AMAZON.YesIntent",
            None,
        ),
        (
            "Ah sure look, I did a few at the gym and it was grand, no bother at all.",
            "AMAZON.NoIntent",
            None,
        ),
        ("Little bit tingling is there in the toes, but not fully numb.", "SometimesIntent", None),
        (
            "Not the sitting bone, no, it's right at the very bottom of my spine, the tailbone.",
            "NoButPainFactIntent",
            "tailbone",
        ),
        ("I'm weak at the knees for my new carbon shoes, but no", "AMAZON.NoIntent", None),
        # A clause that wants handling of its own, or a question, is no plain answer.
        ("whoops, I meant yes to the uphill one, not no", "AMAZON.FallbackIntent", None),
        (
            "Right. Night runs don't hurt it at all, by the way, is that normal?",
            "AMAZON.FallbackIntent",
            None,
        ),
        ("yes. I sleep fine, no pain at night at all", "AMAZON.FallbackIntent", None),
        # A place found in a clause in other words is no answer's place: toe touching is no calf
        # pain, and a pull felt is no pop (the question is asked again).
        ("touching my toes, yeah, I feel it pull right at the top", "AMAZON.FallbackIntent", None),
    ],
)
def test_a_plain_answer_in_one_clause_of_a_longer_reply_is_the_answer(
    nlu: Nlu, said: str, intent: str, fact: str | None
) -> None:
    match = nlu.resolve(said)
    assert (match.name, match.resolved_id("fact")) == (intent, fact)


@pytest.mark.parametrize(
    ("said", "fact"),
    [
        ("It's really more on the outside of my hip, not the back.", "outer_hip"),
        ("it's more in my groin, not the back", "groin_pain"),
    ],
)
def test_a_place_told_before_another_is_denied_is_where_it_hurts(
    nlu: Nlu, said: str, fact: str
) -> None:
    match = nlu.resolve(said)
    assert (match.name, match.resolved_id("fact")) == ("PainFactIntent", fact)


def test_a_pop_heard_elsewhere_before_a_place_is_denied_is_no_pop(nlu: Nlu) -> None:
    match = nlu.resolve("yes. I heard a pop of a champagne cork, ha, not my leg")
    assert match.resolved_id("fact") != "sudden_pull"


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        (
            "Honestly I've been doing curls, they've felt a bit off, so yes I suppose.",
            "AMAZON.YesIntent",
        ),
        ("Honestly I couldn't tell you.", "NotSureIntent"),
        ("I suppose it does, now and again.", "SometimesIntent"),
        (
            "Do I need to drop my mileage, or just knock the speedwork on the head?",
            "KeepRunningIntent",
        ),
        ("Alright, I'm done, catch ya later.", "AMAZON.StopIntent"),
        ("Grand, so is it serious at all?", "WorryIntent"),
        ("Nah, I don't reckon that's it, my hamstrings are fine.", "DisagreeIntent"),
        (
            "So can I still do my footy training Thursday or should I give it a miss?",
            "KeepRunningIntent",
        ),
    ],
)
def test_everyday_answers_and_after_result_questions_are_heard_as_meant(
    nlu: Nlu, said: str, intent: str
) -> None:
    assert nlu.resolve(said).name == intent


def test_a_hedged_place_told_unasked_keeps_its_place(nlu: Nlu) -> None:
    match = nlu.resolve("every now and again it shoots into the calf")
    assert (match.name, match.resolved_id("fact")) == ("SometimesPainFactIntent", "past_knee")


@pytest.mark.parametrize(
    ("said", "intent", "fact"),
    [
        ("Nah, it's way off to the side, nowhere near where I sit.", "AMAZON.NoIntent", None),
        ("It's right at the tailbone, where I sit.", "PainFactIntent", "tailbone"),
        (
            "It popped when I sprinted for the bus, but there's no bruising.",
            "PainFactIntent",
            "sudden_pull",
        ),
        ("Where's the dimple exactly?", "TermIntent", None),
    ],
)
def test_where_it_hurts_is_heard_as_told_and_never_as_denied(
    nlu: Nlu, said: str, intent: str, fact: str | None
) -> None:
    match = nlu.resolve(said)
    assert (match.name, match.resolved_id("fact")) == (intent, fact)


def test_nowhere_near_denies_a_place_but_never_a_warning_sign(nlu: Nlu) -> None:
    match = nlu.resolve("I can get nowhere near the toilet in time, I've wet myself")
    assert (match.name, match.resolved_id("sign")) == ("WarningSignIntent", "red_flag_saddle")


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        (
            "yes, it hurts when I do curls, but I'm not feeling unwell or anything",
            "AMAZON.YesIntent",
        ),
        # A cough is no pain worse when coughing: the fever denied is asked again.
        ("yes. I've got a cough but no fever", "NoWarningSignIntent"),
    ],
)
def test_a_sign_denied_beside_an_answer_leaves_the_answer(nlu: Nlu, said: str, intent: str) -> None:
    assert nlu.resolve(said).name == intent


@pytest.mark.parametrize(
    ("said", "fact"),
    [
        (
            "No, it's not my bum at all really, it's the front of my hip, right in the crease.",
            "groin_pain",
        ),
        (
            "No, it's not my bum really, it's the skin on the outer front of my thigh that burns.",
            "thigh_burning_patch",
        ),
    ],
)
def test_no_with_a_place_denied_then_the_place_meant_keeps_the_place(
    nlu: Nlu, said: str, fact: str
) -> None:
    match = nlu.resolve(said)
    assert (match.name, match.resolved_id("fact")) == ("NoButPainFactIntent", fact)


def test_no_with_nothing_denied_but_the_question_stays_a_plain_no(nlu: Nlu) -> None:
    # At a safety question a place beside the no would have it asked again.
    assert (
        nlu.resolve("no. both legs are fine, it's only the right buttock").name == "AMAZON.NoIntent"
    )


@pytest.mark.parametrize(
    ("said", "sign"),
    [
        (
            "no, no fall, but, uh, I can't seem to get my wee going properly the last few days",
            "red_flag_saddle",
        ),
        ("nah, though I took a heavy tackle in footy the week before", "red_flag_trauma_fever"),
        (
            "no, I'm pretty sure not, I just feel rotten generally, hot and cold sweats",
            "red_flag_trauma_fever",
        ),
        (
            "no, not that, although I'm feeling really unwell overall, like flu but it's not going",
            "red_flag_trauma_fever",
        ),
        (
            "yes, uphill kills, actually everything does, I can't take a step without it hurting",
            "red_flag_weight_bearing",
        ),
    ],
)
def test_a_warning_sign_told_in_a_clause_after_the_answer_wins(
    nlu: Nlu, said: str, sign: str
) -> None:
    match = nlu.resolve(said)
    assert (match.name, match.resolved_id("sign")) == ("WarningSignIntent", sign)


@pytest.mark.parametrize(
    "said",
    [
        "no, my aunt's going through chemo at the moment, which is hard, but not me",
        "No, last night's pain was from a hard interval session, it was gone by morning.",
        "no, I fell in love with trail running, that's the only fall",
        "Nope, I can hop fine, I tried it this morning.",
    ],
)
def test_someone_elses_sign_a_saying_or_pain_gone_by_itself_after_a_no_stays_no(
    nlu: Nlu, said: str
) -> None:
    assert nlu.resolve(said).name == "AMAZON.NoIntent"


def test_the_only_thing_in_a_place_is_a_joke_not_where_it_hurts(nlu: Nlu) -> None:
    match = nlu.resolve("no, the only thing going into my foot is a blister from new shoes")
    assert (match.name, match.resolved_id("fact")) == ("AMAZON.NoIntent", None)


@pytest.mark.parametrize(
    ("said", "intent", "told"),
    [
        # As a device passes free speech on: no commas, no stops.
        (
            "no every single step is agony to be honest",
            "WarningSignIntent",
            "red_flag_weight_bearing",
        ),
        (
            "no it wakes me up every night and nothing helps not even painkillers",
            "WarningSignIntent",
            "red_flag_serious",
        ),
        (
            "nah mate i can barely walk on it every step kills",
            "WarningSignIntent",
            "red_flag_weight_bearing",
        ),
        (
            "cheers oh and my leg sort of gives way on the stairs now that's new",
            "SometimesPainFactIntent",
            "weak_leg",
        ),
    ],
)
def test_a_sign_after_an_opening_in_speech_without_commas_wins(
    nlu: Nlu, said: str, intent: str, told: str
) -> None:
    match = nlu.resolve(said)
    assert (match.name, match.resolved_id("sign") or match.resolved_id("fact")) == (intent, told)


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("no fever or anything like that", "NoWarningSignIntent"),
        (
            "no injury i mean my ego got injured at parkrun when a ten year old passed me",
            "AMAZON.NoIntent",
        ),
        ("no my wife had a fever last week but i'm fine", "AMAZON.NoIntent"),
        ("the hop's more of a dull ache than sharp", "AMAZON.FallbackIntent"),
    ],
)
def test_a_sign_denied_someone_elses_or_compared_away_raises_nothing(
    nlu: Nlu, said: str, intent: str
) -> None:
    assert nlu.resolve(said).name == intent


@pytest.mark.parametrize(
    ("said", "intent", "told"),
    [
        ("hold on, I said no but the answer was yes", "CorrectionIntent", "y"),
        (
            "no wait, it is worse on hills, I forgot about hills",
            "PainFactIntent",
            "worse_uphill_sprint",
        ),
        (
            "hang on, the pins and needles, yes I do get those in my foot",
            "PainFactIntent",
            "numbness_tingling",
        ),
        ("hold on I fell last week", "WarningSignIntent", "red_flag_trauma_fever"),
        ("hang on let me think", "HoldOnIntent", None),
        ("hold on, I need to grab some water", "HoldOnIntent", None),
        (
            "Hang on, I said no before but to be honest the pain is on the sitting bone.",
            "PainFactIntent",
            "sit_bone",
        ),
    ],
)
def test_what_follows_a_pause_is_what_was_meant(
    nlu: Nlu, said: str, intent: str, told: str | None
) -> None:
    match = nlu.resolve(said)
    value = match.resolved_id("answer") or match.resolved_id("fact") or match.resolved_id("sign")
    assert (match.name, value) == (intent, told)


@pytest.mark.parametrize(
    ("said", "intent", "fact"),
    [
        (
            "hang on, earlier I said no to the sitting bone but it is there",
            "PainFactIntent",
            "sit_bone",
        ),
        ("i said no to the tailbone but it is there actually", "PainFactIntent", "tailbone"),
        (
            "I said yes about the hills but it's not really hills",
            "NoPainFactIntent",
            "worse_uphill_sprint",
        ),
    ],
)
def test_an_earlier_answer_named_and_changed_tells_what_it_names(
    nlu: Nlu, said: str, intent: str, fact: str
) -> None:
    match = nlu.resolve(said)
    assert (match.name, match.resolved_id("fact")) == (intent, fact)


def test_someone_elses_earlier_answer_is_not_the_runners(nlu: Nlu) -> None:
    assert nlu.resolve("my mate said no to the sitting bone but it is there").name != (
        "PainFactIntent"
    )


def test_a_sign_named_in_an_earlier_answer_changed_is_still_the_sign(nlu: Nlu) -> None:
    match = nlu.resolve("I said no to the fever question but I did have chills")
    assert (match.name, match.resolved_id("sign")) == ("WarningSignIntent", "red_flag_trauma_fever")


@pytest.mark.parametrize("said", ["no, more in the groin really", "no, more in the groin"])
def test_no_then_more_somewhere_else_keeps_the_place(nlu: Nlu, said: str) -> None:
    match = nlu.resolve(said)
    assert (match.name, match.resolved_id("fact")) == ("NoButPainFactIntent", "groin_pain")


def test_a_sign_worded_as_a_comparison_is_still_told(nlu: Nlu) -> None:
    match = nlu.resolve("sort of. my right leg keeps giving way, it's weaker than last week")
    assert (match.name, match.resolved_id("sign")) == ("WarningSignIntent", "red_flag_neuro")


def test_nothing_like_that_then_what_eases_it_stays_a_no(nlu: Nlu) -> None:
    match = nlu.resolve("nothing like that, it eases off when i lie on my side")
    assert (match.name, match.resolved_id("fact")) == ("AMAZON.NoIntent", None)


@pytest.mark.parametrize(
    ("said", "intent", "told"),
    [
        (
            "i think my foot is getting weaker i keep tripping over it",
            "WarningSignIntent",
            "red_flag_neuro",
        ),
        ("yes actually and my leg's been buckling under me", "YesAndPainFactIntent", "weak_leg"),
        ("hang on let me think yeah it does go into my calf", "YesAndPainFactIntent", "past_knee"),
    ],
)
def test_round_23_replies_are_heard_as_meant(nlu: Nlu, said: str, intent: str, told: str) -> None:
    match = nlu.resolve(said)
    assert (match.name, match.resolved_id("sign") or match.resolved_id("fact")) == (intent, told)


def test_a_pets_trouble_is_not_the_runners(nlu: Nlu) -> None:
    match = nlu.resolve("my dog can't put any weight on his paw so i'm off to the vet")
    assert match.name != "WarningSignIntent"


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("ok so when can i sprint again", "RecoveryIntent"),
        ("ok what kind of problem inside the hip joint", "ConfusedIntent"),
        ("okay so no", "AMAZON.NoIntent"),
        ("ok", "AMAZON.YesIntent"),
    ],
)
def test_okay_before_a_question_is_not_a_yes(nlu: Nlu, said: str, intent: str) -> None:
    assert nlu.resolve(said).name == intent


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("thats exactly it yeah", "AMAZON.YesIntent"),
        ("couldnt tell you never done one", "NotSureIntent"),
        ("bit stiff in the mornings but i wouldnt call it pain really", "AMAZON.NoIntent"),
    ],
)
def test_contractions_said_without_apostrophes_are_heard(nlu: Nlu, said: str, intent: str) -> None:
    assert nlu.resolve(said).name == intent


@pytest.mark.parametrize(
    ("said", "fact"),
    [
        ("no, I didn't fall, but it started with a pop when I was sprinting", "sudden_pull"),
        ("not cancer no but i have lost some weight", "weight_loss"),
    ],
)
def test_what_is_told_after_a_sign_denied_and_a_but_is_heard(
    nlu: Nlu, said: str, fact: str
) -> None:
    match = nlu.resolve(said)
    assert (match.name, match.resolved_id("fact")) == ("PainFactIntent", fact)


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("stiff in the morning yeah", "AMAZON.YesIntent"),
        ("down the side like a stripe to my knee yes", "AMAZON.YesIntent"),
        ("oh it does catch now and again yes", "SometimesIntent"),
        # A yes in the middle may affirm what was just said, not the question; a denial, a
        # "but", someone else's trouble or typed clauses are left to their own rules.
        ("touching my toes yeah i feel it pull right at the top", "AMAZON.FallbackIntent"),
        ("the stretch doesn't bother me yeah", "AMAZON.FallbackIntent"),
        ("hills are worse but sitting is fine yeah", "AMAZON.FallbackIntent"),
        ("my brother had the same thing yeah", "SmallTalkIntent"),
    ],
)
def test_speech_that_ends_on_its_only_yes_is_that_yes(nlu: Nlu, said: str, intent: str) -> None:
    assert nlu.resolve(said).name == intent


@pytest.mark.parametrize(
    ("said", "intent", "fact"),
    [
        ("a bit in the groin but mostly the bum", "NoPainFactIntent", "groin_pain"),
        (
            "a bit in my lower back but the pain is mostly in the buttock",
            "NoPainFactIntent",
            "back_not_buttock",
        ),
        ("it's in my groin but more than my bum", "PainFactIntent", "groin_pain"),
        (
            "a bit in the groin but mostly the bum right on the bone i sit on",
            "PainFactIntent",
            "sit_bone",
        ),
        # "Just" narrows a place down only when said before it.
        ("the back's just tight", "PainFactIntent", "low_back_pain"),
        ("it's just my back", "PainFactIntent", "back_not_buttock"),
        ("getting out of the car is the worst bit", "PainFactIntent", "stairs_or_car"),
        ("i get shooting pains into my privates when i sit", "PainFactIntent", "perineal_burning"),
    ],
)
def test_where_the_pain_mostly_is_is_heard_as_said(
    nlu: Nlu, said: str, intent: str, fact: str
) -> None:
    match = nlu.resolve(said)
    assert (match.name, match.resolved_id("fact")) == (intent, fact)


def test_a_wish_to_lose_weight_is_no_weight_loss(nlu: Nlu) -> None:
    assert (
        nlu.resolve("no and sure I'd love to lose weight without trying").name == "AMAZON.NoIntent"
    )


@pytest.mark.parametrize(
    ("said", "intent", "fact"),
    [
        # An answer named for a place after a result: never "no" alone, which says goodbye.
        ("no i said no to the tailbone", "NoPainFactIntent", "tailbone"),
        ("actually i meant yes to the tailbone one", "PainFactIntent", "tailbone"),
        ("i meant yes to the last one", "CorrectionIntent", None),
        # A night-pain denial is a fact the dialogue weighs against the question waiting.
        ("it doesn't hurt at night", "NoPainFactIntent", "night_pain"),
    ],
)
def test_an_answer_named_for_a_place_is_that_places_answer(
    nlu: Nlu, said: str, intent: str, fact: str | None
) -> None:
    match = nlu.resolve(said)
    assert (match.name, match.resolved_id("fact")) == (intent, fact)


@pytest.mark.parametrize(
    ("said", "sign"),
    [
        ("the walking is fine", "red_flag_weight_bearing"),
        ("never fell", "red_flag_trauma_fever"),
        ("i've not had cancer", "red_flag_serious"),
    ],
)
def test_one_warning_sign_denied_is_no_answer_to_the_whole_question(
    nlu: Nlu, said: str, sign: str
) -> None:
    match = nlu.resolve(said)
    assert (match.name, match.resolved_id("sign")) == ("NoWarningSignIntent", sign)


@pytest.mark.parametrize(
    "said", ["no walking is fine", "no fall no fever and hopping is ok", "it doesn't hurt"]
)
def test_a_plain_no_or_every_sign_denied_is_still_no(nlu: Nlu, said: str) -> None:
    assert nlu.resolve(said).name == "AMAZON.NoIntent"


def test_asking_when_to_go_is_no_goodbye(nlu: Nlu) -> None:
    assert nlu.resolve("how soon do i need to go").name == "WhoToSeeIntent"
    assert nlu.resolve("what if i need to go now").name == "AMAZON.FallbackIntent"


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        # The rest of a safety question denied in a second breath, after "and".
        ("and hopping doesn't hurt", "NoWarningSignIntent"),
        ("and i didn't fall and i feel fine", "NoWarningSignIntent"),
        ("and no cancer and nights are fine", "AMAZON.NoIntent"),
        # A sign told stays a sign, whatever is denied beside it.
        ("i fell and can't walk", "WarningSignIntent"),
        ("i didn't fall but i got hit by a car", "WarningSignIntent"),
        ("i've had to rush to the toilet and not made it a few times", "WarningSignIntent"),
        ("my belt needs a new notch and i'm eating loads", "WarningSignIntent"),
    ],
)
def test_the_rest_of_a_safety_question_is_heard_in_a_second_breath(
    nlu: Nlu, said: str, intent: str
) -> None:
    assert nlu.resolve(said).name == intent
