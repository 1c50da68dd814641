import type { FileResult } from '../plan/problem.js';
import { visible } from '../text/visible.js';

// GitHub's workflow-command escaping: data escapes %, CR and LF; property values also , and :.
// The log viewer is a terminal too: control characters are shown, never sent.
function escapeData(text: string): string {
  return visible(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One `::error`/`::warning` workflow command per problem, which Actions shows as annotations. */
export function formatGithub(results: readonly FileResult[]): string {
  let out = '';
  for (const result of results) {
    for (const p of result.problems) {
      const props = `file=${escapeProperty(result.file)},line=${p.line},col=${p.column},title=${escapeProperty(p.rule)}`;
      out += `::${p.severity} ${props}::${escapeData(p.message)}\n`;
    }
  }
  return out;
}
