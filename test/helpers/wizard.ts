// Runs the wizard in-process with a scripted prompter, in a fresh folder.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { CommandContext, ExitCode } from '../../src/context.js';
import { startWizard, type WizardOptions } from '../../src/wizard/main.js';
import { tempDir } from './cli.js';
import { type Answer, ScriptedPrompter } from './wizard-prompter.js';

/** September 2026: a fixed clock keeps defaults stable (from October the default year is the next). */
export const NOW = new Date('2026-09-21T09:00:00+07:00');

export interface Run {
  code: ExitCode;
  dir: string;
  prompter: ScriptedPrompter;
  stdout: string;
  stderr: string;
}

export function context(dir: string, out: { stdout: string[]; stderr: string[] }): CommandContext {
  return {
    cwd: dir,
    env: {},
    stdout: { write: (s: string) => out.stdout.push(s), isTTY: true },
    stderr: { write: (s: string) => out.stderr.push(s), isTTY: true },
    stdinIsTTY: true,
    now: () => NOW,
  };
}

export async function runScripted(
  script: Array<[string, Answer]>,
  options: WizardOptions = {},
  dir: string = tempDir('kehoach-wizard-'),
  setup?: (prompter: ScriptedPrompter) => void,
): Promise<Run> {
  const prompter = new ScriptedPrompter(script);
  setup?.(prompter);
  const out = { stdout: [] as string[], stderr: [] as string[] };
  const code = await startWizard(options, context(dir, out), prompter);
  return { code, dir, prompter, stdout: out.stdout.join(''), stderr: out.stderr.join('') };
}

export function files(dir: string): string[] {
  return readdirSync(dir).sort();
}

export function drafts(dir: string): string[] {
  return files(dir).filter((f) => f.endsWith('.draft.yaml'));
}

export function readYaml(path: string): Record<string, unknown> {
  return parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

export function readIn(dir: string, name: string): string {
  return readFileSync(join(dir, name), 'utf8');
}

/** The ids of the questions asked, in order, without repeats next to each other. */
export function askedIds(prompter: ScriptedPrompter): string[] {
  return prompter.asked.map((a) => a.id).filter((id, i, all) => id !== all[i - 1]);
}
