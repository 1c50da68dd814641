// Builds dist/ once per run, so the tests that spawn bin/kehoach.js never run a stale build
// after src/ changed (plain `npx vitest run` included): the same steps as `npm run build`.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const run = (...args: string[]): void => {
    execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  };
  run('scripts/schema-data.mjs');
  run('scripts/plan-validator.mjs');
  run(tsc, '-p', 'tsconfig.json');
  run('scripts/skeleton-data.mjs');
  run('scripts/templates-data.mjs');
  run('scripts/bundle.mjs');
}
