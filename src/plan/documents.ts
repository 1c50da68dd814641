// A large file of several YAML documents (`---` lines). Its report holds the YAML problems only:
// a plan file holds one plan, so a second document is itself an error, and the schema is never
// asked. `yaml` used to read the whole file for them, three seconds for 2 MB. Here each document
// js-yaml reads clean (in chunks, when it is large) is known to hold nothing `yaml` complains of
// (quick-parse.ts), and `yaml` reads only the others, each from its own `---` line to the next.
//
// Why a document may be read alone: `yaml` ends every scalar, block and flow collection at a `---`
// line at column 0, and starts a document there afresh. So a document's text, then a `---` line
// as the next one's, is read as in the whole file: the same bytes up to that line, and nothing the
// parser does before it looks further on, but for a quote left open (see below). One js-yaml reads clean, with its own marker made blank
// (splitDocuments lets through only markers with at most a comment after them), has nothing open
// at its end, so it ends alike at the end of the text and at the next marker.
import type { YAMLError } from 'yaml';
import {
  CHUNKED_FROM_CHARS,
  CHUNK_CHARS,
  type DocumentSplit,
  blankMarker,
  blankOrComments,
  cutChunks,
  joinChunks,
} from './chunks.js';
import { positionAt } from './locate.js';
import { countLines, parseQuietly } from './parse-yaml.js';
import type { Problem } from './problem.js';
import { quickParse } from './quick-parse.js';
import { closers } from './yaml-chunks.js';
import { yamlProblems } from './yaml-problems.js';
import { tagProblems } from './yaml-tags.js';

/** The error of a file with `count` documents, at the line that starts the second. */
export function multipleDocumentsProblem(count: number, at: { line: number; column: number }): Problem {
  return {
    rule: 'yaml-multiple-documents',
    severity: 'error',
    path: '',
    ...at,
    message: `Tệp có ${count} tài liệu YAML (ngăn bởi dòng \`---\`), mà mỗi tệp chỉ chứa một kế hoạch: hãy tách mỗi kế hoạch ra một tệp riêng, hoặc xóa dòng \`---\` này.`,
  };
}

/**
 * The problems of a text of two or more documents, unsorted, as the whole-file path finds them;
 * undefined when `yaml` does not read a document as it should.
 */
export function documentsProblems(text: string, split: DocumentSplit): Problem[] | undefined {
  const lineCounter = countLines(text);
  const at = (offset: number): { line: number; column: number } => positionAt(lineCounter, offset);
  const starts = split.leading ? [0, ...split.markers] : split.markers;
  const complaints: Array<{ errors: YAMLError[]; warnings: YAMLError[] }> = [];
  const tags: Problem[] = [];
  for (const [index, start] of starts.entries()) {
    const end = starts[index + 1] ?? text.length;
    const own = text.slice(start, end);
    if (readsClean(start === 0 && split.leading ? own : blankMarker(own, 0))) continue;
    const last = end === text.length;
    // A quote left open runs on to the next quote of its kind, and with none, to the end, marker
    // and all: the whole file's one document. With one, it ends at the marker; `closers` gives
    // the read one where the file has one (yaml-chunks.ts), so that it ends there too.
    const source = last ? own : `${own}---\n${closers(text, end)}`;
    const docs = parseQuietly(source);
    const doc = docs[0];
    if (doc === undefined || docs.length !== (last ? 1 : 2)) return undefined;
    const shift = (e: YAMLError): YAMLError => {
      e.pos = [e.pos[0] + start, e.pos[1] + start];
      return e;
    };
    complaints.push({ errors: doc.errors.map(shift), warnings: doc.warnings.map(shift) });
    // As the whole-file path does, tags are looked at in the first document only.
    if (index === 0) for (const p of tagProblems(doc, source, (offset) => at(offset + start))) tags.push(p);
  }
  return [multipleDocumentsProblem(starts.length, at(starts[1]!)), ...yamlProblems(complaints, text, at), ...tags];
}

/** Whether js-yaml reads a document's text (its marker made blank) clean. */
function readsClean(body: string): boolean {
  if (blankOrComments(body)) return true;
  if (body.length < CHUNKED_FROM_CHARS) return quickParse(body) !== undefined;
  const chunks = cutChunks(body, CHUNK_CHARS);
  return chunks !== undefined && joinChunks(chunks) !== undefined;
}
