#!/usr/bin/env node
// Plays one conversation with the skill's web service through virtual-alexa, a simulated
// Alexa device that resolves what is said through the interaction model's own samples.
//
// Reads a JSON scenario on standard input:
//   {"url": "http://127.0.0.1:PORT/", "model": "interaction_model/en-US.json",
//    "locale": "en-US", "steps": [STEP, ...]}
// where a STEP is one of
//   {"launch": true}                       open the skill
//   {"utter": "yes"}                       say something (resolved by the model's samples)
//   {"intend": "Name", "slots": {...}}     send an intent directly, slot values as spoken
//   {"end_session": "USER_INITIATED"}      the device closes the session
//   {"session": {...}}                     a new session holding these attributes (as if
//                                          earlier turns had left them); {} is a fresh one
//   {"answer": {"question_id": "yes", ...}, "otherwise": "no", "max_turns": 40}
//       answer each waiting question (the `question` session attribute) with the utterance
//       given for it, or `otherwise`, until no question is waiting.
// Prints one JSON object: {"turns": [{"said", "request", "response"}, ...]} on success, or
// {"turns": [...], "error": "..."} (exit code 1) when a step fails.

"use strict";

const fs = require("fs");
const { VirtualAlexa } = require("virtual-alexa");
// endSession takes this enum's number, not the reason's name (the name would be sent as a
// number, which no Alexa request carries).
const { SessionEndedReason } = require("virtual-alexa/lib/src/core/SkillRequest");

function readStdin() {
  return fs.readFileSync(0, "utf8");
}

async function play(scenario, turns) {
  const builder = VirtualAlexa.Builder()
    .interactionModelFile(scenario.model)
    .skillURL(scenario.url);
  if (scenario.locale) {
    builder.locale(scenario.locale);
  }
  const alexa = builder.create();
  let lastRequest = null;
  alexa.filter((request) => {
    lastRequest = JSON.parse(JSON.stringify(request));
  });

  async function send(said, action) {
    lastRequest = null;
    const response = await action();
    turns.push({ said, request: lastRequest, response });
    return response;
  }

  function waitingQuestion() {
    for (let i = turns.length - 1; i >= 0; i -= 1) {
      const response = turns[i].response;
      if (response && response.response && response.response.shouldEndSession) {
        return undefined;
      }
      if (response && response.sessionAttributes) {
        return response.sessionAttributes.question;
      }
    }
    return undefined;
  }

  for (const step of scenario.steps) {
    if (step.launch) {
      await send("<launch>", () => alexa.launch());
    } else if (typeof step.utter === "string") {
      await send(step.utter, () => alexa.utter(step.utter));
    } else if (typeof step.intend === "string") {
      await send(`<${step.intend}>`, () => alexa.intend(step.intend, step.slots || {}));
    } else if (step.session) {
      alexa.context().newSession();
      if (Object.keys(step.session).length > 0) {
        alexa.context().session().updateAttributes(step.session);
        alexa.context().session().used();
      }
    } else if (step.end_session) {
      const reason = SessionEndedReason[step.end_session];
      if (typeof reason !== "number") {
        throw new Error(`unknown session end reason: ${step.end_session}`);
      }
      await send("<session ended>", () => alexa.endSession(reason));
    } else if (step.answer) {
      const maxTurns = step.max_turns || 40;
      for (let turn = 0; ; turn += 1) {
        const question = waitingQuestion();
        if (question === undefined) {
          break;
        }
        if (turn >= maxTurns) {
          throw new Error(`still asking after ${maxTurns} answers (question ${question})`);
        }
        const utterance = step.answer[question] || step.otherwise || "no";
        await send(utterance, () => alexa.utter(utterance));
      }
    } else {
      throw new Error(`unknown step: ${JSON.stringify(step)}`);
    }
  }
}

async function main() {
  const scenario = JSON.parse(readStdin());
  const transcript = { turns: [] };
  try {
    await play(scenario, transcript.turns);
  } catch (error) {
    transcript.error = String(error && error.stack ? error.stack : error);
    process.exitCode = 1;
  }
  process.stdout.write(JSON.stringify(transcript));
}

main();
