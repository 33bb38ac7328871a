"""Words to Alexa intents, using the interaction model's own samples and slot values.

Two users: the chat (`python -m skill chat`), as its stand-in for Alexa's language
understanding, for everything typed; and the voice layer, for the free speech a device passes
on (definition.toml's [free_speech]: a long reply that no sample holds, with its opening put
back). It knows exactly what the model declares, plus the few words Alexa itself understands for
built-in intents. Matching runs from strict to forgiving:

1. the whole text is a sample, with `{slot}` filled by a slot value or synonym;
2. the whole text is a sample with some other words in the slot (entity resolution fails);
3. the text contains a sample (for instance "yes please" contains "yes"), the one that accounts
   for most of what was said, dropping none of the negations of its clause (in "no, but I had
   a fever" the "no" is the answer before the "but"); a question the runner asks ("what kind
   of bruising?") never contains an answer ("kind of");
4. every content word of a warning sign's or a place's value is said, in any order ("I took a
   fall running downhill"), in anything but a question or a denial ("my back's fine"); one
   word of a place is not enough in a long telling, and "the back of my thigh" is not the
   back;
5. the text is close to a sample (a typo; a word more or less, after the same first word), but
   is not just a part or the start of one ("I do" is not "yes I do", and "I don't" may begin
   "I don't understand");

and anything else is `AMAZON.FallbackIntent`, as on a device. What follows a bare yes or no is
heard too: a warning sign there wins ("yes, and it's been hard to pee"), and after a no so does
a place ("no, it's more in my groin"). Text typed with a question mark is never an answer or a
place: "the dimple?" asks what the dimple is.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from skill.interaction_model.builder import build_model, locales
from skill.interaction_model.rules import LAUNCH_PHRASES, ONE_SHOT_PHRASES, has_phrase_slot
from skill.interaction_model.told import CHECKED_FACTS, FOOT_WEAKNESS
from skill.knowledge import load_knowledge
from skill.knowledge.model import RED_FLAG_TRIAGES

FALLBACK_INTENT = "AMAZON.FallbackIntent"
ER_SUCCESS_MATCH = "ER_SUCCESS_MATCH"
ER_SUCCESS_NO_MATCH = "ER_SUCCESS_NO_MATCH"

# What Alexa understands for its built-in intents even when the model adds no samples.
BUILT_IN_LEXICON: Mapping[str, tuple[str, ...]] = {
    "AMAZON.YesIntent": (
        "yes",
        "yeah",
        "yep",
        "yup",
        "yes please",
        "sure",
        "sure thing",
        "correct",
        "right",
        "ok",
        "okay",
        "affirmative",
    ),
    "AMAZON.NoIntent": ("no", "nope", "nah", "no thanks", "no thank you", "no way", "negative"),
    "AMAZON.HelpIntent": (
        "help",
        "help me",
        "I need help",
        "what can I say",
        "what can I do",
        "what are my options",
        "how does this work",
    ),
    "AMAZON.StopIntent": ("stop", "stop it", "shut up", "be quiet", "off", "enough"),
    "AMAZON.CancelIntent": ("cancel", "cancel that", "never mind", "nevermind", "forget it"),
    "AMAZON.RepeatIntent": ("repeat", "say that again", "again", "one more time"),
    "AMAZON.StartOverIntent": ("start over", "restart", "start again"),
    "AMAZON.NavigateHomeIntent": ("go home", "home", "go to the home screen"),
}

# "Alexa, <launch phrase> <invocation name> [<connecting word>] [<utterance>]"
CONNECTING_WORDS = frozenset({"to", "and", "for", "if", "whether", "that"})
# "what is a pulled hamstring": Alexa fills the slot with the value, not the article.
ARTICLES = frozenset({"a", "an", "the", "my"})

# An opening said before the rest of free speech ("no", "not really", "thanks a lot"), at most this
# many words, and the least of a rest worth hearing on its own.
_OPENING_WORDS = 3
_LEAST_REST = 2
# Forgiving matches: how much of the text a contained sample must cover, and how close a
# near miss must be (difflib ratios, by words and by characters).
MIN_PHRASE_COVERAGE = 0.5
MIN_WORD_SIMILARITY = 0.6
MIN_CHARACTER_SIMILARITY = 0.8
MAX_OPEN_SLOT_WORDS = 6
# The slot types whose unknown words still make the intent ("what is tennis elbow": the skill
# says it doesn't know that one). Words in any other slot that name none of its values ("I
# think it does" against "I {sign}") are not that intent at all.
OPEN_SLOT_TYPES = frozenset({"ConditionType", "TermType"})
# How a question begins: a question is never something the runner tells ("is the groin the
# same as the hip?" records nothing).
QUESTION_WORDS = frozenset(
    {"what", "what's", "where", "where's", "which", "who", "why", "how", "is", "are", "does"}
    | {"do", "can", "could", "should", "would", "will", "am", "was", "did"}
)
# The answers to a question: a question the runner asks is never one of them, unless a sample
# of the answer is itself put as that question.
ANSWER_INTENTS = frozenset(
    {"AMAZON.YesIntent", "AMAZON.NoIntent", "SometimesIntent", "NotSureIntent"}
)
# What a runner tells about the pain in their own words: warning signs first.
TOLD_TYPES = ("WarningSignType", "FactType")
TOLD_TYPES_SET = frozenset(TOLD_TYPES)
# Heard only as said ("both legs", "it's in both legs"), never picked out of a longer remark: both
# legs come up in training talk far more often than as a sign ("both my legs feel heavy on the
# hills"), and the sign itself is told with what is wrong with them ("both legs are tingling").
NOT_TOLD_VALUES = frozenset({"both_legs"})
WARNING_SIGN_INTENT = "WarningSignIntent"
NO_WARNING_SIGN_INTENT = "NoWarningSignIntent"
SMALL_TALK_INTENT = "SmallTalkIntent"
THANKS_INTENT = "ThanksIntent"
STOP_INTENT = "AMAZON.StopIntent"
PLACE_INTENT = "PainFactIntent"
HEDGED_PLACE_INTENT = "SometimesPainFactIntent"
NO_BUT_PLACE_INTENT = "NoButPainFactIntent"
YES_AND_PLACE_INTENT = "YesAndPainFactIntent"
NO_PLACE_INTENT = "NoPainFactIntent"
PLACE_INTENTS = frozenset({PLACE_INTENT, NO_PLACE_INTENT, HEDGED_PLACE_INTENT})
# Words that make a told place or sign "sometimes" rather than yes.
HEDGES = (
    "sometimes",
    "a bit",
    "a little",
    "sort of",
    "kind of",
    "occasionally",
    "now and then",
    "now and again",
)
FIRM_WORDS = frozenset({"definitely", "always", "really", "very", "lot", "absolutely"})
TERM_INTENT = "TermIntent"
CONFUSED_INTENT = "ConfusedIntent"
# Words that begin a clause of its own after a bare no ("no, it's more in my groin"); after any
# other word the no denies what follows ("no bruising").
CLAUSE_STARTS = frozenset(
    {"it's", "it", "its", "i", "i'm", "i've", "i'd", "i'll", "my", "me", "the", "this", "that"}
    | {"there", "there's", "that's", "every", "each", "both", "we", "he", "she", "they", "you"}
    | {"but", "and", "also", "though", "actually", "honestly", "well", "so", "oh", "now"}
    | {"since", "when", "after", "because", "cos", "more", "just", "only"}
    | {"mate"}
)
# A bare answer that may begin a longer reply ("no, it's more in my groin").
ANSWER_WORDS = frozenset({"yes", "yeah", "yep", "no", "nope", "nah"})
# Two words that begin a reply as a bare no does ("not really, it's more my tailbone").
NO_OPENINGS = frozenset(
    {("not", "really"), ("not", "exactly"), ("not", "quite"), ("yeah", "nah"), ("yea", "nah")}
)
# Asking whether something is normal, which says nothing is fine.
NORMAL_QUESTIONS = (
    *("is that normal", "is it normal", "is this normal", "is that ok", "is that okay"),
    *("is it ok", "is it okay", "is that alright", "is it alright"),
)
# Where one sentence ends and the next begins, in typed text.
SENTENCE_END = re.compile(r"[.;!?]+")
CORRECTION_INTENT = "CorrectionIntent"
# Words that make a reply a correction of the last answer rather than an answer.
CORRECTING_WORDS = (
    *("meant", "wait", "actually", "change", "should", "wrong", "correction", "scratch"),
    *("sorry", "oops", "hang on", "hold on", "make that", "last one", "mistake", "second thought"),
)
ANSWER_BY_CODE = {
    "y": "AMAZON.YesIntent",
    "n": "AMAZON.NoIntent",
    "s": "SometimesIntent",
    "u": "NotSureIntent",
}
# "Back" after these words is a direction, not the lower back ("it hurts leaning back").
NOT_THE_BACK = frozenset(
    {("leaning",), ("lean",), ("leans",), ("come",), ("coming",), ("get",), ("getting",)}
    | {("go",), ("going",), ("went",), ("sit",), ("sitting",), ("lie",), ("lying",), ("way",)}
    | {("right",), ("straight",)}
)
# Unsure, then something more ("not sure, both my legs have been tingling at night").
UNSURE_OPENINGS = (
    *(("im", "not", "sure"), ("not", "sure"), ("i", "dont", "know"), ("dont", "know")),
    *(("i", "cant", "say"), ("cant", "say"), ("no", "idea"), ("dunno",)),
)
# And as a bare yes does, in Australian ("nah yeah, it's kinda in the front").
YES_OPENINGS = frozenset({("nah", "yeah"), ("nah", "yea")})
# What tells an exception to the answer before it ("no, apart from a fever", "nah, nothing
# like that, but my leg's been weak"): a warning sign after one of these is told, not denied.
EXCEPTIONS = (
    *(("but",), ("though",), ("although",), ("except",), ("besides",)),
    *(("apart", "from"), ("other", "than"), ("aside", "from"), ("except", "for")),
    *(("only", "that"),),
)
# How long it has hurt, or a remark: after a bare answer word, the answer stands ("yes, since
# two weeks").
REMARK_INTENTS = frozenset({"SmallTalkIntent", "DurationIntent"})
# What turns from a place denied to the place meant ("not my back, it's more my groin").
CONTRASTS = (("it's",), ("more",), ("mostly",), ("mainly",), ("rather",), ("actually",))
# What takes back what was just said, wherever it comes ("sorry, no, only the left leg, I
# misspoke"): heard as "go back".
TAKE_BACK_CUES = (
    *("misspoke", "scratch that", "came out wrong", "take that back", "not what i meant"),
    *("i meant my", "thinking of my", "ignore that", "mixing it up", "mixed it up", "exaggerated"),
    *("got muddled", "thought you said", "scrap that", "scrap my last", "got mixed up"),
    *("misread", "im exaggerating", "i'm exaggerating", "biopsy was clear", "not what set it off"),
    *("i meant just", "i meant only", "misheard you i dont", "misheard you i don't"),
    *("wait go back", "i didnt say", "i didn't say", "i never said", "misheard you"),
    *("i misheard", "no wait thats wrong", "no wait that's wrong"),
)
# A cancer feared, not had ("my wife reckons I've got cancer of the bum, she's a worrier"): what
# points to it is answered, as for any fear; a cancer had or treated is the warning sign.
FEARS = (
    *("reckon", "reckons", "thinks", "think", "worried", "worries", "worrier", "scared"),
    *("afraid", "paranoid", "what if"),
)
HISTORY = (
    "had",
    "history",
    "treated",
    "chemo",
    "survivor",
    "remission",
    "diagnosed",
    "been through",
)
SUSPECT_INTENT = "SuspectIntent"
# What befell someone else when it is theirs by name ("my brother's leg went weak").
BODY_PARTS = frozenset({"leg", "legs", "back", "hip", "hips", "knee", "bum", "bladder", "foot"})
# A warning sign's subject said to be fine ("my bladder's fine", "I can walk fine", "no fever
# now"), when nothing else is understood: that sign denied (asked again if it was just told).
FINE_SUBJECTS = (
    ("red_flag_saddle", ("bladder", "bowels", "bowel", "waterworks")),
    ("red_flag_neuro", ("legs", "leg")),
    ("red_flag_weight_bearing", ("walk", "walking", "hop", "hopping", "hopped")),
    ("red_flag_trauma_fever", ("fever", "temperature", "temp", "ill", "unwell", "sick")),
    ("red_flag_avulsion", ("pop", "bruise", "bruising")),
)
# What a sign's subject said to be fine wins over ("never mind, the house is freezing, I'm not
# ill" is no cancel).
HOLD_ON_INTENT = "HoldOnIntent"
MORE_INTENT = "MoreIntent"
SET_ASIDE = frozenset({FALLBACK_INTENT, HOLD_ON_INTENT, "AMAZON.CancelIntent", "SmallTalkIntent"})
# What else is denied by name ("no injury", "no cancer", "no weight loss").
DENIED_SUBJECTS = (
    ("red_flag_trauma_fever", ("injury", "fall", "fell", "fallen", "accident", "chills")),
    ("red_flag_serious", ("cancer", "weight")),
    ("red_flag_saddle", ("numbness",)),
    ("red_flag_neuro", ("weakness",)),
)
# A yes to how things were, said to be over now ("it did a few months back but it's fine now").
OVER_NOW = ("fine now", "not any more", "not anymore", "but not now", "gone now", "ok now")
# "The only thing going into my foot is a blister": a joke's place, never where it hurts.
ONLY_THING = ("only thing",)
# Pain said to have passed by itself: no warning sign told after an answer.
PASSED = (*OVER_NOW, "gone by morning", "gone by the morning", "gone the next day")
# Said with a warning sign that is someone else's ("no sorry, that was my brother who had
# cancer") or explained away ("no wait, I've been on a diet"), these take it back: the sign is
# denied, and the dialogue asks it again.
TAKING_BACK = ("sorry", "wait", "oops", "my mistake", "my bad", "i meant", "correction")
# "I didn't say I fell": what follows was misheard, never told.
SAID_NOT = ("i didnt say", "i didn't say", "i never said", "never said i")
WEIGHT_EXPLAINED = ("on a diet", "dieting", "trying to lose", "meant to lose", "on purpose")
_SERIOUS = "red_flag_serious"
GO_BACK_INTENT = "GoBackIntent"
# Words that say nothing about the pain ("it's in both my legs, to be honest").
FILLERS = frozenset(
    {"to", "be", "honest", "honestly", "tbh", "actually", "really", "i", "think", "reckon", "now"}
    | {"yeah", "well", "um", "uh", "like", "mate", "just", "so", "guess", "suppose"}
)
# Words that turn from a remark to what matters ("..., anyway, what stretches should I do?").
TURNING_WORDS = frozenset({"anyway", "anyhow", "anyways"})
# What may come first, in passing, before the sentence that matters.
IN_PASSING = frozenset({THANKS_INTENT, SMALL_TALK_INTENT, HOLD_ON_INTENT, FALLBACK_INTENT})
NOT_SURE_INTENT = "NotSureIntent"
# Said with an answer word, these make it confusion, never an answer ("no, I don't understand
# what you mean", "no clue, where's the dimple meant to be?").
CONFUSION_MARKERS = (
    *("don't understand", "didn't understand", "not sure i understand", "can't understand"),
    *("what you mean", "what you're asking", "don't follow", "not sure i follow"),
    *("don't get it", "what that means", "what it means", "lost me", "meant to be"),
    *("no clue where", "no clue what", "no idea where", "no idea what", "where's the"),
    *("what do you mean", "what did you mean", "not getting it", "don't get you", "part you mean"),
)
# Not understood, but said to be not understood: the question put another way, never "didn't
# catch that" ("that's got me stumped, can you explain it?").
CONFUSION_WORDS = frozenset(
    {"understand", "understanding", "explain", "confused", "confusing", "muddled", "stumped"}
    | {"simpler", "simply", "easier", "technical", "follow", "meaning", "mean", "whereabouts"}
    | {"differently", "rephrase", "clarify", "lost"}
)
# A "not sure" followed by one of these asks, and answers nothing ("not sure, what's a
# hamstring curl?").
ASKING_WORDS = frozenset({"what", "what's", "which", "where", "where's", "who"})
# Said of a place or a sign, these deny it as a negation does ("my back's fine").
ALL_RIGHT = frozenset({"fine", "okay", "ok", "grand", "alright", "good", "normal", "great"})
# Words that carry no content of their own, left out when a value is looked for word by word.
# ("Just" and "only" are kept: "just my lower back" says more than "my lower back".)
FUNCTION_WORDS = frozenset(
    {"i", "i'm", "i've", "me", "my", "a", "an", "the", "it", "it's", "is", "are", "am", "was"}
    | {"be", "been", "have", "had", "has", "got", "get", "and", "or", "of", "to", "in", "on"}
    | {"at", "with", "when", "that", "there", "there's", "now", "too", "so", "really", "very"}
    | {"all", "some", "bit", "lot"}
    | {"its", "im", "ive", "theres"}  # the same without apostrophes, as slot values are kept
)
# A forgiving match never drops one of these: "I'm not having any bladder trouble" is no
# warning sign, and "it doesn't" is no "it does".
NEGATIONS = frozenset(
    {"not", "no", "never", "don't", "doesn't", "didn't", "haven't", "hasn't", "isn't", "aren't"}
    | {"wasn't", "won't", "nothing", "none", "nope", "nah", "can't", "cannot", "couldn't"}
    | {"wouldn't", "shouldn't"}
)
# The same, compared as slot values are kept, without apostrophes ("cant").
NEGATIONS_PLAIN = frozenset(word.replace("'", "") for word in NEGATIONS)
# Words that deny a place told, and only a place ("nowhere near where I sit").
PLACE_DENIALS = frozenset({"nowhere"})
# After "can't", these describe a warning sign rather than deny it ("I can't feel when I
# wipe", "I can't hold my pee", "I couldn't control it").
UNABLE = frozenset({"cant", "cannot", "couldnt"})
DESCRIBED = frozenset(
    (word,)
    for word in (
        *("feel", "control", "hold", "pee", "wee", "tell", "empty", "stop", "go", "walk"),
        *("get", "start", "find", "put", "bear", "sleep", "lift"),
    )
)
# Negations that tell how a sign is, not that it is absent ("losing weight, not on purpose",
# "it aches all night and nothing helps", "I can't sleep for the pain"), as values are kept.
DESCRIBING = (
    *(("not", "on", "purpose"), ("dont", "know", "why"), ("no", "idea", "why")),
    *(("not", "sure", "why"), ("nothing", "helps"), ("nothing", "eases"), ("nothing", "works")),
    *(("cant", "sleep"), ("no", "reason"), ("not", "dieting"), ("not", "trying")),
    *(("wasnt", "trying"), ("havent", "been", "dieting"), ("havent", "changed")),
    *(("havent", "been", "trying"), ("didnt", "feel", "it")),
    *(("cant", "hop"), ("doesnt", "let", "up"), ("wont", "let", "up"), ("makes", "no")),
    *(("cant", "feel", "it"), ("couldnt", "really", "feel"), ("cant", "really", "feel")),
    *(("didnt", "realise"), ("didnt", "realize"), ("no", "way", "to")),
    *(("dont", "touch"), ("doesnt", "touch"), ("doesnt", "matter"), ("cant", "put")),
    *(("without", "meaning"), ("didnt", "mean")),
    *(("nothing", "comes"), ("cant", "get"), ("cant", "even"), ("wasnt", "even"), ("cant", "push")),
    *(("aint", "been", "able"), ("not", "even", "trying"), ("not", "been", "right")),
    *(("cant", "seem"), ("cant", "lift"), ("didnt", "say")),
    *(("havent", "been", "able"), ("wont", "settle"), ("wont", "start"), ("not", "been", "able")),
    *(
        ("wont", "lift"),
        ("nothing", "no", "position"),
        ("never", "mentioned"),
        ("didnt", "mention"),
    ),
)
# A warning sign told in words no value holds ("since Sunday I can't feel a thing on the loo
# seat"): one phrase of each group of one of its rows is said, and no denial is left once those
# phrases are taken out. Alexa's understanding generalises from the model's values; this is the
# chat's stand-in for that, for the signs only (asking again is the safe side). Written as values
# are kept: without apostrophes.
_NUMB = (
    *("numb", "numbness", "numbed", "tingly", "tingling", "tingles", "pins and needles"),
    *("asleep", "no feeling", "cant feel", "cannot feel", "couldnt feel", "barely feel"),
    *("hardly feel", "lost feeling", "losing feeling", "no sensation", "zero sensation"),
    *("lost sensation", "not getting sensation", "gone dead", "feels dead", "dead"),
    *("couldnt really feel", "cant really feel", "cant feel it"),
    *("cannae feel", "cannae really feel", "anaesthetic", "anesthetic"),
)
_SADDLE_PLACES = (
    *("groin", "crotch", "genitals", "genital", "privates", "private parts", "private area"),
    *("scrotum", "testicles", "penis", "willy", "vagina", "vulva", "labia", "lady parts"),
    *("taint", "perineum", "butthole", "anus", "back passage", "saddle area", "bike seat"),
    *("down there", "inner thighs", "between my legs", "loo seat", "toilet seat"),
    *("toilet paper", "when i wipe", "wiping", "nether regions", "undercarriage", "my bits"),
    *("me bits", "tampon", "between them", "sitting on nothing", "between the legs"),
    *("bits in between", "in between"),
    *("saddle", "the saddle"),
    *("around my bottom", "inside of my thighs", "insides of my thighs", "inside of my thigh"),
    *("between my cheeks", "between my bum cheeks", "between my butt cheeks", "between the cheeks"),
    *("between my buttocks",),
)
_BLADDER_OR_BOWEL = (
    *("bladder", "bowel", "bowels", "wee", "weeing", "pee", "peed", "peeing", "urine"),
    *("urinate", "poo", "poop", "pooped", "pooing", "number twos", "number two", "motions"),
    *("wetting meself", "wet meself"),
    *("toilet", "loo", "dunny", "bathroom", "pass water", "passing water", "wet myself"),
    *("wetting myself", "soiling", "soiled", "knickers", "stools"),
    *("pooed", "pooed myself", "pooped myself", "shorts", "pants", "undies", "underwear"),
)
_LOST_CONTROL = (
    *("control", "cant hold", "couldnt hold", "cant really hold", "cant really feel when"),
    *("cannae really feel when", "accident", "accidents", "leak", "leaking"),
    *("leaks", "lets go", "let go", "dribble", "dribbles", "dribbling", "without realising"),
    *("without realizing", "didnt notice", "didnt even notice", "not been able", "unable"),
    *("havent had a proper", "cant start", "nothing comes out", "retention", "cant tell when"),
    *("no control", "not able to control", "odd accident", "without my knowledge"),
    *("cant feel when", "cant always make it", "cant make it", "didnt make it"),
    *("dont always make it",),
    *("wet myself", "wet meself", "pooed myself", "pooped myself", "cant feel it when"),
    *("didnt feel it coming", "couldnt feel it coming", "didnt realise", "didnt realize"),
    *("trouble getting", "hard to start", "trouble starting", "slow to start", "cant get it going"),
    *("cant push", "not been able to go", "aint been able to go", "cant go properly"),
    *("struggling to hold", "hard to hold", "cant really tell when", "cant tell when i need"),
    *("struggling to pass", "struggling to go", "cant seem to hold", "seem to hold", "cannae feel"),
    *("cant seem to start", "start peeing", "didnt feel it when", "i just went"),
    *("struggling to pee", "struggling to wee", "wont start", "havent been able"),
    *("peeing myself", "pissing myself", "weeing myself", "wee started", "pee started"),
    *("poo myself", "pee myself", "wee myself", "poop myself"),
    *("doesnt feel like it empties", "doesnt empty", "not emptying", "wont empty", "cant empty"),
    *("cant get it started", "cant get it going", "pee a lot less", "wee a lot less"),
    *("playing up", "couldnt hold my bladder", "couldnt hold it"),
)
_WEAK_OR_NUMB = (
    *("weak", "weaker", "weakness", "numb", "numbness", "tingling", "tingly", "dead"),
    *("floppy", "flopping", "flops", "switching off", "tripping", "catching my toes"),
    *("tip toes", "tiptoes", "toes up", "losing feeling", "lost strength", "losing strength"),
    *("giving way", "gives way", "foot drop", "dragging", "power", "strength", "wobbly"),
    *("slapping", "slaps", "buckles", "buckling", "jelly", "gone floppy"),
    *("cant lift", "lift the front of my foot", "feeble", "feebler", "cant push off"),
    *("doesnt have any strength", "dont have any strength", "no strength", "no power"),
    *("doesnt have any power", "dont have any power"),
)
_WORSENING = (
    *("getting worse", "worse every", "worse each", "worse and worse", "worse than before"),
    *("worse than last", "worse by the day", "spreading", "spread", "crept", "creeping"),
    *("more every", "more each", "progressively", "keeps getting", "more and more"),
    *("a bit more every", "increasing", "worsening", "worse now", "anymore", "any more"),
    *("used to", "last week i could", "than it was", "reducing", "fading", "week by week"),
    *("by the day", "each day", "every day", "every morning", "than yesterday", "bigger every"),
    *("was fine a week ago", "never used to", "getting weak", "going weak", "getting weaker"),
    *("gotten worse", "got worse", "weaker and weaker", "feebler every"),
)
_LIMB = (
    *("leg", "legs", "foot", "feet", "calf", "ankle", "toes", "toe", "knee", "quad", "quads"),
    *("thigh", "shin", "that side"),
)
_BOTH_SIDES = (
    *("both legs", "both my legs", "both me legs", "both of my legs", "both feet"),
    *("both my feet", "both sides", "both calves", "both hamstrings", "both buttocks"),
    *("both glutes", "other leg too", "other leg as well", "other leg now", "both me feet"),
    *("both thighs", "both my thighs", "both of them", "the right and the left"),
)
# Spread to both legs, not just both buttocks ("it spreads into the top of both buttocks" is
# pain across the low back, no warning sign).
_BOTH_LEGS = tuple(phrase for phrase in _BOTH_SIDES if not phrase.endswith(("buttocks", "glutes")))
_NERVE = (
    *("tingly", "tingling", "tingles", "tingle", "numb", "numbness", "pins and needles"),
    *("sciatica", "weak", "weakness", "shooting", "shoots", "cotton wool"),
    *("dead", "going dead", "gone dead"),
)
# Pain that has spread to both legs ("it's in both legs now, not just the one").
_SPREAD_TO_BOTH = ("now", "not just the one", "as well now", "too now", "spread", "spreading")
# Nerve symptoms now on the other side as well ("now it's the left foot too").
_OTHER_SIDE_TOO = tuple(
    f"{side} {part} {also}"
    for side in ("left", "right", "other")
    for part in ("foot", "leg", "calf", "side")
    for also in ("too", "as well")
)
_HOPPING = ("hop", "hopping", "hopped", "hops")
_SHARP = (
    *("sharp", "agony", "agonising", "agonizing", "scream", "screamed", "no go", "stabbing"),
    *("knife", "excruciating", "killing", "kills", "jolt", "unbearable", "murder", "torture"),
    *("sharply", "yelp", "jabs", "jab", "bites", "twinges", "stabbed", "stab"),
    *("shot through", "shot right through", "went right through"),
)
_EVERY_STEP = (
    *("every step", "each step", "every footstep", "each footstep", "foot hits the ground"),
    *("weight on it", "weight on my leg", "weight on that leg", "weight through"),
    *("stand on that leg", "standing on that leg", "every time i walk", "each time i walk"),
    *("bearing weight", "weight bearing", "every step i take"),
    *("every step when i walk", "each step i walk", "every step kills", "sore every step"),
)
# "I can't put any weight on that leg": no weight taken is the sign, with no word of pain.
_NO_WEIGHT_TAKEN = tuple(
    f"{unable} {even}{verb} {amount}weight"
    for unable in ("cant", "cannot", "couldnt")
    for even in ("", "even ", "really ")
    for verb in ("put", "bear", "take")
    for amount in ("", "any ", "much ", "my ", "my full ", "full ")
)
_STEP_PAIN = (*_SHARP, "hurts", "hurt", "hurting", "painful", "pain", "sore", "aches", "aching")
_LOSS = (
    *("lost", "losing", "dropped", "dropping", "down", "going down", "loose", "falling off"),
    *("reducing", "reduced", "lighter", "hanging off", "shedding"),
    *("gone in",),
)
# Weight lost, told without the word ("I've got thinner without meaning to").
_THINNER = ("thinner", "skinnier", "slimmer", "wasting away")
_BODY_WEIGHT = (
    *("weight", "pounds", "kilos", "kilograms", "kg", "lbs", "stone", "trousers", "clothes"),
    *("jeans", "belt"),
    *("notch", "notches"),
    *("scales", "the scales"),
)
_UNEXPLAINED = (
    *("without trying", "not trying", "havent been trying", "havent been dieting"),
    *("not dieting", "no diet", "without any diet", "without dieting", "not changed"),
    *("havent changed", "without changing", "eating the same", "eating normally"),
    *("dont know why", "no idea why", "not sure why", "not on purpose", "no reason"),
    *("without any reason", "unexplained", "cant explain", "by itself", "on its own"),
    *("eating more", "eating loads", "eating plenty", "not training more", "havent a clue why"),
    *("no clue why", "not been dieting", "without really trying", "not really trying"),
    *("without meaning to", "didnt mean to"),
    *("wasnt even trying", "wasnt trying"),
    *("not even trying",),
)
# Leaking that is new ("I've been leaking a little when I cough, which never happened before").
_LEAKING = ("leaking", "leak", "leaked", "leaks", "wetting myself", "wet myself")
_NEWLY = ("never happened before", "never used to", "since this started", "since the pain started")
_AT_NIGHT = (
    *("night", "nights", "nighttime", "in bed", "3am", "2am", "4am", "awake", "sleep"),
    *("wakes me", "waking me", "wake me", "woken up", "woken"),
)
_UNRELIEVED = (
    *("no matter", "whatever", "nothing helps", "nothing i do helps", "nothing eases"),
    *("nothing works", "no way i can lie", "doesnt help", "dont help", "doesnt ease"),
    *("wont ease", "never eases", "cant get comfy", "cant get comfortable", "no position"),
    *("no way to get comfortable", "no way to get comfy", "nothing i do", "doesnt let up"),
    *("wont let up", "makes no difference", "wont settle", "never settles", "nothing settles"),
    *("relentless", "cant find any position", "nothing touches"),
    *("dont touch it", "doesnt touch it", "nothing touches it", "doesnt matter how"),
    *("nothing i try",),
    *("whichever way", "whatever way", "any way i lie", "which ever way"),
    *("cant find a comfortable", "cant find a comfy", "cant find a position", "no comfortable"),
    *("never lets up", "however i lie", "however i lay", "however i sleep", "however i turn"),
    *("no position helps",),
)
_CANCER = (
    *("cancer", "cancre", "sarcoma", "oncologist", "oncology", "tumour", "tumor", "chemo"),
    *("chemotherapy", "radiotherapy", "lymphoma", "leukaemia", "leukemia", "melanoma"),
    *("myeloma", "carcinoma", "metastases", "hodgkins", "hodgkin", "lumpectomy"),
    *("radiation", "lump removed", "mastectomy", "a growth"),
)
_A_POP = (
    *("pop", "popped", "tear", "tore", "rip", "ripped", "snap", "snapped", "crack", "cracked"),
    *("went bang",),
    *("felt it go", "felt something go", "twang", "went twang"),
    *("pinged", "ping", "pinging"),
)
_SINCE_THE_POP = (
    *("bruise", "bruised", "bruising", "purple", "black", "blue", "discoloured", "discolored"),
    *("walking", "walk", "limping", "limp", "hobbling", "helped off", "penguin", "crutches"),
)
SIGN_CONCEPTS: Mapping[str, tuple[tuple[tuple[str, ...], ...], ...]] = {
    "red_flag_saddle": (
        (_NUMB, _SADDLE_PLACES),
        (_BLADDER_OR_BOWEL, _LOST_CONTROL),
        (_LEAKING, _NEWLY),
    ),
    "red_flag_neuro": (
        (_WEAK_OR_NUMB, _WORSENING, _LIMB),
        (_BOTH_SIDES, _NERVE),
        (_BOTH_LEGS, _SPREAD_TO_BOTH),
        (_NERVE, _OTHER_SIDE_TOO),
    ),
    "red_flag_weight_bearing": ((_HOPPING, _SHARP), (_EVERY_STEP, _STEP_PAIN), (_NO_WEIGHT_TAKEN,)),
    "red_flag_avulsion": ((_A_POP, _SINCE_THE_POP),),
    "red_flag_serious": (
        (_LOSS, _BODY_WEIGHT, _UNEXPLAINED),
        (_THINNER, _UNEXPLAINED),
        (_AT_NIGHT, _UNRELIEVED),
        (_CANCER,),
    ),
}
# A bruise told of another part of the body, with no pop and nothing of the thigh, is no sign of
# a hamstring tendon torn from the bone ("I bruised my knee on the treadmill").
_AFTER_A_POP = "red_flag_avulsion"
ELSEWHERE = (
    *("knee", "shin", "forearm", "arm", "toe", "toes", "elbow", "hand", "finger", "face"),
    *("head", "shoulder", "ankle", "foot", "chest", "rib", "ribs", "wrist", "eye", "nose"),
)
# A bruise whose cause is told, with no pop: no sign of a torn tendon ("bruised from the foam
# roller").
BRUISE_EXPLAINED = ("foam roller", "foam rolling", "roller", "massage", "knocked it", "banged it")
POP_OR_THIGH = (
    *("pop", "popped", "snap", "snapped", "crack", "cracked", "tear", "tore", "torn", "bang"),
    *("thigh", "hamstring", "back of", "down to", "bum", "buttock", "sit bone", "sitting bone"),
    *("twang", "went twang", "behind the knee"),
)
# Numbness between the legs told of cycling ("my bike seat gives me a numb crotch") is common
# in cyclists and is checked with the warning sign's question rather than raised outright.
_SADDLE_NUMBNESS = "red_flag_saddle"
CYCLING = ("bike", "bike seat", "cycling", "cycle", "turbo", "spin class", "spinning", "bicycle")
CHECKED_NUMBNESS = "numb_buttock"
INJURIES = ("crash", "crashed", "fell", "fall", "accident", "came off", "knocked", "hit")
_INJURY_OR_FEVER = "red_flag_trauma_fever"
_EVERY_STEP_SIGN = "red_flag_weight_bearing"
# A fall told as long past or healed ("I fell skiing last year", "...but that's healed"): it may
# not be what started this pain, so the warning sign's own question checks it.
LONG_AGO = (
    *("last year", "years ago", "year ago", "months ago", "month ago", "ages ago", "healed"),
    *("long time ago", "long ago", "when i was a kid", "when i was young", "as a kid"),
    *("back in", "a while back", "a while ago", "in the past", "got better", "all better"),
)
CHECKED_OLD_INJURY = "old_injury"
FEVERS = ("fever", "temperature", "chills", "unwell", "flu", "shivers", "sweats")
# "Does it matter that I had cancer?": a question, but what follows these words is told.
TOLD_IN_A_QUESTION = (
    *("matter that", "normal that", "bad that", "a problem that", "worry that", "okay that"),
    *("related that", "anything that", "the fact that", "worried it's", "worried that"),
    *("change things that", "worth saying", "this be why", "to add"),
    *("what about",),
    *("ok that", "serious that", "worrying that", "worry i", "worried i"),
    *("worried i've", "worry i've", "worried i'm", "worry i'm", "bad if", "normal if", "ok if"),
    *("matter if", "a problem if", "worry if", "worried if"),
)
# Who else a runner may talk about: what happened to them is no warning sign of the runner's
# ("my friend had cancer", "my dog was limping").
OTHERS = frozenset(
    {"friend", "friends", "mum", "mom", "mother", "dad", "father", "wife", "husband", "partner"}
    | {"sister", "brother", "aunt", "uncle", "son", "daughter", "dog", "cat", "family", "coach"}
    | {"kids", "kid", "grandma", "grandad", "granny", "neighbour", "neighbor", "colleague"}
    | {"buddy", "boy", "girl", "baby", "toddler", "nan", "nana", "grandpa", "gran"}
    | {"flatmate", "housemate", "roommate", "roomie", "teammate", "boyfriend", "girlfriend"}
)
SELF = frozenset({"i", "i'm", "i've", "i'd", "me"})
# What follows someone else when it is their trouble that is told ("my dog has cancer").
OTHERS_DOING = frozenset(
    {"has", "had", "got", "fell", "is", "was", "went", "crashed", "hurt", "tore", "broke", "died"}
    | {"who", "can't", "cannot", "couldn't", "can", "won't", "keeps", "needs", "needed"}
)
# Said before what befell them, after "my" or "a", these are someone else too ("my mate tore
# his hamstring"); alone, "mate" is often the one spoken to ("nah mate, had a fever").
OTHERS_AS_SUBJECT = frozenset({"mate", "pal"})
OWNERS = frozenset({"my", "me", "a", "his", "her", "our"})
# The same, said in two words ("my mate came off his bike"; "mate" alone is often the one
# spoken to: "nah mate, I had a fever").
OTHER_PHRASES = (
    *("my mate", "me mate", "a mate", "my mates", "my buddy", "my pal", "his bike", "her bike"),
    *("running buddy", "little one", "little boy", "little girl", "my boy", "my girl"),
)
# Everyday sayings that hold a warning sign's word but tell none ("I fell behind", "the fall
# marathon", "I hit the wall").
SAYINGS = (
    *("fell behind", "fell in love", "fell asleep", "fell off the pace", "fell out", "fell for"),
    *("fell short", "fell into", "fell in with", "fell off a cliff", "the fall", "in the fall"),
    *("fall for", "falling for"),
    *("fall race", "fall marathon", "hit the wall", "hit my", "hit a new", "hit the trails"),
    *("hit by a wave", "weight on purpose", "run for cancer", "running for cancer"),
    *("cancer research", "cancer charity"),
    *("star sign", "bruised my ego", "ego is bruised", "caught a chill"),
    *("chills listening", "thrill", "goosebumps", "running more", "out of love"),
    # Signs of things, not the runner's body.
    *("nail fell off", "fall in my"),
    *("fell off the wagon", "fell off my training", "fell off my plan", "fell off the plan"),
    *("toenail fell off", "toenails fell off", "pace fell off", "speed fell off", "fell off a bit"),
    *("fell this", "leaves fall", "fall classic", "hard fall for", "toe nail", "heel from"),
    *(
        "bananas",
        "an apple",
        "on my arm",
        "limping along",
        "hobbling along",
        "tumble down the rankings",
    ),
    *("about my race", "because it was cold", "room is hot", "temperature check"),
    *("for my car", "weaker at hills", "gives me chills"),
    *("marathon fever", "race fever", "the finish line", "what an atmosphere", "past a car crash"),
    *("stacked on", "fall out with", "falling out with", "bruised my toe", "bruise on my shin"),
    *("bruising week", "bruising session", "lost weight training", "popped to the", "cancer nurse"),
    *("popped out", "popped in", "popped round", "popped over", "money for cancer"),
    *("kicked my butt", "kicked my ass", "kicked my arse", "jelly legs", "chills just thinking"),
    *("get chills", "wet myself laughing", "ego was bruised", "cancer awareness", "who survived"),
    *("popped a",),
    *("with fear", "feverish excitement", "stayed upright", "accident on the motorway"),
    *("water balloon", "cancer ward", "cancer 10k", "popped into", "pop a"),
    # A wish, not a loss: "I'd love to lose weight without trying".
    *("love to lose", "like to lose", "wish i could lose", "wish i'd lose", "wish i would lose"),
    *("could do with losing", "if only i could lose"),
    *("wouldn't mind losing", "want to lose", "trying to lose", "hoping to lose"),
    *("pop of", "went hot and cold waiting"),
    *("walk for cancer", "ride for cancer", "miles for cancer"),
    *("hit a pb", "hit a pr", "hit a personal best", "hit the gym", "miles a week", "km a week"),
    *("fell apart", "fell by", "tripped over my words", "give me the chills"),
    *("gives me the chills", "ice bath", "documentary", "born in", "im a cancer"),
    *("weaker on hills", "getting older", "fall behind", "falling behind"),
    *(
        "watch fell off",
        "shoe fell off",
        "headphones fell off",
        "like i've been kicked",
        "dead leg",
    ),
    *("bruise on my pride", "bruised pride", "in case its cancer", "in case it's cancer"),
    *("running fever", "count as a fever", "hot after a run"),
    *("not saying", "just want to know", "want to know its not", "fell over laughing"),
    *("kicked off the week", "kicked off when i started", "kicked off after i started"),
    *("fall asleep", "race for life", "cancer 5k"),
    *("pop song", "pop music"),
    *("im a nurse", "i'm a nurse", "deal with", "night fever", "no sign of", "weight loss class"),
    *("slimming club", "to support her", "went pop pop", "bass drum", "hay fever"),
    *("weakness for", "hydration vest", "hydration bladder", "water bladder", "cancer scare"),
    *(
        "the fever of",
        "weak for skipping",
        "skipping leg day",
        "skip leg day",
        "gives me the shivers",
    ),
    *("give me the shivers", "ice baths", "cold plunge", "cold plunges", "off the wagon"),
    *("hydration pack", "bladder on my", "drinks bladder", "water pack", "thing that fell"),
    *("star sign's", "star signs"),
)

# Signs told as over ("the fever's gone", "that cleared up"): none now, except a cancer, whose
# history is the sign however long ago it was treated ("I had cancer but that's long gone").
OVER = (
    *("that's gone", "thats gone", "cleared up", "totally gone", "completely gone"),
    # Got over it, not tripping over it.
    *("i'm over it", "im over it", "got over it", "all over it now"),
    *("long gone", "healed long ago", "long healed", "that healed", "it healed"),
)


# Words with slot values replaced by a type marker, and what each marker stood for.
_Marked = tuple[tuple[str, ...], dict[int, tuple[str, tuple[str, ...]]]]


def available_locales() -> list[str]:
    return sorted(locales())


@cache
def understanding(locale: str) -> Nlu:
    """The understanding of `locale`'s model (en-US for a locale the skill does not have), made
    once per process: the voice layer's, for free speech."""
    return Nlu.for_locale(locale if locale in locales() else "en-US")


def load_interaction_model(locale: str = "en-US") -> dict[str, Any]:
    """The interaction model Alexa is given for `locale`, built from its definition (the same
    as the committed `interaction_model/<locale>.json`, so an installed package needs no
    checkout). Raises LookupError for a locale the skill does not have."""
    return build_model(locale)


# Typed in full or without the apostrophe, heard contracted: Alexa's speech recognition
# writes "it's" for "it is".
_CONTRACTIONS = {
    "it is": "it's",
    "i am": "i'm",
    "that is": "that's",
    "there is": "there's",
    "do not": "don't",
    "does not": "doesn't",
    "did not": "didn't",
    "is not": "isn't",
    "have not": "haven't",
    "cannot": "can't",
    # Typed without the apostrophe.
    "its": "it's",
    "im": "i'm",
    "ive": "i've",
    "dont": "don't",
    "doesnt": "doesn't",
    "didnt": "didn't",
    "cant": "can't",
    "havent": "haven't",
    "whats": "what's",
    "thats": "that's",
    "theres": "there's",
    "isnt": "isn't",
    "wasnt": "wasn't",
    "couldnt": "couldn't",
    "wouldnt": "wouldn't",
    "shouldnt": "shouldn't",
    "hasnt": "hasn't",
    "hadnt": "hadn't",
    "arent": "aren't",
    "werent": "weren't",
    "youre": "you're",
    "theyre": "they're",
}
_CONTRACTION = re.compile(r"\b(" + "|".join(_CONTRACTIONS) + r")\b")


def normalise(text: str) -> str:
    """Lower case, no punctuation but apostrophes, single spaces, no leading "alexa", and the
    contractions speech recognition writes ("it is" as "it's")."""
    text = text.lower().replace("\u2019", "'").replace(".", "")
    text = " ".join(re.sub(r"[^a-z0-9' ]+", " ", text).split())
    text = " ".join(word.strip("'") for word in text.split(" ") if word.strip("'"))
    text = _CONTRACTION.sub(lambda found: _CONTRACTIONS[found.group(1)], text)
    return re.sub(r"^alexa\b ?", "", text)


@dataclass(frozen=True)
class Resolution:
    """Entity resolution of a slot against its custom type, as Alexa reports it."""

    status: str
    value_id: str | None = None
    value_name: str | None = None


@dataclass(frozen=True)
class SlotMatch:
    name: str
    slot_type: str
    value: str | None = None
    resolution: Resolution | None = None


@dataclass(frozen=True)
class IntentMatch:
    """An intent with every slot it declares.

    `how` names the matching step that found it: "exact", "open_slot" (a sample whose slot
    holds words that name no value), "phrase" (a sample inside the text), "similar" (close to
    a sample) or "fallback".
    """

    name: str
    slots: tuple[SlotMatch, ...] = ()
    how: str = "exact"

    def slot(self, name: str) -> SlotMatch | None:
        return next((slot for slot in self.slots if slot.name == name), None)

    def resolved_id(self, slot_name: str) -> str | None:
        slot = self.slot(slot_name)
        return slot.resolution.value_id if slot and slot.resolution else None


@dataclass(frozen=True)
class LaunchPhrase:
    """A launch phrase: "open glute detective" (no utterance), "ask glute detective <utterance>"."""

    utterance: str = ""


@dataclass(frozen=True)
class _Value:
    value_id: str
    name: str
    # Compared without apostrophes: typed "runners butt" is the "runner's butt" Alexa hears.
    words: tuple[str, ...]


def _without_apostrophes(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(word.replace("'", "") for word in words)


@dataclass(frozen=True)
class _Sample:
    intent: str
    words: tuple[str, ...]  # a slot stands as "{name}"
    slot_types: Mapping[str, str]  # the intent's declared slots: name -> type

    @property
    def literal_words(self) -> int:
        return sum(1 for word in self.words if not _is_slot(word))


def _is_slot(word: str) -> bool:
    return word.startswith("{") and word.endswith("}")


def _type_marker(slot_type: str) -> str:
    return f"<{slot_type}>"


class Nlu:
    """Resolves typed utterances against one interaction model."""

    def __init__(self, model: Mapping[str, Any]) -> None:
        language_model = model["interactionModel"]["languageModel"]
        self.invocation_name: str = normalise(language_model["invocationName"])
        # Not the intents that carry free speech: they pass the words on to be understood here.
        intents = [i for i in language_model["intents"] if not has_phrase_slot(i)]
        self.intent_names: tuple[str, ...] = tuple(i["name"] for i in intents)
        self._values = _slot_values(language_model.get("types", []))
        self._samples = tuple(_samples(intents))
        self._declared = {
            intent["name"]: {slot["name"]: slot["type"] for slot in intent.get("slots", [])}
            for intent in intents
        }
        # How serious each warning sign is (0 most): of two told at once, the graver is heard.
        self._seriousness = {
            flag_id: RED_FLAG_TRIAGES.index(flag.triage)
            for flag_id, flag in load_knowledge().red_flags.items()
            if flag.triage is not None
        }
        # What is told only to be checked with a warning sign's own question ("my leg feels
        # weak"): in a later sentence, as safety-minded as a sign.
        # Weakness in the foot is a symptom question, but a yes to it is checked for getting
        # worse at once (the dialogue's weakness check), so it counts with them.
        self._sign_checks = frozenset(
            fact
            for fact, question in CHECKED_FACTS.items()
            if question in self._seriousness and fact not in NOT_TOLD_VALUES
        ) | {FOOT_WEAKNESS}
        self._launch = re.compile(
            rf"^(?P<verb>{'|'.join((*LAUNCH_PHRASES, *ONE_SHOT_PHRASES))}) "
            rf"{re.escape(self.invocation_name)}(?: (?P<rest>.+))?$"
        )

    @classmethod
    def for_locale(cls, locale: str = "en-US") -> Nlu:
        return cls(load_interaction_model(locale))

    def parse_launch(self, text: str) -> LaunchPhrase | None:
        """The launch phrase in `text`, or None when it does not name the skill."""
        found = self._launch.match(normalise(text))
        if not found:
            return None
        words = (found.group("rest") or "").split()
        while words and words[0] in CONNECTING_WORDS:
            words.pop(0)
        return LaunchPhrase(" ".join(words))

    def resolve(self, text: str) -> IntentMatch:
        said = tuple(normalise(text).split())
        words = said if not said or self._exact(said) else _without_fillers(said)
        if not words:
            return self._match(FALLBACK_INTENT, {}, "fallback")
        changed = self._earlier_answer_changed(words)
        if changed is not None:
            return changed
        elsewhere_less = self._mostly_the_buttock(words)
        if elsewhere_less is not None:
            return elsewhere_less
        echoed = self._answer_after_an_echo(text)
        if echoed is not None:
            return self._sign_in_a_later_sentence(text) or echoed
        found = self._resolve_text(text, words)
        if found.name != WARNING_SIGN_INTENT:
            # "No. Um, both my feet are numb in the mornings": a warning sign told in a later
            # sentence wins over whatever came first (safety first).
            later = self._sign_in_a_later_sentence(text) or self._sign_after_an_answer(text)
            if later is None and found.name != NO_WARNING_SIGN_INTENT:
                # Not when the whole denies a sign: "no fever or anything like that".
                later = self._sign_after_an_opening(text, found)
            if later is not None:
                return later
        if found.name == NO_WARNING_SIGN_INTENT and "but" in words:
            # "No, I didn't fall, but it started with a pop when I was sprinting": the sign is
            # denied, and what is told after the "but" is heard too (its own check follows).
            rest = _clause_of(words, len(words))
            told = self._told(rest) if len(rest) >= _LEAST_REST else None
            if told is not None and told.name in (PLACE_INTENT, HEDGED_PLACE_INTENT):
                return told
        if found.name == HOLD_ON_INTENT:
            rest = _after_holding_on(words)
            if rest:
                # "Hang on, I said no but the answer was yes", "no wait, it is worse on hills":
                # what follows the pause is what was meant.
                meant = self._resolve_text(" ".join(rest), rest)
                reported = meant.name in ANSWER_INTENTS and "said" in rest  # "I said no before"
                leaving = meant.name in (STOP_INTENT, "AMAZON.CancelIntent")
                heard = meant.how in _PLAIN | {"told"}  # not merely alike
                if meant.name not in IN_PASSING and heard and not (leaving or reported):
                    return meant
        if (
            found.name in ("AMAZON.StopIntent", "AMAZON.CancelIntent")
            and found.how != "exact"
            and words[0] in QUESTION_WORDS
        ):
            # "When do I need to go?" asks; it never says goodbye.
            return self._match(FALLBACK_INTENT, {}, "fallback")
        if found.name in IN_PASSING:
            after = _after_a_turn(words)
            if after:
                # "My cat had cancer, she's fine now, anyway what stretches should I do?": what
                # comes after "anyway" is what wants an answer.
                turned = self._resolve_text(" ".join(after), after)
                if turned.name not in (FALLBACK_INTENT, SMALL_TALK_INTENT):
                    return turned
            # "Great. I do hill repeats on Tuesdays, should I stop those?": what is asked after
            # a word of thanks or a remark is what wants an answer.
            for sentence, sentence_words in _later_sentences(text):
                asked = self._resolve_text(sentence, sentence_words)
                if asked.name not in IN_PASSING:
                    return asked
            last = _last_asked(text)
            if last:
                # "I lost weight for race season, could that be why my butt hurts?"
                asked = self._resolve_text(" ".join(last), last)
                if asked.name not in IN_PASSING | ANSWER_INTENTS | {
                    CONFUSED_INTENT,
                    TERM_INTENT,
                } and asked.how in ("exact", "phrase"):
                    return asked
            if found.name == THANKS_INTENT and text.rstrip().endswith("?") and len(words) > 2:
                # "Thanks. My uncle had sciatica, is this similar?": a question, never goodbye.
                return self._match(FALLBACK_INTENT, {}, "fallback")
        if found.name == FALLBACK_INTENT and found.how != "exact":
            # "Oh god yes, after a day at my desk it's agony": typed text not understood whole
            # or sentence by sentence, with a plain answer in one of its clauses.
            return (
                self._answer_in_a_clause(text)
                or (None if _typed(text) else _yes_at_the_end(words))
                or found
            )
        return found

    def _earlier_answer_changed(self, words: tuple[str, ...]) -> IntentMatch | None:
        """An earlier answer named and changed: "earlier I said no to the sitting bone but it
        is there" tells the sitting bone; "I said yes about the hills but it's not really
        hills" denies it. The place or symptom named must be one the model holds, and a
        warning sign told anywhere in it is heard as such instead (safety first)."""
        for index in range(1, len(words) - 1):
            if words[index - 1 : index + 2] in _ANSWER_GIVEN:
                break
        else:
            return None
        said_no = words[index + 1] == "no"
        rest = words[index + 2 :]
        if rest[:1] and rest[0] in ("to", "about", "for", "on"):
            rest = rest[1:]
        if "but" not in rest:
            # "No, I said no to the tailbone", "I meant yes to the tailbone one": the answer
            # named, for the place named.
            if len(rest) < 2:
                return None  # "I said no", "I said no before": no place named
            named = rest[:-1] if rest[-1:] in (("one",), ("question",)) else rest
            place = self._resolve_words(named)
            fact = place.resolved_id("fact")
            if place.name != PLACE_INTENT or fact is None:
                return None
            if self._heard_or_told(words).name == WARNING_SIGN_INTENT:
                return None
            return self._told_as(NO_PLACE_INTENT, "fact", fact, "told") if said_no else place
        cut = rest.index("but")
        named, after = rest[:cut], rest[cut + 1 :]
        if not named or not after or self._heard_or_told(words).name == WARNING_SIGN_INTENT:
            return None
        place = self._resolve_words(named)
        if place.name != PLACE_INTENT:
            # "I said no before but the pain is on the sitting bone": named after the "but".
            place = self._told(after) or place
        fact = place.resolved_id("fact")
        if place.name != PLACE_INTENT or fact is None:
            return None
        denies = any(word in NEGATIONS for word in after)
        if said_no and not denies:
            return place
        if not said_no and denies:
            return self._told_as(NO_PLACE_INTENT, "fact", fact, "told")
        return None

    def _mostly_the_buttock(self, words: tuple[str, ...]) -> IntentMatch | None:
        """ "A bit in the groin but mostly the bum": the pain is not mostly in the place named
        first, when that place is one that says so (the groin, the lower back); never a hedged
        answer to whatever was asked."""
        if "but" not in words:
            return None
        cut = words.index("but")
        after = words[cut + 1 : cut + 9]
        mostly = [index for index, word in enumerate(after[:4]) if word in _MOSTLY]
        if not mostly or "than" in after or not _BUTTOCK.intersection(after[mostly[0] :]):
            return None  # "in my groin but more than my bum" is the groin
        told = self._told(words[:cut]) if cut else None
        if told is None or told.name not in (PLACE_INTENT, HEDGED_PLACE_INTENT):
            return None
        fact = told.resolved_id("fact")
        if fact not in _NOT_MOSTLY_THE_BUTTOCK:
            return None
        where = self._told(words[cut + 1 :])
        if where is not None and where.name == PLACE_INTENT:
            return where  # "... but mostly the bum, right on the bone I sit on": that place
        return self._told_as(NO_PLACE_INTENT, "fact", _NOT_MOSTLY_THE_BUTTOCK[fact], "told")

    def _answer_after_an_echo(self, text: str) -> IntentMatch | None:
        """ "Cancer? God no.", "Fever? Not that I know of.": a word of the question said back
        as a question, then answered: the answer, not the word."""
        echo = _ECHO.match(text)
        if echo is None or len(normalise(echo.group("echo")).split()) > _ECHO_WORDS:
            return None
        for sentence, words in _later_sentences(text):
            found = self._resolve_text(sentence, words)
            return found if found.name in ANSWER_INTENTS else None
        return None

    def _sign_after_an_answer(self, text: str) -> IntentMatch | None:
        """A warning sign told after an answer and a comma ("no, I'm pretty sure not, I just
        feel rotten, hot and cold sweats"): the rest of the reply heard as a sentence of its
        own, so the answer's denial denies only what it says."""
        first, *clauses = text.split(",")
        said = tuple(normalise(first).split())
        if not clauses or not said or SENTENCE_END.search(first):
            return None
        if self._resolve_text(first, said).name not in ANSWER_INTENTS:
            return None
        rest = tuple(normalise(",".join(clauses)).split())
        if _says_any(rest, PASSED) or _not_told_of_self(rest):
            return None  # over by itself, someone else's, or a saying: anywhere in the rest
        # From each clause on, as its own sentence: the answer may take more than one clause
        # ("no, I'm pretty sure not, I just feel rotten").
        for start in range(len(clauses)):
            words = tuple(normalise(",".join(clauses[start:])).split())
            if not words:
                continue
            told = self._heard_or_told(words)
            if told.name == WARNING_SIGN_INTENT and told.resolved_id("sign"):
                return told
        return None

    def _sign_after_an_opening(self, text: str, found: IntentMatch) -> IntentMatch | None:
        """Free speech from a device has no commas: "no every single step is agony", "cheers
        oh and my leg sort of gives way on the stairs". After an opening that is an answer or a
        word of thanks said exactly (up to three words), the rest is heard as a sentence of its
        own for a warning sign, or something checked with one, as after a comma."""
        if _typed(text):
            return None  # typed with its own breaks: heard by the rules for those
        words = tuple(normalise(text).split())
        for size in range(min(_OPENING_WORDS, len(words) - _LEAST_REST), 0, -1):
            opening, rest = words[:size], words[size:]
            said = self._exact(opening)
            if said is None or said.name not in ANSWER_INTENTS | {THANKS_INTENT}:
                continue
            if said.name == "AMAZON.NoIntent" and rest[0] not in CLAUSE_STARTS:
                return None  # "no injury, I mean my ego got injured": the no denies what follows
            if _says_any(rest, PASSED) or _not_told_of_self(rest):
                return None  # over by itself, someone else's, or a saying
            told = self._heard_or_told(rest)
            if told.name == WARNING_SIGN_INTENT and told.resolved_id("sign"):
                return told
            fact = told.resolved_id("fact")
            if (
                told.name in (PLACE_INTENT, HEDGED_PLACE_INTENT)
                and fact in self._sign_checks
                and found.resolved_id("fact") != fact
            ):
                return told  # unless heard already with the answer: "yeah I've lost weight"
            return None
        return None

    def _sign_in_a_later_sentence(self, text: str) -> IntentMatch | None:
        """A warning sign told in a sentence after the first, or something checked with one
        ("the bit I sit on is numb"), if any."""
        for _, words in _later_sentences(text):
            found = self._heard_or_told(words)
            if found.name == WARNING_SIGN_INTENT or (
                found.name == PLACE_INTENT and found.resolved_id("fact") in self._sign_checks
            ):
                return found
        return None

    def _heard_or_told(self, words: tuple[str, ...]) -> IntentMatch:
        """What the words are heard as, looked at again with the whole sentence; when that is no
        warning sign, what they tell in their own words, if anything."""
        found = self._second_thoughts(words, self._resolve_words(words))
        if found.name != WARNING_SIGN_INTENT:
            told = self._told(words)
            if told is not None:
                found = self._second_thoughts(words, told)
        return found

    def _resolve_text(self, text: str, words: tuple[str, ...]) -> IntentMatch:
        taken_back = self._sign_taken_back(words)
        if taken_back is not None:
            return taken_back
        meant = None if self._exact(words) else _answer_meant(words)
        head = _before_the_conclusion(words)
        told = self._second_thoughts(head, self._resolve_words(head)) if meant else None
        if meant is not None and (told is None or told.name != WARNING_SIGN_INTENT):
            return self._match(meant, {}, "meant")
        if told is not None and told.name == WARNING_SIGN_INTENT:
            # A warning sign told in it wins (safety first): "I fell last week, so no" is the fall.
            return told
        found = self._second_thoughts(words, self._resolve_words(words))
        asked_after = _asked_after_the_answer(words)
        if found.name in ANSWER_INTENTS and found.how != "exact" and asked_after:
            # "No, but what's tendinopathy even mean?": the question, never the answer.
            question = self._resolve_words(asked_after)
            if question.name not in ANSWER_INTENTS | {FALLBACK_INTENT}:
                return question
        okay = found.name == "AMAZON.YesIntent" and words[0] in OKAY_WORDS
        if found.how != "exact" and (okay or found.name in (FALLBACK_INTENT, THANKS_INTENT)):
            # "Okay, I'll go, thanks, bye", "..., see ya, thanks": goodbye. "Okay cool, cheers
            # mate": thanks, not a yes. "Great, so it's not the cancer my granddad had then":
            # neither thanks nor goodbye.
            if _says_any(words, LEAVING):
                return self._match(STOP_INTENT, {}, "leaving")
            if okay and _says_any(words, THANKING):
                return self._match(THANKS_INTENT, {}, "thanking")
            if found.name == THANKS_INTENT and not _says_any(words, THANKING):
                return self._match(FALLBACK_INTENT, {}, "fallback")
        if (
            found.name == "AMAZON.NoIntent"
            and found.how != "exact"
            and words[:2] == ("not", "really")
            and _says_any(words, ("only when", "only if", "only on", "only after"))
        ):
            return self._match("SometimesIntent", {}, "answer")  # "not really, only when..."
        if (
            found.name not in (WARNING_SIGN_INTENT, GO_BACK_INTENT)
            and found.how != "exact"
            and _says_any(words, TAKE_BACK_CUES)
        ):
            return self._match(GO_BACK_INTENT, {}, "taken back")
        if found.name in REMARK_INTENTS and words[0] in ANSWER_WORDS and len(words) > 1:
            # "Yes, and getting up from a chair hurts", "yes, since two weeks": the answer, with
            # a remark after it.
            bare = "AMAZON.NoIntent" if words[0] in NEGATIONS else "AMAZON.YesIntent"
            return self._match(bare, {}, "answer")
        if found.name == "NoPainFactIntent":
            # "No numbness, but my foot kinda slaps when I run": a place denied, then a warning
            # sign, or what one checks, told after the "but" (safety first).
            excepted = _after_an_exception(words)
            told = self._resolve_words(excepted) if excepted else None
            if told is not None and (
                told.name == WARNING_SIGN_INTENT
                or (told.name == PLACE_INTENT and told.resolved_id("fact") in self._sign_checks)
            ):
                return self._second_thoughts(excepted, told)
        if found.name == NO_WARNING_SIGN_INTENT:
            # "No cancer or anything, but my nether regions have lost feeling": one sign denied,
            # another told after the "but" (safety first).
            excepted = _after_an_exception(words)
            told = self._sign_told(excepted, excepted) if excepted else None
            if told is not None:
                return told
            if (
                found.how != "exact"
                and words[0] in ("no", "nope", "nah")
                and self._denies_two(words)
            ):
                # "No fever, no injury, it just crept up on me": the answer is no, not one sign
                # denied (which would ask the same question again).
                return self._match("AMAZON.NoIntent", {}, "answer")
        if (
            found.name == "AMAZON.NoIntent"
            and found.how != "exact"
            and not _SAID_ANSWERS.keys() & set(words[:2])
            and words[:2] not in (("not", "at"), ("not", "really"))
            and not self._denies_two(words)
        ):
            # "The walking is fine", "never fell": one warning sign denied, which answers no
            # whole safety question (its other parts still want their answer).
            one = self._sign_said_fine(words) or self._sign_denied_by_name(words)
            if one is not None:
                return one
        if found.name in (FALLBACK_INTENT, CONFUSED_INTENT) and found.how != "exact":
            # "Is it worth saying I've had a high temp since Sunday?": a warning sign asked about
            # in words no question sample holds is still told (safety first).
            after_asking = words[1:] if words[0] in QUESTION_WORDS and len(words) > 1 else words
            told = self._sign_told(after_asking, words)
            if told is not None:
                return told
        if found.name in SET_ASIDE and found.how != "exact":
            fine = self._sign_said_fine(words)
            if fine is None and "but" not in words:
                fine = self._sign_denied_by_name(words)  # "I didn't fall and I feel fine"
            if fine is not None:
                # "It popped when I sprinted for the bus, but there's no bruising": what is told
                # before the "but" is the answer; the sign denied after it is asked in its turn.
                told_first = "but" in words[1:] and words[0] not in ANSWER_WORDS
                before = words[: words.index("but")] if told_first else ()
                told = self._told(before) if before else None
                if told is not None and told.name == PLACE_INTENT:
                    return told
                return fine
        if found.name == "AMAZON.YesIntent" and found.how != "exact" and _says_any(words, OVER_NOW):
            return self._match("AMAZON.NoIntent", {}, "answer")  # it did once, not now
        if found.name == FALLBACK_INTENT and CONFUSION_WORDS.intersection(words):
            return self._match(CONFUSED_INTENT, {}, "question")
        if found.name in ANSWER_INTENTS and _says_any(words, CONFUSION_MARKERS):
            # "No clue, where's the dimple meant to be?": the word explained, else the question
            # put plainly.
            explained = self._resolve_words(words[1:]) if len(words) > 1 else found
            if explained.name == TERM_INTENT:
                return explained
            return self._match(CONFUSED_INTENT, {}, "question")
        if found.name == NOT_SURE_INTENT and found.how != "exact":
            asked = next((i for i, word in enumerate(words) if i and word in ASKING_WORDS), None)
            if asked is not None:
                # "Not sure, what's a hamstring curl?": the question, never an answer.
                question = self._resolve_words(words[asked:])
                if question.name not in ANSWER_INTENTS and question.name != FALLBACK_INTENT:
                    return question
                return self._match(CONFUSED_INTENT, {}, "question")
        if found.name in ANSWER_INTENTS | {PLACE_INTENT} and len(words) > 1:
            found = self._second_thoughts(words, self._told_after_the_answer(words, found))
        if (
            found.name == CORRECTION_INTENT
            and found.how != "exact"
            and not _says_any(_without_apostrophes(words), CORRECTING_WORDS)
        ):
            # "Oh, then yes" after a word explained answers the question; it corrects nothing.
            answer = found.resolved_id("answer")
            return self._match(ANSWER_BY_CODE.get(answer or "", FALLBACK_INTENT), {}, "answer")
        rest = _after_unsure_opening(words)
        if found.name in ANSWER_INTENTS | {FALLBACK_INTENT} and found.how != "exact" and rest:
            # "Not sure, I've got a fever and the hip is hot": a warning sign told after "not
            # sure" wins over it (safety first), unless it is denied or someone else's.
            told = self._sign_told(rest, words)
            if told is not None:
                return told
        if found.name in PLACE_INTENTS | {FALLBACK_INTENT} and found.how != "exact":
            # "It's more on the outside of my hip, not the back": the place told first is where
            # it hurts; the one denied after it is only what it is not.
            told = self._place_before_a_denial(words)
            if told is not None:
                return told
        if found.name == FALLBACK_INTENT and words[-2:] in (("not", "sure"), ("no", "idea")):
            # "My wife says it does but I'm not sure": unsure, whatever came before.
            return self._match(NOT_SURE_INTENT, {}, "answer")
        if found.name in PLACE_INTENTS:
            # "It's not really my hamstring, it's more my groin": the place after the contrast
            # is where it hurts; the one denied before it is only what it is not.
            contrasted = self._place_after_a_contrast(words)
            if contrasted is not None:
                return contrasted
        if (
            found.name == "AMAZON.NoIntent"
            and found.how != "exact"
            and any(pair in _PLACE_DENIED for pair in itertools.pairwise(words))
        ):
            # "No, it's not my bum at all really, it's the front of my hip": no, and where it
            # hurts instead (a plain no when no place is denied: "no, both legs are fine, it's
            # just the one side").
            contrasted = self._place_after_a_contrast(words)
            if (
                contrasted is not None
                and contrasted.name == PLACE_INTENT
                and contrasted.how != "similar"
                and contrasted.resolved_id("fact")
            ):
                return self._answer_with_place(NO_BUT_PLACE_INTENT, contrasted)
        if (
            text.rstrip().endswith("?")
            and found.name in ANSWER_INTENTS | PLACE_INTENTS
            and found.resolved_id("fact") not in self._sign_checks  # asked about: still checked
        ):
            # Typed as a question ("the dimple?"): a word explained, or the question put
            # plainly; never recorded as an answer or a place.
            for asking in (("what's", *words), ("what's", "the", *words)):
                term = self._exact(asking)
                if term is not None and term.name == TERM_INTENT:
                    return term
            return self._match(CONFUSED_INTENT, {}, "question")
        return found

    def _denies_two(self, words: tuple[str, ...]) -> bool:
        """Whether the words deny two warning signs by name ("no fever no injury")."""
        denied = {
            word
            for _, subjects in (*FINE_SUBJECTS, *DENIED_SUBJECTS)
            for index, word in enumerate(words[1:], start=1)
            if words[index - 1] in ("no", "not") and (word in subjects or _stem(word) in subjects)
        }
        return len(denied) >= 2

    def _sign_said_fine(self, words: tuple[str, ...]) -> IntentMatch | None:
        """The warning sign whose subject is said to be fine, or denied ("no fever now")."""
        for flag, subjects in FINE_SUBJECTS:
            for index, word in enumerate(words):
                if _stem(word) not in subjects and word not in subjects:
                    continue
                if index and words[index - 1] in ("is", "are", "does", "do", "will", "would"):
                    continue  # "is walking ok?" asks
                after = words[index + 1 : index + 4]
                painless = bool(NEGATIONS.intersection(after) and _NO_TROUBLE.intersection(after))
                if (
                    ALL_RIGHT.intersection(after)
                    or painless  # "hopping doesn't hurt"
                    or words[index - 1 : index] in (("no",), ("not",))
                ):
                    return self._told_as(NO_WARNING_SIGN_INTENT, "sign", flag, "said fine")
        return None

    def _sign_denied_by_name(self, words: tuple[str, ...]) -> IntentMatch | None:
        """The warning sign a negation just before its name denies ("never fell", "I've not
        had cancer"); never in a saying or of someone else ("I won't fall for that")."""
        if _not_told_of_self(words):
            return None
        for flag, subjects in DENIED_SUBJECTS:
            for index, word in enumerate(words):
                if word in subjects and NEGATIONS.intersection(words[max(0, index - 3) : index]):
                    return self._told_as(NO_WARNING_SIGN_INTENT, "sign", flag, "said fine")
        return None

    def _sign_taken_back(self, words: tuple[str, ...]) -> IntentMatch | None:
        """A warning sign said to be someone else's, or weight lost on purpose, with words that
        take something back ("no sorry, that was my brother who had cancer"): that sign denied."""
        said_not = _says_any(words, SAID_NOT)
        if not (said_not or _says_any(words, TAKING_BACK)):
            return None
        told = self._told(words, whoever=True)
        sign = told.resolved_id("sign") if told and told.name == WARNING_SIGN_INTENT else None
        explained = sign in (_SERIOUS, None) and _says_any(words, WEIGHT_EXPLAINED)
        sign = _SERIOUS if explained else sign
        if sign is None:
            return None
        if not (said_not or explained or _of_someone_else(words)):
            return None
        return self._told_as(NO_WARNING_SIGN_INTENT, "sign", sign, "taken back")

    def _sign_told(self, said: tuple[str, ...], words: tuple[str, ...]) -> IntentMatch | None:
        """A warning sign told in `said`, a part of `words`, looked at again with all of `words`
        (someone else's, a saying, a bike seat); None when `said` tells no warning sign."""
        told = self._told(said)
        if told is None or told.name != WARNING_SIGN_INTENT:
            return None
        return self._second_thoughts(words, told)

    def _place_after_a_contrast(self, words: tuple[str, ...]) -> IntentMatch | None:
        """The place told after a denial and a contrast ("not my back, it's my groin"), if any."""
        denial = next((index for index, word in enumerate(words) if word in NEGATIONS), None)
        if denial is None:
            return None
        for start in range(denial + 2, len(words)):
            if any(words[start : start + len(c)] == c for c in CONTRASTS):
                told = self._resolve_words(words[start:])
                if told.name in (PLACE_INTENT, HEDGED_PLACE_INTENT):
                    return told
        return None

    def _place_before_a_denial(self, words: tuple[str, ...]) -> IntentMatch | None:
        """The place told before a short denial of another at the end ("more on the outside of
        my hip, not the back"), if any."""
        for index in range(len(words) - 2, 1, -1):
            if words[index] == "not" and words[index + 1] in _PLACE_OPENINGS:
                if len(words) - index > _DENIAL_WORDS:
                    return None
                told = self._resolve_words(words[:index])
                if told.name in (PLACE_INTENT, HEDGED_PLACE_INTENT) and told.how != "phrase":
                    return told  # a place said as one, not merely found in other words
                return None
        return None

    def _answer_in_a_clause(self, text: str) -> IntentMatch | None:
        """The one plain answer among the clauses of typed text ("Ah sure look, I did a few at
        the gym and it was grand, no bother at all"), with a place told in another clause in
        words the model holds ("Not the sitting bone, no, it's right at the very bottom of my
        spine"). None when no clause answers or two answer differently, for a question ("...,
        is that normal?"), and when a clause says something else that wants handling ("I meant
        yes to the uphill one")."""
        clauses = [
            (clause, words)
            for clause in _CLAUSE_BREAK.split(text)
            if (words := tuple(normalise(clause).split()))
        ]
        if len(clauses) < 2 or text.rstrip().endswith("?"):
            return None
        answers: set[str] = set()
        place = None
        denial = False
        for clause, words in clauses:
            if words[0] in QUESTION_WORDS:
                return None
            found = self._resolve_text(clause, words)
            if found.name in ANSWER_INTENTS and found.how in _PLAIN:
                answers.add(found.name)
            elif found.name == PLACE_INTENT and found.how in _PLAIN:
                place = place or found
            elif found.name == NO_PLACE_INTENT:
                denial = True  # goes with a no: "not the sitting bone, no"
            elif found.name not in IN_PASSING | {NO_WARNING_SIGN_INTENT}:
                return None
        if len(answers) != 1:
            return None
        answer = answers.pop()
        if denial and answer == "AMAZON.YesIntent":
            return None  # "yes. I sleep fine, no pain at night at all": which is it?
        if place is not None and answer in _WITH_A_PLACE:
            return self._answer_with_place(_WITH_A_PLACE[answer], place)
        return self._match(answer, {}, "answer")

    def _second_thoughts(self, words: tuple[str, ...], found: IntentMatch) -> IntentMatch:
        """What was heard, looked at again with the whole sentence: someone else's trouble or a
        saying is small talk; numbness from a bike seat, a fall long ago and worse downhill are
        checked; trouble walking after a pop is the torn tendon's sign; a bruise elsewhere with
        no pop is none."""
        told = found.name == WARNING_SIGN_INTENT or found.name in PLACE_INTENTS
        if (
            found.resolved_id("sign") == _SERIOUS
            and _says_any(words, _CANCER)
            and _says_any(words, FEARS)
            and not _says_any(_without_apostrophes(words), HISTORY)
            and not _says_any(words, tuple(f"my {cancer}" for cancer in _CANCER))
        ):
            return self._told_as(SUSPECT_INTENT, "condition", "cancer", "feared")
        if told and found.how != "exact" and _not_told_of_self(words):
            # "I fell behind on my training", "I popped to the shops"
            return self._match(SMALL_TALK_INTENT, {}, "saying")
        both = {NO_BUT_PLACE_INTENT: "AMAZON.NoIntent", YES_AND_PLACE_INTENT: "AMAZON.YesIntent"}
        if found.name in both and found.how != "exact" and _not_told_of_self(words):
            # "No. I heard a pop song on my headphones": the answer, and nothing told.
            return self._match(both[found.name], {}, "answer")
        if (
            found.resolved_id("sign") == _SADDLE_NUMBNESS
            and _says_any(words, CYCLING)
            and not _says_any(words, (*_BLADDER_OR_BOWEL, *_LOST_CONTROL, *INJURIES))
        ):
            return self._told_as(PLACE_INTENT, "fact", CHECKED_NUMBNESS, "cycling")
        if found.resolved_id("sign") == _EVERY_STEP_SIGN and _says_any(words, _A_POP):
            # "It popped, and I'm limping": trouble walking after a pop is the torn tendon's sign.
            return self._told_as(WARNING_SIGN_INTENT, "sign", _AFTER_A_POP, "after a pop")
        if (
            found.resolved_id("sign") == _INJURY_OR_FEVER
            and found.how != "exact"
            and _says_any(words, LONG_AGO)
            and not _says_any(words, FEVERS)
        ):
            return self._told_as(PLACE_INTENT, "fact", CHECKED_OLD_INJURY, "long ago")
        if (
            found.resolved_id("sign") == _AFTER_A_POP
            and (_says_any(words, ELSEWHERE) or _says_any(words, BRUISE_EXPLAINED))
            and not _says_any(words, POP_OR_THIGH)
        ):
            return self._match(SMALL_TALK_INTENT, {}, "elsewhere")
        return found

    def _told_after_the_answer(self, words: tuple[str, ...], answer: IntentMatch) -> IntentMatch:
        """ "Yes, and it's been hard to pee" or "no, it's more in my groin": what follows a bare
        answer word is heard too. A warning sign there wins over the answer (safety first); a
        place makes it "no, it's here" or "yes, and this too", both recorded."""
        opening = 2 if words[:2] in NO_OPENINGS | YES_OPENINGS else 1
        if opening == 1 and words[0] not in ANSWER_WORDS and words[0] not in ("nothing", "none"):
            return answer
        denied = words[:2] in NO_OPENINGS or (opening == 1 and words[0] in NEGATIONS)
        rest = words[opening:]
        excepted = _after_an_exception(rest)
        if excepted:
            # "No, apart from a fever": a warning sign told as the exception wins; after a no,
            # so does a place ("nothing like that, but it's my tailbone").
            told = self._resolve_words(excepted)
            if told.name == WARNING_SIGN_INTENT and not _not_told_of_self(excepted):
                return told
            if denied and told.name == PLACE_INTENT and told.how != "similar":
                return self._answer_with_place(NO_BUT_PLACE_INTENT, told)
            if denied and told.name == HEDGED_PLACE_INTENT:
                return told  # "nothing like that, but my leg's a bit weak": checked, or asked again
        if not rest or rest[0] in NEGATIONS:
            return answer
        if denied and rest[0] not in CLAUSE_STARTS:
            return answer  # "no bruising": the no denies what follows it
        # The whole reply may have been heard as the place already ("yes, and my foot tingles").
        found = answer if answer.name == PLACE_INTENT else self._resolve_words(rest)
        if found.name == WARNING_SIGN_INTENT and not _not_told_of_self(rest):
            return found
        checked = self._told(rest)
        if checked is not None and found.name == MORE_INTENT:
            found = checked  # "no, more in the groin really": told in the runner's own words
        if (
            checked is not None
            and checked.resolved_id("fact") in self._sign_checks
            and found.resolved_id("fact") not in self._sign_checks
        ):
            # "Yeah, to my foot, and the leg feels weak when I push off": what a warning sign
            # checks wins over the place (safety first).
            found = checked
        if (
            found.name == PLACE_INTENT
            and found.how != "similar"
            and not _says_any(rest, ONLY_THING)
        ):
            both = NO_BUT_PLACE_INTENT if denied else YES_AND_PLACE_INTENT
            return self._answer_with_place(both, found)
        return answer

    def _more_serious(self, told: IntentMatch, found: IntentMatch) -> bool:
        """Whether `told` is a warning sign and `found` none, or a less serious one."""
        if told.name != WARNING_SIGN_INTENT:
            return False
        if found.name != WARNING_SIGN_INTENT:
            return True
        return self._graver(told.resolved_id("sign") or "", found.resolved_id("sign") or "")

    def _checked_first(self, told: IntentMatch, found: IntentMatch) -> bool:
        """Whether `told` is checked with a warning sign's question and `found` asks something
        ("should I be worried that my foot slaps down?"): the check comes first."""
        return (
            told.name == PLACE_INTENT
            and told.resolved_id("fact") in self._sign_checks
            and found.name not in ANSWER_INTENTS | PLACE_INTENTS
            and found.name not in (WARNING_SIGN_INTENT, NO_WARNING_SIGN_INTENT)
        )

    def _graver(self, sign: str, other: str) -> bool:
        """Whether warning sign `sign` calls for quicker help than `other`."""
        least = len(RED_FLAG_TRIAGES)
        return self._seriousness.get(sign, least) < self._seriousness.get(other, least)

    def _told_as(self, intent: str, slot: str, value_id: str, how: str) -> IntentMatch:
        """`intent` with its told slot holding the value `value_id` (of the slot's told type),
        as if its words were said."""
        slot_type = self._declared[intent][slot]
        value = next(v for v in self._values[slot_type] if v.value_id == value_id)
        return self._match(intent, {slot: (slot_type, value.words)}, how)

    def _answer_with_place(self, intent: str, place: IntentMatch) -> IntentMatch:
        fillers = {s.name: (s.slot_type, tuple(s.value.split())) for s in place.slots if s.value}
        return self._match(intent, fillers, place.how)

    def _resolve_words(self, words: tuple[str, ...]) -> IntentMatch:
        for step in (self._exact, self._open_slot, self._contained, self._told, self._similar):
            found = step(words)
            if found:
                if step == self._contained:
                    # Safety first: a warning sign told anywhere in the text wins over a
                    # sample found in it ("numbness is there and it is increasing"), and over
                    # a less serious sign found in it.
                    told = self._told(words)
                    if told is not None and (
                        self._more_serious(told, found) or self._checked_first(told, found)
                    ):
                        return told
                return found
        return self._match(FALLBACK_INTENT, {}, "fallback")

    # --- matching steps, strict to forgiving ------------------------------------------------

    def _exact(self, words: tuple[str, ...]) -> IntentMatch | None:
        for sample in self._samples:
            fillers = self._fill(sample.words, words, sample.slot_types, known_only=True)
            if fillers is not None:
                return self._match(sample.intent, fillers, "exact")
        return None

    def _open_slot(self, words: tuple[str, ...]) -> IntentMatch | None:
        slotted = [
            s
            for s in self._samples
            if s.literal_words
            and s.literal_words < len(s.words)
            and set(s.slot_types.values()) <= OPEN_SLOT_TYPES
        ]
        for sample in sorted(slotted, key=lambda s: -s.literal_words):
            fillers = self._fill(sample.words, words, sample.slot_types, known_only=False)
            if fillers is not None and not any(
                # "What about swimming, is that fine?": a question goes on; no name holds one.
                QUESTION_WORDS.intersection(value[1:])
                for _, value in fillers.values()
            ):
                return self._match(sample.intent, fillers, "open_slot")
        return None

    def _contained(self, words: tuple[str, ...]) -> IntentMatch | None:
        """A sample found inside the text, if it starts it or covers half of its words, and
        drops none of its negations."""
        marking = self._marking(words)
        asking = words[0] in QUESTION_WORDS
        # The sample that accounts for most of the words said wins (a slot value counts as
        # the words it has), then the longer sample, then the earlier.
        best: tuple[int, int, int, _Sample] | None = None
        for sample in self._samples:
            if asking and sample.intent in ANSWER_INTENTS and sample.words[0] != words[0]:
                continue  # "what kind of bruising?" is a question, not "kind of"
            pattern = self._marked(sample)
            tokens, spans = marking(sample)
            telling = bool(TOLD_TYPES_SET.intersection(sample.slot_types.values()))
            asked = sample.intent not in ANSWER_INTENTS and not telling
            for start in _occurrences(pattern, tokens):
                clause = _clause_of(tokens, start)
                # A question's negation after it asks nothing else ("what else could it be, if
                # it's not that?"); an answer's or a telling's may deny it ("yes, well, no").
                negatable = (
                    clause[: len(clause) - len(tokens) + start + len(pattern)] if asked else clause
                )
                if not _keeps_negations(negatable, pattern):
                    continue
                if telling and (
                    ALL_RIGHT.intersection(clause) - set(pattern)  # "my back's fine"
                    or _back_of(tokens, spans, start, len(pattern))
                ):
                    continue
                said = sum(
                    len(spans[start + i][1]) if start + i in spans else 1
                    for i in range(len(pattern))
                )
                if self._holds_a_value_not_told(
                    spans, start, pattern
                ) and not _only_fillers_besides(tokens, start, len(pattern)):
                    continue  # "no, both my legs feel heavy on the hills" is a no
                covers = said / len(words) >= MIN_PHRASE_COVERAGE
                rank = (said, len(pattern), -start)
                if (start == 0 or covers) and (best is None or rank > best[:3]):
                    best = (*rank, sample)
        if best is None:
            return None
        *_, negative_start, sample = best
        return self._match(
            sample.intent, self._fillers_at(sample, -negative_start, marking(sample)[1]), "phrase"
        )

    def _holds_a_value_not_told(
        self, spans: Mapping[int, tuple[str, tuple[str, ...]]], start: int, pattern: tuple[str, ...]
    ) -> bool:
        """Whether the sample found at `start` fills a slot with a value heard only as said."""
        for position in range(start, start + len(pattern)):
            if position in spans:
                slot_type, spoken = spans[position]
                value = self._lookup(slot_type, spoken)
                if value is not None and value.value_id in NOT_TOLD_VALUES:
                    return True
        return False

    def _told(self, words: tuple[str, ...], *, whoever: bool = False) -> IntentMatch | None:
        """Something the runner tells in their own words ("I took a fall running downhill"):
        every content word of a slot value is said, in any order, for an intent that takes
        the value alone as a sample ("{sign}"). Never a question, and never a negation the
        value does not hold; never someone else's or a saying, unless `whoever`."""
        if words[0] in QUESTION_WORDS:
            # Never a question, unless it asks about something told in it: "does it matter
            # that I had cancer?" tells a warning sign (safety first), and nothing else.
            told = self._told_in_a_question(words)
            if told is not None and (
                told.name == WARNING_SIGN_INTENT or told.resolved_id("fact") in self._sign_checks
            ):
                return told
            return None
        if not whoever and _not_told_of_self(words):
            return None  # someone else's, or a saying: nothing the runner tells of themselves
        # The value with the most content words wins; a warning sign before anything else.
        # "No, but I've had a fever": the "no" answers before the "but", the fever is told, and
        # only what comes after the "but" is told ("no numbness, but it burns" is no numbness).
        clause = _clause_of(words, len(words))
        said = {_stem(word) for word in _without_apostrophes(clause)}  # as values are kept
        backs = [index for index, word in enumerate(clause) if word == "back"]
        if backs and all(
            clause[index + 1 : index + 2] == ("of",) or clause[index - 1 : index] in NOT_THE_BACK
            for index in backs
        ):
            said.discard("back")  # "the back of my thigh", "leaning back": no back pain
        plain = _without_normal_questions(_without_apostrophes(clause))
        # A negation denies what was told ("walking doesn't hurt", "my groin isn't numb"), except
        # one that goes on to describe a sign ("numbness between my legs, I cannot feel when I
        # wipe"): a negation followed by a word such as feel, control or hold.
        denials = {
            word
            for index, word in enumerate(plain)
            if word in ALL_RIGHT or (word in NEGATIONS_PLAIN and not _describes(plain, index))
        }
        # "Way off to the side, nowhere near where I sit": never the sitting bone. A sign is never
        # denied so ("nowhere near the loo in time" still tells it).
        place_denials = PLACE_DENIALS.intersection(plain)
        # A word compared away is not told: "more of a dull ache than sharp".
        compared = {_stem(plain[i + 1]) for i in range(len(plain) - 1) if plain[i] == "than"}
        told_words = len(said - FUNCTION_WORDS)
        best: tuple[int, _Sample, _Value] | None = None
        for sample in self._samples:
            if len(sample.words) != 1 or not _is_slot(sample.words[0]):
                continue
            slot_type = sample.slot_types[sample.words[0][1:-1]]
            if slot_type not in TOLD_TYPES:
                continue
            sign = slot_type == TOLD_TYPES[0]
            for value in self._values.get(slot_type, ()):
                if value.value_id in NOT_TOLD_VALUES:
                    continue
                denying = NEGATIONS_PLAIN.intersection(value.words)
                if denying and not _said_as_is(value.words, plain):
                    continue  # "no feeling between my legs" is said as it is, or not at all
                content = {_stem(w) for w in value.words} - FUNCTION_WORDS
                negations = denials - set(value.words)
                if not sign:
                    negations |= place_denials
                # One word of a place is enough only in a short telling: "my calf's been tight
                # but I think that's separate" is no pain past the knee. A warning sign may rest
                # on one word anywhere, since asking about it again is the safe side.
                slight = (
                    len(content) == 1
                    and 3 * len(content) < told_words
                    and not content & _UNMISTAKABLE_PLACES
                )
                if slight and not sign:
                    continue
                compared_away = "than" not in value.words and content & compared
                if (
                    content
                    and content <= said
                    and not negations
                    and not compared_away
                    and _restricted_as_told(value.words, plain)
                ):
                    rank = len(content) + 100 * sign
                    if best is None or rank > best[0]:
                        best = (rank, sample, value)
        # A sign told in other words wins over any place, and over a less serious sign told in
        # a value's words ("my groin went numb after I came off my bike": the saddle, not the
        # fall).
        # The ideas of a sign may straddle a "but" ("I keep needing to wee but nothing comes").
        flag = _concept_sign(plain) or _concept_sign(_without_apostrophes(words))
        told_sign = best[2].value_id if best and best[1].intent == WARNING_SIGN_INTENT else None
        if flag is not None and (told_sign is None or self._graver(flag, told_sign)):
            return self._told_as(WARNING_SIGN_INTENT, "sign", flag, "told")
        if best is None:
            return None
        _, sample, value = best
        fillers = {sample.words[0][1:-1]: (sample.slot_types[sample.words[0][1:-1]], value.words)}
        if sample.intent == PLACE_INTENT and _hedged(clause):
            return self._match(HEDGED_PLACE_INTENT, fillers, "told")  # "it goes numb sometimes"
        return self._match(sample.intent, fillers, "told")

    def _told_in_a_question(self, words: tuple[str, ...]) -> IntentMatch | None:
        text = " " + " ".join(words)
        for asking in TOLD_IN_A_QUESTION:
            _, found, after = text.partition(f" {asking} ")
            if found and after:
                return self._told(tuple(after.split()))
        return None

    def _similar(self, words: tuple[str, ...]) -> IntentMatch | None:
        marking = self._marking(words)
        best: tuple[float, _Sample] | None = None
        patterns = [(sample, self._marked(sample)) for sample in self._samples]
        if any(
            len(tokens) < len(p) and p[: len(tokens)] == tokens
            for sample, p in patterns
            for tokens in (marking(sample)[0],)
        ):
            # The start of a longer sample ("I don't" of "I don't understand"): too early to
            # guess what it was going to be.
            return None
        for sample, pattern in patterns:
            tokens = marking(sample)[0]
            text = " ".join(tokens)
            if not _keeps_negations(tokens, pattern):
                continue
            telling = TOLD_TYPES_SET.intersection(sample.slot_types.values())
            if telling and ALL_RIGHT.intersection(tokens) - set(pattern):
                continue  # "back feels okay" tells no back pain
            if len(tokens) < len(pattern) and _said_as_is(tokens, pattern):
                # Part of a sample without the words that make it ("I do" of "yes I do"): a
                # fragment, not a near miss.
                continue
            # A near miss by words starts as the sample does: "I do not" is no "yes I do".
            by_words = (
                difflib.SequenceMatcher(None, pattern, tokens).ratio()
                if pattern[0] == tokens[0]
                else 0.0
            )
            by_characters = difflib.SequenceMatcher(None, " ".join(pattern), text).ratio()
            score = max(
                by_words if by_words >= MIN_WORD_SIMILARITY else 0.0,
                by_characters if by_characters >= MIN_CHARACTER_SIMILARITY else 0.0,
            )
            if score and (best is None or score > best[0]):
                best = (score, sample)
        if best is None:
            return None
        sample = best[1]
        fillers = {
            name: span
            for name, slot_type in sample.slot_types.items()
            for span in marking(sample)[1].values()
            if span[0] == slot_type
        }
        return self._match(sample.intent, fillers, "similar")

    # --- helpers ------------------------------------------------------------------------------

    def _fill(
        self,
        pattern: tuple[str, ...],
        words: tuple[str, ...],
        slot_types: Mapping[str, str],
        *,
        known_only: bool,
    ) -> dict[str, tuple[str, tuple[str, ...]]] | None:
        """Slot name -> (type, words) if `words` is `pattern` with its slots filled, else None."""
        if not pattern:
            return {} if not words else None
        head, rest = pattern[0], pattern[1:]
        if not _is_slot(head):
            if words and words[0] == head:
                return self._fill(rest, words[1:], slot_types, known_only=known_only)
            return None
        name = head[1:-1]
        slot_type = slot_types.get(name, "")
        longest = len(words) if known_only else min(len(words), MAX_OPEN_SLOT_WORDS)
        for size in range(longest, 0, -1):
            spoken = words[:size]
            if known_only:
                spoken = self._known_value_words(slot_type, spoken)
                if not spoken:
                    continue
            filled = self._fill(rest, words[size:], slot_types, known_only=known_only)
            if filled is not None:
                return {name: (slot_type, spoken), **filled}
        return None

    def _known_value_words(self, slot_type: str, words: tuple[str, ...]) -> tuple[str, ...]:
        """`words` if they name a value, without a leading article if that does; else ()."""
        if self._lookup(slot_type, words):
            return words
        if len(words) > 1 and words[0] in ARTICLES and self._lookup(slot_type, words[1:]):
            return words[1:]
        return ()

    def _lookup(self, slot_type: str, words: tuple[str, ...]) -> _Value | None:
        spoken = _without_apostrophes(words)
        return next((v for v in self._values.get(slot_type, ()) if v.words == spoken), None)

    def _marking(self, words: tuple[str, ...]) -> Callable[[_Sample], _Marked]:
        """The words as a sample is compared with them: as said for a sample without slots;
        with the values of its slot's type marked for one with a slot (worked out once per
        type)."""
        done: dict[str | None, _Marked] = {}

        def marked(sample: _Sample) -> _Marked:
            types = set(sample.slot_types.values())
            if sample.literal_words == len(sample.words) or not types:
                return words, {}
            only = next(iter(types)) if len(types) == 1 else None
            if only not in done:
                done[only] = self._mark_slot_values(words, only)
            return done[only]

        return marked

    def _mark_slot_values(self, words: tuple[str, ...], only: str | None = None) -> _Marked:
        """Replace known slot values (longest first; of type `only`, if given) by a type
        marker; remember what they were."""
        tokens: list[str] = []
        spans: dict[int, tuple[str, tuple[str, ...]]] = {}
        position = 0
        while position < len(words):
            found = self._longest_value_at(words, position, only)
            if found:
                slot_type, size = found
                spans[len(tokens)] = (slot_type, words[position : position + size])
                tokens.append(_type_marker(slot_type))
                position += size
            else:
                tokens.append(words[position])
                position += 1
        return tuple(tokens), spans

    def _longest_value_at(
        self, words: tuple[str, ...], position: int, only: str | None = None
    ) -> tuple[str, int] | None:
        # "in the groin": the article stays a word when the value also starts after it, as a
        # sample's carrier phrase ("in the {fact}") would have it.
        if (
            words[position] in ARTICLES
            and position + 1 < len(words)
            and self._longest_value_at(words, position + 1, only) is not None
        ):
            return None
        best: tuple[str, int] | None = None
        for slot_type, values in self._values.items():
            if only is not None and slot_type != only:
                continue
            for value in values:
                size = len(value.words)
                if _without_apostrophes(words[position : position + size]) == value.words and (
                    best is None or size > best[1]
                ):
                    best = (slot_type, size)
        return best

    def _marked(self, sample: _Sample) -> tuple[str, ...]:
        return tuple(
            _type_marker(sample.slot_types.get(word[1:-1], "")) if _is_slot(word) else word
            for word in sample.words
        )

    def _fillers_at(
        self, sample: _Sample, start: int, spans: Mapping[int, tuple[str, tuple[str, ...]]]
    ) -> dict[str, tuple[str, tuple[str, ...]]]:
        return {
            word[1:-1]: spans[start + offset]
            for offset, word in enumerate(sample.words)
            if _is_slot(word) and start + offset in spans
        }

    def _match(
        self, intent: str, fillers: Mapping[str, tuple[str, tuple[str, ...]]], how: str
    ) -> IntentMatch:
        slots = []
        for name, slot_type in self._declared.get(intent, {}).items():
            if name not in fillers:
                slots.append(SlotMatch(name, slot_type))
                continue
            spoken = fillers[name][1]
            slots.append(
                SlotMatch(name, slot_type, " ".join(spoken), self._resolve(slot_type, spoken))
            )
        return IntentMatch(intent, tuple(slots), how)

    def _resolve(self, slot_type: str, words: tuple[str, ...]) -> Resolution | None:
        if slot_type not in self._values:
            return None  # built-in slot types report no resolutions
        value = self._lookup(slot_type, words)
        if value is None:
            return Resolution(ER_SUCCESS_NO_MATCH)
        return Resolution(ER_SUCCESS_MATCH, value.value_id, value.name)


def _slot_values(types: list[dict[str, Any]]) -> dict[str, tuple[_Value, ...]]:
    """Every value and synonym of each custom type, longest phrase first."""
    values: dict[str, tuple[_Value, ...]] = {}
    for slot_type in types:
        entries = []
        for value in slot_type["values"]:
            name = value["name"]
            value_id = value.get("id") or name["value"]
            for phrase in [name["value"], *name.get("synonyms", [])]:
                words = _without_apostrophes(tuple(normalise(phrase).split()))
                entries.append(_Value(value_id, name["value"], words))
        values[slot_type["name"]] = tuple(sorted(entries, key=lambda v: -len(v.words)))
    return values


def _samples(intents: list[dict[str, Any]]) -> Iterator[_Sample]:
    """The model's samples, then the built-in words Alexa knows for the intents it declares."""
    for intent in intents:
        slot_types = {slot["name"]: slot["type"] for slot in intent.get("slots", [])}
        phrases = [*intent.get("samples", []), *BUILT_IN_LEXICON.get(intent["name"], ())]
        seen = set()
        for phrase in phrases:
            words = tuple(_sample_words(phrase))
            if words and words not in seen:
                seen.add(words)
                yield _Sample(intent["name"], words, slot_types)


def _sample_words(sample: str) -> Iterator[str]:
    for part in re.split(r"(\{[^{}]+\})", sample):
        if _is_slot(part):
            yield part
        else:
            yield from normalise(part).split()


def _stem(word: str) -> str:
    """A word without its plural or possessive ending: "legs" and "leg's" are "leg"."""
    word = word.removesuffix("'s")
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


# The same phrases as words, plurals and possessives aside.
_STEMMED_CONCEPTS = {
    flag: tuple(
        tuple(
            tuple(tuple(_stem(word) for word in phrase.split()) for phrase in group)
            for group in row
        )
        for row in rows
    )
    for flag, rows in SIGN_CONCEPTS.items()
}


def _keeps_negations(tokens: tuple[str, ...], pattern: tuple[str, ...]) -> bool:
    """Whether a negative text (outside slot values) matches a negative sample: "no not
    really" may be "not really", "I'm not having any numbness" is never "numbness"."""
    return not NEGATIONS.intersection(tokens) or bool(NEGATIONS.intersection(pattern))


def _back_of(
    tokens: tuple[str, ...], spans: dict[int, tuple[str, tuple[str, ...]]], start: int, length: int
) -> bool:
    """Whether a slot value "back" in this match is the start of "the back of my thigh"."""
    return any(
        spans[index][1] == ("back",) and tokens[index + 1 : index + 2] == ("of",)
        for index in range(start, start + length)
        if index in spans
    )


def _not_told_of_self(words: tuple[str, ...]) -> bool:
    """Someone else's trouble ("my friend had cancer", but not "my wife says I've had a
    fever") or a saying ("I fell behind")."""
    over = _says_any(words, OVER) and not _says_any(words, _CANCER)
    return _of_someone_else(words) or over or _says_any(words, SAYINGS)


def _of_someone_else(words: tuple[str, ...]) -> bool:
    """Whether what is told befell someone else ("my friend had cancer", "that was my brother
    who had cancer, not me")."""
    stems = tuple(_stem(word) for word in words)  # "my buddy's got a fever"
    others = bool(OTHERS.intersection(stems)) or _says_any(stems, OTHER_PHRASES)
    # "Not me" says it is theirs all the more.
    said_of_self = any(w in SELF and words[i - 1 : i] != ("not",) for i, w in enumerate(words))
    others = others and not said_of_self
    # "My dog has cancer, so I'm a bit stressed": what befell them, whoever else is spoken of.
    theirs = any(
        following in OTHERS_DOING
        and (stem in OTHERS or (stem in OTHERS_AS_SUBJECT and before in OWNERS))
        for before, stem, following in zip(("", *stems), stems, stems[1:], strict=False)
    )
    owned = any(
        word.endswith("'s") and _stem(word) in OTHERS and following in BODY_PARTS
        for word, following in itertools.pairwise(words)
    )
    return others or theirs or owned


def _concept_sign(words: tuple[str, ...]) -> str | None:
    """The warning sign (`SIGN_CONCEPTS`) these words tell, if any: the first row each of whose
    groups has a phrase said (plurals and possessives aside), with no negation in the three
    words before one ("no numbness in my groin") and no "fine" just after one ("my bladder is
    fine"). A negation further off, or inside a phrase ("can't feel"), denies nothing."""
    said = tuple(_stem(word) for word in words)
    for flag, rows in _STEMMED_CONCEPTS.items():
        for row in rows:
            spans = [_spans(group, said) for group in row]
            if all(spans) and not _denied(said, [span for found in spans for span in found]):
                return flag
    return None


def _spans(phrases: tuple[tuple[str, ...], ...], words: tuple[str, ...]) -> list[range]:
    return [
        range(start, start + len(phrase))
        for phrase in phrases
        for start in _occurrences(phrase, words)
    ]


def _denied(words: tuple[str, ...], spans: list[range]) -> bool:
    inside = {index for span in spans for index in span}
    for span in spans:
        if words[span.start - 1 : span.start] == ("than",):
            return True  # "more of a dull ache than sharp"
        before = range(max(0, span.start - 3), span.start)
        if any(
            words[i] in NEGATIONS_PLAIN and i not in inside and not _describes(words, i)
            for i in before
        ):
            return True
        after = range(span.stop, min(len(words), span.stop + 3))
        if any(words[i] in ALL_RIGHT for i in after):
            return True
        if span.start == 0 and words[span.stop : span.stop + 1] in (("no",), ("nope",), ("nah",)):
            return True  # "cancer no, weight loss no": each said back and denied
    return False


# A question's word said back as a question, before the answer ("Cancer? God no.").
_ECHO = re.compile(r"^\s*(?P<echo>[^.;!?]+)\?")
_ECHO_WORDS = 3
# Where typed text breaks into clauses.
_CLAUSE_BREAK = re.compile(r"[,;.!?]")
# A plain answer with a place told beside it: the intent that carries both.
_WITH_A_PLACE = {"AMAZON.NoIntent": NO_BUT_PLACE_INTENT, "AMAZON.YesIntent": YES_AND_PLACE_INTENT}
# How a clause is matched for its answer to count: in the model's words, not merely alike.
_PLAIN = frozenset({"exact", "phrase", "answer", "meant"})
# What opens a place denied at the end of a reply ("not the back", "not in my lower back").
_PLACE_OPENINGS = frozenset({"the", "my", "in", "on", "at"})
_DENIAL_WORDS = 5  # "not the back", "not in my lower back", at most
# A place denied before the one meant ("not my bum"): any opening but "at", since there "not at
# all" denies nothing.
_PLACE_DENIED = frozenset(("not", opening) for opening in _PLACE_OPENINGS - {"at"})


# How a pause opens a reply that goes on ("hang on, ...", "no wait, ..."), longest first.
_HOLDING_ON = (
    ("no", "hold", "on"),
    ("wait", "a", "second"),
    ("wait", "a", "sec"),
    ("no", "wait"),
    ("hang", "on"),
    ("hold", "on"),
    ("hold", "up"),
    ("hang", "about"),
    ("one", "sec"),
    ("one", "second"),
    ("wait",),
    ("let", "me", "think"),
)
_LEAST_MEANT = 2  # words after the pause worth hearing on their own


def _after_holding_on(words: tuple[str, ...]) -> tuple[str, ...]:
    """What follows a pause that opens a reply ("hang on, let me think, yeah it does"), when
    enough follows; otherwise nothing."""
    rest, paused = words, True
    while paused:
        paused = False
        for opening in _HOLDING_ON:
            if rest[: len(opening)] == opening:
                rest, paused = rest[len(opening) :], True
                break
    return rest if rest != words and len(rest) >= _LEAST_MEANT else ()


def _later_sentences(text: str) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Each sentence of typed text after the first, with its words (speech has no stops)."""
    sentences = [sentence for sentence in SENTENCE_END.split(text) if sentence.strip()]
    for sentence in sentences[1:]:
        words = tuple(normalise(sentence).split())
        if words:
            yield sentence, words


# Said before or after what matters, these change nothing asked ("um, no", "what is calf
# please", "so can I still run or what"); and speech recognition's "but ok" for "butt".
LEADING_FILLERS = frozenset(
    {"um", "umm", "uh", "uhh", "erm", "er", "hmm", "hmmm", "so", "well", "and"}
)
# After a sign's subject and a negation, these say it gives no trouble ("hopping doesn't hurt").
_NO_TROUBLE = frozenset({"hurt", "hurts", "bother", "bothers", "sore"})
TRAILING_FILLERS = (
    ("please",),
    ("please", "explain", "me"),
    ("please", "explain"),
    ("instead",),
    ("pls",),
    ("or", "what"),
    ("to", "be", "honest"),
    ("tbh",),
    ("though",),
    ("mate",),
    ("exactly",),
    ("i", "suppose"),
    ("i", "guess"),
    ("in", "normal", "words"),
    ("in", "plain", "english"),
)


def _without_fillers(words: tuple[str, ...]) -> tuple[str, ...]:
    if (
        len(words) > 2
        and words[0] in OKAY_WORDS
        and (words[1] == "so" or words[1] in QUESTION_WORDS)
    ):
        words = words[1:]  # "ok so when can I sprint again": a question, not an okay
    while len(words) > 1 and words[0] in LEADING_FILLERS:
        words = words[1:]
    trimmed = True
    while trimmed:
        trimmed = False
        for filler in TRAILING_FILLERS:
            if len(words) > len(filler) and words[-len(filler) :] == filler:
                words, trimmed = words[: -len(filler)], True
    if words[-2:] == ("even", "mean"):
        words = (*words[:-2], "mean")  # "what's tendinopathy even mean"
    if words[-3:] == ("my", "but", "ok"):
        words = (*words[:-2], "bum")
    return words


OKAY_WORDS = frozenset({"okay", "ok", "alright", "right", "cool"})
# What comes just before the answer a reply turns to ("no, actually, wait, yes").
_TURNING_TO = frozenset({"wait", "actually", "mean", "meant", "sorry", "um", "hang", "on", "oh"})
_TURNING_PAIRS = (("scratch", "that"),)
# An answer given or meant, named: "I said no ...", "I meant yes ...".
_ANSWER_GIVEN = tuple(
    (("i", verb, answer)) for verb in ("said", "meant") for answer in ("no", "yes")
)


def _before_the_conclusion(words: tuple[str, ...]) -> tuple[str, ...]:
    """What comes before a closing "so no" or "so I guess yes"; all of it when none closes."""
    if words[-1:] not in (("yes",), ("no",)):
        return words
    for ending in _CONCLUDING:
        size = len(ending) + 1
        if len(words) > size and words[-size:-1] == ending:
            return words[:-size]
    return words


_CONCLUDING = (
    ("so",),
    ("so", "i", "guess"),
    ("so", "i'd", "say"),
    ("so", "i", "would", "say"),
    ("so", "probably"),
    ("so", "i", "suppose"),
)
_NAMING_AN_ANSWER = (("it's", "a"), ("its", "a"))
# Words that point a correction at an answer given before.
_EARLIER = frozenset({"last", "previous", "before", "earlier"})
THANKING = ("thanks", "thank you", "cheers", "ta")
LEAVING = (
    *("bye", "goodbye", "i'll go", "i'm off", "gotta go", "got to go", "have to go", "see ya"),
    *("see you",),
)
_SAID_ANSWERS = {
    **dict.fromkeys(("yes", "yeah", "yep"), "AMAZON.YesIntent"),
    **dict.fromkeys(("no", "nope", "nah"), "AMAZON.NoIntent"),
    "sometimes": "SometimesIntent",
}


def _answer_meant(words: tuple[str, ...]) -> str | None:
    """ "No, I mean yes, sorry, yes it does", "no wait yes", "yes sorry scratch that no": the answer
    the reply turns to, said in the same breath as the one it replaces (unlike "no wait, I
    meant yes", which corrects the answer before); and "..., so no" at the end."""
    if _before_the_conclusion(words) != words:
        # "..., so no", "only the left leg, so I guess no": a conclusion after what was weighed.
        return _SAID_ANSWERS[words[-1]]
    first = _SAID_ANSWERS.get(words[0])
    if first is None or (first == "AMAZON.NoIntent" and "meant" in words):
        # "No wait, I meant yes" corrects the answer before ("no" is a cry there); a yes is no
        # such cry: "yes sorry I meant no" answers the question asked.
        return None
    if _EARLIER.intersection(words):
        return None  # "yes I meant no to the last one": the answer before, by name
    for index in range(1, len(words)):
        turned = _SAID_ANSWERS.get(words[index])
        turning = words[index - 1] in _TURNING_TO or words[index - 2 : index] in _TURNING_PAIRS
        if words[index - 2 : index] in _NAMING_AN_ANSWER:
            turning = index == len(words) - 1  # "it's a yes", not "it's a no brainer"
        if turned is not None and turned != first and turning:
            return turned
    return None


def _asked_after_the_answer(words: tuple[str, ...]) -> tuple[str, ...]:
    """The question asked after an answer and a "but" ("no but what's tendinopathy"), if any."""
    if len(words) < 3 or words[1] != "but" or words[2] not in QUESTION_WORDS:
        return ()
    return words[2:]


def _only_fillers_besides(tokens: tuple[str, ...], start: int, size: int) -> bool:
    """Whether the words outside tokens[start:start + size] are only fillers ("to be honest")."""
    return FILLERS.issuperset((*tokens[:start], *tokens[start + size :]))


def _last_asked(text: str) -> tuple[str, ...]:
    """The words after the last comma of a typed question, if it is one ("..., could that be
    why?")."""
    if not text.rstrip().endswith("?") or "," not in text:
        return ()
    return tuple(normalise(text.rsplit(",", 1)[1]).split())


def _after_a_turn(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words after the last "anyway" (a turn to what matters), if any follow it."""
    turns = [index for index, word in enumerate(words) if word in TURNING_WORDS]
    return words[turns[-1] + 1 :] if turns else ()


def _after_an_exception(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words after the first word (or pair) that tells an exception, if any."""
    for start in range(len(words)):
        for exception in EXCEPTIONS:
            if words[start : start + len(exception)] == exception:
                return words[start + len(exception) :]
    return ()


def _without_normal_questions(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words without a question whether it is normal ("... spreading each day, is that
    normal?"): asking is no saying that all is fine."""
    text = f" {' '.join(words)} "
    for asking in NORMAL_QUESTIONS:
        text = text.replace(f" {asking} ", " ")
    return tuple(text.split())


def _after_unsure_opening(words: tuple[str, ...]) -> tuple[str, ...]:
    """What follows "not sure" or "I don't know" at the start of a reply, if anything does."""
    plain = _without_apostrophes(words)
    for opening in UNSURE_OPENINGS:
        if plain[: len(opening)] == opening and len(words) > len(opening) + 1:
            return words[len(opening) :]
    return ()


def _says_any(words: tuple[str, ...], phrases: Iterable[str]) -> bool:
    """Whether one of these phrases is said, as whole words."""
    text = f" {' '.join(words)} "
    return any(f" {phrase} " in text for phrase in phrases)


def _describes(words: tuple[str, ...], index: int) -> bool:
    """Whether the negation at `index` describes a sign rather than denies it: "can't feel",
    "cannot hold" (not "don't feel unwell")."""
    if words[index] in UNABLE and words[index + 1 : index + 2] in DESCRIBED:
        return True
    return any(words[index : index + len(phrase)] == phrase for phrase in DESCRIBING)


def _typed(text: str) -> bool:
    """Whether the text has breaks of its own (a comma, a sentence ended inside it): typed,
    where a device's speech has none."""
    return "," in text or SENTENCE_END.search(text.rstrip(" .!?")) is not None


def _yes_at_the_end(words: tuple[str, ...]) -> IntentMatch | None:
    """ "Stiff in the morning yeah", "down the side like a stripe to my knee yes": speech without
    commas (a device's) that ends on its only yes, after words not understood, and says nothing
    that denies, sets against, asks, reports or tells of someone else; hedged, it is a
    "sometimes". A yes in the middle may affirm what was just said rather than the question
    ("touching my toes yeah I feel it pull at the top")."""
    said = set(words) | set(_without_apostrophes(words))
    if (
        len(words) < _LEAST_REST + 1
        or words[-1] not in _YES_WORDS
        or sum(word in _YES_WORDS for word in words) != 1
        or words[0] in QUESTION_WORDS
        or said & (NEGATIONS | NEGATIONS_PLAIN | _SETTING_AGAINST)
        or _not_told_of_self(words)
    ):
        return None
    # "It does catch now and again, yes": a yes to something that comes and goes.
    return IntentMatch("SometimesIntent" if _hedged(words) else "AMAZON.YesIntent", (), "answer")


_YES_WORDS = frozenset({"yes", "yeah", "yep", "yup"})
_SETTING_AGAINST = frozenset({"but", "except", "though", "although", "unless", "only", "said"})


def _restricted_as_told(value: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """Whether a value that narrows a place down ("just my back") is told so: said as it is, or
    with its "just" or "only" shortly before the place ("it's just in my lower back"), never
    of something else ("the back's just tight" says nothing of where the pain is)."""
    narrowing = _NARROWING.intersection(value)
    if not narrowing or _said_as_is(value, words):
        return True
    place = {_stem(word) for word in value} - narrowing - FUNCTION_WORDS
    return any(
        word in narrowing and place.intersection(map(_stem, words[index + 1 : index + 4]))
        for index, word in enumerate(words)
    )


_NARROWING = frozenset({"just", "only"})
# Places one word names beyond doubt, even in a long telling ("my coccyx has been killing me
# since the spin class").
_UNMISTAKABLE_PLACES = frozenset({"tailbone", "coccyx", "perineum"})
_MOSTLY = frozenset({"mostly", "mainly", "more", "largely", "primarily"})
_BUTTOCK = frozenset(
    {"bum", "butt", "buttock", "buttocks", "glute", "glutes", "bottom", "backside"}
)
# A place told as a lesser part of pain felt mostly in the buttock: the question that asks
# whether the pain is mostly there, answered no.
_NOT_MOSTLY_THE_BUTTOCK = {
    "groin_pain": "groin_pain",
    "back_not_buttock": "back_not_buttock",
    "low_back_pain": "back_not_buttock",
}


def _said_as_is(value: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """Whether `value` is said in `words`, word for word."""
    return next(_occurrences(value, words), None) is not None


def _hedged(words: tuple[str, ...]) -> bool:
    """Whether what was told is hedged: "sometimes", "a bit", "sort of", "now and then"; not
    when it is also said firmly ("sprinting definitely, hills a bit")."""
    return not FIRM_WORDS.intersection(words) and _says_any(words, HEDGES)


def _clause_of(tokens: tuple[str, ...], start: int) -> tuple[str, ...]:
    """The words from the last "but" before `start` on: in "no, but I had a fever", the "no"
    belongs to the answer before the "but", not to the fever after it."""
    before = tokens[:start]
    return tokens[len(before) - before[::-1].index("but") :] if "but" in before else tokens


def _occurrences(pattern: tuple[str, ...], tokens: tuple[str, ...]) -> Iterator[int]:
    for start in range(len(tokens) - len(pattern) + 1):
        if tokens[start : start + len(pattern)] == pattern:
            yield start
