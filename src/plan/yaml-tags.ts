// YAML tags that turn a value into something a plan never holds. `!!binary` and `!!timestamp`
// make bytes and dates, which the schema could only call "not text" or "not a map".
import { type Document, type ParsedNode, isNode } from 'yaml';
import { walkNodes } from './walk.js';
import type { Problem } from './problem.js';
import { lineStartOf } from '../text/line-start.js';

type At = (offset: number) => { line: number; column: number };

const CORE = 'tag:yaml.org,2002:';
// What JSON can hold: these tags change nothing the schema cannot judge.
export const PLAIN_TAGS: ReadonlySet<string> = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq']);
const BECOMES: Readonly<Record<string, string>> = {
  binary: 'dữ liệu nhị phân',
  timestamp: 'một mốc ngày giờ',
  set: 'một tập hợp',
  omap: 'một danh sách cặp có thứ tự',
  pairs: 'một danh sách cặp',
};

/**
 * `text` is the source `doc` was parsed from. Every node with a core tag not in PLAIN_TAGS, made
 * or not: what `yaml` says of such a tag when it cannot make the value is left out of the report
 * (yaml-problems.ts, sayOwn).
 */
export function tagProblems(doc: Document.Parsed<ParsedNode>, text: string, at: At): Problem[] {
  // A tag is written with `!`: without one there is nothing to find, and no walk over every node
  // (a tenth of a second on a 2 MB file `yaml` had to read whole).
  if (!text.includes('!')) return [];
  const problems: Problem[] = [];
  walkNodes(doc, (node) => {
    if (!isNode(node) || node.tag === undefined || !node.tag.startsWith(CORE)) return undefined;
    const name = node.tag.slice(CORE.length);
    if (PLAIN_TAGS.has(name)) return undefined;
    const start = node.range?.[0] ?? 0;
    // The tag is written before the value, on its line.
    const lineStart = lineStartOf(text, start);
    const written = text.lastIndexOf(`!!${name}`, start);
    const offset = written >= lineStart ? written : start;
    const fix = name === 'timestamp' ? ' (ngày thì viết dạng năm-tháng-ngày, ví dụ `2022-03-15`, không cần thẻ)' : '';
    problems.push({
      rule: 'yaml-tag-type',
      severity: 'error',
      path: '',
      ...at(offset),
      message: `Thẻ YAML \`!!${name}\` dành cho ${BECOMES[name] ?? 'một kiểu dữ liệu YAML đặc biệt'}, mà tệp kế hoạch chỉ chứa văn bản, số, danh sách và nhóm khóa: hãy xóa thẻ \`!!${name}\`, viết giá trị như văn bản thường${fix}.`,
    });
  });
  return problems;
}
