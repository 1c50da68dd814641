// The plan file, version 1 (shared/spec/plan-format.md). These types describe a plan that has
// already passed validation; nothing outside src/plan may cast raw input to them.

export type Kind = 'ke-hoach' | 'chuong-trinh';
export type Sector = 'locality' | 'ministry';
export type Pillar = 'promote' | 'integrate' | 'publicize' | 'advocate' | 'absorb';
export type Frequency = 'annual' | 'semiannual' | 'quarterly';
export type Capacity = 'TM' | 'KT' | 'Q' | 'TL' | 'TUQ' | 'none';

/** The five priority task groups of Letter 404, in the order the document prints them. */
export const GROUP_KEYS = ['alignment', 'mobilization', 'development', 'dissemination', 'pillars'] as const;
export type GroupKey = (typeof GROUP_KEYS)[number];

export const PILLARS: readonly Pillar[] = ['promote', 'integrate', 'publicize', 'advocate', 'absorb'];
export const KINDS: readonly Kind[] = ['ke-hoach', 'chuong-trinh'];
export const SECTORS: readonly Sector[] = ['locality', 'ministry'];
export const FREQUENCIES: readonly Frequency[] = ['annual', 'semiannual', 'quarterly'];
export const CAPACITIES: readonly Capacity[] = ['TM', 'KT', 'Q', 'TL', 'TUQ', 'none'];

export interface Task {
  content: string;
  lead: string;
  partners?: string[];
  period?: string;
  output?: string;
  /** Only tasks of the `pillars` group carry it. */
  pillar?: Pillar;
}

export interface Agency {
  parent?: string | null;
  name: string;
  short: string;
  sector: Sector;
  place: string;
}

export interface DocumentInfo {
  number?: number;
  /** ISO date, YYYY-MM-DD. */
  date?: string;
  year?: number;
  title: string;
}

export interface Duty {
  agency: string;
  duties: string[];
}

export interface Reporting {
  frequency: Frequency;
  /** dd/mm */
  due: string;
  to: string[];
}

export interface Signer {
  capacity: Capacity;
  body?: string;
  head?: string;
  title: string;
  name?: string;
}

export interface Plan {
  version: 1;
  kind: Kind;
  agency: Agency;
  document: DocumentInfo;
  bases: string[];
  purposes: string[];
  requirements: string[];
  tasks: Record<GroupKey, Task[]>;
  funding: string[];
  implementation: Duty[];
  reporting: Reporting;
  signer: Signer;
  recipients: string[];
  archive: string;
  appendix?: boolean;
}

/** The year a plan belongs to: `document.year`, else the year of `document.date`. */
export function planYear(plan: Plan): number {
  if (plan.document.year !== undefined) return plan.document.year;
  if (plan.document.date !== undefined) return Number(plan.document.date.slice(0, 4));
  throw new Error('plan has neither document.year nor document.date');
}
