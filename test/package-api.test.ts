// The package as a user's project imports it: by its name, through package.json's exports, from
// the built dist/ with its type declarations; and the README's example runs as printed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';
import { documentXml } from './helpers/build.js';

const project = mkdtempSync(join(tmpdir(), 'kehoach-user-project-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));
mkdirSync(join(project, 'node_modules'));
symlinkSync(ROOT, join(project, 'node_modules', 'kehoach'));
symlinkSync(join(ROOT, 'examples'), join(project, 'examples'));

function runModule(name: string, code: string): string {
  writeFileSync(join(project, name), code);
  return execFileSync(process.execPath, [name], { cwd: project, encoding: 'utf8' });
}

describe('import … from "kehoach"', () => {
  it('exposes the library API and declares its types', () => {
    const out = runModule('keys.mjs', "import * as k from 'kehoach'; console.log(Object.keys(k).sort().join(' '));");
    expect(out.trim().split(' ')).toEqual(
      expect.arrayContaining([
        'buildFiles',
        'checkFiles',
        'importDocx',
        'loadPlan',
        'main',
        'readDocx',
        'renderPlan',
        'validatePlan',
      ]),
    );
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      exports: Record<string, { types: string }>;
    };
    expect(existsSync(join(ROOT, pkg.exports['.']!.types))).toBe(true);
    expect(readFileSync(join(ROOT, pkg.exports['.']!.types), 'utf8')).toMatch(/export declare function checkFiles/);
  });

  it('gives validatePlan issues whose messages survive JSON and spreading', () => {
    const out = runModule(
      'issues.mjs',
      [
        "import { validatePlan } from 'kehoach';",
        "const { issues } = validatePlan({ version: 1, purpose: 'x' });",
        "const unknown = issues.find((i) => i.rule === 'schema-unknown-key');",
        'console.log(JSON.stringify({ json: JSON.parse(JSON.stringify(unknown)), spread: { ...unknown } }));',
      ].join('\n'),
    );
    const { json, spread } = JSON.parse(out) as Record<string, { message?: string; path?: string[] }>;
    for (const issue of [json, spread]) {
      expect(issue?.path).toEqual(['purpose']);
      expect(issue?.message).toMatch(/purposes/u);
    }
  });

  it('runs the README example as printed', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Dùng như thư viện'));
    const code = /```js\n([\s\S]*?)```/.exec(section)?.[1];
    expect(code).toBeDefined();
    const out = runModule('readme.mjs', code!);
    expect(out).toMatch(/^examples\/quang-tri-2022\.yaml hợp lệ$/m);
    expect(await documentXml(join(project, 'quang-tri-2022.docx'))).toContain('<w:body>');
  });

  it('reads a built .docx back into the plan it was built from', () => {
    const out = runModule(
      'docx.mjs',
      [
        "import { readFile } from 'node:fs/promises';",
        "import { importDocx, loadPlan, renderPlan } from 'kehoach';",
        "const { plan } = loadPlan(await readFile('examples/vinh-long-2026.yaml'));",
        'const result = await importDocx(await renderPlan(plan));',
        'console.log(JSON.stringify({ title: result.data.document.title, same: result.data.document.title === plan.document.title, leftovers: result.leftovers.length }));',
      ].join('\n'),
    );
    expect(JSON.parse(out)).toMatchObject({ same: true, leftovers: 0 });
  });

  it('main() returns the exit code instead of exiting', () => {
    const out = runModule(
      'main.mjs',
      [
        "import { main } from 'kehoach';",
        "let err = '';",
        'const context = { cwd: process.cwd(), env: {}, stdout: { write() {} }, stderr: { write: (s) => { err += s; } }, stdinIsTTY: false, now: () => new Date() };',
        "const code = await main(['check', 'khong-co.yaml'], context);",
        'console.log(JSON.stringify({ code, err }));',
      ].join('\n'),
    );
    const { code, err } = JSON.parse(out) as { code: number; err: string };
    expect(code).toBe(2);
    expect(err).toContain('không tìm thấy "khong-co.yaml"');
  });
});
