// The one way this package asks `yaml` for a document with positions.
import { type Alias, LineCounter, parseAllDocuments } from 'yaml';
import { addDuplicateKeyErrors } from './duplicate-keys.js';

// The parser makes an Error per mistake, and capturing each one's stack was most of the time
// for a file of a hundred thousand mistakes. Nothing reads those stacks; the limit is restored
// before anything else runs. `duplicates: false` leaves repeated keys to the caller.
export function parseQuietly(text: string, { duplicates = true } = {}) {
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const docs = parseAllDocuments(text, {
      prettyErrors: false,
      // Checked by addDuplicateKeyErrors in linear time.
      uniqueKeys: false,
      version: '1.2',
      schema: 'core',
      // Otherwise yaml calls process.emitWarning, which prints to the user's terminal.
      logLevel: 'error',
    });
    if (duplicates) for (const d of docs) addDuplicateKeyErrors(d);
    return docs;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/**
 * Where each line of `text` starts, for positions: lines end at LF, as `yaml` reads them. The
 * parser's own LineCounter misses line breaks inside some broken flow collections.
 */
export function countLines(text: string): LineCounter {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lineCounter.addNewLine(at + 1);
  return lineCounter;
}

/** What a clerk reads about a self-referencing alias. */
export function selfAliasMessage(alias: Alias): string {
  return `Bí danh \`*${alias.source}\` nằm ngay trong giá trị mà nó trỏ tới, nên giá trị ấy tự chứa chính nó mãi không hết: hãy viết nội dung trực tiếp thay cho bí danh.`;
}
