// The yaml parser's errors and warnings as problems, with indentation mistakes moved to the line
// that is out of step and the parser's follow-on complaints in the same block dropped.
import type { Document, ParsedNode, YAMLError } from 'yaml';
import { type IndentFault, findIndentFaults } from './indent.js';
import type { Problem } from './problem.js';
import { TAB_MESSAGE, yamlMessage } from './yaml-messages.js';

type At = (offset: number) => { line: number; column: number };

// What a line out of step makes the parser say, on that line or on its neighbours.
const INDENT_CODES = new Set(['BAD_INDENT', 'TAB_AS_INDENT', 'BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY', 'UNEXPECTED_TOKEN']);

function fromIndentation(error: YAMLError): boolean {
  if (INDENT_CODES.has(error.code)) return true;
  return error.code === 'MISSING_CHAR' && /followed by map values|without - indicator/u.test(error.message);
}

export function yamlProblems(docs: ReadonlyArray<Document.Parsed<ParsedNode>>, text: string, at: At): Problem[] {
  const found = docs.flatMap((d) => [
    ...d.errors.map((error) => ({ error, severity: 'error' as const })),
    ...d.warnings.map((error) => ({ error, severity: 'warning' as const })),
  ]);
  const located = found.map((f) => ({ ...f, ...at(onContent(text, f.error.pos[0])) }));
  // The scan is a heuristic: it only speaks where the parser has found something wrong.
  const errors = located.filter((f) => f.severity === 'error');
  const follows = (fault: IndentFault, f: (typeof located)[number]): boolean =>
    f.severity === 'error' && within(fault, f.line) && (fault.drops === 'all' || fromIndentation(f.error));
  const faults: IndentFault[] =
    errors.length === 0 ? [] : findIndentFaults(text, TAB_MESSAGE).filter((fault) => errors.some((f) => follows(fault, f)));

  const problems: Problem[] = faults.map((f) => ({ rule: f.rule, severity: 'error', path: '', line: f.line, column: f.column, message: f.message }));
  for (const f of located) {
    if (faults.some((fault) => follows(fault, f))) continue;
    problems.push({ severity: f.severity, path: '', line: f.line, column: f.column, ...yamlMessage(f.error, text) });
  }
  return problems;
}

function within(fault: IndentFault, line: number): boolean {
  return line >= fault.from && line < fault.to;
}

// The parser can name a blank or comment line before the real one: move on to the next content.
function onContent(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  for (let start = lineStart; ; ) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end === -1 ? text.length : end);
    const trimmed = line.trim();
    if (trimmed !== '' && !trimmed.startsWith('#')) return start === lineStart ? offset : start + line.search(/\S/u);
    if (end === -1) return offset;
    start = end + 1;
  }
}
