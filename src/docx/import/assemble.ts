// The draft in the plan file's shape (key order as the schema), with the pointer of every value.
import { GROUP_KEYS } from '../../plan/types.js';
import type { Draft, Leftover, Sourced, TaskDraft } from './draft.js';
import type { ImportResult } from './index.js';

export function assemble(draft: Draft, leftovers: Leftover[]): ImportResult {
  const sources = new Map<string, number>();
  const guessed: string[] = [];
  const missing: string[] = [];
  const take = <T>(pointer: string, value: Sourced<T> | undefined, required = false): T | undefined => {
    if (value === undefined) {
      if (required) missing.push(pointer);
      return undefined;
    }
    sources.set(pointer, value.at);
    if (value.guessed) guessed.push(pointer);
    return value.value;
  };
  const list = <T>(pointer: string, values: readonly Sourced<T>[], required = true): T[] => {
    if (values.length === 0 && required) missing.push(pointer);
    if (values[0]) sources.set(pointer, values[0].at);
    return values.map((v, i) => take(`${pointer}/${i}`, v) as T);
  };

  const data: Record<string, unknown> = { version: 1 };
  data['kind'] = take('/kind', draft.kind, true);
  data['agency'] = {
    parent: take('/agency/parent', draft.agency.parent) ?? null,
    name: take('/agency/name', draft.agency.name, true),
    short: take('/agency/short', draft.agency.short, true),
    sector: take('/agency/sector', draft.agency.sector, true),
    place: take('/agency/place', draft.agency.place, true),
  };
  data['document'] = {
    number: take('/document/number', draft.document.number),
    date: take('/document/date', draft.document.date),
    year: take('/document/year', draft.document.year, true),
    title: take('/document/title', draft.document.title, true),
  };
  data['bases'] = list('/bases', draft.bases);
  data['purposes'] = list('/purposes', draft.purposes);
  data['requirements'] = list('/requirements', draft.requirements);
  const tasks: Record<string, unknown[]> = {};
  for (const key of GROUP_KEYS) {
    const pointer = `/tasks/${key}`;
    if (draft.tasks[key].length === 0) missing.push(pointer);
    tasks[key] = draft.tasks[key].map((task: TaskDraft, i) => {
      const at = `${pointer}/${i}`;
      sources.set(at, task.at);
      if (task.groupGuessed) guessed.push(at);
      const partners = task.partners === undefined ? undefined : list(`${at}/partners`, task.partners, false);
      return {
        content: take(`${at}/content`, task.content, true),
        lead: take(`${at}/lead`, task.lead, true),
        pillar: take(`${at}/pillar`, task.pillar),
        partners,
        period: take(`${at}/period`, task.period),
        output: take(`${at}/output`, task.output),
      };
    });
  }
  data['tasks'] = tasks;
  data['funding'] = list('/funding', draft.funding);
  if (draft.implementation.length === 0) missing.push('/implementation');
  data['implementation'] = draft.implementation.map((duty, i) => ({
    agency: take(`/implementation/${i}/agency`, duty.agency),
    duties: list(`/implementation/${i}/duties`, duty.duties),
  }));
  data['reporting'] = {
    frequency: take('/reporting/frequency', draft.reporting.frequency, true),
    due: take('/reporting/due', draft.reporting.due, true),
    to:
      draft.reporting.to === undefined
        ? (missing.push('/reporting/to'), undefined)
        : list('/reporting/to', draft.reporting.to),
  };
  const capacity = take('/signer/capacity', draft.signer.capacity, true);
  data['signer'] = {
    capacity,
    body: take('/signer/body', draft.signer.body, capacity === 'TM'),
    head: take('/signer/head', draft.signer.head, capacity !== undefined && capacity !== 'TM' && capacity !== 'none'),
    title: take('/signer/title', draft.signer.title, true),
    name: take('/signer/name', draft.signer.name),
  };
  data['recipients'] = list('/recipients', draft.recipients);
  data['archive'] = take('/archive', draft.archive, true);
  data['appendix'] = take('/appendix', draft.appendix);
  // A rule about a whole list or object (an empty group, a missing key) is located at its first value.
  for (const [pointer, paragraph] of [...sources]) {
    for (let cut = pointer.lastIndexOf('/'); cut > 0; cut = pointer.lastIndexOf('/', cut - 1)) {
      const parent = pointer.slice(0, cut);
      const known = sources.get(parent);
      if (known === undefined || paragraph < known) sources.set(parent, paragraph);
    }
  }
  return { data: dropUndefined(data) as Record<string, unknown>, sources, leftovers, guessed, missing };
}

function dropUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropUndefined);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = dropUndefined(item);
  return out;
}
