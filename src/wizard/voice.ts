// A finding as the wizard says it. `check` and `build` speak to a file (keys, `date: 2022-03-15`,
// line:column); the wizard speaks to a clerk answering a question, who never sees a key. A rule
// gives its wizard voice as `ask`; any other message is reworded here: keys become the labels
// the questions use, code quotes become «…».
import type { Issue } from '../plan/issue.js';
import type { DraftPlan } from './draft.js';
import { fieldLabel, keyLabel } from './where.js';

export function wizardVoice(issue: Issue, draft: DraftPlan): string {
  if (issue.ask !== undefined) return issue.ask;
  const last = issue.path[issue.path.length - 1];
  const own = typeof last === 'string' ? last : undefined;
  const label = (key: string): string => (key === own ? fieldLabel(issue.path, draft) : (keyLabel(key) ?? key));
  return (
    issue.message
      // `year` (Năm ban hành): the schema's title, but the question's label is the one the clerk saw.
      .replace(/`([a-z_]+)` \(([^()]+)\)/gu, (_whole, key: string) => label(key))
      .replace(/`([a-z_]+)`/gu, (whole, key: string) =>
        keyLabel(key) !== undefined || key === own ? label(key) : whole,
      )
      // How YAML writes list items means nothing to a clerk adding them one by one.
      .replace(/,? ?mỗi mục một dòng bắt đầu bằng `- `/gu, '')
      // `year: 2027`, `- Quyết định …`: what to type, without the YAML around it.
      .replace(/`(?:[a-z_]+: |- )([^`]*)`/gu, '«$1»')
      .replace(/`([^`]*)`/gu, '«$1»')
      .replace(/\s*\n\s*/gu, ' ')
  );
}

/** The message after the field's label, without saying the label twice ("Ngày ban hành: Ngày ban hành …"). */
export function labelled(label: string, message: string): string {
  return message.toLocaleLowerCase('vi').startsWith(label.toLocaleLowerCase('vi')) ? message : `${label}: ${message}`;
}
