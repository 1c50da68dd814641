// What a template sees: the plan with every optional field present (null when absent, so that
// Handlebars' strict mode can tell a typo from a missing value), numbering worked out, and every
// string escaped for the line markup. Field list: templates/README.md.
import { decree30Date, documentNumber, recurringDeadlines } from '../text/date.js';
import { toOldStyle } from '../text/tone.js';
import { GROUP_LABELS, KIND_LABELS, PILLAR_LABELS } from '../plan/labels.js';
import { reportDestinations } from '../plan/reporting.js';
import { titleWithoutKind } from '../plan/title.js';
import { GROUP_KEYS, planYear, type Frequency, type GroupKey, type Plan, type Task } from '../plan/types.js';
import { escapeText as e } from './markup.js';
import { needsDecimalPoints, pointLabel, pointLetter, roman } from './numbering.js';

export interface TaskView {
  number: number;
  letter: string;
  /** The point's label in section II: `a)`, or `2.5.` when a group has more than 23 tasks. */
  point: string;
  content: string;
  lead: string;
  partners: string[];
  partnersText: string | null;
  period: string | null;
  output: string | null;
  pillar: string | null;
  pillarLabel: string | null;
}

export interface GroupView {
  key: GroupKey;
  number: number;
  roman: string;
  label: string;
  tasks: TaskView[];
}

export interface View {
  kind: Plan['kind'];
  agency: {
    parent: string | null;
    name: string;
    short: string;
    sector: string;
    place: string;
    locality: boolean;
    ministry: boolean;
  };
  document: {
    number: number | null;
    numberText: string;
    code: string;
    symbol: string;
    date: string | null;
    dateText: string;
    year: number;
    title: string;
  };
  bases: string[];
  purposes: string[];
  requirements: string[];
  /** The shared names of the five groups (src/plan/labels.ts), which groups.hbs starts from. */
  labels: Record<GroupKey, string>;
  groups: GroupView[];
  tasks: Record<GroupKey, TaskView[]>;
  funding: string[];
  implementation: { number: number; agency: string; duties: string[] }[];
  reporting: {
    number: number;
    frequency: string;
    annual: boolean;
    semiannual: boolean;
    quarterly: boolean;
    /** `15/6`: the deadline as given, with Decree 30's zeros (none for months 3–12). */
    due: string;
    /** Every deadline in the year, earliest first: one, two (6 months apart) or four. */
    deadlines: string[];
    deadlinesText: string;
    /** As written in the plan. */
    to: string[];
    toText: string;
    /** `to` without the issuing agency itself, which cannot report to itself; null text when none is left. */
    onward: string[];
    onwardText: string | null;
    /** Where the agencies send their reports: the agency their duties name, or the issuing agency. */
    compiler: string;
    /** The compiler is not the issuing agency: it compiles and advises the issuing agency. */
    relayed: boolean;
  };
  signer: { capacity: string; body: string | null; head: string | null; title: string; name: string | null };
  recipients: string[];
  archive: string;
  appendix: boolean;
}

/** `A`, `A và B`, `A, B và C`. */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} và ${items[items.length - 1] ?? ''}`;
}

const PERIOD_MONTHS: Record<Frequency, 3 | 6 | 12> = { annual: 12, semiannual: 6, quarterly: 3 };

// Abbreviations a plan may use for its own agency in `reporting.to`.
const SPELLED_OUT: Record<string, string> = { ubnd: 'ủy ban nhân dân', hđnd: 'hội đồng nhân dân' };

const nameKey = (name: string): string =>
  name
    .toLocaleLowerCase('vi')
    .split(/\s+/)
    .filter((w) => w !== '')
    .map((w) => SPELLED_OUT[w] ?? toOldStyle(w))
    .join(' ');

const LEVELS = ['tỉnh', 'thành phố', 'huyện', 'quận', 'thị xã', 'thị trấn', 'xã', 'phường', 'đặc khu'];

/**
 * Whether a report recipient names the issuing agency: exactly, or without the place it governs
 * ("Ủy ban nhân dân tỉnh" or "Ủy ban nhân dân" in a plan of Ủy ban nhân dân tỉnh Vĩnh Long).
 */
export function namesAgency(recipient: string, agency: string): boolean {
  const r = nameKey(recipient);
  const a = nameKey(agency);
  if (r === '') return false;
  if (a === r) return true;
  if (!a.startsWith(`${r} `)) return false;
  const place = a.slice(r.length + 1);
  return LEVELS.some((level) => r.endsWith(` ${level}`) || place.startsWith(`${level} `));
}

// The focal agency's duty: "Tổng hợp kết quả thực hiện…", "…; tổng hợp, báo cáo Ủy ban nhân dân tỉnh".
const COMPILES = /(?:^|[\s;,])tổng hợp(?:,?\s+báo cáo|\s+kết quả|\s+tình hình)/iu;

/**
 * Where the agencies send their reports, so that section "Chế độ báo cáo" names the same place as
 * their duties: the agency a duty sends reports to ("… báo cáo kết quả về Sở Ngoại vụ"), else the
 * agency whose duty is to compile the results, else the issuing agency itself.
 */
export function reportsGoTo(plan: Pick<Plan, 'agency' | 'implementation'>): string {
  const sent = reportDestinations(plan)[0];
  if (sent !== undefined) return namesAgency(sent.agency, plan.agency.name) ? plan.agency.name : sent.agency;
  const focal = plan.implementation.find((d) => d.duties.some((t) => COMPILES.test(t.normalize('NFC'))));
  return focal === undefined || namesAgency(focal.agency, plan.agency.name) ? plan.agency.name : focal.agency;
}

// A group's name is a bold heading that Word wraps: joined by a no-break space, its last two
// syllables share a line, so the heading never ends on one syllable alone ("… kế / hoạch").
const keepLastPair = (label: string): string =>
  label.trim().split(/\s+/u).length >= 3 ? label.replace(/ (\S+)\s*$/u, '\u00A0$1') : label;

const opt = (value: string | undefined | null): string | null => (value == null ? null : e(value));

function taskView(task: Task, index: number, clause: number, decimal: boolean): TaskView {
  const partners = (task.partners ?? []).map(e);
  return {
    number: index + 1,
    letter: pointLetter(index),
    point: pointLabel(clause, index, decimal),
    content: e(task.content),
    lead: e(task.lead),
    partners,
    partnersText: partners.length > 0 ? partners.join(', ') : null,
    period: opt(task.period),
    output: opt(task.output),
    pillar: task.pillar ?? null,
    pillarLabel: task.pillar === undefined ? null : e(PILLAR_LABELS[task.pillar]),
  };
}

/** `labels` come from groups.hbs, already escaped; empty while groups.hbs itself is rendered. */
export function buildView(plan: Plan, labels?: Readonly<Record<GroupKey, string>>): View {
  const year = planYear(plan);
  const code = KIND_LABELS[plan.kind].abbreviation;
  const numberText = documentNumber(plan.document.number);
  const tasks = {} as Record<GroupKey, TaskView[]>;
  const decimal = needsDecimalPoints(GROUP_KEYS.map((key) => plan.tasks[key].length));
  GROUP_KEYS.forEach((key, g) => (tasks[key] = plan.tasks[key].map((task, i) => taskView(task, i, g + 1, decimal))));
  const to = plan.reporting.to.map(e);
  const onward = plan.reporting.to.filter((r) => !namesAgency(r, plan.agency.name)).map(e);
  const compiler = reportsGoTo(plan);
  const deadlines = recurringDeadlines(plan.reporting.due, PERIOD_MONTHS[plan.reporting.frequency]);
  return {
    kind: plan.kind,
    agency: {
      parent: opt(plan.agency.parent),
      name: e(plan.agency.name),
      short: e(plan.agency.short),
      sector: plan.agency.sector,
      place: e(plan.agency.place),
      locality: plan.agency.sector === 'locality',
      ministry: plan.agency.sector === 'ministry',
    },
    document: {
      number: plan.document.number ?? null,
      numberText,
      code,
      symbol: `${numberText}/${code}-${e(plan.agency.short)}`,
      date: plan.document.date ?? null,
      dateText: decree30Date(plan.document.date, year),
      year,
      title: e(titleWithoutKind(plan.document.title, plan.kind)),
    },
    bases: plan.bases.map(e),
    purposes: plan.purposes.map(e),
    requirements: plan.requirements.map(e),
    labels: Object.fromEntries(GROUP_KEYS.map((key) => [key, e(GROUP_LABELS[key])])) as Record<GroupKey, string>,
    groups: GROUP_KEYS.map((key, index) => ({
      key,
      number: index + 1,
      roman: roman(index + 1),
      label: keepLastPair(labels?.[key] ?? ''),
      tasks: tasks[key],
    })),
    tasks,
    funding: plan.funding.map(e),
    implementation: plan.implementation.map((duty, index) => ({
      number: index + 1,
      agency: e(duty.agency),
      duties: duty.duties.map(e),
    })),
    reporting: {
      number: plan.implementation.length + 1,
      frequency: plan.reporting.frequency,
      annual: plan.reporting.frequency === 'annual',
      semiannual: plan.reporting.frequency === 'semiannual',
      quarterly: plan.reporting.frequency === 'quarterly',
      due: recurringDeadlines(plan.reporting.due, 12)[0] ?? e(plan.reporting.due),
      deadlines,
      deadlinesText: joinAnd(deadlines),
      to,
      toText: joinAnd(to),
      onward,
      onwardText: onward.length > 0 ? joinAnd(onward) : null,
      compiler: e(compiler),
      relayed: compiler !== plan.agency.name,
    },
    signer: {
      capacity: plan.signer.capacity,
      body: opt(plan.signer.body),
      head: opt(plan.signer.head),
      title: e(plan.signer.title),
      name: opt(plan.signer.name),
    },
    recipients: plan.recipients.map(e),
    archive: e(plan.archive),
    appendix: plan.appendix !== false,
  };
}
