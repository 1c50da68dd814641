import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ENUM_LABELS, GROUP_LABELS } from '../src/plan/labels.js';
import { planSchema, planValidator } from '../src/plan/schema.js';
import { schemaIssues, suggest } from '../src/plan/schema-messages.js';
import { seededRandom } from './helpers/random.js';
import { GROUP_KEYS, PILLARS } from '../src/plan/types.js';
import { type Issue, validatePlan } from '../src/plan/validate.js';
import { VALID, TODAY } from './plan-helpers.js';

type Json = Record<string, unknown>;

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/iu;

function base(): Json {
  return parse(VALID) as Json;
}

/** The valid plan with one value set (path of keys and indexes); undefined deletes. */
function withValue(path: (string | number)[], value: unknown): Json {
  const data = base();
  let node = data as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return data;
}

function issuesOf(data: unknown): Issue[] {
  return validatePlan(data, { today: TODAY }).issues;
}

function only(data: unknown): Issue {
  const issues = issuesOf(data);
  expect(issues, JSON.stringify(issues, null, 2)).toHaveLength(1);
  return issues[0]!;
}

/** Every subschema that describes a value, with where it sits. */
function subschemas(schema: Json, where = '#'): Array<[string, Json]> {
  const out: Array<[string, Json]> = [[where, schema]];
  for (const [key, child] of Object.entries((schema['properties'] as Json | undefined) ?? {})) {
    out.push(...subschemas(child as Json, `${where}/properties/${key}`));
  }
  const items = schema['items'] as Json | undefined;
  if (items !== undefined && !('$ref' in items)) out.push(...subschemas(items, `${where}/items`));
  for (const [key, child] of Object.entries((schema['definitions'] as Json | undefined) ?? {})) {
    out.push(...subschemas(child as Json, `${where}/definitions/${key}`));
  }
  return out;
}

describe('schemas/plan.schema.json', () => {
  const schema = planSchema() as Json;

  it('is draft-07, compiles in ajv strict mode, and is read once', () => {
    expect(schema['$schema']).toBe('http://json-schema.org/draft-07/schema#');
    expect(() => new Ajv({ strict: true, allowUnionTypes: true }).compile(schema)).not.toThrow();
    expect(planSchema()).toBe(schema);
  });

  it('gives every value a Vietnamese title and description, and closes every object', () => {
    const all = subschemas(schema);
    expect(all.length).toBeGreaterThan(60);
    for (const [where, sub] of all) {
      expect(typeof sub['title'], `${where} title`).toBe('string');
      expect(typeof sub['description'], `${where} description`).toBe('string');
      expect(`${String(sub['title'])} ${String(sub['description'])}`, where).toMatch(VIETNAMESE);
      expect(String(sub['description']), where).toBe(String(sub['description']).normalize('NFC'));
      if (sub['type'] === 'object') expect(sub['additionalProperties'], `${where} closed`).toBe(false);
      if (sub['type'] === 'array') expect(sub['maxItems'], `${where} maxItems`).toBe(500);
      // A string is bounded by maxLength, or by an anchored pattern of fixed shape.
      const anchored = /^\^.*\$$/u.test(String(sub['pattern'] ?? ''));
      if (sub['type'] === 'string' && !('enum' in sub) && !anchored)
        expect(sub['maxLength'], `${where} maxLength`).toBeDefined();
    }
  });

  it('titles the task groups with the shared labels and lists the enums of the types', () => {
    const tasks = (schema['properties'] as Json)['tasks'] as Json;
    for (const key of GROUP_KEYS) expect(((tasks['properties'] as Json)[key] as Json)['title']).toBe(GROUP_LABELS[key]);
    const pillarTask = (schema['definitions'] as Json)['pillarTask'] as Json;
    expect(((pillarTask['properties'] as Json)['pillar'] as Json)['enum']).toEqual(PILLARS);
    expect(Object.keys(ENUM_LABELS['pillar']!)).toEqual(PILLARS);
  });
});

describe('validatePlan: schema messages', () => {
  it('accepts the valid plan and returns it', () => {
    const { plan, issues } = validatePlan(base(), { today: TODAY });
    expect(issues).toEqual([]);
    expect(plan?.kind).toBe('ke-hoach');
  });

  it.each([
    ['agency.parent null', ['agency', 'parent'], null],
    ['agency.parent text', ['agency', 'parent'], 'Bộ Văn hóa, Thể thao và Du lịch'],
    ['no number', ['document', 'number'], undefined],
    ['no date (year given)', ['document', 'date'], undefined],
    ['no appendix', ['appendix'], undefined],
    ['no partners', ['tasks', 'alignment', 0, 'partners'], undefined],
    ['empty partners', ['tasks', 'alignment', 0, 'partners'], []],
    ['due 29/02', ['reporting', 'due'], '29/02'],
    ['task content of 4,000 characters', ['tasks', 'alignment', 0, 'content'], 'ư'.repeat(4000)],
  ])('accepts %s', (_, path, value) => {
    expect(issuesOf(withValue(path, value))).toEqual([]);
  });

  it('says a number is not text and tells to quote it', () => {
    const issue = only(withValue(['document', 'title'], 2022));
    expect(issue).toMatchObject({ rule: 'schema-type', severity: 'error', path: ['document', 'title'] });
    expect(issue.message).toContain('cần một đoạn văn bản, nhưng YAML đọc `2022` là số');
    expect(issue.message).toContain('`title: "2022"`');
  });

  it('says so for a list item too, with the list syntax', () => {
    const issue = only(withValue(['recipients', 1], 2022));
    expect(issue.path).toEqual(['recipients', 1]);
    expect(issue.message).toContain('Mục thứ 2 của `recipients`');
    expect(issue.message).toContain('`- "2022"`');
  });

  it('refuses a quoted document number, telling to drop the quotes', () => {
    const issue = only(withValue(['document', 'number'], '45'));
    expect(issue).toMatchObject({ rule: 'schema-type', path: ['document', 'number'] });
    expect(issue.message).toContain('cần một số nguyên, không phải văn bản');
    expect(issue.message).toContain('`number: 45`');
    expect(only(withValue(['document', 'number'], 'bốn lăm')).message).toContain('ví dụ `number: 45`');
    expect(only(withValue(['document', 'number'], 4.5)).message).toContain('không có phần thập phân');
  });

  it('explains lists, groups, true/false and empty values', () => {
    expect(only(withValue(['bases'], 'Quyết định 2013/QĐ-TTg')).message).toContain('cần một danh sách');
    expect(only(withValue(['agency'], 'UBND tỉnh')).message).toContain('cần các khóa con');
    expect(only(withValue(['appendix'], 'có')).message).toContain('`true` (có) hoặc `false` (không)');
    expect(only(withValue(['archive'], ['VT'])).message).toContain('không phải một danh sách');
    expect(only(withValue(['archive'], { VT: 'KGVX' })).message).toContain('dấu ngoặc kép');
    const empty = only(withValue(['signer', 'title'], null));
    expect(empty).toMatchObject({ rule: 'schema-empty', path: ['signer', 'title'] });
    expect(empty.message).toContain('chưa có giá trị');
  });

  it('names the allowed values of an enum and guesses the intended one', () => {
    const issue = only(withValue(['kind'], 'kehoach'));
    expect(issue).toMatchObject({ rule: 'schema-enum', path: ['kind'] });
    expect(issue.message).toContain('Có phải ý bạn là `ke-hoach`?');
    expect(issue.message).toContain('`chuong-trinh` (Chương trình)');
    expect(only(withValue(['signer', 'capacity'], 'PCT')).message).toContain('`KT` (ký thay người đứng đầu (KT.))');
  });

  it('reports one message for a value of the wrong type, not one per keyword', () => {
    expect(only(withValue(['kind'], 5)).rule).toBe('schema-type');
    expect(only(withValue(['reporting', 'frequency'], ['annual'])).rule).toBe('schema-type');
  });

  it('only allows version 1', () => {
    const issue = only(withValue(['version'], 2));
    expect(issue).toMatchObject({ rule: 'schema-const', path: ['version'] });
    expect(issue.message).toContain('`version: 1`');
  });

  it('counts characters against the limits, in Vietnamese number format', () => {
    const long = only(withValue(['tasks', 'alignment', 0, 'content'], 'ư'.repeat(4001)));
    expect(long).toMatchObject({ rule: 'schema-too-long', path: ['tasks', 'alignment', 0, 'content'] });
    expect(long.message).toContain('dài 4.001 ký tự, vượt giới hạn 4.000 ký tự');
    expect(only(withValue(['archive'], 'a'.repeat(2001))).message).toContain('giới hạn 2.000');
  });

  it('bounds lists to 500 items and wants at least one where the spec does', () => {
    const many = only(
      withValue(
        ['recipients'],
        Array.from({ length: 501 }, (_, i) => `Bộ Ngoại giao ${i}`),
      ),
    );
    expect(many).toMatchObject({ rule: 'schema-too-many', path: ['recipients'], at: 'key' });
    expect(many.message).toContain('có 501 mục, vượt giới hạn 500 mục');
    const none = only(withValue(['purposes'], []));
    expect(none).toMatchObject({ rule: 'schema-empty-list', path: ['purposes'], at: 'key' });
    expect(none.message).toContain('cần ít nhất một mục');
  });

  it('refuses blank text', () => {
    const issue = only(withValue(['signer', 'name'], ' \t '));
    expect(issue).toMatchObject({ rule: 'schema-empty', path: ['signer', 'name'] });
    expect(issue.message).toContain('đang để trống');
  });

  it('shows the right shape of a date and a due day, converting what it can', () => {
    const date = only(withValue(['document', 'date'], '15/3/2022'));
    expect(date).toMatchObject({ rule: 'schema-format', path: ['document', 'date'] });
    expect(date.message).toContain('`date: 2022-03-15`');
    const due = only(withValue(['reporting', 'due'], '5/1'));
    expect(due).toMatchObject({ rule: 'schema-format', path: ['reporting', 'due'] });
    expect(due.message).toContain('`due: 05/01`');
  });

  it('keeps numbers in range', () => {
    expect(only(withValue(['document', 'number'], 0))).toMatchObject({
      rule: 'schema-range',
      path: ['document', 'number'],
    });
    expect(only(withValue(['document', 'number'], 100000)).message).toContain('từ 1 đến 99999');
    const year = only(withValue(['document', 'year'], 2031));
    expect(year).toMatchObject({ rule: 'schema-range', path: ['document', 'year'] });
    expect(year.message).toContain('từ 2022 đến 2030');
  });

  it('lists the known keys when an unknown one is no near miss', () => {
    const issue = only(withValue(['signer', 'chữ_ký'], 'x'));
    expect(issue).toMatchObject({ rule: 'schema-unknown-key', path: ['signer', 'chữ_ký'], at: 'key' });
    expect(issue.message).toContain('`capacity`, `body`, `head`, `title`, `name`');
  });

  it('reports a typo of a required key once, as the typo', () => {
    const data = base();
    data['recipent'] = data['recipients'];
    delete data['recipients'];
    const issue = only(data);
    expect(issue.rule).toBe('schema-unknown-key');
    expect(issue.message).toContain('có phải ý bạn là `recipients`?');
  });

  // The old rule, unknown key by unknown key for every missing key; schemaIssues weighs each
  // unknown key once, and only against missing keys near it in length.
  it('drops exactly the missing keys an unknown key beside them is a typo of (300 deterministic plans)', () => {
    const validate = planValidator();
    const random = seededRandom(61207);
    const letters = 'abcdeghiklmnoprstuvy_';
    const edit = (key: string): string => {
      const at = random(key.length + 1);
      const op = random(4);
      const letter = letters[random(letters.length)]!;
      if (op === 0) return key.slice(0, at) + key.slice(at + 1);
      if (op === 1) return key.slice(0, at) + letter + key.slice(at);
      if (op === 2) return key.slice(0, at) + letter + key.slice(at + 1);
      return Array.from({ length: 1 + random(12) }, () => letters[random(letters.length)]).join('');
    };
    let suppressed = 0;
    for (let i = 0; i < 300; i++) {
      const data = base();
      const objects: Json[] = [data, data['agency'] as Json, data['document'] as Json, data['signer'] as Json];
      for (let n = 1 + random(4); n > 0; n--) {
        const object = objects[random(objects.length)]!;
        const keys = Object.keys(object);
        const key = keys[random(keys.length)]!;
        const value = object[key];
        delete object[key];
        if (random(4) > 0) object[edit(key)] = value;
      }
      if (validate(data)) continue;
      const errors = validate.errors ?? [];
      const unknown = errors.filter((e) => e.keyword === 'additionalProperties');
      const typo = (required: (typeof errors)[number]): boolean =>
        unknown.some(
          (e) =>
            e.instancePath === required.instancePath &&
            suggest(
              String(e.params['additionalProperty']),
              Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {}),
            ) === String(required.params['missingProperty']),
        );
      const expected = errors
        .filter((e) => e.keyword === 'required' && !typo(e))
        .map((e) => `${e.instancePath}/${String(e.params['missingProperty'])}`);
      const reported = schemaIssues(errors, data)
        .filter((issue) => issue.rule === 'schema-required')
        .map(
          (issue) => `${issue.path.map((step) => `/${step}`).join('')}/${/thiếu `([^`]+)`/u.exec(issue.message)?.[1]}`,
        );
      expect(reported.sort()).toEqual(expected.sort());
      suppressed += errors.filter((e) => e.keyword === 'required').length - expected.length;
    }
    expect(suppressed).toBeGreaterThan(50);
  });

  it('keeps pillar to the pillars group', () => {
    const issue = only(withValue(['tasks', 'development', 0, 'pillar'], 'promote'));
    expect(issue).toMatchObject({ rule: 'schema-unknown-key', path: ['tasks', 'development', 0, 'pillar'], at: 'key' });
    expect(issue.message).toContain('Chỉ nhiệm vụ trong nhóm `pillars`');
    expect(only(withValue(['tasks', 'pillars', 0, 'pillar'], 'promotion')).rule).toBe('schema-enum');
  });

  it('points a missing key at its parent and names it, for the root too', () => {
    const issue = only(withValue(['signer', 'title'], undefined));
    expect(issue).toMatchObject({ rule: 'schema-required', path: ['signer'], at: 'key' });
    expect(issue.message).toContain('thiếu `title` (Chức vụ người ký)');
    expect(issue.message).toContain('`title: Phó Chủ tịch`');
    const root = only(withValue(['archive'], undefined));
    expect(root).toMatchObject({ rule: 'schema-required', path: [] });
    expect(root.message).toContain('Tệp kế hoạch thiếu `archive` (Lưu)');
  });

  it('writes every message in NFC', () => {
    const broken = withValue(['kind'], 'kehoach');
    (broken['document'] as Json)['title'] = 2022;
    (broken['signer'] as Json)['capacity'] = 'TM';
    delete (broken['signer'] as Json)['body'];
    const issues = issuesOf(broken);
    expect(issues.length).toBeGreaterThanOrEqual(3);
    for (const issue of issues) expect(issue.message).toBe(issue.message.normalize('NFC'));
  });
});
