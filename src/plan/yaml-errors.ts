// The parser's errors that this package makes itself, where it knows what `yaml` would say
// without asking it (duplicate-keys.ts, tab-keys.ts), worded as the yaml package words them.
import { YAMLParseError } from 'yaml';

/**
 * An error over [from, to), without a stack: capturing one for each of the 420,000 repeats of a
 * 2 MB file of `k: 1` lines took six seconds, and the collector as long again. Nothing reads
 * those stacks.
 */
function quietError(
  from: number,
  to: number,
  code: 'DUPLICATE_KEY' | 'TAB_AS_INDENT' | 'IMPOSSIBLE',
  message: string,
): YAMLParseError {
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new YAMLParseError([from, to], code, message);
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/** A repeated key at `offset`. */
export function duplicateKeyError(offset: number): YAMLParseError {
  return quietError(offset, offset + 1, 'DUPLICATE_KEY', 'Map keys must be unique');
}

/** Tabs indenting a line, over [from, to). */
export function tabError(from: number, to: number): YAMLParseError {
  return quietError(from, to, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
}

/** A key that is a flow collection, not the first item of an indented map, as `yaml` finds it (flow-keys.ts). */
export function flowKeyError(offset: number): YAMLParseError {
  return quietError(offset, offset + 1, 'IMPOSSIBLE', 'Map comment with trailing content');
}
