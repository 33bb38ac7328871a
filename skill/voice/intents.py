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
DIFFERENCE = "DifferenceIntent"
HELP = "AMAZON.HelpIntent"
STOP = "AMAZON.StopIntent"
CANCEL = "AMAZON.CancelIntent"
NAVIGATE_HOME = "AMAZON.NavigateHomeIntent"
FALLBACK = "AMAZON.FallbackIntent"
WARNING_SIGN = "WarningSignIntent"
NO_WARNING_SIGN = "NoWarningSignIntent"
PAIN_FACT = "PainFactIntent"
NO_PAIN_FACT = "NoPainFactIntent"
SOMETIMES_PAIN_FACT = "SometimesPainFactIntent"
NO_BUT_PAIN_FACT = "NoButPainFactIntent"
YES_AND_PAIN_FACT = "YesAndPainFactIntent"
DURATION = "DurationIntent"
GRADUAL_ONSET = "GradualOnsetIntent"
STOPS_ABOVE_KNEE = "StopsAboveKneeIntent"
CORRECTION = "CorrectionIntent"
HOW_SURE = "HowSureIntent"
COMMON = "CommonIntent"
KEEP_RUNNING = "KeepRunningIntent"
MEANWHILE = "MeanwhileIntent"
ICE_OR_HEAT = "IceOrHeatIntent"
HOW_LONG = "HowLongIntent"
RECOVERY = "RecoveryIntent"
WORRY = "WorryIntent"
SCAN = "ScanIntent"
COME_BACK = "ComeBackIntent"
OTHER_EXERCISE = "OtherExerciseIntent"
WHY_ME = "WhyMeIntent"
MEDICINE = "MedicineIntent"
TREATMENT = "TreatmentIntent"
PRIVACY = "PrivacyIntent"
SEND = "SendResultIntent"
PREGNANCY = "PregnancyIntent"
RACE = "RaceIntent"
HOLD_ON = "HoldOnIntent"
SUSPECT = "SuspectIntent"
ALREADY_ASKED = "AlreadyAskedIntent"
DISAGREE = "DisagreeIntent"
ARE_YOU_A_DOCTOR = "AreYouADoctorIntent"
THANKS = "ThanksIntent"
SMALL_TALK = "SmallTalkIntent"

# The after-result topics (clinical.toml's [after_result] keys) each intent asks about.
TOPICS = {
    KEEP_RUNNING: "keep_running",
    MEANWHILE: "meanwhile",
    RECOVERY: "how_long",
    WORRY: "when_to_worry",
    SCAN: "scan",
    COME_BACK: "come_back",
    OTHER_EXERCISE: "other_exercise",
    WHY_ME: "why_me",
}

CONDITION_SLOT = "condition"
# The second cause of "how is {condition} different from {other}".
OTHER_CONDITION_SLOT = "other"
TERM_SLOT = "term"
SIGN_SLOT = "sign"
FACT_SLOT = "fact"
ANSWER_SLOT = "answer"

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
    DIFFERENCE,
    HELP,
    STOP,
    CANCEL,
    NAVIGATE_HOME,
    FALLBACK,
    WARNING_SIGN,
    NO_WARNING_SIGN,
    PAIN_FACT,
    NO_PAIN_FACT,
    SOMETIMES_PAIN_FACT,
    NO_BUT_PAIN_FACT,
    YES_AND_PAIN_FACT,
    DURATION,
    GRADUAL_ONSET,
    STOPS_ABOVE_KNEE,
    CORRECTION,
    HOW_SURE,
    COMMON,
    KEEP_RUNNING,
    MEANWHILE,
    ICE_OR_HEAT,
    HOW_LONG,
    RECOVERY,
    WORRY,
    SCAN,
    COME_BACK,
    OTHER_EXERCISE,
    WHY_ME,
    MEDICINE,
    TREATMENT,
    PRIVACY,
    SEND,
    PREGNANCY,
    RACE,
    HOLD_ON,
    SUSPECT,
    ALREADY_ASKED,
    DISAGREE,
    ARE_YOU_A_DOCTOR,
    THANKS,
    SMALL_TALK,
)
