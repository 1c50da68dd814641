// User overrides of the Handlebars templates: what replaces what, and how a broken one is reported.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { UserError } from '../src/errors.js';
import { renderPlan } from '../src/render/index.js';
import { loadTemplates, TEMPLATE_NAMES } from '../src/render/templates.js';
import { tempDir } from './helpers/cli.js';
import { failure } from './helpers/errors.js';
import { openDocx, textOf } from './helpers/docx.js';
import { quangTriPlan } from './fixtures/render/quang-tri.js';
import { CREATED } from './fixtures/render/render.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function overrides(files: Record<string, string>): string {
  const dir = tempDir('kehoach-templates-');
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('built-in templates', () => {
  it.each(['ke-hoach', 'chuong-trinh'] as const)('load for %s with every template', async (kind) => {
    const set = await loadTemplates(kind);
    expect(Object.keys(set.files).sort()).toEqual([...TEMPLATE_NAMES].sort());
    expect(set.files.title.path).toMatch(new RegExp(`templates[/\\\\]${kind}[/\\\\]title\\.hbs$`));
  });
});

describe('overrides', () => {
  it('replace one file and leave the others built in', async () => {
    const dir = overrides({ 'funding.hbs': '@section III. KINH PHÍ\nKinh phí do {{agency.name}} bảo đảm.\n' });
    const set = await loadTemplates('ke-hoach', dir);
    expect(set.files.funding.path).toBe(join(dir, 'funding.hbs'));
    expect(set.files.tasks.path).not.toContain(dir);
    const doc = await openDocx(await renderPlan(quangTriPlan(), { templates: set, created: CREATED }));
    expect(doc.texts()).toContain('III. KINH PHÍ');
    expect(doc.texts()).toContain('Kinh phí do Ủy ban nhân dân tỉnh Quảng Trị bảo đảm.');
    expect(doc.texts()).not.toContain('III. KINH PHÍ THỰC HIỆN');
    expect(doc.texts()).toContain('I. MỤC ĐÍCH, YÊU CẦU');
  });

  it('can rename the task groups in groups.hbs, in the body and the appendix alike', async () => {
    const groups = ['alignment', 'mobilization', 'development', 'dissemination', 'pillars']
      .map((k) => `${k}: Nhóm {{upper "${k}"}}`)
      .join('\n');
    const set = await loadTemplates('ke-hoach', overrides({ 'groups.hbs': groups }));
    const doc = await openDocx(await renderPlan(quangTriPlan(), { templates: set, created: CREATED }));
    expect(doc.texts()).toContain('1. Nhóm ALIGNMENT');
    expect(doc.texts().filter((t) => t === 'Nhóm PILLARS')).toHaveLength(1); // the appendix group row
  });

  it('apply a kind’s own subfolder over the shared files, for that kind only', async () => {
    const dir = overrides({
      'title.hbs': '@doctype CHUNG\n@title {{document.title}}\n',
      'chuong-trinh/title.hbs': '@doctype RIÊNG\n@title {{document.title}}\n',
    });
    expect((await loadTemplates('chuong-trinh', dir)).files.title.path).toBe(join(dir, 'chuong-trinh', 'title.hbs'));
    expect((await loadTemplates('ke-hoach', dir)).files.title.path).toBe(join(dir, 'title.hbs'));
  });

  it('ignore files that are not .hbs', async () => {
    const set = await loadTemplates('ke-hoach', overrides({ 'README.md': '# ghi chú', '.DS_Store': '' }));
    expect(set.files.title.path).not.toContain('README');
  });
});

describe('a broken override', () => {
  const expectFailure = async (files: Record<string, string>, file: string, pattern: RegExp): Promise<UserError> => {
    const dir = overrides(files);
    const error = await failure(loadTemplates('ke-hoach', dir));
    expect(error.exitCode).toBe(1);
    expect(error.message).toContain(join(dir, file));
    expect(error.message).toMatch(pattern);
    return error;
  };

  it('with a syntax error names the file and line', async () => {
    await expectFailure(
      { 'opening.hbs': 'Dòng một\nDòng hai\n{{#each bases}}{{this}}\n' },
      'opening.hbs',
      /dòng 4: lỗi cú pháp.*chưa đóng/,
    );
    const error = await expectFailure({ 'funding.hbs': '@section III\n\n{{agency.name\n' }, 'funding.hbs', /dòng 3/);
    expect(error.message).not.toMatch(/\bat \w+ \(/); // no stack trace
  });

  it('with mismatched blocks names the line', async () => {
    await expectFailure(
      { 'funding.hbs': '@section III\n{{#each funding}}\n{{this}}\n{{/if}}\n' },
      'funding.hbs',
      /dòng 2.*\{\{#each\}\}.*\{\{\/if\}\}/,
    );
  });

  it('with an unknown helper names it', async () => {
    await expectFailure(
      { 'title.hbs': '@doctype KẾ HOẠCH\n@title {{shout document.title}}\n' },
      'title.hbs',
      /dòng 2.*«shout»/,
    );
  });

  it('refuses the log helper, which would print to the console', async () => {
    await expectFailure({ 'title.hbs': '@doctype KẾ HOẠCH\n{{log "x"}}@title x\n' }, 'title.hbs', /«log»/);
  });

  it('with a missing field names the whole path and its line', async () => {
    await expectFailure(
      { 'title.hbs': '@doctype KẾ HOẠCH\n\n@title {{document.titel}}\n' },
      'title.hbs',
      /dòng 3.*«document\.titel»/,
    );
  });

  it('with a missing field inside a branch the samples reach', async () => {
    await expectFailure(
      { 'title.hbs': '@doctype X\n@title {{#if document.number}}{{document.nunber}}{{else}}y{{/if}}\n' },
      'title.hbs',
      /«document\.nunber»/,
    );
  });

  it.each([
    ['{{constructor.constructor}}', 'constructor'],
    ['{{document.__proto__}}', '__proto__'],
    ['{{lookup document "constructor"}}', 'constructor'],
    ['{{#with document}}{{toString}}{{/with}}', 'toString'],
  ])('refuses prototype access: %s', async (expression, name) => {
    const error = await expectFailure(
      { 'title.hbs': `@doctype X\n@title ${expression}\n` },
      'title.hbs',
      new RegExp(`dòng 2.*«${name}»`),
    );
    expect(error.message).not.toContain('function');
  });

  it('refuses partials', async () => {
    await expectFailure({ 'title.hbs': '@doctype X\n@title {{> other}}\n' }, 'title.hbs', /partial/);
  });

  it('with an unknown style names it and its line', async () => {
    await expectFailure(
      { 'funding.hbs': '@section III\n{{#each funding}}\n@paragraf {{this}}\n{{/each}}\n' },
      'funding.hbs',
      /dòng 3.*@paragraf/,
    );
  });

  it('without the appendix columns', async () => {
    await expectFailure(
      { 'appendix.hbs': '@appendix Phụ lục\n@columns STT | Nội dung\n' },
      'appendix.hbs',
      /@columns.*6 cột/,
    );
  });

  it('with a group missing from groups.hbs', async () => {
    await expectFailure(
      { 'groups.hbs': 'alignment: A\nmobilization: B\n' },
      'groups.hbs',
      /development, dissemination, pillars/,
    );
  });

  it('with a file name no template has', async () => {
    await expectFailure({ 'fundings.hbs': 'x' }, 'fundings.hbs', /funding\.hbs/);
  });

  it('in a folder that does not exist is a usage error (exit 2)', async () => {
    const parent = tempDir();
    made.push(parent);
    const error = await failure(loadTemplates('ke-hoach', join(parent, 'không-có')));
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain('không-có');
  });
});

describe('template output', () => {
  it('the Căn cứ form given in templates/README.md prints italic lines, each ending ; and the last .', async () => {
    const readme = readFileSync(new URL('../templates/README.md', import.meta.url), 'utf8');
    const example = [...readme.matchAll(/```handlebars\n([\s\S]*?)```/g)]
      .map((m) => m[1] ?? '')
      .find((b) => b.includes('@basis'));
    expect(example).toBeDefined();
    const set = await loadTemplates('ke-hoach', overrides({ 'opening.hbs': example ?? '' }));
    const plan = quangTriPlan();
    const doc = await openDocx(await renderPlan(plan, { templates: set, created: CREATED }));
    const [first, second] = plan.bases;
    expect(textOf(doc.paragraph(`Căn cứ ${first};`))).toBe(`Căn cứ ${first};`);
    const last = doc.paragraph(`Căn cứ ${second}.`);
    expect(doc.runFormat(last)).toMatchObject({ italic: true, size: 28 });
    expect(doc.paraFormat(last).jc).toBe('both');
  });

  it('cannot reach code or the prototype from data: a field holding "{{…}}" prints as text', async () => {
    const plan = quangTriPlan();
    plan.funding = ['{{constructor.constructor "return 1"}}'];
    const set = await loadTemplates('ke-hoach');
    const doc = await openDocx(await renderPlan(plan, { templates: set, created: CREATED }));
    expect(doc.texts()).toContain('{{constructor.constructor "return 1"}}.');
  });

  it('looks up inherited names from the data as nothing, silently', async () => {
    const set = await loadTemplates(
      'ke-hoach',
      overrides({
        'funding.hbs': '@section III\n{{#each funding}}\n[{{lookup ../document this}}]\n{{/each}}\n',
      }),
    );
    const plan = quangTriPlan();
    plan.funding = ['toString', 'constructor', 'hasOwnProperty', '__proto__', 'valueOf', 'title'];
    const printed: unknown[] = [];
    const spies = (['log', 'info', 'warn', 'error'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void printed.push(args)),
    );
    try {
      const doc = await openDocx(await renderPlan(plan, { templates: set, created: CREATED }));
      const lines = doc.texts().filter((t) => t.startsWith('['));
      expect(lines).toEqual(['[]', '[]', '[]', '[]', '[]', `[${plan.document.title}]`]);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    expect(printed).toEqual([]);
  });

  it('a template may write a literal @ at the start of a line with \\@', async () => {
    const set = await loadTemplates(
      'ke-hoach',
      overrides({ 'funding.hbs': '@section III\n\\@ 100% ngân sách \\\\ tỉnh\n' }),
    );
    const doc = await openDocx(await renderPlan(quangTriPlan(), { templates: set, created: CREATED }));
    expect(textOf(doc.paragraph(/ngân sách/))).toBe('@ 100% ngân sách \\ tỉnh');
  });
});
