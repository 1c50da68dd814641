// Type-level: the plan types derived from the schema are the precise types consumers rely on (no
// index signatures, no widened unions), and the draft type is the plan made partial.
import { describe, expectTypeOf, it } from 'vitest';
import type {
  Agency,
  Capacity,
  DeepPartial,
  Duty,
  Frequency,
  GroupKey,
  Kind,
  Pillar,
  Plan,
  Reporting,
  Sector,
  Signer,
  Task,
} from '../src/plan/types.js';
import type { DraftDuty, DraftPlan, DraftTask } from '../src/wizard/draft.js';

describe('Plan', () => {
  it('has the schema’s value unions', () => {
    expectTypeOf<Kind>().toEqualTypeOf<'ke-hoach' | 'chuong-trinh'>();
    expectTypeOf<Sector>().toEqualTypeOf<'locality' | 'ministry'>();
    expectTypeOf<Pillar>().toEqualTypeOf<'promote' | 'integrate' | 'publicize' | 'advocate' | 'absorb'>();
    expectTypeOf<Frequency>().toEqualTypeOf<'annual' | 'semiannual' | 'quarterly'>();
    expectTypeOf<Capacity>().toEqualTypeOf<'TM' | 'KT' | 'Q' | 'TL' | 'TUQ' | 'none'>();
    expectTypeOf<GroupKey>().toEqualTypeOf<
      'alignment' | 'mobilization' | 'development' | 'dissemination' | 'pillars'
    >();
  });

  it('has exactly the schema’s keys, required where the schema requires them', () => {
    expectTypeOf<keyof Plan>().toEqualTypeOf<
      | 'version'
      | 'kind'
      | 'agency'
      | 'document'
      | 'bases'
      | 'purposes'
      | 'requirements'
      | 'tasks'
      | 'funding'
      | 'implementation'
      | 'reporting'
      | 'signer'
      | 'recipients'
      | 'archive'
      | 'appendix'
    >();
    expectTypeOf<Plan['version']>().toEqualTypeOf<1>();
    expectTypeOf<Plan['bases']>().toEqualTypeOf<string[]>();
    expectTypeOf<Plan['appendix']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<Agency>().toEqualTypeOf<{
      parent?: string | null;
      name: string;
      short: string;
      sector: Sector;
      place: string;
    }>();
    expectTypeOf<Plan['document']>().toEqualTypeOf<{ number?: number; date?: string; year?: number; title: string }>();
    expectTypeOf<Duty>().toEqualTypeOf<{ agency: string; duties: string[] }>();
    expectTypeOf<Reporting>().toEqualTypeOf<{ frequency: Frequency; due: string; to: string[] }>();
    expectTypeOf<Signer>().toEqualTypeOf<{
      capacity: Capacity;
      body?: string;
      head?: string;
      title: string;
      name?: string;
    }>();
    expectTypeOf<Task>().toEqualTypeOf<{
      content: string;
      lead: string;
      partners?: string[];
      pillar?: Pillar;
      period?: string;
      output?: string;
    }>();
    expectTypeOf<Plan['tasks']>().toEqualTypeOf<Record<GroupKey, Task[]>>();
  });
});

describe('DraftPlan', () => {
  it('is the plan, partial at every depth', () => {
    expectTypeOf<DraftPlan>().toEqualTypeOf<DeepPartial<Plan>>();
    expectTypeOf<DraftTask>().toEqualTypeOf<{
      content?: string;
      lead?: string;
      partners?: string[];
      pillar?: Pillar;
      period?: string;
      output?: string;
    }>();
    expectTypeOf<DraftDuty>().toEqualTypeOf<{ agency?: string; duties?: string[] }>();
    expectTypeOf<NonNullable<DraftPlan['tasks']>>().toEqualTypeOf<{ [K in GroupKey]?: DraftTask[] }>();
    expectTypeOf<NonNullable<DraftPlan['agency']>['parent']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<DraftPlan['version']>().toEqualTypeOf<1 | undefined>();
  });
});
