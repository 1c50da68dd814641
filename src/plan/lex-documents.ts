// Where `yaml` starts each document of a text, from its lexer alone: a fifth of the time of the
// whole read for a 2 MB file of many documents, which the composer makes costly. The count turns
// on quotes: one closed nowhere takes in every `---` line after it, and only `yaml`'s own reading
// says which quote is open where (a quote in a comment or in another kind of quote opens nothing).
//
// How the lexer's tokens become documents (yaml's Parser and Composer): each document token of the
// parser becomes one document. The lexer starts one with a control token when a line with content
// opens the stream (after the directives, or on the line after a `...`), and the parser takes a
// `---` token as the start of a new one once the open one holds a value, a marker or a property
// (an anchor or a tag); before that, the `---` is the open one's own marker. A stray `]`, `}` or
// `,` there is an error that leaves the document as it was. What follows a `...` on its line
// belongs to the end line, even content, which the lexer opens a document for: the parser takes
// nothing as a document until a `---` or the control token of a later line. A token after the
// scalar control token is the scalar's text, whatever it holds.
import { Lexer } from 'yaml';

const DOCUMENT = '\u0002';
const FLOW_END = '\u0018';
const SCALAR = '\u001f';

/** What the lexer finds of a text's documents. */
export interface LexedDocuments {
  /** Where each document starts: at its `---` token, or at its first line with content. */
  starts: number[];
  /**
   * Where the last token that can make `yaml` warn starts, or -1: a tag, an anchor, an alias, a
   * directive. `yaml`'s warnings as parse-yaml.ts reads (an unknown tag, an anchor or alias ending
   * in `:`, an unknown directive) all come from those; a flow collection's closing bracket at its
   * parent's column is said only with the `compat` option, which it does not set. A directive after
   * the first document counts as at the text's end: its warning is the next document's, whose
   * start lies past it.
   */
  lastWarnable: number;
  /** Where a quoted scalar running on to the text's end starts, or -1: one closed nowhere ends there. */
  toEnd: number;
  /**
   * Where the last flow collection's opening bracket starts, or -1. `yaml` nests a map one level
   * deeper for each `k: v` line in one a `---` ends, until its stack runs out (load.ts).
   */
  lastFlow: number;
}

export function lexDocuments(text: string): LexedDocuments {
  const starts: number[] = [];
  let lastWarnable = -1;
  let toEnd = -1;
  let lastFlow = -1;
  let offset = 0;
  let scalarText = false;
  // Whether a document is open, and whether it holds a marker or property, or a value.
  let open = false;
  let marked = false;
  let valued = false;
  let endLine = false;
  const start = (): void => {
    starts.push(offset);
    open = true;
    marked = false;
    valued = false;
  };
  for (const token of new Lexer().lex(text)) {
    if (scalarText) {
      scalarText = false;
      offset += token.length;
      continue;
    }
    // Control tokens take no place in the text.
    if (token === SCALAR) {
      scalarText = true;
      valued = true;
      continue;
    }
    if (token === DOCUMENT) {
      if (!endLine) start();
      continue;
    }
    if (token === FLOW_END) continue;
    if (token === '---') {
      // On an end line (after a block scalar's header there, its text is a token of its own) the
      // parser takes no marker either (found by a review).
      if (!endLine && (!open || marked || valued)) start();
      marked = true;
    } else if (token === '...') {
      endLine = true;
      open = false;
    } else if (token === '\n' || token === '\r\n' || token === '') {
      endLine = false;
    } else if (VALUES.has(token) || VALUE_STARTS.has(token.charCodeAt(0))) {
      valued = true;
      if ((token[0] === '"' || token[0] === "'") && offset + token.length === text.length) toEnd = offset;
    } else if (PROPERTY_STARTS.has(token.charCodeAt(0))) {
      marked = true;
    } else if (!NOTHING_STARTS.has(token.charCodeAt(0))) {
      // A token the parser has no type for becomes the document's value, as an error.
      valued = true;
    }
    // Once a directive put it at the text's end, nothing lowers it (found by a review).
    if (WARNABLE.has(token.charCodeAt(0)) && lastWarnable < text.length)
      lastWarnable = token.startsWith('%') && starts.length > 0 ? text.length : offset;
    if (token === '[' || token === '{') lastFlow = offset;
    offset += token.length;
  }
  return { starts, lastWarnable, toEnd, lastFlow };
}

const codes = (chars: string): Set<number> => new Set([...chars].map((c) => c.charCodeAt(0)));
const WARNABLE = codes('!&*%');
// Tokens that give a document its value: indicators, and scalars, aliases, block scalar headers
// and flow collections by their first character.
const VALUES = new Set(['-', '?', ':']);
const VALUE_STARTS = codes(`*"'|>{[`);
const PROPERTY_STARTS = codes('&!');
// Blanks, comments, directives, a byte order mark, and the flow indicators that cannot open one.
const NOTHING_STARTS = codes(' \t#%\ufeff]},');
