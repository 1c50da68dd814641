// wizard --resume rewrites the draft after every answer: a draft it cannot keep whole is refused
// (exit 2, each place located, the file untouched), never silently rewritten with less.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.js';
import { openDraft } from '../src/wizard/draft.js';
import { BIN, ROOT, tempDir } from './helpers/cli.js';
import { runScripted } from './helpers/wizard.js';
import type { ScriptedPrompter } from './helpers/wizard-prompter.js';

/** Any question at all is a failure: the draft must be refused before the first one. */
function refuseQuestions(prompter: ScriptedPrompter): void {
  const asked = (): never => {
    throw new Error('the wizard asked a question');
  };
  Object.assign(prompter, { select: asked, search: asked, checkbox: asked, input: asked, confirm: asked });
}

const HEAD = '# kehoach-wizard: {"answered":["kind"]}\n';

// A draft as a clerk might have edited it; each case below spoils it in one way.
const GOOD = `${HEAD}version: 1
kind: ke-hoach
agency:
  name: Ủy ban nhân dân tỉnh Cà Mau
  sector: locality
document:
  year: 2027
purposes:
  - Triển khai hiệu quả Chiến lược
tasks:
  alignment:
    - content: Nhiệm vụ gõ tay
      lead: Sở Tài chính
      period: 2027
`;

interface Case {
  name: string;
  bytes: Buffer;
  /** Each must appear in the message, in this order. */
  says: string[];
}

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

const CASES: Case[] = [
  {
    name: 'an unknown key (purpose: for purposes:)',
    bytes: utf8(GOOD.replace('purposes:', 'purpose:')),
    says: ['x.draft.yaml:9:1: khóa `purpose` không có trong kế hoạch; có phải `purposes`?', 'Sửa bản nháp'],
  },
  {
    name: 'a misspelt key inside a task (peroid:)',
    bytes: utf8(GOOD.replace('period:', 'peroid:')),
    says: ['x.draft.yaml:15:7: khóa `peroid` ở `tasks.alignment[0]` không có trong kế hoạch; có phải `period`?'],
  },
  {
    name: 'values of the wrong type, and a value not in the list',
    bytes: utf8(
      GOOD.replace('year: 2027', 'year: hai không hai bảy')
        .replace('kind: ke-hoach', 'kind: kehoach')
        .replace(/purposes:\n {2}- (.*)\n/, 'purposes: $1\n'),
    ),
    says: [
      'x.draft.yaml:3:7: `kind` phải là một trong các giá trị `ke-hoach`, `chuong-trinh`, không phải văn bản «kehoach»',
      'x.draft.yaml:8:9: `document.year` phải là một số nguyên, không phải văn bản «hai không hai bảy»',
      'x.draft.yaml:9:11: `purposes` phải là một danh sách',
    ],
  },
  {
    name: 'a draft that is a single value',
    bytes: utf8(`${HEAD}Ủy ban nhân dân tỉnh Cà Mau\n`),
    says: ['x.draft.yaml:2:1: bản nháp phải là một nhóm khóa', 'không phải văn bản «Ủy ban nhân dân tỉnh Cà Mau»'],
  },
  {
    name: 'a draft that is a list',
    bytes: utf8(`${HEAD}- kind: ke-hoach\n- version: 1\n`),
    says: ['x.draft.yaml:2:1: bản nháp phải là một nhóm khóa', 'không phải một danh sách'],
  },
  {
    name: 'a NUL byte',
    bytes: utf8(GOOD.replace('Nhiệm vụ gõ tay', 'Nhiệm vụ\0gõ tay')),
    says: ['x.draft.yaml:1:1: Tệp chứa byte NUL'],
  },
  {
    name: 'UTF-16 text',
    bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD, 'utf16le')]),
    says: ['x.draft.yaml:1:1: Tệp được lưu bằng bảng mã UTF-16'],
  },
];

function expectInOrder(message: string, parts: readonly string[]): void {
  let from = 0;
  for (const part of parts) {
    const at = message.indexOf(part, from);
    expect(at, `«${part}» in:\n${message}`).toBeGreaterThanOrEqual(0);
    from = at + part.length;
  }
}

describe('--resume refuses a draft it cannot keep whole', () => {
  for (const c of CASES) {
    it(`${c.name}: exit 2, located, before any question, the file byte for byte as it was`, async () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'x.draft.yaml'), c.bytes);
      const error = await runScripted([], { resume: 'x.draft.yaml' }, dir, refuseQuestions).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).exitCode).toBe(2);
      const message = (error as UserError).message;
      expect(message).toContain('Không mở bản nháp "x.draft.yaml"');
      expectInOrder(message, c.says);
      expect(message).toContain('Tệp chưa bị thay đổi.');
      expect(message).toBe(message.normalize('NFC'));
      expect(readFileSync(join(dir, 'x.draft.yaml')).equals(c.bytes)).toBe(true);
      expect(readdirSync(dir)).toEqual(['x.draft.yaml']);
    });
  }

  it('a value that contains itself through an alias: exit 2, located, the file as it was', async () => {
    const dir = tempDir();
    const bytes = utf8(GOOD.replace('kind: ke-hoach', 'kind: &k [*k]'));
    writeFileSync(join(dir, 'x.draft.yaml'), bytes);
    const error = await runScripted([], { resume: 'x.draft.yaml' }, dir, refuseQuestions).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(2);
    expectInOrder((error as UserError).message, [
      'bản nháp "x.draft.yaml"',
      'dòng 3, cột 11: Bí danh `*k` nằm ngay trong giá trị mà nó trỏ tới',
    ]);
    expect(readFileSync(join(dir, 'x.draft.yaml')).equals(bytes)).toBe(true);
  });

  it('lists every place at once', async () => {
    const dir = tempDir();
    const text = GOOD.replace('purposes:', 'purpose:')
      .replace('period:', 'peroid:')
      .replace('year: 2027', 'year: "2027"');
    writeFileSync(join(dir, 'x.draft.yaml'), text);
    const error = (await runScripted([], { resume: 'x.draft.yaml' }, dir, refuseQuestions).catch(
      (e: unknown) => e,
    )) as UserError;
    expectInOrder(error.message, [
      'x.draft.yaml:8:9: `document.year`',
      'x.draft.yaml:9:1: khóa `purpose`',
      'x.draft.yaml:15:7: khóa `peroid`',
    ]);
  });

  it('still opens a partial draft: missing keys, empty lists, keys left empty', () => {
    const partial = `${HEAD}version: 1\nagency:\n  parent: null\n  name:\nbases: []\npurposes:\ntasks:\n  alignment:\n    - {}\n    -\n`;
    const { parsed, lost } = openDraft(partial);
    expect(lost).toEqual([]);
    expect(parsed.draft).toEqual({ version: 1, agency: { parent: null }, bases: [], tasks: { alignment: [{}] } });
    expect(parsed.progress).toEqual({ answered: ['kind'] });
    expect(openDraft(GOOD.replace('period: 2027', 'period: "2027"')).lost).toEqual([]);
  });
});

// The built bin in a pseudo-terminal, as a clerk runs it (without a terminal the wizard stops earlier).
describe('kehoach wizard --resume in a terminal', () => {
  it('exits 2 with the located message and leaves each draft as it was', () => {
    const dir = tempDir();
    const names = CASES.map((_, i) => `nhap-${i}.draft.yaml`);
    CASES.forEach((c, i) => writeFileSync(join(dir, names[i]!), c.bytes));
    const scenario = {
      node: process.execPath,
      bin: BIN,
      cwd: dir,
      runs: CASES.map((c, i) => ({
        args: ['wizard', '--resume', names[i]],
        exit: 2,
        steps: [
          { expect: `Không mở bản nháp "${names[i]!.replace(/\./g, '\\.')}"` },
          { expect: escape(c.says[0]!.replace('x.draft.yaml', names[i]!)) },
        ],
      })),
    };
    writeFileSync(join(dir, 'scenario.json'), JSON.stringify(scenario));
    const driver = spawnSync('python3', [join(ROOT, 'test', 'helpers', 'wizard-pty.py'), join(dir, 'scenario.json')], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(driver.stderr).toBe('');
    expect(driver.status).toBe(0);
    CASES.forEach((c, i) => expect(readFileSync(join(dir, names[i]!)).equals(c.bytes), names[i]).toBe(true));
    expect(readdirSync(dir).sort()).toEqual([...names, 'scenario.json'].sort());
  }, 180_000);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
