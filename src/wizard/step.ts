// A step asks one thing (or edits one list) and writes its part of the draft. Steps are grouped
// in sections, which is what the review screen lets the clerk go back to.
import type { Path, Session } from './session.js';

export interface Step {
  /** Stable: stored in drafts as progress. */
  id: string;
  section: string;
  /** Plan paths this step writes; a problem found at the review is sent to the step owning it. */
  owns: readonly Path[];
  /** Steps that make no sense for the current answers (a body for `none`) are skipped. */
  applies?: (s: Session) => boolean;
  run: (s: Session) => Promise<void>;
}

export interface Section {
  id: string;
  title: string;
}
