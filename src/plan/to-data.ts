// A `yaml` document's data, or the problem that keeps it from being data: too many aliases, an
// alias that names nothing or the value it is in, a nesting deeper than the call stack.
import type { Document, ParsedNode } from 'yaml';
import { MAX_ALIAS_GROWTH, aliasUses, aliasedToJS } from './anchors.js';
import { selfAliasMessage } from './parse-yaml.js';
import { formatCount } from './issue.js';
import type { Problem } from './problem.js';

/** Alias nodes allowed in one file: enough for shared partner lists, too few for a bomb. */
export const MAX_ALIASES = 100;

type At = (offset: number) => { line: number; column: number };

/** `at` places an offset of the document's nodes in the user's file. */
export function toData(doc: Document.Parsed<ParsedNode>, at: At): { value: unknown } | { problem: Problem } {
  const aliases = aliasUses(doc);
  const aliasProblem = (rule: string, message: string, offset: number): { problem: Problem } => ({
    problem: { rule, severity: 'error', path: '', ...at(offset), message },
  });
  const firstAlias = aliases[0]?.alias.range?.[0] ?? 0;
  if (aliases.length > MAX_ALIASES) return { problem: tooManyAliases(at(firstAlias)) };
  let read: ReturnType<typeof aliasedToJS>;
  try {
    read = aliasedToJS(doc, MAX_ALIASES);
  } catch {
    return {
      problem: {
        rule: 'yaml-too-deep',
        severity: 'error',
        path: '',
        line: 1,
        column: 1,
        message:
          'Không đọc được cấu trúc tệp (lồng nhau quá sâu): một tệp kế hoạch chỉ có vài cấp thụt lề, hãy kiểm tra lại tệp.',
      },
    };
  }
  if ('value' in read) return read;
  const { kind, alias } = read.fault;
  const offset = alias.range?.[0] ?? firstAlias;
  if (kind === 'inside') return aliasProblem('yaml-alias', selfAliasMessage(alias), offset);
  if (kind === 'grows') {
    return aliasProblem(
      'yaml-alias-limit',
      `Bí danh \`*${alias.source}\` làm dữ liệu của tệp phình thêm quá ${formatCount(MAX_ALIAS_GROWTH)} giá trị (mỗi bí danh là một bản chép của cả giá trị nó trỏ tới), vượt giới hạn để chống tệp «bom bí danh» làm treo máy: hãy viết nội dung trực tiếp thay cho bí danh, hoặc trỏ bí danh tới giá trị nhỏ hơn.`,
      offset,
    );
  }
  if (kind === 'excessive') {
    return aliasProblem(
      'yaml-alias-limit',
      limitMessage(`có bí danh (\`*tên\`) được mở rộng quá ${MAX_ALIASES} lần`),
      firstAlias,
    );
  }
  return aliasProblem(
    'yaml-alias',
    `Bí danh \`*${alias.source}\` chưa được định nghĩa: hãy đặt neo \`&${alias.source}\` ở một giá trị phía trên, hoặc viết nội dung trực tiếp.`,
    offset,
  );
}

/** The problem of a file with more than MAX_ALIASES aliases, at the first. */
export function tooManyAliases(first: { line: number; column: number }): Problem {
  return {
    rule: 'yaml-alias-limit',
    severity: 'error',
    path: '',
    ...first,
    message: limitMessage(`có hơn ${MAX_ALIASES} bí danh (\`*tên\`)`),
  };
}

function limitMessage(what: string): string {
  return `Tệp ${what}, vượt giới hạn ${MAX_ALIASES} để chống tệp «bom bí danh» làm treo máy: hãy viết nội dung trực tiếp thay cho bí danh.`;
}
