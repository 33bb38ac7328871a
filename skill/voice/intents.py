"""The intent names of the interaction model that the skill answers."""

YES = "AMAZON.YesIntent"
NO = "AMAZON.NoIntent"
NOT_SURE = "NotSureIntent"
REPEAT = "AMAZON.RepeatIntent"
GO_BACK = "GoBackIntent"
START_OVER = "AMAZON.StartOverIntent"
WHY = "WhyIntent"
EXPLAIN_CONDITION = "ExplainConditionIntent"
HELP = "AMAZON.HelpIntent"
STOP = "AMAZON.StopIntent"
CANCEL = "AMAZON.CancelIntent"
NAVIGATE_HOME = "AMAZON.NavigateHomeIntent"
FALLBACK = "AMAZON.FallbackIntent"

CONDITION_SLOT = "condition"

ALL: tuple[str, ...] = (
    YES,
    NO,
    NOT_SURE,
    REPEAT,
    GO_BACK,
    START_OVER,
    WHY,
    EXPLAIN_CONDITION,
    HELP,
    STOP,
    CANCEL,
    NAVIGATE_HOME,
    FALLBACK,
)
