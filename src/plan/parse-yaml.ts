// The one way this package asks `yaml` for a document with positions.
import { type Alias, Composer, LineCounter, Parser, parseAllDocuments } from 'yaml';
import { addDuplicateKeyErrors } from './duplicate-keys.js';

/** `%TAG` handles and their prefixes, as the lines that declare them give them. */
export type TagHandles = Readonly<Record<string, string>>;

// The handles of `%TAG` lines made blank (chunks.ts, splitDocuments), in force for every read of
// withTagHandles: each read is then of a text's first document as it is with those lines before it.
let declared: TagHandles | undefined;

/**
 * `read()`, with each `yaml` read in it made as after `%TAG` lines declaring `tags`: a large file
 * opening with such lines is read in chunks, and in each a handle must resolve, and name local
 * tags when a key is written out, as in the file. Reads are synchronous, so the handles hold for
 * `read` alone.
 */
export function withTagHandles<T>(tags: TagHandles | undefined, read: () => T): T {
  if (tags === undefined) return read();
  const before = declared;
  declared = tags;
  try {
    return read();
  } finally {
    declared = before;
  }
}

// The parser makes an Error per mistake, and capturing each one's stack was most of the time
// for a file of a hundred thousand mistakes. Nothing reads those stacks; the limit is restored
// before anything else runs. `duplicates: false` leaves repeated keys to the caller.
export function parseQuietly(text: string, { duplicates = true } = {}) {
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const options = {
      prettyErrors: false,
      // Checked by addDuplicateKeyErrors in linear time.
      uniqueKeys: false,
      version: '1.2',
      schema: 'core',
      // Otherwise yaml calls process.emitWarning, which prints to the user's terminal.
      logLevel: 'error',
    } as const;
    const docs = declared === undefined ? parseAllDocuments(text, options) : parseDeclared(text, options, declared);
    if (duplicates) for (const d of docs) addDuplicateKeyErrors(d);
    return docs;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

// As parseAllDocuments reads, with `tags` declared before the text's first document as a `%TAG`
// line declares them: the composer's directives take them, and in YAML 1.2 hand them to the first
// document only. The package has no option for this; its directives are reached as they are.
function parseDeclared(text: string, options: ConstructorParameters<typeof Composer>[0], tags: TagHandles) {
  const composer = new Composer(options);
  Object.assign((composer as unknown as { directives: { tags: Record<string, string> } }).directives.tags, tags);
  return Array.from(composer.compose(new Parser().parse(text)));
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
