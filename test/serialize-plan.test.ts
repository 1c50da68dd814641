import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadPlan } from '../src/plan/load.js';
import { serializeDraft, serializePlan } from '../src/plan/serialize.js';
import { FULL_SAMPLE } from '../src/render/sample.js';
import type { Plan } from '../src/plan/types.js';
import { ROOT } from './helpers/cli.js';

const today = new Date('2026-11-20T00:00:00Z');
const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml'));

// Strings a careless serializer would turn into other types or break.
const tricky: Plan = {
  ...FULL_SAMPLE,
  archive: '0123',
  purposes: [
    '- bắt đầu bằng gạch đầu dòng',
    'có dấu hai chấm: ở giữa',
    '# trông như chú thích',
    'yes',
    'null',
    '"ngoặc kép" và \'nháy đơn\'',
  ],
  requirements: ['2026-03-15', '15/11', 'Quý II/2027', '{{không phải mẫu}}'],
  funding: [
    `${'Kinh phí thực hiện được bố trí từ ngân sách nhà nước và nguồn xã hội hóa hợp pháp. '.repeat(20).trim()}`,
  ],
};

describe('serializePlan', () => {
  it('puts the schema comment on the first line', () => {
    const text = serializePlan(FULL_SAMPLE, { schemaPath: '../schemas/plan.schema.json' });
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/plan.schema.json');
  });

  it('writes keys in the order of the spec, whatever order the object has', () => {
    const shuffled = Object.fromEntries(Object.entries(FULL_SAMPLE).reverse()) as unknown as Plan;
    shuffled.signer = {
      name: 'Nguyễn Văn A',
      title: 'Phó Giám đốc',
      head: 'Giám đốc',
      body: 'Ủy ban nhân dân',
      capacity: 'KT',
    };
    const top = Object.keys(parse(serializePlan(shuffled)) as object);
    expect(top).toEqual([
      'version',
      'kind',
      'agency',
      'document',
      'bases',
      'purposes',
      'requirements',
      'tasks',
      'funding',
      'implementation',
      'reporting',
      'signer',
      'recipients',
      'archive',
      'appendix',
    ]);
    const data = parse(serializePlan(shuffled)) as Plan;
    expect(Object.keys(data.signer)).toEqual(['capacity', 'body', 'head', 'title', 'name']);
    expect(Object.keys(data.tasks)).toEqual(['alignment', 'mobilization', 'development', 'dissemination', 'pillars']);
    expect(Object.keys(data.tasks.pillars[0]!)).toEqual(['content', 'lead', 'partners', 'pillar', 'period', 'output']);
    expect(Object.keys(data.agency)).toEqual(['parent', 'name', 'short', 'sector', 'place']);
  });

  it('round-trips strings that look like other YAML types', () => {
    const text = serializePlan(tricky);
    expect(parse(text)).toEqual(tricky);
    const loaded = loadPlan(text, { today });
    expect(loaded.plan).toEqual(tricky);
  });

  it('keeps each text on one line, never folded between Vietnamese words', () => {
    const text = serializePlan(tricky);
    const funding = tricky.funding[0]!;
    expect(text.split('\n').some((line) => line === `  - ${funding}`)).toBe(true);
  });

  it('separates the sections by blank lines, and the header is not one', () => {
    const lines = serializePlan(FULL_SAMPLE).split('\n');
    expect(lines.indexOf('kind: ke-hoach')).toBe(lines.indexOf('version: 1') + 1);
    for (const key of ['agency:', 'tasks:', 'signer:', 'appendix: true'])
      expect(lines[lines.indexOf(key) - 1]).toBe('');
  });

  it.each(examples)('round-trips examples/%s with the same data and passes check the same way', (name) => {
    const source = readFileSync(join(ROOT, 'examples', name), 'utf8');
    const before = loadPlan(source, { today });
    expect(before.plan).toBeDefined();
    const text = serializePlan(before.plan!);
    const after = loadPlan(text, { today });
    expect(after.plan).toEqual(before.plan);
    expect(after.problems.map((p) => p.rule)).toEqual(before.problems.map((p) => p.rule));
    // Serializing again changes nothing: the layout is a function of the data alone.
    expect(serializePlan(after.plan!)).toBe(text);
  });
});

describe('serializeDraft', () => {
  it('writes what a draft has, in the same order, with extra comment lines under the schema line', () => {
    const text = serializeDraft(
      {
        signer: { title: 'Phó Chủ tịch' },
        kind: 'ke-hoach',
        version: 1,
        agency: { name: 'Ủy ban nhân dân tỉnh Gia Lai', parent: null },
      },
      { schemaPath: 'x.json', comments: ['Bản nháp', 'tiến độ: {"answered":["kind"]}'] },
    );
    expect(text.split('\n').slice(0, 3)).toEqual([
      '# yaml-language-server: $schema=x.json',
      '# Bản nháp',
      '# tiến độ: {"answered":["kind"]}',
    ]);
    expect(Object.keys(parse(text) as object)).toEqual(['version', 'kind', 'agency', 'signer']);
    expect(parse(text)).toEqual({
      version: 1,
      kind: 'ke-hoach',
      agency: { parent: null, name: 'Ủy ban nhân dân tỉnh Gia Lai' },
      signer: { title: 'Phó Chủ tịch' },
    });
  });

  it('keeps an unknown key (a typo) after the known ones instead of dropping it', () => {
    const text = serializeDraft({ tittle: 'x', version: 1 });
    expect(Object.keys(parse(text) as object)).toEqual(['version', 'tittle']);
  });
});
