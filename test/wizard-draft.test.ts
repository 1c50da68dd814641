import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { UserError } from '../src/errors.js';
import { loadPlan } from '../src/plan/load.js';
import { draftText, parseDraft, sanitizeDraft } from '../src/wizard/draft.js';
import { ROOT, tempDir } from './helpers/cli.js';
import { NOW, askedIds, runScripted } from './helpers/wizard.js';

const fixture = join(ROOT, 'test', 'fixtures', 'wizard', 'edited.draft.yaml');

describe('draft files', () => {
  it('reads the progress line and keeps only values of the right shape', () => {
    const { draft, progress } = parseDraft(readFileSync(fixture, 'utf8'));
    expect(progress).toEqual({
      answered: [
        'kind',
        'agency.sector',
        'agency.name',
        'agency.focal',
        'agency.parent',
        'agency.short',
        'agency.place',
        'document.year',
        'document.number',
      ],
      focal: 'Văn phòng Ủy ban nhân dân tỉnh',
    });
    expect(draft.document).toEqual({ year: 2027 });
    expect(draft.tasks?.alignment).toEqual([{ content: 'Nhiệm vụ gõ tay', lead: 'Sở Tài chính' }]);
  });

  it('writes a draft that reads back the same, progress included', () => {
    const draft = sanitizeDraft({
      version: 1,
      kind: 'chuong-trinh',
      agency: { name: 'Bộ Y tế'.normalize('NFD'), sector: 'ministry' },
    });
    expect(draft.agency?.name).toBe('Bộ Y tế');
    const text = draftText(
      draft,
      { answered: ['kind'], focal: 'Vụ Hợp tác quốc tế' },
      { schemaPath: 's.json', resumeCommand: 'kehoach wizard --resume x.draft.yaml' },
    );
    expect(text.split('\n')[2]).toBe('# Để tiếp tục: kehoach wizard --resume x.draft.yaml');
    expect(parseDraft(text)).toEqual({ draft, progress: { answered: ['kind'], focal: 'Vụ Hợp tác quốc tế' } });
  });

  it('survives a damaged progress line: the data is kept, progress comes from the data', () => {
    const text = readFileSync(fixture, 'utf8').replace(/"answered":\[/, '"answered":[[');
    expect(parseDraft(text).progress).toBeUndefined();
    expect(parseDraft(text).draft.agency?.name).toBe('Ủy ban nhân dân tỉnh Cà Mau');
  });

  it('refuses an edited draft that holds values it would drop, then resumes it once fixed', async () => {
    const dir = tempDir();
    copyFileSync(fixture, join(dir, 'edited.draft.yaml'));
    const refused = await runScripted([], { resume: 'edited.draft.yaml' }, dir).catch((e: unknown) => e);
    expect((refused as UserError).exitCode).toBe(2);
    expect((refused as UserError).message).toContain(
      'edited.draft.yaml:17:11: `document.number` phải là một số nguyên',
    );
    expect((refused as UserError).message).toContain(
      'edited.draft.yaml:23:7: khóa `pillar` ở `tasks.alignment[0]` không có trong kế hoạch',
    );
    expect(readFileSync(join(dir, 'edited.draft.yaml'), 'utf8')).toBe(readFileSync(fixture, 'utf8'));
    writeFileSync(
      join(dir, 'edited.draft.yaml'),
      readFileSync(fixture, 'utf8').replace(/^ *(number: bốn lăm|pillar: khong-co)\n/gm, ''),
    );
    const run = await runScripted([], { resume: 'edited.draft.yaml' }, dir);
    expect(run.code).toBe(0);
    expect(askedIds(run.prompter)[0]).toBe('document.date');
    // The focal unit from the draft is what the suggestions use.
    const plan = readFileSync(join(dir, 'ke-hoach-ca-mau-2027.yaml'), 'utf8');
    expect(plan).toContain('- agency: Văn phòng Ủy ban nhân dân tỉnh');
    expect(plan).toContain('content: Nhiệm vụ gõ tay');
  });

  it('refuses a broken draft and an --out that is a file before asking anything, exit 2', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'hong.draft.yaml'), 'kind: [ke-hoach\n');
    const broken = await runScripted([], { resume: 'hong.draft.yaml' }, dir).catch((e: unknown) => e);
    expect(broken).toBeInstanceOf(UserError);
    expect((broken as UserError).exitCode).toBe(2);
    const message = (broken as UserError).message;
    expect(message).toContain('hong.draft.yaml');
    // Said as `check` says it: Vietnamese, with the line and column, not the parser's English.
    const english = parseDocument('kind: [ke-hoach\n').errors[0]!.message;
    expect(message).not.toContain(english.split('\n')[0]);
    const located = loadPlan('kind: [ke-hoach\n', { today: NOW }).problems[0]!;
    expect(message).toContain(`dòng ${located.line}, cột ${located.column}: ${located.message}`);
    writeFileSync(join(dir, 'cu.yaml'), 'version: 1\nbases: [a, b\npurposes: x\n');
    const from = await runScripted([], { from: 'cu.yaml' }, dir).catch((e: unknown) => e);
    expect((from as UserError).exitCode).toBe(2);
    expect((from as UserError).message).toMatch(/"cu\.yaml":\n {2}dòng \d+, cột \d+: /);
    writeFileSync(join(dir, 'tep'), '');
    const out = await runScripted([], { out: 'tep' }, dir).catch((e: unknown) => e);
    expect((out as UserError).exitCode).toBe(2);
    expect((out as UserError).message).toContain('--out');
  });
});
