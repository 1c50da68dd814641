// The wizard's loop: every unanswered step in document order, then the review screen until the
// clerk finishes or leaves. Ctrl-C is not handled here: it propagates to the command, which saves.
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
    await runStep(s, step);
  }
  for (;;) {
    const choice = await review(s);
    if (choice.action === 'quit') return 'saved';
    if (choice.action === 'finish') {
      if (await finish(s)) return 'finished';
      continue;
    }
    if (choice.action === 'section') {
      for (const step of steps.filter((st) => st.section === choice.id)) await runStep(s, step);
      // Going back may leave later steps unanswered (another agency: its symbol and place).
      for (let step = firstUnanswered(s, steps); step !== undefined; step = firstUnanswered(s, steps)) await runStep(s, step);
    }
  }
}
