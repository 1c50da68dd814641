// Issue 9, item 3: a file with thousands of problems reports the first ones, located, and says how
// many it left out. Speed is measured by `npm run bench` (check-worst), never here.
import { describe, expect, it } from 'vitest';
import { MAX_PROBLEMS_PER_FILE } from '../src/plan/problem.js';
import { VALID, load, positionOf } from './plan-helpers.js';

describe('problems per file', () => {
  it('reports the first problems in order, each at its key, then one line for the rest', () => {
    const keys = 1000;
    let source = VALID;
    for (let i = 0; i < keys; i++) source += `khoa_la_${i}: 1\n`;
    const { plan, problems } = load(source);
    expect(plan).toBeUndefined();
    expect(problems).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
    for (let i = 0; i < MAX_PROBLEMS_PER_FILE; i++) {
      expect(problems[i]).toMatchObject({
        rule: 'schema-unknown-key',
        path: `/khoa_la_${i}`,
        ...positionOf(source, `khoa_la_${i}:`),
      });
    }
    const last = problems[MAX_PROBLEMS_PER_FILE]!;
    expect(last.rule).toBe('too-many-problems');
    expect(last.severity).toBe('error');
    expect(last.message).toContain(`… và ${keys - MAX_PROBLEMS_PER_FILE} lỗi khác không hiển thị`);
    expect(last).toMatchObject(positionOf(source, `khoa_la_${MAX_PROBLEMS_PER_FILE}:`));
  });

  it('leaves a file with fewer problems than the cap untouched', () => {
    let source = VALID;
    for (let i = 0; i < MAX_PROBLEMS_PER_FILE; i++) source += `khoa_la_${i}: 1\n`;
    const { problems } = load(source);
    expect(problems).toHaveLength(MAX_PROBLEMS_PER_FILE);
    expect(problems.some((p) => p.rule === 'too-many-problems')).toBe(false);
  });

  it('a thousand repeats of one key: each repeat located, then the rest counted', () => {
    const source = `${VALID}${'lap_lai: 1\n'.repeat(1000)}`;
    const { problems } = load(source);
    expect(problems).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
    const first = positionOf(source, 'lap_lai: 1');
    // The first is an unknown key; every later one is also a repeat of it.
    expect(problems.filter((p) => p.rule === 'yaml-duplicate-key')[0]).toMatchObject({
      line: first.line + 1,
      column: 1,
    });
    expect(problems.at(-1)?.rule).toBe('too-many-problems');
  });

  it('still finds a repeated key, in any map, at the repeat', () => {
    const source = VALID.replace(/^version: 1$/mu, 'version: 1\nversion: 1');
    const problem = load(source).problems.find((p) => p.rule === 'yaml-duplicate-key');
    expect(problem).toMatchObject({
      line: positionOf(source, '\nversion: 1', source.indexOf('version: 1')).line + 1,
      column: 1,
    });
  });
});
