// The loader's first half, which must not import the `yaml` package: `check` of a clean plan
// (the common case) ends here, and leaving `yaml` unloaded is a sizeable share of its start-up.
// A file this half cannot settle goes on to finishLoad in load.ts with what was learnt here.
import type { ErrorObject } from 'ajv';
import { normalizeFresh } from '../text/nfc.js';
import { decodePlan, fileProblem } from './decode.js';
import { nestingProblem } from './depth.js';
import type { ValidateOptions } from './options.js';
import type { Problem } from './problem.js';
import {
  CHUNKED_FROM_CHARS,
  CHUNK_CHARS,
  type Chunk,
  type DocumentSplit,
  blankFrame,
  cutChunks,
  documentCount,
  joinChunks,
  splitDocuments,
} from './chunks.js';
import { jsonData, quickParse } from './quick-parse.js';
import { planValidator } from './schema.js';
import type { Plan } from './types.js';
import { validateWith } from './validate.js';

export interface LoadResult {
  plan?: Plan;
  problems: Problem[];
}

/** A file the quick half could not settle: its text, and its data when js-yaml could read it. */
export interface Unsettled {
  text: string;
  /**
   * Present when js-yaml read the file (so `yaml` reads the same data) and found problems in it:
   * finishLoad may then locate them in a prefix of the text, or only the first ones when there
   * are more than a report shows. `errors` are the schema's; `json` is set when the text is a
   * JSON map JSON.parse read (quick-parse.ts, jsonData).
   */
  many?: { data: unknown; errors: readonly ErrorObject[]; json?: true };
  /** Set when js-yaml did not read the file: a YAML mistake, or a construct left to `yaml`. */
  refused?: true;
  /** A large file's chunks, as js-yaml read them (chunks.ts). */
  chunks?: readonly Chunk[];
  /** A large file of two or more YAML documents, where each starts (documents.ts). */
  documents?: DocumentSplit;
  /** `%TAG` handles declared on lines made blank (chunks.ts, splitDocuments), which every read must declare. */
  tags?: Record<string, string>;
}

/** The result when the file needs no position (clean, or unreadable as a whole); else what finishLoad needs. */
export function loadQuickly(source: Uint8Array | string, options: ValidateOptions): LoadResult | Unsettled {
  const decoded = decodePlan(source);
  if (typeof decoded !== 'string') return { problems: [decoded] };
  if (decoded.trim() === '') return { problems: [fileProblem('file-empty', emptyMessage())] };
  const tooDeep = nestingProblem(decoded);
  if (tooDeep !== undefined) return { problems: [tooDeep] };

  // A large file with `---` lines: several documents are an error, found without reading them all
  // as one (documents.ts); a `---` before the only document reads as a blank line, and so does a
  // `%YAML 1.2` before it, and the text is then cut into chunks as any other.
  const split = decoded.length >= CHUNKED_FROM_CHARS ? splitDocuments(decoded) : undefined;
  if (split !== undefined && documentCount(split) > 1) return { text: decoded, refused: true, documents: split };
  const framed = split?.bare[0] === true;
  const text = framed ? blankFrame(decoded, split) : decoded;
  // Handles declared on the lines made blank, with which `yaml` must read the text.
  const tags = framed && split.tags !== undefined ? { tags: split.tags } : {};

  // A large file is read in chunks, so that when it has a YAML mistake `yaml` need only read the
  // chunks js-yaml refused (yaml-chunks.ts) rather than the whole.
  // A JSON map is read by JSON.parse, whole.
  // js-yaml reads local tags (`!foo`) there too, unless a `%TAG` line may have given `!` a meaning.
  const json = jsonData(text);
  const chunks =
    json === undefined && text.length >= CHUNKED_FROM_CHARS
      ? cutChunks(text, CHUNK_CHARS, undefined, !('tags' in tags))
      : undefined;
  const quick = json ?? (chunks === undefined ? quickParse(text, undefined, false) : joinChunks(chunks));
  if (quick === undefined)
    return chunks === undefined ? { text, refused: true, ...tags } : { text, refused: true, chunks, ...tags };
  // `yaml` warns of each local tag: the chunks place the warnings (yaml-chunks.ts).
  if (chunks?.some((chunk) => chunk.tags !== undefined) === true) return { text, chunks, ...tags };
  const judged = judgeData(normalizeFresh(quick), options);
  if ('plan' in judged) return { plan: judged.plan, problems: [] };
  return { text, many: json === undefined ? judged.many : { ...judged.many, json: true }, ...tags };
}

/**
 * What read data settles without a position: a clean plan. Otherwise the data and the schema's
 * errors, for finishLoad to word and locate. Also used for the data of a large file's chunks
 * (load.ts).
 */
export function judgeData(
  data: Record<string, unknown>,
  options: ValidateOptions,
): { plan: Plan } | { many: NonNullable<Unsettled['many']> } {
  const validate = planValidator();
  // The schema's errors are worded only where they are located (a second of work for a file
  // of 200,000 unknown keys, most of which are never shown).
  if (!validate(data)) return { many: { data, errors: validate.errors ?? [] } };
  const { plan, issues } = validateWith(data, options, []);
  return plan !== undefined && issues.length === 0 ? { plan } : { many: { data, errors: [] } };
}

export function isUnsettled(result: LoadResult | Unsettled): result is Unsettled {
  return 'text' in result;
}

export function emptyMessage(): string {
  return 'Tệp trống, chưa có nội dung kế hoạch: hãy chạy `kehoach init` để tạo một tệp mẫu có chú thích, hoặc `kehoach wizard` để soạn bằng cách trả lời câu hỏi.';
}
