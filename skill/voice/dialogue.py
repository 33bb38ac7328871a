"""What the skill says for each thing a person can say, in each state of the conversation.

Pure Python (no Alexa imports): a `Conversation` and what the runner said go in, the next
`Conversation` and what the skill says (`Said`, in plain text) come out. The Alexa handlers
only translate.

Turns are short by ear: a question turn is the question; the outcome is a headline of at most
40 words (the lead, the main reason, who to see, the disclaimer) and the rest comes on request
("why", "tell me more", "can I keep running", ...). Filler is counted (`Heard`) so that it is
not said again and again. What runners volunteer is heard whenever it is said: a warning sign
is yes to its red flag, where it hurts is yes to its question, and a correction changes the
last answer. Every line is localised once, as the turn is built, for the request's locale.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from skill.interaction_model.told import CHECKED_FACTS, FOOT_WEAKNESS
from skill.knowledge import NONE_OF_THESE, Knowledge, load_knowledge
from skill.knowledge.model import UNCLEAR, Term
from skill.knowledge.speech import DEFAULT_LOCALE, Speech, load_speech
from skill.triage import Answer, Interview, Outcome, Question, shipped_engine

# No spoken turn is longer than this, in words; a result, this.
MAX_TURN_WORDS = 70
MAX_RESULT_WORDS = 40
# Triage levels whose advice comes before anything else.
_GET_HELP_NOW = ("emergency", "urgent")
# Yes or sometimes: the answers that affirm a sign (and raise a warning sign: safety first).
_AFFIRMING = (Answer.YES, Answer.SOMETIMES)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# A line that is filler, not content, is said at most this often in a session.
_AT_MOST = 2
# The disclaimer, at most this often in a session (the card always carries it).
_DISCLAIMERS = 2
# Short prompts that end the turns after a result, taken in turn so none is heard too often.
_PROMPTS = tuple(f"offer.prompt_{n}" for n in range(1, 11))
# After a "soon" result, the after-result answers that first repeat: see a doctor first.
_DOCTOR_FIRST_TOPICS = ("when_to_worry", "scan")
# "Fairly sure" once the lead holds at least this share of the belief (below it, "not very").
_FAIRLY_SURE = 0.5
# "Both sides", with nerve symptoms in a leg, may be the both-legs warning sign: check it.
_BOTH_SIDES = "both_sides"
_BOTH_LEGS_FLAG = "red_flag_neuro"
# "Both legs" (or feet) is checked with that warning sign, nerve symptoms or not: it asks about
# pain in both legs at once too.
_BOTH_LEGS = "both_legs"
# The question a pain that came on slowly answers no: it did not start with a sudden pull or pop.
_SUDDEN_ONSET = "sudden_pull"
# The question a pain that stops above the knee answers no.
_PAST_KNEE = "past_knee"
# The nerve symptoms in a leg that make "both sides" worth checking.
_NERVE_SIGNS = ("numbness_tingling", _PAST_KNEE)
# Trouble walking said to the question asked after a pop is that question's sign (the tendon
# torn away), not the stress fracture's every painful step.
_WALKING_FLAG = "red_flag_weight_bearing"
_AFTER_A_POP_FLAG = "red_flag_avulsion"
# The cancer, weight loss or night pain question; and lying on the sore side, a night pain
# that eases on turning over.
_SERIOUS_FLAG = "red_flag_serious"
_LYING_ON_SIDE = "lying_on_side"


# Said to the very question that checks them, these are that question's answer (tingling is what
# the numbness question asks about, both legs what the both-legs one does); the others say less
# than their question asks ("it's deep in my buttock" is no tender spot that brings the pain
# on), so that question is put plainly.
_ANSWERS_ITS_CHECK = frozenset({"tingling", "stairs_or_car", _BOTH_LEGS})
# A warning sign's fact denied, which also answers a symptom question that asks about the
# same time: no pain at night is a no to the pain of lying on that side at night.
_DENIAL_ANSWERS = {"night_pain": "lying_on_side"}
# Words before a name that do not change what it names ("the hamstring", "my glute").
_ARTICLES = frozenset({"the", "my", "a", "an", "your"})


class Card(NamedTuple):
    """The card the Alexa app shows with a response."""

    title: str
    content: str


class Said(NamedTuple):
    """What the skill says, and shows on a card, in one turn."""

    speech: tuple[str, ...]
    # What to say if the person says nothing; None only when the session ends.
    reprompt: str | None
    end_session: bool = False
    card: Card | None = None


class Heard(NamedTuple):
    """What the runner has heard already this session, so that filler is not said again and
    again: counts of a few lines, never what the runner said."""

    disclaimers: int = 0
    in_the_app: int = 0
    # "Would you like to hear more?" was offered for the result now standing.
    offered: int = 0
    prompts: int = 0
    other_words: int = 0
    carry_on: int = 0


class Conversation(NamedTuple):
    """The interview (None before one has started, after a one-shot question, say), the
    request's locale, how many requests in a row were not understood, what was heard, a
    warning sign asked to confirm something the runner volunteered, and a safety question
    whose other parts were asked for."""

    interview: Interview | None = None
    locale: str = DEFAULT_LOCALE
    misunderstood: int = 0
    heard: Heard = Heard()
    confirming: str | None = None
    # A safety question whose other parts were asked for after one warning sign of it was
    # denied by name ("never had cancer"): "And the rest of it" is said once per question.
    rest_asked: str | None = None

    @property
    def step(self) -> Question | Outcome | None:
        """What the conversation waits for: a warning sign to confirm, else what the interview
        waits for, derived (and memoised by the engine) on each use."""
        if self.interview is None:
            return None
        if self.confirming is not None:
            return shipped_engine().question(self.confirming, self.interview)
        return step_of(self.interview)

    @property
    def waiting(self) -> str | None:
        """The id of the yes/no question waiting for an answer, if any."""
        step = self.step
        return step.id if isinstance(step, Question) else None

    def with_interview(self, interview: Interview) -> Conversation:
        """A changed interview: any confirmation is dropped, and a new result is offered anew."""
        if interview == self.interview:
            return self._replace(confirming=None)
        heard = self.heard._replace(offered=0, prompts=0) if self.heard.offered else self.heard
        return self._replace(interview=interview, confirming=None, rest_asked=None, heard=heard)

    def hearing(self, **more: int) -> Conversation:
        """The conversation once the runner has heard these lines (counts added)."""
        heard = self.heard
        return self._replace(
            heard=heard._replace(**{name: getattr(heard, name) + n for name, n in more.items()})
        )


# --- the engine, reached from here only -----------------------------------------------------


def step_of(interview: Interview) -> Question | Outcome:
    """What the interview waits for: the next question, or how it ends."""
    return shipped_engine().next_step(interview)


def restored(state: object) -> Interview:
    """The interview in a stored session state (a fresh one if it is not genuine)."""
    return shipped_engine().restore(state)


def _safety_advice(outcome: Outcome) -> tuple[str, ...]:
    """The see-a-doctor-soon advice of a "soon" outcome, said before anything else."""
    return (outcome.safety_advice,) if outcome.safety_advice else ()


def _both(reasons: list[str]) -> str:
    """Reasons joined by "and", after a comma when one has a comma of its own, so the listener
    hears where the first ends ("not your buttock or leg, and hills don't make it worse")."""
    return (", and " if any("," in reason for reason in reasons) else " and ").join(reasons)


def _gets_help_now(step: object) -> bool:
    return isinstance(step, Outcome) and step.triage in _GET_HELP_NOW


def _recorded(interview: Interview, question_id: str, answer: Answer) -> Interview:
    """The interview with `answer` for `question_id`, replacing any earlier answer to it."""
    kept = tuple(item for item in interview.answers if item[0] != question_id)
    return Interview((*kept, (question_id, answer)))


class Turn(NamedTuple):
    conversation: Conversation
    said: Said


class Dialogue:
    def __init__(self, knowledge: Knowledge | None = None, speech: Speech | None = None) -> None:
        self.knowledge = knowledge or load_knowledge()
        self.speech = speech or load_speech()

    # --- starting ------------------------------------------------------------------------

    def launch(self, conversation: Conversation | None = None) -> Turn:
        fresh = (conversation or Conversation()).with_interview(Interview())
        return self._ask_current(fresh.hearing(disclaimers=1), self.speech.say("launch.welcome"))

    def start(self, conversation: Conversation) -> Turn:
        """The runner describes their pain ("my hip hurts", "what's wrong with my hip"): start, or
        carry on where we are; with a result, the result again."""
        if isinstance(conversation.step, Question):
            conversation, carry_on = self._filler(conversation, "carry_on", "ask.carry_on")
            return self._ask_current(conversation, *carry_on)
        if isinstance(conversation.step, Outcome):
            return self._present(conversation)
        return self.launch(conversation)

    def start_over(self, conversation: Conversation) -> Turn:
        """From the top, keeping this session's safety answers: they are not asked again."""
        interview = conversation.interview or Interview()
        safety = tuple(item for item in interview.answers if item[0] in self.knowledge.red_flags)
        line = "launch.restart_kept" if safety else "launch.restart"
        fresh = conversation.with_interview(Interview(safety))
        return self._present(fresh, self.speech.say(line))

    # --- answers -------------------------------------------------------------------------

    def answer(self, conversation: Conversation, answer: Answer) -> Turn:
        step = conversation.step
        if conversation.confirming is not None and conversation.interview is not None:
            checked = _recorded(conversation.interview, conversation.confirming, answer)
            soon = self._raises_soon(conversation.confirming, answer)
            told = (self.speech.say("volunteer.sign_soon"),) if soon else ()
            return self._present(conversation.with_interview(checked), *told)
        if isinstance(step, Question):
            assert conversation.interview is not None
            moved_on = conversation.with_interview(
                conversation.interview.with_answer(step.id, answer)
            )
            weakness_check = self._check_weakness(moved_on, step.id, answer)
            if weakness_check is not None:
                return weakness_check
            if self._raises_soon(step.id, answer):
                # Said as when the sign is volunteered: the runner knows what it changes.
                noted = self.speech.say("volunteer.sign_soon")
                return self._present(moved_on, noted, *self._lead_in(step, moved_on.step))
            return self._present(moved_on, *self._lead_in(step, moved_on.step))
        if step is None:
            if answer is Answer.YES:
                fresh = conversation.with_interview(Interview()).hearing(disclaimers=1)
                return self._ask_current(fresh, self.speech.say("launch.begin"))
            if answer is Answer.NO:
                return self.stop(conversation)
            return self._offer(conversation, self.speech.say("help.not_started"))
        # After an outcome the only question open is the offer to hear more or start over, or
        # a short prompt ("Anything else?"), to which a yes means there is something to ask.
        if answer is Answer.NO and _gets_help_now(step):
            # "Sorry, no" just after the advice for a sign told unasked may take the sign back:
            # its own question decides (asked once; a no to it goes on with the interview).
            asked_again = (
                self._sign_asked_again(conversation) if self._told_unasked(conversation) else None
            )
            if asked_again is not None:
                return asked_again
        if answer is Answer.YES:
            if _gets_help_now(step):
                return self._present(conversation)
            if conversation.heard.prompts:
                return self.help(conversation)
            if step.conditions:
                return self.more(conversation)
            return self.start_over(conversation)
        if answer is Answer.NO:
            return self.stop(conversation)
        # "Not sure" or "sometimes" to the offer: what can be asked now.
        return self.help(conversation)

    def _lead_in(self, answered: Question, following: Question | Outcome | None) -> tuple[str, ...]:
        """What is said before the next symptom question, at the two points the interview
        changes: through the screen, where it hurts can be said now, before any question;
        past the usual length, why the questions go on."""
        if not isinstance(following, Question) or following.is_safety_screen:
            return ()
        if answered.is_safety_screen and following.asked_before == 0:
            return (self.speech.say("ask.pain_now"),)
        usual = self.knowledge.settings.usual_questions
        if not answered.is_safety_screen and following.asked_before == usual:
            return (self.speech.say("ask.double_check"),)
        return ()

    def go_back(self, conversation: Conversation) -> Turn:
        interview = conversation.interview
        if interview is None:
            return self._offer(conversation, self.speech.say("answers.out_of_turn"))
        if conversation.confirming is not None:
            # "Sorry, I misspoke, it's not weak" while what was told is being checked: nothing
            # was recorded from it, so the check is dropped and the question waiting comes back.
            dropped = conversation._replace(confirming=None)
            return self._ask_current(dropped, self.speech.say("go_back.check_dropped"))
        if not interview.answers:
            return self._ask_current(conversation, self.speech.say("go_back.nothing_to_undo"))
        asked_again = self._sign_asked_again(conversation)
        if asked_again is not None:
            return asked_again
        return self._present(
            conversation.with_interview(interview.go_back()), self.speech.say("go_back.undone")
        )

    def _sign_asked_again(self, conversation: Conversation) -> Turn | None:
        """The warning sign recorded last, taken back: asked again through its own question
        rather than dropped (a sign heard wrongly can be put right, and one said rightly is
        never lost unasked). None when the last answer raised no warning sign."""
        interview = conversation.interview
        if interview is None or not interview.answers:
            return None
        flag_id, reply = interview.answers[-1]
        flag = self.knowledge.red_flags.get(flag_id)
        if flag is None or flag.triage is None or reply not in _AFFIRMING:
            return None
        checking = conversation.with_interview(interview.go_back())._replace(confirming=flag_id)
        return self._ask_current(checking, self.speech.say("volunteer.sign_taken_back"))

    def _told_unasked(self, conversation: Conversation) -> bool:
        """Whether the last answer was told unasked ("I've had a fall"), not given to the
        question then waiting."""
        interview = conversation.interview
        if interview is None or not interview.answers:
            return False
        waiting_then = step_of(interview.go_back())
        return not isinstance(waiting_then, Question) or waiting_then.id != interview.answers[-1][0]

    def correct(self, conversation: Conversation, answer: Answer | None) -> Turn:
        """ "No wait, I meant yes": the last answer changed, and what is now recorded said; never
        an answer to the question that came next."""
        interview = conversation.interview
        if answer is None:
            return self._unclear(conversation, "correction.unclear")
        if interview is None or not interview.answers:
            return self._continue(conversation, self.speech.say("correction.nothing"))
        question_id, before = interview.answers[-1]
        if answer not in _AFFIRMING and self._told_unasked(conversation):
            # "Actually no, that was my daughter" after a warning sign told unasked: the sign's
            # own question decides, as for any sign taken back.
            asked_again = self._sign_asked_again(conversation)
            if asked_again is not None:
                return asked_again
        if (
            question_id in self.knowledge.red_flags
            and before is not Answer.NO
            and answer is Answer.NO
            and isinstance(conversation.step, Question)
        ):
            # "Actually no" right after a yes to a warning-sign question most likely answers the
            # question now asked; and a yes to a warning sign is never taken back by a word that
            # could belong to the next question: the checks that follow are asked one by one.
            return self.answer(conversation, answer)
        flag = self.knowledge.red_flags.get(question_id)
        if (
            flag is not None
            and flag.triage is not None
            and before is Answer.NO
            and answer in _AFFIRMING
            and isinstance(conversation.step, Question)
        ):
            # "No sorry, I meant yes" may be the answer to the question now asked: a warning
            # sign is raised by its own question, asked again, never by a correction alone.
            checking = conversation.with_interview(interview.without(question_id))
            checking = checking._replace(confirming=question_id)
            return self._ask_current(checking, self.speech.say("correction.sign_check"))
        word = self.speech.say(f"answer_words.{answer.value}")
        if before is answer:
            return self._continue(conversation, self.speech.say("correction.same", answer=word))
        changed = conversation.with_interview(interview.go_back().with_answer(question_id, answer))
        # Said in the question's own words where it has them, so the runner hears which answer
        # changed ("Got it: running uphill or sprinting makes it worse.").
        reason = self._reason_for(question_id, answer)
        if reason:
            noted = [self.speech.say("volunteer.fact", fact=reason)]
        else:
            noted = [self.speech.say("correction.done", answer=word)]
        if self._raises_soon(question_id, answer):
            # Said as plainly as when the sign is volunteered: the interview goes on, but the
            # runner must know the result will say to see a doctor soon.
            noted.append(self.speech.say("volunteer.sign_soon"))
        return self._changed(conversation, changed, *noted)

    def _reason_for(self, question_id: str, answer: Answer) -> str | None:
        """A symptom answer in its question's words ("the pain travels past your knee"); None
        for a warning sign or "not sure"."""
        feature = self.knowledge.features.get(question_id)
        if feature is None:
            return None
        reasons = {
            Answer.YES: feature.yes_reason,
            Answer.SOMETIMES: feature.sometimes_reason,
            Answer.NO: feature.no_reason,
        }
        return reasons.get(answer)

    # --- what runners volunteer --------------------------------------------------------------

    def warning_sign(self, conversation: Conversation, flag_id: str | None) -> Turn:
        """A warning sign said unasked ("I've got a fever"): yes to its red flag, at once."""
        if flag_id == _WALKING_FLAG and conversation.waiting == _AFTER_A_POP_FLAG:
            flag_id = _AFTER_A_POP_FLAG
        flag = self.knowledge.red_flags.get(flag_id or "")
        if flag is None or flag.triage is None:
            return self._unclear(conversation, "volunteer.unclear_sign")
        interview = conversation.interview or Interview()
        if interview.answered(flag.id) in _AFFIRMING:
            step = conversation.step
            if isinstance(step, Outcome) and _gets_help_now(step):
                # "It's only a mild temperature really": the advice stands, and is said again.
                return self._offer(conversation, self.speech.say("volunteer.known"), step.advice)
            return self._continue(conversation, self.speech.say("volunteer.known"))
        raised = conversation.with_interview(_recorded(interview, flag.id, Answer.YES))
        if _gets_help_now(raised.step):
            return self._present(raised)  # nothing stands before the advice
        if isinstance(conversation.step, Outcome):  # the result, said again with the advice
            return self._present(raised, self.speech.say("volunteer.sign_soon_after_result"))
        noted = self.speech.say("volunteer.sign_soon")
        if conversation.interview is None:  # said in a one-shot request: welcome first
            welcome = self.speech.say("launch.welcome")
            return self._present(raised.hearing(disclaimers=1), welcome, noted)
        return self._present(raised, noted)

    def no_warning_sign(self, conversation: Conversation, flag_id: str | None = None) -> Turn:
        """ "I don't have a fever": good to hear, but it answers no whole question, so nothing
        is recorded. Said of a warning sign recorded yes, just before ("no wait, I didn't fall")
        or with answers since ("sorry, that was my mum who had cancer"), it takes that yes back
        through the sign's own question, asked at once; the answers since are kept."""
        interview = conversation.interview
        if (
            flag_id is not None
            and interview is not None
            and interview.answered(flag_id) in _AFFIRMING
        ):
            checking = conversation.with_interview(interview.without(flag_id))
            checking = checking._replace(confirming=flag_id)
            return self._ask_current(checking, self.speech.say("volunteer.sign_taken_back"))
        step = conversation.step
        if isinstance(step, Question) and step.is_safety_screen:
            if conversation.rest_asked == step.id:
                # Another sign denied by name once the rest was asked for ("no night pain
                # either"): the parts have had their no between them, so the answer is no, not
                # the same question a third time.
                return self.answer(conversation, Answer.NO)
            # "Never had cancer" to a question that asks about more than cancer: the rest of it
            # still wants its answer, and the runner hears why it comes again.
            asking = conversation._replace(rest_asked=step.id)
            return self._continue(asking, self.speech.say("volunteer.sign_denied_rest"))
        return self._continue(conversation, self.speech.say("volunteer.sign_denied"))

    def fact(
        self,
        conversation: Conversation,
        fact_id: str | None,
        answer: Answer = Answer.YES,
        *,
        heard_asked: bool = True,
    ) -> Turn:
        """Where it hurts or how it began, said unasked ("it's more in my groin"), hedged ("it
        goes down to my foot sometimes", `answer` sometimes), or where it does not ("it doesn't
        go below my knee", `answer` no): recorded as that answer to the matching question, and
        acknowledged in the words of its reason for that answer. `heard_asked` is False when the
        question now waiting has not been put to the runner yet (an answer in the same reply
        moved the interview on)."""
        interview = conversation.interview or Interview()
        if fact_id == _BOTH_SIDES and answer in _AFFIRMING:
            nerves = any(interview.answered(sign) in _AFFIRMING for sign in _NERVE_SIGNS)
            if nerves and interview.answered(_BOTH_LEGS_FLAG) is None:
                checking = conversation._replace(interview=interview, confirming=_BOTH_LEGS_FLAG)
                return self._ask_current(checking, self.speech.say("volunteer.both_sides_check"))
            return self._go_on(conversation, self.speech.say("volunteer.both_sides"))
        flag = CHECKED_FACTS.get(fact_id or "")
        if flag in self.knowledge.red_flags and answer is Answer.NO:
            if conversation.waiting == _DENIAL_ANSWERS.get(fact_id or ""):
                # "It doesn't hurt at night" to the question about lying on that side at night.
                return self.answer(conversation, Answer.NO)
            # "No weight loss": a warning sign denied in other words, heard as one.
            return self.no_warning_sign(conversation, flag)
        if fact_id in _ANSWERS_ITS_CHECK and answer in _AFFIRMING and conversation.waiting == flag:
            # "Yeah, a bit of tingling" to the numbness question, "getting out of the car is the
            # worst" to the stairs question: what it asks, so its answer; "both legs" to the
            # question about both legs at once is its yes, hedged or not.
            return self.answer(conversation, Answer.YES if fact_id == _BOTH_LEGS else answer)
        if (
            flag is not None
            and answer in _AFFIRMING
            and heard_asked
            and conversation.waiting == flag
        ):
            # Said to the very question that would check it ("it's deep in my buttock" to the
            # tender-spot question): not a check of itself, but that question in plainer words.
            return self.confused(conversation)
        if flag is not None and answer in _AFFIRMING:
            if interview.answered(flag) is None:
                checking = conversation._replace(interview=interview, confirming=flag)
                return self._ask_current(checking, self.speech.say(f"volunteer.{fact_id}_check"))
            return self._go_on(conversation, self.speech.say(f"volunteer.{fact_id}"))
        feature = self.knowledge.features.get(fact_id or "")
        if feature is None:
            if fact_id is None:
                return self._unclear(conversation, "volunteer.unclear_fact")
            return self._go_on(conversation, self.speech.say("volunteer.side"))
        if interview.answered(feature.id) is answer:
            return self._go_on(conversation, self.speech.say("volunteer.known"))
        reason = self._reason_for(feature.id, answer)
        assert reason is not None, "a fact is told as yes, sometimes or no"
        noted = self.speech.say("volunteer.fact", fact=reason)
        recorded = conversation.with_interview(_recorded(interview, feature.id, answer))
        step = conversation.step
        if answer is Answer.NO and isinstance(step, Question) and step.is_safety_screen:
            # "No numbness" to a safety question that asks about more than numbness: one part
            # denied, as a sign denied by name is, so the next such denial answers it no.
            recorded = recorded._replace(rest_asked=step.id)
        if conversation.interview is None:
            return self._present(
                recorded.hearing(disclaimers=1), self.speech.say("launch.welcome"), noted
            )
        checked = self._check_weakness(recorded, feature.id, answer, noted)
        return checked or self._changed(conversation, recorded, noted)

    def _check_weakness(
        self, recorded: Conversation, feature_id: str, answer: Answer, *before: str
    ) -> Turn | None:
        """Weakness in the foot, ankle or calf, affirmed: whether it is getting worse is asked at
        once (that is a warning sign), unless it was asked already or help is needed now."""
        interview = recorded.interview
        if (
            feature_id != FOOT_WEAKNESS
            or answer not in _AFFIRMING
            or interview is None
            or interview.answered(_BOTH_LEGS_FLAG) is not None
            or _gets_help_now(recorded.step)
        ):
            return None
        checking = recorded._replace(confirming=_BOTH_LEGS_FLAG)
        return self._ask_current(checking, *before, self.speech.say("volunteer.weak_leg_check"))

    def answer_with_fact(
        self, conversation: Conversation, fact_id: str | None, answer: Answer
    ) -> Turn:
        """ "No, it's more at my tailbone" or "yes, and my foot tingles": the answer to the
        question waiting, then the place or sign, as if volunteered. A no is never taken for a
        safety question this way (its warning signs are asked on their own terms), while a yes
        is (safety first); neither is taken for the place's own question."""
        step = conversation.step
        interview = conversation.interview
        if (
            isinstance(step, Question)
            and not step.is_safety_screen
            and conversation.confirming is None
            and interview is not None
            and fact_id is not None
            and step.id != fact_id
            and fact_id in self.knowledge.features
            and interview.answered(fact_id) is Answer.YES
        ):
            # "Nah, the back's just tight" when low back pain is known: nothing new is told, so
            # it is heard as the answer alone and acknowledged as such.
            return self.answer(conversation, answer)
        if (
            isinstance(step, Question)
            and step.id == _SERIOUS_FLAG
            and fact_id == _LYING_ON_SIDE
            and answer is Answer.YES
            and interview is not None
        ):
            # "Yes, it hurts at night when I lie on that side": that pain eases on turning over,
            # so the yes is to the side, not (yet) to night pain that nothing eases. The side is
            # noted and the warning sign asked again in its plainer words.
            noted = conversation.with_interview(_recorded(interview, fact_id, Answer.YES))
            reason = self.knowledge.features[fact_id].yes_reason
            return self._ask_plainly(noted, self.speech.say("volunteer.fact", fact=reason))
        if (
            isinstance(step, Question)
            and (answer is Answer.YES or not step.is_safety_screen)
            and conversation.confirming is None
            and interview is not None
            and step.id != fact_id
            and step.id != CHECKED_FACTS.get(fact_id or "")
        ):
            answered = conversation.with_interview(interview.with_answer(step.id, answer))
            if _gets_help_now(answered.step):
                return self._present(answered)  # a yes that raised a warning sign comes first
            return self.fact(answered, fact_id, heard_asked=False)
        return self.fact(conversation, fact_id)

    def gradual_onset(self, conversation: Conversation) -> Turn:
        """It came on slowly, said unasked ("it crept up on me"): a no to the sudden pull or pop
        question, acknowledged in its words."""
        return self.fact(conversation, _SUDDEN_ONSET, Answer.NO)

    def stops_above_knee(self, conversation: Conversation) -> Turn:
        """The pain stops above the knee, said unasked: a no to the past-the-knee question."""
        return self.fact(conversation, _PAST_KNEE, Answer.NO)

    def duration(self, conversation: Conversation) -> Turn:
        """How long it has hurt: no question weighs it, so it is acknowledged, not recorded."""
        return self._continue(conversation, self.speech.say("volunteer.duration"))

    def medicine(self, conversation: Conversation) -> Turn:
        """Asked about a medicine ("can I take ibuprofen?"): no medicine and no dose, only who
        can say; then back to what was waiting."""
        return self._continue(conversation, self.speech.say("topic.medicine"))

    def treatment(self, conversation: Conversation) -> Turn:
        """Asked about surgery, an injection or another treatment ("do I need surgery?"): only the
        specialist who examines the runner can say; then back to what was waiting."""
        return self._continue(conversation, self.speech.say("topic.treatment"))

    def hold_on(self, conversation: Conversation) -> Turn:
        """The runner needs a moment ("hang on"): nothing recorded, and what waited, again."""
        return self._continue(conversation, self.speech.say("volunteer.hold_on"))

    def privacy(self, conversation: Conversation) -> Turn:
        """What happens to the answers: kept only for the session; then back to what waited."""
        return self._continue(conversation, self.speech.say("topic.privacy"))

    def race(self, conversation: Conversation, cause_id: str | None = None) -> Turn:
        """Can I race on Sunday: the keep-running answer, said as stricter for a race. Before a
        result, after a warning sign's advice, or about another cause, as keep running is."""
        turn = self.after_result(conversation, "keep_running", cause_id)
        step = conversation.step
        if cause_id is not None or not isinstance(step, Outcome) or _gets_help_now(step):
            return turn
        stricter = self.speech.say("topic.race")
        return Turn(turn.conversation, turn.said._replace(speech=(stricter, *turn.said.speech)))

    def pregnancy(self, conversation: Conversation) -> Turn:
        """Pregnant, or a recent birth, said at any point: who else should hear of this pain;
        nothing recorded, then what was waiting."""
        return self._continue(conversation, self.speech.say("topic.pregnancy"))

    def ice_or_heat(self, conversation: Conversation) -> Turn:
        """Ice or heat, at any point: whichever eases it, and the care both need (the same for
        every cause); after a warning sign's advice, that advice comes first."""
        if _gets_help_now(conversation.step):
            return self.after_result(conversation, "meanwhile")
        return self._continue(conversation, self.speech.say("topic.ice_or_heat"))

    def send(self, conversation: Conversation) -> Turn:
        """Asked to text or email the result: nothing is sent; the result card holds it."""
        line = "topic.send" if isinstance(conversation.step, Outcome) else "topic.send_not_yet"
        return self._continue(conversation, self.speech.say(line))

    def not_a_doctor(self, conversation: Conversation) -> Turn:
        """Asked whether it is a doctor: no, information and not a diagnosis, and who can tell."""
        return self._continue(conversation, self.speech.say("topic.not_a_doctor"))

    def small_talk(self, conversation: Conversation) -> Turn:
        """Said in passing ("I ran a marathon last week"): a kind word, back to the question
        (with no question waiting, the kind word alone); the count of misunderstandings stays as
        it was."""
        asking = isinstance(conversation.step, Question)
        line = "volunteer.small_talk" if asking else "volunteer.small_talk_no_question"
        turn = self._continue(conversation, self.speech.say(line))
        return Turn(turn.conversation._replace(misunderstood=conversation.misunderstood), turn.said)

    # --- questions about the question ------------------------------------------------------

    def repeat(self, conversation: Conversation) -> Turn:
        if isinstance(conversation.step, Outcome):
            return self._present(conversation)
        return self._ask_current(conversation)

    def confused(self, conversation: Conversation) -> Turn:
        """Asked "what do you mean?": the question again in plainer words; nothing recorded."""
        step = conversation.step
        if isinstance(step, Question):
            if conversation.misunderstood:
                # Lost again, right after the plainer words or a miss: how to answer, then the
                # question plainly, rather than the same words over again.
                turn = self._ask_plainly(conversation, self.speech.say("ask.ways"))
                return _misunderstood(conversation, turn)
            conversation, other_words = self._filler(conversation, "other_words", "ask.other_words")
            return _misunderstood(conversation, self._ask_plainly(conversation, *other_words))
        if isinstance(step, Outcome) and step.conditions and not _gets_help_now(step):
            return self.explain(conversation, None)
        return self.help(conversation)

    def term(
        self, conversation: Conversation, term_id: str | None, heard: str | None = None
    ) -> Turn:
        """Asked "what is the sitting bone?": the term in one breath, then what was waiting. A
        word the knowledge does not explain but the question itself says ("what do you mean by
        travel?") gets the question in plainer words."""
        term = self.knowledge.terms.get(term_id or "")
        if term is None and _said_in_the_question(heard, conversation.step):
            return self.confused(conversation)
        if term is None:
            if isinstance(conversation.step, Question):
                turn = self._ask_plainly(conversation, self.speech.say("term.unknown"))
            else:
                turn = self._offer(conversation, self.speech.say("explain.unknown"))
            return _misunderstood(conversation, turn)
        return self._continue(conversation, term.explanation)

    def why(self, conversation: Conversation) -> Turn:
        step = conversation.step
        if isinstance(step, Question):
            return self._ask_current(conversation, step.purpose)
        if isinstance(step, Outcome) and step.conditions:
            name = self._name(step.conditions[0])
            reasons = [reason.text for reason in step.reasons]
            if reasons:
                why = self.speech.say("why.after_outcome", name=name, reasons=_both(reasons))
            else:
                why = self.speech.say("why.no_reasons", name=name)
            return self._offer(conversation, why)
        if isinstance(step, Outcome) and _gets_help_now(step):
            return self._offer(conversation, self._meaning(step))
        if isinstance(step, Outcome):
            return self._offer(conversation, self.speech.say("why.unclear"))
        return self._offer(conversation, self.speech.say("why.no_question"))

    def questions_left(self, conversation: Conversation) -> Turn:
        """How many questions are left: the usual number, with a few more to double-check a
        result that hangs on one answer; once double-checking, the most there can be."""
        step = conversation.step
        usual = self.knowledge.settings.usual_questions
        cap = self.knowledge.settings.question_cap
        if isinstance(step, Question):
            if step.is_safety_screen:
                left = self.speech.say("questions_left.screen", count=str(usual))
            elif step.asked_before < usual - 1:
                left = self.speech.say("questions_left.some", count=str(usual - step.asked_before))
            elif step.asked_before < usual:
                left = self.speech.say("questions_left.last_usual")
            elif (most := cap - step.asked_before) <= 1:
                left = self.speech.say("questions_left.last")
            else:
                left = self.speech.say("questions_left.checking", count=str(most))
            return self._ask_current(conversation, left)
        if isinstance(step, Outcome):
            return self._offer(conversation, self.speech.say("questions_left.none"))
        return self._offer(conversation, self.speech.say("questions_left.not_started"))

    # --- the result, and the rest on request -------------------------------------------------

    def result(self, conversation: Conversation) -> Turn:
        if isinstance(conversation.step, Outcome):
            return self._present(conversation)
        return self._continue(conversation, self.speech.say("result.not_yet"))

    def runner_up(self, conversation: Conversation) -> Turn:
        step = conversation.step
        if not isinstance(step, Outcome):
            return self._continue(conversation, self.speech.say("result.not_yet"))
        if len(step.conditions) > 1:
            said = self.speech.say("runner_up.named", name=self._name(step.conditions[1]))
        elif step.conditions:
            said = self.speech.say("runner_up.none", name=self._name(step.conditions[0]))
        elif _gets_help_now(step):
            said = self.speech.say("runner_up.red_flag")
        else:
            said = self.speech.say("runner_up.unclear")
        return self._offer(conversation, said)

    def who_to_see(self, conversation: Conversation) -> Turn:
        step = conversation.step
        if not isinstance(step, Outcome):
            return self._continue(conversation, self.speech.say("who.not_yet"))
        return self._offer(conversation, *_safety_advice(step), step.advice)

    def more(self, conversation: Conversation) -> Turn:
        """Asked "tell me more" or "what test would confirm it": the lead described, and how a
        specialist would confirm it (who to see was in the headline)."""
        step = conversation.step
        if isinstance(step, Question):
            return self._ask_current(conversation, step.purpose)
        if isinstance(step, Outcome) and step.conditions:
            lead = self.knowledge.causes[step.conditions[0]]
            described = f"{_capitalised(lead.name)}. {lead.description}"
            return self._offer(conversation, described, self._how_to_confirm(step.advice))
        if isinstance(step, Outcome) and _gets_help_now(step):
            return self._offer(conversation, self._meaning(step))
        if isinstance(step, Outcome):
            return self._offer(conversation, self._how_to_confirm(step.advice))
        return self.help(conversation)

    def how_sure(self, conversation: Conversation) -> Turn:
        """How sure the skill is, in words: how clearly the answers single out the lead."""
        step = self._named_result(conversation, "sure", not_yet="sure.not_yet")
        if isinstance(step, Turn):
            return step
        name = self._name(step.conditions[0])
        if len(step.conditions) > 1:
            other = self._name(step.conditions[1])
            return self._offer(conversation, self.speech.say("sure.close", name=name, other=other))
        if step.certainty >= self.knowledge.settings.confident_share:
            return self._offer(conversation, self.speech.say("sure.clear", name=name))
        if step.certainty >= _FAIRLY_SURE:
            return self._offer(conversation, self.speech.say("sure.fair", name=name))
        return self._offer(conversation, self.speech.say("sure.weak", name=name))

    def _named_result(
        self, conversation: Conversation, lines: str, *, not_yet: str
    ) -> Outcome | Turn:
        """The result, when it names a cause to say something of; otherwise the turn that says
        why not, from `lines`: no result yet (`not_yet`), a warning sign's advice, or nothing
        named."""
        step = conversation.step
        if not isinstance(step, Outcome):
            return self._continue(conversation, self.speech.say(not_yet))
        if _gets_help_now(step):
            return self._offer(conversation, self.speech.say(f"{lines}.red_flag"))
        if step.uncertain or not step.conditions:
            return self._offer(conversation, self.speech.say(f"{lines}.unclear"))
        return step

    def how_common(self, conversation: Conversation) -> Turn:
        """ "Is it common?": whether what the answers fit is one of the usual causes of buttock
        pain in runners, or pain from a neighbour, which is common too."""
        step = self._named_result(conversation, "common", not_yet="topic.not_yet")
        if isinstance(step, Turn):
            return step
        lead = step.conditions[0]
        kind = "lookalike" if lead in self.knowledge.lookalikes else "seven"
        name = self._name(lead)
        return self._offer(conversation, self.speech.say(f"common.{kind}", name=name))

    def after_result(
        self, conversation: Conversation, topic: str, cause_id: str | None = None
    ) -> Turn:
        """Can I keep running, what helps meanwhile, how long, when to worry, do I need a scan:
        the answer for the cause named (or for "unclear"); a warning sign's advice first. A
        runner may name a cause ("how long does sciatica take to heal?", `cause_id`): its
        answer, at any point, said as being about that cause, unless a warning sign's advice
        stands. Words that name no cause the skill knows are most often no cause at all ("what
        helps, like stretches?", "how long does it usually last?"): the question as asked."""
        step = conversation.step
        if cause_id is not None and cause_id in self.knowledge.causes and not _gets_help_now(step):
            return self._about_a_cause(conversation, topic, cause_id)
        if not isinstance(step, Outcome):
            if topic == "when_to_worry":
                return self._continue(conversation, self.speech.say("topic.worry_any_time"))
            line = "topic.running_not_yet" if topic == "keep_running" else "topic.not_yet"
            return self._continue(conversation, self.speech.say(line))
        if _gets_help_now(step):
            if topic == "when_to_worry":  # "should I call an ambulance?": the advice itself
                return self._offer(conversation, step.advice)
            return self._offer(conversation, self.speech.say(f"red_flag_topic.{topic}"))
        cause = step.conditions[0] if step.conditions and not step.uncertain else UNCLEAR
        answers = self.knowledge.after_result.get(cause) or self.knowledge.after_result[UNCLEAR]
        soon = step.safety_advice and topic in _DOCTOR_FIRST_TOPICS
        first = (self.speech.say("topic.soon_first"),) if soon else ()
        return self._offer(conversation, *first, answers[topic])

    def _about_a_cause(self, conversation: Conversation, topic: str, cause_id: str) -> Turn:
        step = conversation.step
        answer = self.knowledge.after_result[cause_id][topic]
        if isinstance(step, Outcome) and step.conditions[:1] == (cause_id,):
            return self.after_result(conversation, topic)  # the result's own cause
        # A see-a-doctor-soon sign comes first, whether the result has said it yet or not.
        interview = conversation.interview or Interview()
        soon = any(
            self._raises_soon(question_id, reply) for question_id, reply in interview.answers
        )
        first = (
            (self.speech.say("topic.soon_first"),) if soon and topic in _DOCTOR_FIRST_TOPICS else ()
        )
        about = self.speech.say("topic.about_cause", name=self._name(cause_id))
        return self._continue(conversation, *first, about, answer)

    def _raises_soon(self, question_id: str, answer: Answer) -> bool:
        """Whether this answer raises a see-a-doctor-soon warning sign."""
        flag = self.knowledge.red_flags.get(question_id)
        return flag is not None and flag.triage == "soon" and answer in _AFFIRMING

    def how_long(self, conversation: Conversation) -> Turn:
        """ "How long will it take?": before a result, the interview (how many questions are
        left); after one, how long the cause named takes to settle."""
        if isinstance(conversation.step, Outcome):
            return self.after_result(conversation, "how_long")
        return self.questions_left(conversation)

    def explain(
        self, conversation: Conversation, condition_id: str | None, heard: str | None = None
    ) -> Turn:
        """Describe a condition: the one asked for, else ("what is it") the one the outcome
        named; never the outcome's for a name that is not known ("what is tennis elbow")."""
        step = conversation.step
        if condition_id is not None and condition_id in self.knowledge.concerns:
            return self._continue(conversation, *self._concern(condition_id))
        if condition_id is None and not heard and isinstance(step, Outcome) and step.conditions:
            condition_id = step.conditions[0]
        condition = self.knowledge.causes.get(condition_id or "")
        term = self._term_named(heard) if condition is None else None
        if term is not None:
            # "Is that the same as the hamstring?": a word the knowledge explains, explained.
            return self._continue(conversation, term.explanation)
        if condition is None and _said_in_the_question(heard, step):
            return self.confused(conversation)
        if condition is None and heard and isinstance(step, Question):
            # Mid-question an unknown word is most likely one of the question's own.
            turn = self._ask_plainly(conversation, self.speech.say("term.unknown"))
            return _misunderstood(conversation, turn)
        if condition is None:
            which = self.speech.say("explain.which")
            said = [self.speech.say("explain.unknown"), which] if heard else [which]
            # Then whatever was waiting, so a following "yes" answers a question actually asked.
            turn = self._continue(conversation, *said)
            return _misunderstood(conversation, turn) if heard else turn
        description = f"{_capitalised(condition.name)}. {condition.description}"
        return self._continue(conversation, description)

    def _term_named(self, heard: str | None) -> Term | None:
        """The term the words heard name, without "the", "my" or "a", if the knowledge has it."""
        said = " ".join(word for word in (heard or "").lower().split() if word not in _ARTICLES)
        return next((term for term in self.knowledge.terms.values() if said in term.words), None)

    def compare(
        self,
        conversation: Conversation,
        first: tuple[str | None, str | None],
        second: tuple[str | None, str | None],
    ) -> Turn:
        """How two causes differ ("what's the difference between sciatica and piriformis?"),
        each in a few words, and that an exam tells them apart. Each cause is an (id, words
        heard) pair. A cause left unsaid is the result's: its lead, or its runner-up when the
        lead was said. A name that is not known is handled as "what is" it would be."""
        step = conversation.step
        if isinstance(step, Outcome) and _gets_help_now(step):
            return self._present(conversation)
        for cause_id, heard in (first, second):
            if cause_id is not None and cause_id in self.knowledge.concerns:
                return self.explain(conversation, cause_id)
            if heard and cause_id not in self.knowledge.causes:
                return self.explain(conversation, None, heard)
        said = [cause_id for cause_id, _ in (first, second) if cause_id]
        named = list(dict.fromkeys(said))
        for cause_id in step.conditions if isinstance(step, Outcome) else ():
            if len(named) < 2 and cause_id not in named:
                named.append(cause_id)
        if len(named) == 2:
            one, other = (self._set_apart(cause_id) for cause_id in named)
            return self._continue(
                conversation, self.speech.say("compare.two", first=one, second=other)
            )
        if said:  # one cause, and nothing to compare it with: what it is
            return self.explain(conversation, named[0])
        if named:  # "what's the difference?" after a result that named one cause
            only = self.speech.say("compare.one_named", name=self._name(named[0]))
            return self._continue(conversation, only)
        return self._continue(conversation, self.speech.say("compare.which"))

    def _concern(self, concern_id: str) -> tuple[str, ...]:
        """A serious cause a runner fears: the word explained, if it is a term, then what points
        to it and what to do."""
        term = self.knowledge.terms.get(concern_id)
        answer = self.knowledge.concerns[concern_id].answer
        return (term.explanation, answer) if term else (answer,)

    def _set_apart(self, cause_id: str) -> str:
        cause = self.knowledge.causes[cause_id]
        return f"{_capitalised(cause.name)}: {cause.sets_apart}"

    def suspect(
        self, conversation: Conversation, condition_id: str | None, heard: str | None = None
    ) -> Turn:
        """The runner names what they think it is ("I think I have sciatica", "could it be
        piriformis?"). Before a result: noted, not weighed (only the answers are). After one:
        how it compares with what the answers fit, and the answer that tells most against it.
        A name not known is handled as "what is" it would be."""
        step = conversation.step
        if condition_id is not None and condition_id in self.knowledge.concerns:
            return self.explain(conversation, condition_id)
        cause = self.knowledge.causes.get(condition_id or "")
        if cause is None:
            return self.explain(conversation, None, heard or "?")
        name = self._name(cause.id)
        if not isinstance(step, Outcome):
            return self._continue(conversation, self.speech.say("suspect.noted", name=name))
        if _gets_help_now(step):
            return self._present(conversation)
        lead = self._name(step.conditions[0]) if step.conditions else ""
        if step.conditions[:1] == (cause.id,):
            said = self.speech.say("suspect.lead", name=name)
        elif cause.id in step.conditions:
            said = self.speech.say("suspect.runner_up", name=name, lead=lead)
        else:
            # It fits less well than the lead, or than "none of these" when nothing fits.
            against = shipped_engine().against(
                conversation.interview or Interview(),
                cause.id,
                step.conditions[0] if step.conditions else NONE_OF_THESE,
            )
            key = "suspect.less" if step.conditions else "suspect.none"
            if against is None:
                said = self.speech.say(key, name=name, lead=lead)
            else:
                said = self.speech.say(f"{key}_because", name=name, lead=lead, reason=against.text)
        return self._offer(conversation, _capitalised(said))

    def already_asked(self, conversation: Conversation) -> Turn:
        """Told a question was asked before: none is asked twice, so it says this one is new and
        asks it in other words; nothing is recorded."""
        if isinstance(conversation.step, Question):
            return self._ask_plainly(conversation, self.speech.say("ask.not_again"))
        return self._continue(conversation)

    def disagree(self, conversation: Conversation) -> Turn:
        """The runner doubts the result: fair, it rests on their answers, and how to change
        them. Before a result, the question again in other words (nothing recorded)."""
        if isinstance(conversation.step, Question):
            return self._ask_plainly(conversation)
        if isinstance(conversation.step, Outcome):
            return self._offer(conversation, self.speech.say("result.disagree"))
        return self._continue(conversation)

    # --- help and trouble ------------------------------------------------------------------

    def help(self, conversation: Conversation) -> Turn:
        """How the skill works, and what to say at this point."""
        step = conversation.step
        if isinstance(step, Question):
            line = "help.screen" if step.is_safety_screen else "help.in_interview"
            return self._ask_current(conversation, self.speech.say(line))
        if _gets_help_now(step):
            return self._offer(conversation, self.speech.say("help.after_red_flag"))
        if isinstance(step, Outcome):
            line = "help.after_outcome" if step.conditions else "help.after_unclear"
            return self._offer(conversation, self.speech.say(line))
        return self._offer(conversation, self.speech.say("help.not_started"))

    def not_understood(self, conversation: Conversation) -> Turn:
        """Nothing the model knows: say so; the second time in a row, short help instead. With
        no question waiting (after a result, say), what can be asked is said at once: a runner
        there more often asked something beyond the skill than misspoke."""
        times = conversation.misunderstood + 1
        if not isinstance(conversation.step, Question):
            turn = self.help(conversation)
            if times < 2:
                beyond = self.speech.say("answers.beyond")
                turn = Turn(turn.conversation, _prefixed(turn.said, beyond))
        elif times < 2:
            turn = self._continue(conversation, self.speech.say("answers.not_understood"))
        else:
            turn = self._ask_plainly(conversation, self.speech.say("help.short"))
        return Turn(turn.conversation._replace(misunderstood=times), turn.said)

    def _unclear(self, conversation: Conversation, key: str) -> Turn:
        """Something volunteered that the model heard but could not place: how to say it, then
        what was waiting; a misunderstanding all the same."""
        return _misunderstood(conversation, self._continue(conversation, self.speech.say(key)))

    def error(self, conversation: Conversation) -> Turn:
        apology = self.speech.say("error.text")
        if isinstance(conversation.step, Outcome):
            return self._offer(conversation, apology)
        turn = self.repeat(conversation)
        return Turn(turn.conversation, _prefixed(turn.said, apology))

    # --- leaving -------------------------------------------------------------------------

    def stop(self, conversation: Conversation) -> Turn:
        goodbye = (self._goodbye(conversation),)
        return self._turn(conversation, Said(goodbye, reprompt=None, end_session=True))

    def thanks(self, conversation: Conversation) -> Turn:
        """Thanks: "you're welcome" and the question still waiting, or a polite goodbye."""
        welcome = self.speech.say("thanks.welcome")
        if conversation.waiting is not None:
            return self._ask_current(conversation, welcome)
        goodbye = (welcome, self._goodbye(conversation))
        return self._turn(conversation, Said(goodbye, reprompt=None, end_session=True))

    def _goodbye(self, conversation: Conversation) -> str:
        """Good luck with the running, except after a warning sign's advice not to run."""
        if _gets_help_now(conversation.step):
            return self.speech.say("goodbye.after_warning_sign")
        return self.speech.say("goodbye.text")

    # --- the outcome -------------------------------------------------------------------------

    def headline(self, outcome: Outcome) -> tuple[str, ...]:
        """The outcome in brief: the lead and its main reason, who to see, the disclaimer."""
        return (*self._headlines(outcome)[0], outcome.disclaimer)

    def _headlines(self, outcome: Outcome, said_before: str = "") -> list[tuple[str, ...]]:
        """The headline's forms, fullest first, for when safety advice or a caution needs the
        room: without the main reason (one "why" away), the advice down to who can help, or
        without who to see. A reason just said ("Got it: ...") is not said again: the next one
        is, if there is one."""
        if not outcome.conditions and outcome.triage in _GET_HELP_NOW:
            return [(outcome.advice,)]  # red-flag advice is said whole
        who, who_briefly, only_who = self._who_to_see(outcome.advice)
        if not outcome.conditions:
            sayings = [outcome.advice, who, who_briefly, only_who]
            return [(saying,) for saying in dict.fromkeys(sayings)]
        lead = self._lead_line(outcome)
        # Last, a look-alike named in the fewest words ("This looks like tailbone pain.").
        briefest = (self._lead_line(outcome, briefly=True),)
        reasons = [reason for reason in outcome.reasons if reason.text not in said_before]
        if not reasons:
            return list(dict.fromkeys([(lead, who), (lead, who_briefly), (lead,), briefest]))
        because = self._lead_line(outcome, reasons[0].text)
        forms: list[tuple[str, ...]] = [
            (because, who),
            (because, who_briefly),
            (lead, who),
            (because,),
            (lead,),
            briefest,
        ]
        if len(outcome.conditions) > 1:
            # Two named: the second is said too when it fits with the reason and who can help
            # (else "what else could it be?" and the card have it).
            name = _capitalised(self._name(outcome.conditions[1]))
            second = self.speech.say("outcome.second", name=name)
            forms = [(because, second, who), (because, second, who_briefly), *forms]
        return list(dict.fromkeys(forms))

    def _who_to_see(self, advice: str) -> tuple[str, str, str]:
        """The advice up to who can help ("A sports medicine doctor ... can help."), leaving
        how they would confirm it for "tell me more": whole; briefly, without what sets them
        apart ("who treats runners": the card and "who should I see" say it whole); and alone,
        without what comes before."""
        before, who, _ = _who_can(advice)
        if not who:
            return advice, advice, advice
        alone = self.speech.say("outcome.who", who=who)
        briefly = self.speech.say("outcome.who", who=who.split(" who ")[0])
        return " ".join([*before, alone]), " ".join([*before, briefly]), alone

    def _how_to_confirm(self, advice: str) -> str:
        """The advice from what can be done on ("A specialist can confirm it with ...")."""
        _, who, rest = _who_can(advice)
        if not who:
            return advice
        specialist = self.speech.say("outcome.specialist")
        return f"{specialist} can {rest}"

    def _say_outcome(self, conversation: Conversation, outcome: Outcome, *before: str) -> Turn:
        """The result in at most MAX_RESULT_WORDS: safety advice first and whole; then the
        fullest headline that fits, the disclaimer (at most twice a session), "the result is in
        your Alexa app" (once), and one offer to hear more (a warning sign's advice ends with
        how to hear it again, and the session stays open for that)."""
        heard = conversation.heard
        locale = conversation.locale
        card = Card(title=self._card_title(outcome), content=self._card_text(outcome))
        help_now = outcome.triage in _GET_HELP_NOW
        disclaimer = [outcome.disclaimer] if heard.disclaimers < _DISCLAIMERS else []
        in_app = [] if heard.in_the_app else [self.speech.say("outcome.in_the_app")]
        if help_now:
            ending = self.speech.say("outcome.repeat_hint")
        elif heard.offered:  # the result again: the offer to hear more was made already
            ending = self.speech.say(_PROMPTS[heard.prompts % len(_PROMPTS)])
        else:
            ending = self._offer_line(outcome)
        # Fullest first: the caution said whole, then in brief (the card lists every sign).
        cautions: list[str | None] = [outcome.caution] if outcome.caution else [None]
        if outcome.caution:
            cautions.append(self.speech.say("outcome.caution_brief"))
        # A result always ends with what to say next and drops "in your Alexa app" first; a
        # warning sign's advice ends with how to hear it again, before the disclaimer (the card
        # carries that).
        endings = [[ending]]
        if help_now:
            in_app = []
            endings = [[*disclaimer, ending], [ending], disclaimer, []]
            disclaimer = []
        # A "soon" outcome's advice said whole, else in brief (the card has it whole).
        safety = [_safety_advice(outcome)]
        if outcome.safety_advice:
            safety.append((self.speech.say("outcome.soon_brief"),))
        headlines = self._headlines(outcome, " ".join(before))
        apps = dict.fromkeys([tuple(in_app), ()])
        forms = (
            [*first, *headline, *filter(None, [caution]), *disclaimer, *app, *end]
            for first in safety
            for caution in cautions
            for headline in headlines
            for end in endings
            for app in apps
        )
        # What comes before ("Got it: ...") is not the result's: it costs the result no words
        # of its own, only room in the turn.
        said_before = _words(self.speech.localised(" ".join(before), locale))
        # Each line is counted once: the forms share most of their lines.
        counts: dict[str, int] = {}
        for result in forms:
            for line in result:
                if line not in counts:
                    counts[line] = _words(self.speech.localised(line, locale))
            words = sum(counts[line] for line in result)
            if words <= MAX_RESULT_WORDS and said_before + words <= MAX_TURN_WORDS:
                break  # the fullest form that fits; if none does, the last and briefest
        parts = [*before, *result]
        said_app = any(line in parts for line in in_app)
        ended = ending in parts and not help_now
        conversation = conversation.hearing(
            disclaimers=1 if outcome.disclaimer in parts else 0,
            in_the_app=1 if said_app else 0,
            offered=1 if ended and not heard.offered else 0,
            prompts=1 if ended and heard.offered else 0,
        )
        if help_now:
            repeat = self.speech.say("outcome.repeat_hint")
            said = Said(tuple(parts), reprompt=f"{outcome.advice} {repeat}", card=card)
        else:
            said = Said(tuple(parts), reprompt=self._reprompt_after(outcome), card=card)
        return self._turn(conversation, said)

    def _card_text(self, outcome: Outcome) -> str:
        """Everything, in full, for the Alexa app: it is read, not heard. Every reason, not
        only the main one the headline says (a screen shows them all, and never more than the
        card)."""
        lines = list(_safety_advice(outcome))
        if outcome.conditions:
            reasons = _both([reason.text for reason in outcome.reasons])
            lines.append(self._lead_line(outcome, reasons))
            if len(outcome.conditions) > 1:
                lines.append(
                    self.speech.say("runner_up.named", name=self._name(outcome.conditions[1]))
                )
        lines.append(outcome.advice)
        if outcome.caution:
            lines.append(outcome.caution)
        lines.append(outcome.disclaimer)
        return " ".join(lines)

    def _card_title(self, outcome: Outcome) -> str:
        if outcome.triage in (*_GET_HELP_NOW, "soon"):
            return self.speech.say("outcome.card_title_urgent")
        if not outcome.conditions:  # unclear: no cause to name in the title
            return self.speech.say("outcome.card_title_unclear")
        return self.speech.say("outcome.card_title")

    # --- building what is said ------------------------------------------------------------------

    def _turn(self, conversation: Conversation, said: Said) -> Turn:
        """The one place every turn is finished: understood (the count of misunderstandings
        starts again), and every line in the words of the request's locale."""
        locale = conversation.locale
        local = self.speech.localised
        card = said.card
        if card is not None:
            card = Card(local(card.title, locale), local(card.content, locale))
        localised = Said(
            tuple([local(line, locale) for line in said.speech]),
            None if said.reprompt is None else local(said.reprompt, locale),
            said.end_session,
            card,
        )
        if conversation.misunderstood:
            conversation = conversation._replace(misunderstood=0)
        return Turn(conversation, localised)

    def _filler(
        self, conversation: Conversation, counter: str, key: str
    ) -> tuple[Conversation, tuple[str, ...]]:
        """A filler line, unless it has been said often enough this session already."""
        if getattr(conversation.heard, counter) >= _AT_MOST:
            return conversation, ()
        return conversation.hearing(**{counter: 1}), (self.speech.say(key),)

    def _present(self, conversation: Conversation, *before: str) -> Turn:
        step = conversation.step
        if isinstance(step, Question):
            return self._ask(conversation, step, *before)
        assert isinstance(step, Outcome)
        return self._say_outcome(conversation, step, *before)

    def _changed(self, before: Conversation, after: Conversation, *noted: str) -> Turn:
        """After a correction or a volunteered fact: carry on, saying so if a result stands
        unchanged or a result gives way to more questions."""
        was, now = before.step, after.step
        if (
            isinstance(was, Outcome)
            and isinstance(now, Outcome)
            and (now.triage, now.conditions) == (was.triage, was.conditions)
        ):
            return self._offer(after, *noted, self.speech.say("volunteer.same_result"))
        if isinstance(was, Outcome) and isinstance(now, Question):
            return self._ask_current(after, *noted, self.speech.say("volunteer.more_questions"))
        return self._present(after, *noted)

    def _ask_current(self, conversation: Conversation, *before: str) -> Turn:
        step = conversation.step
        if not isinstance(step, Question):
            return (
                self._present(conversation, *before) if step else self._offer(conversation, *before)
            )
        return self._ask(conversation, step, *before)

    def _ask(self, conversation: Conversation, question: Question, *before: str) -> Turn:
        """Ask `question`, the step the conversation waits for."""
        return self._turn(
            conversation, Said((*before, question.text), reprompt=self._reprompt(question))
        )

    def _ask_plainly(self, conversation: Conversation, *before: str) -> Turn:
        step = conversation.step
        assert isinstance(step, Question)
        plain = step.plain
        return self._turn(conversation, Said((*before, plain), reprompt=self._reprompt(step)))

    def _reprompt(self, question: Question) -> str:
        """The question in other words, and the ways to answer it."""
        ways = self.speech.say("ask.ways")
        return f"{question.plain} {ways}"

    def _go_on(self, conversation: Conversation, *before: str) -> Turn:
        """As `_continue`, but a result not yet heard is said in full: an answer given with a
        fact already known ("no, it's more the dimple") may have just ended the interview."""
        if isinstance(conversation.step, Outcome) and not conversation.heard.offered:
            return self._present(conversation, *before)
        return self._continue(conversation, *before)

    def _continue(self, conversation: Conversation, *before: str) -> Turn:
        """Say something, then go back to what was waiting: a question, or the offer."""
        step = conversation.step
        if isinstance(step, Question):
            return self._ask(conversation, step, *before)
        return self._offer(conversation, *before)

    def _offer(self, conversation: Conversation, *before: str) -> Turn:
        """Say something, then what the runner can do next: once per result the offer to hear
        more; after that a short prompt, never the same one three times running."""
        step = conversation.step
        if isinstance(step, Outcome):
            if not conversation.heard.offered and not _gets_help_now(step):
                offer = self._offer_line(step)
                conversation = conversation.hearing(offered=1)
            else:
                offer = self.speech.say(_PROMPTS[conversation.heard.prompts % len(_PROMPTS)])
                conversation = conversation.hearing(prompts=1)
            reprompt = self._reprompt_after(step)
        else:
            offer = reprompt = self.speech.say("offer.start")
        return self._turn(conversation, Said((*before, offer), reprompt=reprompt))

    def _offer_line(self, step: Outcome) -> str:
        """The one offer after a result: hear more, or start over when nothing was named."""
        if step.conditions:
            return self.speech.say("offer.after_outcome")
        return self.speech.say("offer.after_unclear")

    def _reprompt_after(self, step: Outcome) -> str:
        """What the runner can say once there is a result."""
        if step.triage in _GET_HELP_NOW:
            return f"{step.advice} {self.speech.say('outcome.repeat_hint')}"
        return self.speech.say("offer.how" if step.conditions else "offer.how_unclear")

    def _meaning(self, outcome: Outcome) -> str:
        """What the warning sign behind a red-flag outcome can mean, else its advice."""
        flag = self.knowledge.red_flags.get(outcome.red_flag or "")
        return flag.purpose if flag is not None else outcome.advice

    def _lead_line(self, outcome: Outcome, reason: str = "", *, briefly: bool = False) -> str:
        """The outcome's lead, and why when there is a reason: one of the seven as the best
        lead, a look-alike as pain that comes from somewhere else (`briefly`: just its name)."""
        lead = outcome.conditions[0]
        key = "outcome.elsewhere" if lead in self.knowledge.lookalikes else "outcome.lead"
        if briefly and lead in self.knowledge.lookalikes:
            return self.speech.say("outcome.elsewhere_brief", name=self._name(lead))
        if reason:
            return self.speech.say(f"{key}_because", name=self._name(lead), reason=reason)
        return self.speech.say(key, name=self._name(lead))

    def _name(self, condition_id: str) -> str:
        return self.knowledge.causes[condition_id].name


def _said_in_the_question(heard: str | None, step: object) -> bool:
    """Whether every word heard is a word of the waiting question, as asked or put plainly."""
    if not heard or not isinstance(step, Question):
        return False
    asked = set(re.findall(r"[a-z']+", f"{step.text} {step.plain}".lower()))
    return set(re.findall(r"[a-z']+", heard.lower())) <= asked


def _misunderstood(before: Conversation, turn: Turn) -> Turn:
    """A turn that did not understand the runner: the count of misunderstandings goes up."""
    return Turn(turn.conversation._replace(misunderstood=before.misunderstood + 1), turn.said)


def _words(text: str) -> int:
    return len(text.split())


def _who_can(advice: str) -> tuple[list[str], str, str]:
    """Advice split at its first "... can ...": the sentences before, who, and the rest."""
    sentences = _SENTENCE_END.split(advice.strip())
    for position, sentence in enumerate(sentences):
        who, can, rest = sentence.partition(" can ")
        if can:
            return sentences[:position], who, " ".join([rest, *sentences[position + 1 :]])
    return sentences, "", ""


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _prefixed(said: Said, line: str) -> Said:
    return Said((line, *said.speech), said.reprompt, said.end_session, said.card)
