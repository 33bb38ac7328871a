"""What the skill says for each thing a person can say, in each state of the conversation.

Pure Python (no Alexa imports): a `Conversation` and what the runner said go in, the next
`Conversation` and what the skill says (`Said`, in plain text) come out. The Alexa handlers
only translate.
"""

from __future__ import annotations

import copy
from typing import NamedTuple

from skill.knowledge import Knowledge, load_knowledge
from skill.knowledge.speech import FALLBACK_LOCALE, Speech, load_speech
from skill.triage import Answer, Interview, Outcome, Question, shipped_engine


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
    """The interview, or None before one has started (after a one-shot question, say)."""

    interview: Interview | None = None

    @property
    def step(self) -> Question | Outcome | None:
        """What the interview waits for, derived (and memoised by the engine) on each use."""
        return None if self.interview is None else shipped_engine().next_step(self.interview)


class Turn(NamedTuple):
    conversation: Conversation
    said: Said


class Dialogue:
    def __init__(
        self,
        knowledge: Knowledge | None = None,
        speech: Speech | None = None,
        locale: str = FALLBACK_LOCALE,
    ) -> None:
        self.knowledge = knowledge or load_knowledge()
        self.speech = speech or load_speech()
        # The request's locale: whose words fill the clinical text's placeholders.
        self.locale = locale

    def in_locale(self, locale: str) -> Dialogue:
        """The same dialogue speaking to a request in `locale`."""
        if locale == self.locale:
            return self
        local = copy.copy(self)
        local.locale = locale
        return local

    # --- starting ------------------------------------------------------------------------

    def launch(self) -> Turn:
        return self._ask_current(Conversation(Interview()), self.speech.say("launch.welcome"))

    def start_over(self, conversation: Conversation) -> Turn:
        return self._ask_current(Conversation(Interview()), self.speech.say("launch.restart"))

    # --- answers -------------------------------------------------------------------------

    def answer(self, conversation: Conversation, answer: Answer) -> Turn:
        step = conversation.step
        if isinstance(step, Question):
            assert conversation.interview is not None
            moved_on = Conversation(conversation.interview.with_answer(step.id, answer))
            return self._present(moved_on)
        if step is None:
            if answer is Answer.YES:
                return self._ask_current(Conversation(Interview()), self.speech.say("launch.begin"))
            if answer is Answer.NO:
                return self.stop(conversation)
            return self._offer(conversation, self.speech.say("help.not_started"))
        # After an outcome the only question open is the offer to hear more or start over.
        if answer is Answer.YES:
            if step.triage == "see_specialist":
                return self.explain(conversation, step.conditions[0])
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
            Conversation(interview.go_back()), self.speech.say("go_back.undone")
        )

    # --- questions about the interview -----------------------------------------------------

    def repeat(self, conversation: Conversation) -> Turn:
        if isinstance(conversation.step, Outcome):
            return self._present(conversation)
        return self._ask_current(conversation)

    def why(self, conversation: Conversation) -> Turn:
        step = conversation.step
        if isinstance(step, Question):
            return self._ask_current(conversation, step.purpose)
        if isinstance(step, Outcome) and step.conditions:
            name = self.knowledge.conditions[step.conditions[0]].name
            return self._offer(conversation, self.speech.say("why.after_outcome", name=name))
        return self._offer(conversation, self.speech.say("why.no_question"))

    def explain(
        self, conversation: Conversation, condition_id: str | None, heard: str | None = None
    ) -> Turn:
        """Describe a condition: the one asked for, else the one the outcome named."""
        step = conversation.step
        if condition_id is None and isinstance(step, Outcome) and step.conditions:
            condition_id = step.conditions[0]
        condition = self.knowledge.conditions.get(condition_id or "")
        if condition is None:
            which = self.speech.say("explain.which")
            said = [self.speech.say("explain.unknown"), which] if heard else [which]
            # Then whatever was waiting, so a following "yes" answers a question actually asked.
            return self._continue(conversation, *said)
        description = f"{_capitalised(condition.name)}. {condition.description}"
        if isinstance(step, Outcome):
            follow_up = self.speech.say("offer.after_explaining")
            return Turn(conversation, Said((description, follow_up), reprompt=follow_up))
        return self._continue(conversation, description)

    def help(self, conversation: Conversation) -> Turn:
        step = conversation.step
        if isinstance(step, Question):
            return self._ask_current(conversation, self.speech.say("help.in_interview"))
        if isinstance(step, Outcome):
            return self._offer(conversation, self.speech.say("help.after_outcome"))
        return self._offer(conversation, self.speech.say("help.not_started"))

    def not_understood(self, conversation: Conversation) -> Turn:
        if isinstance(conversation.step, Question):
            return self._ask_current(
                conversation,
                self.speech.say("answers.not_understood"),
                self.speech.say("answers.hint"),
            )
        return self._offer(conversation, self.speech.say("answers.not_understood"))

    def error(self, conversation: Conversation) -> Turn:
        turn = self.repeat(conversation)
        apology = self.speech.say("error.text")
        return Turn(turn.conversation, _prefixed(turn.said, apology))

    # --- leaving -------------------------------------------------------------------------

    def stop(self, conversation: Conversation) -> Turn:
        goodbye = (self.speech.say("goodbye.text"),)
        return Turn(conversation, Said(goodbye, reprompt=None, end_session=True))

    # --- building what is said ------------------------------------------------------------------

    def _present(self, conversation: Conversation) -> Turn:
        step = conversation.step
        if isinstance(step, Question):
            return self._ask_current(conversation)
        assert isinstance(step, Outcome)
        return Turn(conversation, self._say_outcome(step))

    def _ask_current(self, conversation: Conversation, *before: str) -> Turn:
        step = conversation.step
        if not isinstance(step, Question):
            return self._present(conversation) if step else self._offer(conversation, *before)
        return Turn(conversation, Said((*before, step.text), reprompt=step.text))

    def _continue(self, conversation: Conversation, *before: str) -> Turn:
        """Say something, then go back to what was waiting: a question, or the offer."""
        if isinstance(conversation.step, Question):
            return self._ask_current(conversation, *before)
        return self._offer(conversation, *before)

    def _offer(self, conversation: Conversation, *before: str) -> Turn:
        offer = self._offer_line(conversation.step)
        return Turn(conversation, Said((*before, offer), reprompt=offer))

    def _offer_line(self, step: Question | Outcome | None) -> str:
        if isinstance(step, Outcome):
            if step.conditions:
                name = self.knowledge.conditions[step.conditions[0]].name
                return self.speech.say("offer.after_outcome", name=name)
            return self.speech.say("offer.after_unclear")
        return self.speech.say("offer.start")

    def _say_outcome(self, outcome: Outcome) -> Said:
        causes = self._likely_causes(outcome)  # empty when no condition is named
        # Safety advice comes first, on the card as in speech.
        parts = [outcome.safety_advice] if outcome.safety_advice else []
        parts += [causes, outcome.advice] if causes else [outcome.advice]
        if outcome.caution:
            parts.append(outcome.caution)
        parts = [with_local_words(part, self.speech, self.locale) for part in parts]
        parts.append(outcome.disclaimer)
        urgent = outcome.triage in ("emergency", "urgent")
        card = Card(title=self._card_title(outcome), content=" ".join(parts))
        if urgent:
            # Nothing should stand between the runner and getting help: no further questions.
            return Said(tuple(parts), reprompt=None, end_session=True, card=card)
        offer = self._offer_line(outcome)
        return Said((*parts, offer), reprompt=offer, card=card)

    def _card_title(self, outcome: Outcome) -> str:
        if outcome.triage in ("emergency", "urgent", "soon"):
            return self.speech.say("outcome.card_title_urgent")
        if not outcome.conditions:  # unclear: no cause to name in the title
            return self.speech.say("outcome.card_title_unclear")
        return self.speech.say("outcome.card_title")

    def _likely_causes(self, outcome: Outcome) -> str:
        """The sentence naming the likely cause (and runner-up) and the answers behind it."""
        if not outcome.conditions:
            return ""
        names = [self.knowledge.conditions[c].name for c in outcome.conditions]
        causes = self.speech.say("outcome.lead", name=names[0])
        if len(names) > 1:
            causes += self.speech.say("outcome.runner_up", name=names[1])
        reasons = [r.text for r in outcome.reasons]
        if reasons:
            return causes + self.speech.say("outcome.because", reasons=" and ".join(reasons))
        return causes + self.speech.say("outcome.no_reasons")


def with_local_words(text: str, speech: Speech, locale: str) -> str:
    """Clinical text with its placeholders ({physio}, {emergency_number}, {urgent_service}) in
    the words of the request's locale, from speech.toml; en-US's for a locale without a table.
    What is said and what a screen shows are both filled here."""
    tables = speech.locale_words()
    return text.format_map(tables.get(locale) or tables[FALLBACK_LOCALE])


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _prefixed(said: Said, line: str) -> Said:
    return Said((line, *said.speech), said.reprompt, said.end_session, said.card)
