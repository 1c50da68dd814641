import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../src/context.js';
import { init, renderStarter, starterYear } from '../src/commands/init.js';
import { schemaReference } from '../src/plan/schema-reference.js';
import { loadPlan } from '../src/plan/load.js';
import { ROOT, tempDir } from './helpers/cli.js';

describe('starterYear', () => {
  it('is this year, kept within the Strategy’s 2022–2030', () => {
    expect(starterYear(new Date(2026, 5, 1))).toBe(2026);
    expect(starterYear(new Date(2019, 0, 1))).toBe(2022);
    expect(starterYear(new Date(2035, 11, 31))).toBe(2030);
  });
});

describe('schemaReference', () => {
  const schema = '/home/an/du-an/node_modules/kehoach/schemas/plan.schema.json';
  const pkg = '/home/an/du-an/node_modules/kehoach';

  it('is relative when the package is a dependency of the project holding the plan', () => {
    expect(schemaReference('/home/an/du-an/ke-hoach.yaml', schema, pkg)).toBe(
      'node_modules/kehoach/schemas/plan.schema.json',
    );
    expect(schemaReference('/home/an/du-an/2026/quy-1/ke-hoach.yaml', schema, pkg)).toBe(
      '../../node_modules/kehoach/schemas/plan.schema.json',
    );
  });

  it('is relative inside the package itself (a checkout)', () => {
    expect(schemaReference(`${pkg}/examples/a.yaml`, schema, pkg)).toBe('../schemas/plan.schema.json');
  });

  it("is an exact file: URL when the package is outside the user's project (npx cache, global install)", () => {
    const npx = '/home/an/.npm/_npx/0a1b/node_modules/kehoach';
    const npxSchema = `${npx}/schemas/plan.schema.json`;
    expect(schemaReference('/home/an/Tài liệu/ke-hoach.yaml', npxSchema, npx)).toBe(
      'file:///home/an/.npm/_npx/0a1b/node_modules/kehoach/schemas/plan.schema.json',
    );
    const global = '/usr/lib/node_modules/kehoach';
    expect(schemaReference('/home/an/ke hoach.yaml', `${global}/schemas/plan.schema.json`, global)).toBe(
      'file:///usr/lib/node_modules/kehoach/schemas/plan.schema.json',
    );
  });

  it('encodes what a modeline cannot hold, such as spaces', () => {
    const odd = '/opt/my tools/kehoach';
    expect(schemaReference('/home/an/a.yaml', `${odd}/schemas/plan.schema.json`, odd)).toBe(
      'file:///opt/my%20tools/kehoach/schemas/plan.schema.json',
    );
  });
});

describe('renderStarter', () => {
  const template = readFileSync(join(ROOT, 'templates', 'init', 'ke-hoach.yaml'), 'utf8');

  it('fills the schema and the year, and starts with the modeline', () => {
    const text = renderStarter(template, { schema: 'S.json', year: 2027 });
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=S.json');
    expect(text).toMatch(/^ {2}year: 2027$/m);
    expect(text).not.toContain('{{');
  });

  it.each([2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030])(
    'is a complete plan with no problem at all for %i',
    (year) => {
      const text = renderStarter(template, { schema: '../schemas/plan.schema.json', year });
      // The earliest day a starter for that year can be written.
      const { plan, problems } = loadPlan(text, { today: new Date(year, 0, 1) });
      expect(problems).toEqual([]);
      expect(plan?.document.year).toBe(year);
    },
  );

  it('holds no date, so it can never lie in the future', () => {
    const text = renderStarter(template, { schema: 'S.json', year: 2027 });
    expect(text).not.toMatch(/^\s*date:/m);
  });

  it('refuses a template with a placeholder it does not know', () => {
    expect(() => renderStarter(`${template}\n# {{unknown}}\n`, { schema: 'S', year: 2026 })).toThrow(/\{\{unknown\}\}/);
  });
});

describe('init (in-process)', () => {
  const dir = tempDir('kehoach-init-unit-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function context(now: Date): { ctx: CommandContext; out: string[] } {
    const out: string[] = [];
    const sink = { write: (s: string) => out.push(s) };
    return { ctx: { cwd: dir, env: {}, stdout: sink, stderr: sink, stdinIsTTY: false, now: () => now }, out };
  }

  it('creates parent folders, points at the installed schema, and names the next commands', async () => {
    const { ctx, out } = context(new Date(2035, 0, 1));
    expect(await init({ file: 'ho so/2030/ke-hoach.yaml' }, ctx)).toBe(0);
    const written = readFileSync(join(dir, 'ho so', '2030', 'ke-hoach.yaml'), 'utf8');
    expect(written.split('\n')[0]).toBe(
      `# yaml-language-server: $schema=${pathToFileURL(join(ROOT, 'schemas', 'plan.schema.json')).href}`,
    );
    expect(written).toMatch(/^ {2}year: 2030$/m);
    const said = out.join('');
    expect(said).toContain('Đã tạo ho so/2030/ke-hoach.yaml');
    expect(said).toContain("kehoach check 'ho so/2030/ke-hoach.yaml'");
    expect(said).toContain("kehoach build 'ho so/2030/ke-hoach.yaml'");
  });
});
