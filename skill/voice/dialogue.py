"""What the skill says for each thing a person can say, in each state of the conversation.

Pure Python (no Alexa imports): a `Conversation` and what the runner said go in, the next
`Conversation` and what the skill says (`Said`, in plain text) come out. The Alexa handlers
only translate.

Turns are short by ear: a question turn is the question; the outcome is a headline (the lead,
the main reason, who to see, the disclaimer) and the rest comes on request ("why", "tell me
more", "what else could it be", "who should I see"). Every line is localised once, as the turn
is built, for the request's locale.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from skill.knowledge import Knowledge, load_knowledge
from skill.knowledge.speech import DEFAULT_LOCALE, Speech, load_speech
from skill.triage import Answer, Interview, Outcome, Question, shipped_engine

# No spoken turn is longer than this, in words.
MAX_TURN_WORDS = 70
# Triage levels that end the session: nothing should stand between the runner and help.
_GET_HELP_NOW = ("emergency", "urgent")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


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


class Conversation(NamedTuple):
    """The interview (None before one has started, after a one-shot question, say), the
    request's locale, and how many requests in a row were not understood."""

    interview: Interview | None = None
    locale: str = DEFAULT_LOCALE
    misunderstood: int = 0

    @property
    def step(self) -> Question | Outcome | None:
        """What the interview waits for, derived (and memoised by the engine) on each use."""
        return None if self.interview is None else step_of(self.interview)

    def with_interview(self, interview: Interview) -> Conversation:
        return self._replace(interview=interview)


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
        return self._ask_current(fresh, self.speech.say("launch.welcome"))

    def start(self, conversation: Conversation) -> Turn:
        """The runner describes their pain ("my hip hurts"): start, or carry on where we are."""
        if isinstance(conversation.step, Question):
            return self._ask_current(conversation, self.speech.say("ask.carry_on"))
        if isinstance(conversation.step, Outcome):
            return self._offer(conversation)
        return self.launch(conversation)

    def start_over(self, conversation: Conversation) -> Turn:
        fresh = conversation.with_interview(Interview())
        return self._ask_current(fresh, self.speech.say("launch.restart"))

    # --- answers -------------------------------------------------------------------------

    def answer(self, conversation: Conversation, answer: Answer) -> Turn:
        step = conversation.step
        if isinstance(step, Question):
            assert conversation.interview is not None
            moved_on = conversation.with_interview(
                conversation.interview.with_answer(step.id, answer)
            )
            return self._present(moved_on)
        if step is None:
            if answer is Answer.YES:
                fresh = conversation.with_interview(Interview())
                return self._ask_current(fresh, self.speech.say("launch.begin"))
            if answer is Answer.NO:
                return self.stop(conversation)
            return self._offer(conversation, self.speech.say("help.not_started"))
        # After an outcome the only question open is the offer to hear more or start over.
        if answer is Answer.YES:
            if step.conditions:
                return self.more(conversation)
            return self.start_over(conversation)
        if answer is Answer.NO:
            return self.stop(conversation)
        return self._offer(conversation)

    def go_back(self, conversation: Conversation) -> Turn:
        interview = conversation.interview
        if interview is None:
            return self._offer(conversation, self.speech.say("answers.out_of_turn"))
        if not interview.answers:
            return self._ask_current(conversation, self.speech.say("go_back.nothing_to_undo"))
        return self._ask_current(
            conversation.with_interview(interview.go_back()), self.speech.say("go_back.undone")
        )

    # --- questions about the question ------------------------------------------------------

    def repeat(self, conversation: Conversation) -> Turn:
        if isinstance(conversation.step, Outcome):
            return self._present(conversation)
        return self._ask_current(conversation)

    def confused(self, conversation: Conversation) -> Turn:
        """Asked "what do you mean?": the question again in plainer words; nothing recorded."""
        step = conversation.step
        if isinstance(step, Question):
            return self._ask_plainly(conversation, self.speech.say("ask.other_words"))
        if isinstance(step, Outcome) and step.conditions:
            return self.explain(conversation, None)
        return self.help(conversation)

    def term(self, conversation: Conversation, term_id: str | None) -> Turn:
        """Asked "what is the sitting bone?": the term in one breath, then what was waiting."""
        term = self.knowledge.terms.get(term_id or "")
        if isinstance(conversation.step, Question):
            if term is None:
                return self._ask_plainly(conversation, self.speech.say("term.unknown"))
            return self._ask_current(conversation, term.explanation)
        if term is None:
            return self._offer(conversation, self.speech.say("explain.unknown"))
        return self._offer(conversation, term.explanation)

    def why(self, conversation: Conversation) -> Turn:
        step = conversation.step
        if isinstance(step, Question):
            return self._ask_current(conversation, step.purpose)
        if isinstance(step, Outcome) and step.conditions:
            name = self._name(step.conditions[0])
            reasons = [reason.text for reason in step.reasons]
            if reasons:
                why = self.speech.say("why.after_outcome", name=name, reasons=" and ".join(reasons))
            else:
                why = self.speech.say("why.no_reasons", name=name)
            return self._offer(conversation, why)
        if isinstance(step, Outcome):
            return self._offer(conversation, step.advice)
        return self._offer(conversation, self.speech.say("why.no_question"))

    def questions_left(self, conversation: Conversation) -> Turn:
        step = conversation.step
        cap = self.knowledge.settings.question_cap
        if isinstance(step, Question):
            if step.is_safety_screen:
                left = self.speech.say("questions_left.screen", count=str(cap))
            elif cap - step.asked_before <= 1:
                left = self.speech.say("questions_left.last")
            else:
                left = self.speech.say("questions_left.some", count=str(cap - step.asked_before))
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
        elif step.triage == "unclear":
            said = self.speech.say("runner_up.unclear")
        else:
            said = step.advice
        return self._offer(conversation, said)

    def who_to_see(self, conversation: Conversation) -> Turn:
        step = conversation.step
        if not isinstance(step, Outcome):
            return self._continue(conversation, self.speech.say("who.not_yet"))
        return self._offer(conversation, step.advice)

    def more(self, conversation: Conversation) -> Turn:
        """Asked "tell me more" or "what test would confirm it": the lead described, and how a
        specialist would confirm it (who to see was in the headline)."""
        step = conversation.step
        if isinstance(step, Question):
            return self._ask_current(conversation, step.purpose)
        if isinstance(step, Outcome) and step.conditions:
            lead = self.knowledge.causes[step.conditions[0]]
            described = f"{_capitalised(lead.name)}. {lead.description}"
            confirm = self._how_to_confirm(step.advice)
            follow_up = self.speech.say("offer.after_explaining")
            return self._turn(
                conversation, Said((described, confirm, follow_up), reprompt=follow_up)
            )
        if isinstance(step, Outcome):
            return self._offer(conversation, step.advice)
        return self.help(conversation)

    def explain(
        self, conversation: Conversation, condition_id: str | None, heard: str | None = None
    ) -> Turn:
        """Describe a condition: the one asked for, else the one the outcome named."""
        step = conversation.step
        if condition_id is None and isinstance(step, Outcome) and step.conditions:
            condition_id = step.conditions[0]
        condition = self.knowledge.causes.get(condition_id or "")
        if condition is None and heard and isinstance(step, Question):
            # Mid-question an unknown word is most likely one of the question's own.
            return self._ask_plainly(conversation, self.speech.say("term.unknown"))
        if condition is None:
            which = self.speech.say("explain.which")
            said = [self.speech.say("explain.unknown"), which] if heard else [which]
            # Then whatever was waiting, so a following "yes" answers a question actually asked.
            return self._continue(conversation, *said)
        description = f"{_capitalised(condition.name)}. {condition.description}"
        if isinstance(step, Outcome):
            follow_up = self.speech.say("offer.after_explaining")
            return self._turn(conversation, Said((description, follow_up), reprompt=follow_up))
        return self._continue(conversation, description)

    # --- help and trouble ------------------------------------------------------------------

    def help(self, conversation: Conversation) -> Turn:
        step = conversation.step
        if isinstance(step, Question):
            return self._ask_current(conversation, self.speech.say("help.in_interview"))
        if isinstance(step, Outcome):
            return self._offer(conversation, self.speech.say("help.after_outcome"))
        return self._offer(conversation, self.speech.say("help.not_started"))

    def not_understood(self, conversation: Conversation) -> Turn:
        """Nothing the model knows: say so; the second time in a row, short help instead."""
        times = conversation.misunderstood + 1
        if times < 2:
            turn = self._continue(conversation, self.speech.say("answers.not_understood"))
        elif isinstance(conversation.step, Question):
            turn = self._ask_plainly(conversation, self.speech.say("help.short"))
        else:
            turn = self.help(conversation)
        return Turn(turn.conversation._replace(misunderstood=times), turn.said)

    def error(self, conversation: Conversation) -> Turn:
        apology = self.speech.say("error.text")
        if isinstance(conversation.step, Outcome):
            return self._offer(conversation, apology)
        turn = self.repeat(conversation)
        return Turn(turn.conversation, _prefixed(turn.said, apology))

    # --- leaving -------------------------------------------------------------------------

    def stop(self, conversation: Conversation) -> Turn:
        goodbye = (self.speech.say("goodbye.text"),)
        return self._turn(conversation, Said(goodbye, reprompt=None, end_session=True))

    # --- the outcome -------------------------------------------------------------------------

    def headline(self, outcome: Outcome) -> tuple[str, ...]:
        """The outcome in brief: the lead and its main reason, who to see, the disclaimer."""
        return self._headlines(outcome)[0]

    def _headlines(self, outcome: Outcome) -> list[tuple[str, ...]]:
        """The headline's forms, fullest first, for when safety advice or a caution needs the
        room: without the main reason (one "why" away), the advice down to who can help, or
        without who to see."""
        who = self._who_to_see(outcome.advice)
        if not outcome.conditions:
            if outcome.triage in _GET_HELP_NOW:  # red-flag advice is said whole
                return [(outcome.advice, outcome.disclaimer)]
            only_who = self._who_to_see(outcome.advice, alone=True)
            forms = [outcome.advice, who, only_who]
            return [(form, outcome.disclaimer) for form in dict.fromkeys(forms)]
        lead = self._lead_line(outcome)
        # Last of all, who to see gives way (it is on the card and one "who" away).
        briefest = (lead, outcome.disclaimer)
        if not outcome.reasons:
            return [(lead, who, outcome.disclaimer), briefest]
        because = self._lead_line(outcome, outcome.reasons[0].text)
        return [(because, who, outcome.disclaimer), (lead, who, outcome.disclaimer), briefest]

    def _who_to_see(self, advice: str, *, alone: bool = False) -> str:
        """The advice up to who can help ("A sports medicine doctor ... can help."), leaving
        how they would confirm it for "tell me more"; `alone` drops what comes before."""
        before, who, _ = _who_can(advice)
        if not who:
            return advice
        return " ".join([*([] if alone else before), self.speech.say("outcome.who", who=who)])

    def _how_to_confirm(self, advice: str) -> str:
        """The advice from what can be done on ("A specialist can confirm it with ...")."""
        _, who, rest = _who_can(advice)
        if not who:
            return advice
        specialist = self.speech.say("outcome.specialist")
        return f"{specialist} can {rest}"

    def _say_outcome(self, outcome: Outcome, locale: str) -> Said:
        card = Card(title=self._card_title(outcome), content=self._card_text(outcome))
        ending = [self.speech.say("outcome.in_the_app")]
        if outcome.triage not in _GET_HELP_NOW:
            ending.append(self._offer_line(outcome))
        # Fullest first: the caution said whole, then in brief (the card lists every sign).
        cautions = [outcome.caution]
        if outcome.caution:
            cautions.append(self.speech.say("outcome.caution_brief"))
        headlines = self._headlines(outcome)
        forms = [(c, h) for c in cautions for h in headlines]
        for caution, (*before_disclaimer, disclaimer) in forms:
            parts = [*_safety_advice(outcome), *before_disclaimer]
            if outcome.caution and caution:
                parts.append(caution)
            parts += [disclaimer, *ending]
            spoken = " ".join(self.speech.localised(part, locale) for part in parts)
            if len(spoken.split()) <= MAX_TURN_WORDS:
                break
        if outcome.triage in _GET_HELP_NOW:
            # Nothing should stand between the runner and getting help: no further questions.
            return Said(tuple(parts), reprompt=None, end_session=True, card=card)
        return Said(tuple(parts), reprompt=self._offer_line(outcome, full=True), card=card)

    def _card_text(self, outcome: Outcome) -> str:
        """Everything, in full, for the Alexa app: it is read, not heard. Every reason, not
        only the main one the headline says (a screen shows them all, and never more than the
        card)."""
        lines = list(_safety_advice(outcome))
        if outcome.conditions:
            reasons = " and ".join(reason.text for reason in outcome.reasons)
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

        def local(text: str) -> str:
            return self.speech.localised(text, locale)

        card = said.card
        if card is not None:
            card = Card(local(card.title), local(card.content))
        localised = Said(
            tuple(local(line) for line in said.speech),
            None if said.reprompt is None else local(said.reprompt),
            said.end_session,
            card,
        )
        return Turn(conversation._replace(misunderstood=0), localised)

    def _present(self, conversation: Conversation) -> Turn:
        step = conversation.step
        if isinstance(step, Question):
            return self._ask_current(conversation)
        assert isinstance(step, Outcome)
        return self._turn(conversation, self._say_outcome(step, conversation.locale))

    def _ask_current(self, conversation: Conversation, *before: str) -> Turn:
        step = conversation.step
        if not isinstance(step, Question):
            return self._present(conversation) if step else self._offer(conversation, *before)
        return self._turn(conversation, Said((*before, step.text), reprompt=self._reprompt(step)))

    def _ask_plainly(self, conversation: Conversation, *before: str) -> Turn:
        step = conversation.step
        assert isinstance(step, Question)
        plain = step.plain
        return self._turn(conversation, Said((*before, plain), reprompt=self._reprompt(step)))

    def _reprompt(self, question: Question) -> str:
        """The question in other words, and the ways to answer it."""
        ways = self.speech.say("ask.ways")
        return f"{question.plain} {ways}"

    def _continue(self, conversation: Conversation, *before: str) -> Turn:
        """Say something, then go back to what was waiting: a question, or the offer."""
        if isinstance(conversation.step, Question):
            return self._ask_current(conversation, *before)
        return self._offer(conversation, *before)

    def _offer(self, conversation: Conversation, *before: str) -> Turn:
        step = conversation.step
        offer = self._offer_line(step)
        return self._turn(
            conversation, Said((*before, offer), reprompt=self._offer_line(step, full=True))
        )

    def _offer_line(self, step: Question | Outcome | None, *, full: bool = False) -> str:
        """What the skill offers to do next; `full` adds how to answer (for a reprompt)."""
        if isinstance(step, Outcome):
            if step.conditions:
                offer = self.speech.say("offer.after_outcome")
                how = self.speech.say("offer.how")
                return f"{offer} {how}" if full else offer
            return self.speech.say("offer.after_unclear")
        return self.speech.say("offer.start")

    def _lead_line(self, outcome: Outcome, reason: str = "") -> str:
        """The outcome's lead, and why when there is a reason: one of the seven as the best
        lead, a look-alike as pain that comes from somewhere else."""
        lead = outcome.conditions[0]
        key = "outcome.elsewhere" if lead in self.knowledge.lookalikes else "outcome.lead"
        if reason:
            return self.speech.say(f"{key}_because", name=self._name(lead), reason=reason)
        return self.speech.say(key, name=self._name(lead))

    def _name(self, condition_id: str) -> str:
        return self.knowledge.causes[condition_id].name


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
