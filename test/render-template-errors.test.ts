// Issue 9, items 8 and 12: an override is never silently ignored, and what goes wrong in one is said
// in Vietnamese with its file and line.
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { renderPlan } from '../src/render/index.js';
import { loadTemplates, MAX_TEMPLATE_OUTPUT } from '../src/render/templates.js';
import { tempDir } from './helpers/cli.js';
import { failure } from './helpers/errors.js';
import { openDocx } from './helpers/docx.js';
import { quangTriPlan } from './fixtures/render/quang-tri.js';
import { CREATED } from './fixtures/render/render.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
});

function folder(): string {
  const dir = tempDir('kehoach-templates-');
  made.push(dir);
  return dir;
}

function funding(body: string | Uint8Array): string {
  const dir = folder();
  writeFileSync(join(dir, 'funding.hbs'), typeof body === 'string' ? `@section III. KINH PHÍ\n${body}\n` : body);
  return dir;
}

const ENGLISH = /Cannot|requires|Must pass|Invalid|undefined|operator|property/u;

describe('a linked override', () => {
  it('is followed: its wording is used, not the default', async () => {
    const shared = folder();
    writeFileSync(
      join(shared, 'chung.hbs'),
      '@section III. KINH PHÍ\nKinh phí theo mẫu dùng chung của {{agency.name}}.\n',
    );
    const dir = folder();
    symlinkSync(join(shared, 'chung.hbs'), join(dir, 'funding.hbs'));
    const set = await loadTemplates('ke-hoach', dir);
    expect(set.files.funding.path).toBe(join(dir, 'funding.hbs'));
    const doc = await openDocx(await renderPlan(quangTriPlan(), { templates: set, created: CREATED }));
    expect(doc.texts()).toContain('Kinh phí theo mẫu dùng chung của Ủy ban nhân dân tỉnh Quảng Trị.');
  });

  it('that leads nowhere is an error naming it', async () => {
    const dir = folder();
    symlinkSync(join(dir, 'khong-co.hbs'), join(dir, 'funding.hbs'));
    const error = await failure(loadTemplates('ke-hoach', dir));
    expect(error.exitCode).toBe(1);
    expect(error.message).toContain(join(dir, 'funding.hbs'));
    expect(error.message).toContain('liên kết');
  });

  it('to a folder is an error', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'that'));
    symlinkSync(join(dir, 'that'), join(dir, 'funding.hbs'));
    expect((await failure(loadTemplates('ke-hoach', dir))).message).toContain('thư mục');
  });
});

describe('a template that is not UTF-8', () => {
  it('is refused with its file and line, never printed with U+FFFD', async () => {
    const dir = funding(Buffer.from('@section III. KINH PHI\nDong hai\nKinh ph\xed th\xf4ng\n', 'latin1'));
    const error = await failure(loadTemplates('ke-hoach', dir));
    expect(error.exitCode).toBe(1);
    expect(error.message).toContain(`${join(dir, 'funding.hbs')}, dòng 3`);
    expect(error.message).toContain('UTF-8');
    expect(error.message).not.toContain('\uFFFD');
  });

  it('a UTF-8 BOM is fine', async () => {
    const dir = funding(Buffer.from('\uFEFF@section III. KINH PHÍ\nKinh phí.\n', 'utf8'));
    await expect(loadTemplates('ke-hoach', dir)).resolves.toBeDefined();
  });
});

describe('no English from Handlebars', () => {
  it('an inherited name read at run time prints nothing to the console', async () => {
    const spies = (['log', 'info', 'warn', 'error'] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation(() => undefined),
    );
    await loadTemplates('ke-hoach', funding('Kinh phí {{lookup bases "map"}}{{lookup document.title "trim"}}.'));
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it('an inherited name written in the template is refused at its line', async () => {
    const error = await failure(loadTemplates('ke-hoach', funding('Kinh phí.\n{{bases.map}}')));
    expect(error.message).toMatch(/funding\.hbs, dòng 3: không được dùng «map»/u);
  });

  it.each([
    ['a field read from a text', 'Kinh phí.\n{{document.title.foo}}', 3, '«foo»'],
    ['#with without its field', 'Kinh phí.\n{{#each bases}}\n{{#with}}x{{/with}}\n{{/each}}', 4, '{{#with}}'],
    ['#each without its list', 'Kinh phí.\n\n{{#each}}x{{/each}}', 4, '{{#each}}'],
    ['lookup without arguments', 'Kinh phí.\n{{lookup}}', 3, '{{lookup'],
  ])('%s is said in Vietnamese at its line', async (_, body, line, names) => {
    const error = await failure(loadTemplates('ke-hoach', funding(body)));
    expect(error.exitCode).toBe(1);
    expect(error.message).toContain(`funding.hbs, dòng ${line}: `);
    expect(error.message).toContain(names);
    expect(error.message).not.toMatch(ENGLISH);
  });

  it('a template whose output would grow without end is stopped at the documented size', async () => {
    const depth = 20;
    const body = `Kinh phí:\n${'{{#each @root.bases}}'.repeat(depth)}{{@root.document.title}} ${'{{/each}}'.repeat(depth)}`;
    const error = await failure(loadTemplates('ke-hoach', funding(body)));
    expect(error.message).toContain('funding.hbs, dòng 3: ');
    expect(error.message).toContain(MAX_TEMPLATE_OUTPUT.toLocaleString('de-DE'));
    expect(error.message).not.toMatch(ENGLISH);
  });
});
