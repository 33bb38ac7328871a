"""The intent names of the interaction model that the skill answers."""

YES = "AMAZON.YesIntent"
NO = "AMAZON.NoIntent"
SOMETIMES = "SometimesIntent"
NOT_SURE = "NotSureIntent"
CONFUSED = "ConfusedIntent"
TERM = "TermIntent"
START = "StartIntent"
REPEAT = "AMAZON.RepeatIntent"
GO_BACK = "GoBackIntent"
START_OVER = "AMAZON.StartOverIntent"
WHY = "WhyIntent"
RESULT = "ResultIntent"
RUNNER_UP = "RunnerUpIntent"
WHO_TO_SEE = "WhoToSeeIntent"
QUESTIONS_LEFT = "QuestionsLeftIntent"
MORE = "MoreIntent"
EXPLAIN_CONDITION = "ExplainConditionIntent"
HELP = "AMAZON.HelpIntent"
STOP = "AMAZON.StopIntent"
CANCEL = "AMAZON.CancelIntent"
NAVIGATE_HOME = "AMAZON.NavigateHomeIntent"
FALLBACK = "AMAZON.FallbackIntent"

CONDITION_SLOT = "condition"
TERM_SLOT = "term"

ALL: tuple[str, ...] = (
    YES,
    NO,
    SOMETIMES,
    NOT_SURE,
    CONFUSED,
    TERM,
    START,
    REPEAT,
    GO_BACK,
    START_OVER,
    WHY,
    RESULT,
    RUNNER_UP,
    WHO_TO_SEE,
    QUESTIONS_LEFT,
    MORE,
    EXPLAIN_CONDITION,
    HELP,
    STOP,
    CANCEL,
    NAVIGATE_HOME,
    FALLBACK,
)
