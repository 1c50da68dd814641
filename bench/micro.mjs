#!/usr/bin/env node
// `node bench/micro.mjs [plans]`: where one plan's time goes, in this process, without start-up
// or disk: the loader's steps and each rule (what `check` does per plan), then the render's steps
// (what `build` adds). Needs the built dist/. Complements the CPU profiles of bench/profile.mjs.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => import(pathToFileURL(path.join(ROOT, 'dist', p)).href);

const { loadPlan } = await dist('plan/load.js');
const { normalizeDeep } = await dist('text/nfc.js');
const { planValidator } = await dist('plan/schema.js');
const { RULES } = await dist('plan/rules/index.js');
const { renderPlan } = await dist('render/index.js');
const { composeDocument } = await dist('render/compose.js');
const { loadTemplates } = await dist('render/templates.js');

const N = Number(process.argv[2] ?? 200);
const dir = path.join(ROOT, 'examples');
const texts = readdirSync(dir)
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => readFileSync(path.join(dir, f), 'utf8'));
const today = new Date();
const created = new Date('2024-01-01T00:00:00Z');

// CPU time of this process, in ms: on a shared machine it is far steadier than the wall clock.
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const totals = new Map();
const timed = (key, fn) => {
  const start = cpuNow();
  const result = fn();
  totals.set(key, (totals.get(key) ?? 0) + cpuNow() - start);
  return result;
};

function print(title, perPlan) {
  process.stdout.write(`\n${title}: ${perPlan.toFixed(2)} ms CPU/kế hoạch\n`);
  for (const [key, ms] of [...totals].sort((a, b) => b[1] - a[1])) {
    process.stdout.write(
      `  ${(ms / N).toFixed(3).padStart(8)} ms  ${((ms / N / perPlan) * 100).toFixed(1).padStart(5)} %  ${key}\n`,
    );
  }
  totals.clear();
}

planValidator();
for (let i = 0; i < 50; i++) loadPlan(texts[i % texts.length], { today });
let start = cpuNow();
for (let i = 0; i < N; i++) loadPlan(texts[i % texts.length], { today });
const checkMs = (cpuNow() - start) / N;
const loaded = texts.map((t) => loadPlan(t, { today }).plan);
for (let i = 0; i < N; i++) {
  const data = JSON.parse(JSON.stringify(loaded[i % loaded.length]));
  const plan = timed('normalizeDeep', () => normalizeDeep(data));
  const validate = planValidator();
  timed('ajv: validate', () => validate(plan));
  for (const rule of RULES) timed(`rule ${rule.id}`, () => rule.check(plan, { today }));
}
const measured = [...totals.values()].reduce((a, b) => a + b, 0);
totals.set('the rest: decode, YAML parse, locate, sort', Math.max(0, checkMs * N - measured));
print('loadPlan (check, mỗi kế hoạch)', checkMs);

const plans = texts.map((t) => loadPlan(t, { today }).plan);
const sets = { 'ke-hoach': await loadTemplates('ke-hoach'), 'chuong-trinh': await loadTemplates('chuong-trinh') };
for (let i = 0; i < 20; i++)
  await renderPlan(plans[i % plans.length], { templates: sets[plans[i % plans.length].kind], created });
start = cpuNow();
for (let i = 0; i < N; i++) {
  const plan = plans[i % plans.length];
  await renderPlan(plan, { templates: sets[plan.kind], created });
}
const renderMs = (cpuNow() - start) / N;
for (let i = 0; i < N; i++) {
  const plan = plans[i % plans.length];
  timed('composeDocument (templates, view, model)', () => composeDocument(plan, sets[plan.kind]));
}
const composeMs = totals.get('composeDocument (templates, view, model)') ?? 0;
totals.set('the rest: XML, deflate, zip', Math.max(0, renderMs * N - composeMs));
print('renderPlan (build, mỗi kế hoạch, chưa ghi đĩa)', renderMs);
