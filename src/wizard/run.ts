// The wizard's loop: every unanswered step in document order, then the review screen until the
// clerk finishes or leaves. Ctrl-C is not handled here: it propagates to the command, which saves.
import { isPromptBack } from './prompter.js';
import { review } from './review.js';
import { type Session, isAnswered, markAnswered } from './session.js';
import type { Step } from './step.js';
import { STEPS } from './steps/index.js';

export type WizardOutcome = 'finished' | 'saved';

async function runStep(s: Session, step: Step): Promise<void> {
  if (step.applies && !step.applies(s)) return;
  await step.run(s);
  markAnswered(s, step.id);
  await s.save();
}

/** The step asked before `step` (Esc goes back to it), or undefined at the first. */
export function previousStep(s: Session, step: Step, steps: readonly Step[] = STEPS): Step | undefined {
  const at = steps.indexOf(step);
  for (let i = at - 1; i >= 0; i--) {
    const before = steps[i]!;
    if (!before.applies || before.applies(s)) return before;
  }
  return undefined;
}

/** Run `step`; on Esc, the one before it, and so on back as far as the clerk goes. */
async function runBackable(s: Session, step: Step, steps: readonly Step[]): Promise<void> {
  for (let at: Step | undefined = step; at !== undefined;) {
    try {
      await runStep(s, at);
      return;
    } catch (error) {
      if (!isPromptBack(error)) throw error;
      // The answers stay in the draft: going back shows them as the defaults.
      at = previousStep(s, at, steps) ?? at;
    }
  }
}

/** The first step still to answer (for --resume), or undefined when all are answered. */
export function firstUnanswered(s: Session, steps: readonly Step[] = STEPS): Step | undefined {
  return steps.find((step) => !isAnswered(s, step.id) && (!step.applies || step.applies(s)));
}

/**
 * `finish` writes the files; it returns false when the clerk turned back (e.g. declined to
 * overwrite), and the review comes again.
 */
export async function runWizard(
  s: Session,
  finish: (s: Session) => Promise<boolean>,
  steps: readonly Step[] = STEPS,
): Promise<WizardOutcome> {
  // Conditions can change while answering (a capacity that needs a head), so look again each time.
  for (let step = firstUnanswered(s, steps); step !== undefined; step = firstUnanswered(s, steps)) {
    await runBackable(s, step, steps);
  }
  for (;;) {
    let choice;
    try {
      choice = await review(s);
    } catch (error) {
      if (!isPromptBack(error)) throw error;
      // Esc on the review: back to the last question.
      const last = [...steps].reverse().find((st) => !st.applies || st.applies(s));
      if (last) await runBackable(s, last, steps);
      continue;
    }
    if (choice.action === 'quit') return 'saved';
    if (choice.action === 'finish') {
      try {
        if (await finish(s)) return 'finished';
      } catch (error) {
        if (!isPromptBack(error)) throw error;
      }
      continue;
    }
    if (choice.action === 'section') {
      try {
        for (const step of steps.filter((st) => st.section === choice.id)) await runStep(s, step);
      } catch (error) {
        // Esc inside a section returns to the review it was chosen from.
        if (!isPromptBack(error)) throw error;
      }
      // Going back may leave later steps unanswered (another agency: its symbol and place).
      for (let step = firstUnanswered(s, steps); step !== undefined; step = firstUnanswered(s, steps))
        await runBackable(s, step, steps);
    }
  }
}
