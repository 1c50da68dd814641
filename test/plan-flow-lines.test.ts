// Issue 9, item 3: where a flow collection may run over lines in a way that changes how the lines
// after it read (flow-lines.ts), which decides where an indented root stops being cut and whether a
// block scalar header with text after it leaves a large file to the whole-file path. It must never
// be later than where `yaml`'s lexer, reading the whole text, opens the first flow collection that
// it holds open over a line break and that a line ends with an error, or the text's end; it may be
// earlier (a slower route).
import { describe, expect, it } from 'vitest';
import { Lexer } from 'yaml';
import { flowOverLines } from '../src/plan/flow-lines.js';
import { seededRandom } from './helpers/random.js';

/**
 * Where the lines start on which the lexer opens the first flow collection it holds open over a
 * line break (`any`), and the first such that it also ends otherwise than by its closing bracket
 * (`broken`); the text's length where none.
 */
function lexerFlows(text: string): { any: number; broken: number } {
  let at = 0;
  let level = 0;
  let opened = -1;
  let over = false;
  let any = text.length;
  let scalar = false;
  for (const token of new Lexer().lex(text)) {
    // Control tokens: a document's start, a flow collection ended by a line, a scalar to follow.
    if (token === '\u0002') continue;
    if (token === '\u0018') {
      if (level > 0 && over) return { any, broken: opened };
      level = 0;
      continue;
    }
    if (token === '\u001f') {
      scalar = true;
      continue;
    }
    if (!scalar && (token === '[' || token === '{')) {
      if (level === 0) {
        opened = text.lastIndexOf('\n', at - 1) + 1;
        over = false;
      }
      level++;
    } else if (!scalar && (token === ']' || token === '}') && level > 0) level--;
    else if (level > 0 && token.includes('\n')) {
      over = true;
      any = Math.min(any, opened);
    }
    scalar = false;
    at += token.length;
  }
  return { any, broken: level > 0 && over ? opened : text.length };
}

function lexerFlowOverLines(text: string): number {
  return lexerFlows(text).broken;
}

describe('where a flow collection may run over lines', () => {
  it.each([
    ['a quoted value with brackets', 't: "Kế hoạch [2026]"\nu: 1\n'],
    ['a single-quoted one, with a quote doubled', "t: 'it''s [a] {b'\n"],
    ['a flow list holding quotes and a comment after it', 'ds: ["a]", \'b[\', "c # d"] # [x\n'],
    ['a quoted key and a flow map', '"khóa [1]": {a: "}"}\n'],
    ['a JSON-like flow map', '{"a":"}","b":["]"]}\n'],
    ['a flow map whose value follows its quoted key without a blank', 'm: {"a":"}"}\n'],
    ['an apostrophe and quotes inside a plain value', 'g: it\'s [a] và "[b\n'],
    ['a quote after a tag, an alias and a closed flow list', 'a: !t"]"\nb: [*x, "]"] "["\n'],
    ['an escaped quote', 'e: "a\\" [b"\n'],
    // Its later lines further in than the key's: the lexer reads on as ever after it.
    ['a flow list over lines further in', 'a: 1\nds: [a,\n  [b, c],\n\n  d]\ne: 1\n'],
    ['a flow map over lines under an indented root', '  a: 1\n  ds: {a: 1,\n     b: [c, d],\n     e: 2}\n'],
    ['a flow list over lines under an item', '- k: [a,\n    b]\n'],
  ])('finds none in %s', (_name, text) => {
    expect(flowOverLines(text)).toBe(text.length);
    expect(lexerFlowOverLines(text)).toBe(text.length);
  });

  it.each([
    ['a flow list ended by a line at the root’s column', 'a: 1\nds: [a,\nb]\n', 'ds:'],
    ['the same under an indented root', '  a: 1\n  ds: [a,\n  b]\n', '  ds:'],
    ['a flow list left open', 'a: 1\nds: [a,\n  b\n', 'ds:'],
    ['one with a quote in a later line', 'a: 1\nds: [a,\n  "b"]\n', 'ds:'],
    ['one with text after its last bracket', 'a: 1\nds: [a,\n  b] c\n', 'ds:'],
    ['one whose later line opens a flow of its own', 'a: 1\nds: [a,\n  [b,\n  c]]\n', 'ds:'],
    ['one after a quoted scalar', 'a: 1\nds: "x" [a,\nb]\n', 'ds:'],
    ['one after a quote that holds a bracket', 'a: 1\nds: "]" [a,\nb]\n', 'ds:'],
    // Found by fuzzing: a plain scalar from the line before may go on over the line, and the lexer
    // then wants the flow's later lines further in than the line the scalar started on.
    ['a flow list where a plain scalar may go on', '    abc\nk: [a,\n b]\n', 'k:'],
    // Found by a review: a verbatim tag runs to a blank or `>`, brackets and all.
    ['a verbatim tag holding a closing bracket', 'a: 1\nk: [!<a] b\nc: 2\n', 'k:'],
    ['the same after a quote left open', 'a: "x\n y"\nk: [!<]>\n  a]\n', 'k:'],
    // Found by a review: a byte order mark at a line's start before a document is dropped.
    ['a flow list after a byte order mark', '# c\n\uFEFF[a,\n b]\n', '\uFEFF['],
    // Read as a plain scalar going on, the line opens two flow collections, not one.
    ['a line whose two readings open different flows', 'abc\n"a: [b": [c,\n  d]\n', '"a:'],
    ['a quote left open in a flow list', 'a: 1\nds: [a, "b]\n  c"]\n', 'ds:'],
    ['a comment inside a flow map', 'a: 1\nds: {a: 1 # }\n}\n', 'ds:'],
    // Found by fuzzing against the lexer: a plain scalar goes on over the next line up to `: `.
    ['a plain scalar going on over a line with a quote and a comment', 'a: z"\n"q"#["b": [c\nd]\n', '"q"#'],
    // Found by fuzzing: past a block scalar, blanks and a Tab start a line at column 0.
    ['a marker after a Tab past a block scalar', 'k: >\n\t--- [a\nb: 1\n', '\t---'],
    // A quote left open: the lines it goes on over are read by brackets and quotes alone.
    ['a flow list where a quote over lines closes', 'a:\n  k: "abc\n   "[x\n  y: 1\n', '   "['],
  ])('finds %s', (_name, text, line) => {
    expect(flowOverLines(text)).toBe(text.indexOf(line));
    expect(lexerFlowOverLines(text)).toBeGreaterThanOrEqual(text.indexOf(line));
  });

  // Lines built from the pieces that decide how the lexer reads a line, with indentation that
  // goes in and out; about half of the texts have a flow collection over lines somewhere.
  it('is never later than the lexer on 6,000 generated texts', () => {
    const random = seededRandom(9);
    const pick = <T>(items: readonly T[]): T => items[random(items.length)]!;
    const values = [
      '"Kế hoạch [2026]"',
      "'a [b] c'",
      '"x',
      "'y",
      'z"',
      '[a, "b]"]',
      '{a: "}"}',
      '[a,',
      ']',
      '"a\\" [b"',
      "'it''s [x'",
      "it's [a]",
      'a "b [c"',
      '*al',
      '*al "]"',
      '&an "q [x"',
      '!t "q [x"',
      '!t"q [x"',
      "!t'q [x'",
      '|',
      '>',
      '| x',
      '|-',
      '"a": [b',
      '"a":"]"',
      '{"a":"}"}',
      '[[a] "]"]',
      'x # [',
      '"q" # [',
      '"q"#[',
      '[a, b] c',
      'v: [w',
      '- "z',
      '- [a',
      '? "k',
      '"',
      "'",
      '[a #',
      '[a, #b]',
      '{a: [b, "c]"]}',
      'a > b',
      '--- "ab',
      '--- [a',
      '... "x',
      '!<x> "[a"',
      '{"a":"b"}[c',
      ':]',
      '- - [',
    ];
    const lines = ['k: 1', 'k:', '- a', '# c', '', 'text "with', "more 'quote", 'x"]', "y'}", '"end', "'end"];
    let found = 0;
    for (let n = 0; n < 6000; n++) {
      const text: string[] = [];
      let indent = pick([0, 0, 2]);
      for (let count = 1 + random(12); count > 0; count--) {
        indent = Math.max(0, indent + pick([0, 0, 0, 1, -1, 2, -2]));
        let line = ' '.repeat(indent);
        if (random(8) === 0) line = `${line.slice(0, random(line.length + 1))}\t${' '.repeat(random(3))}`;
        const kind = random(5);
        if (kind === 0) line += pick(values);
        else if (kind === 1) line += `${pick(['k', '- k', '- - k', '? k', 'k'])}: ${pick(values)}`;
        else if (kind === 2) line += `k: ${pick(values)}${pick([',', ' ', ': ', ''])}${pick(values)}`;
        else if (kind === 3) line += pick(lines);
        else line += `${pick(values)}${pick(values)}`;
        text.push(line);
      }
      const source = text.join(random(8) === 0 ? '\r\n' : '\n') + (random(2) === 0 ? '\n' : '');
      const lexer = lexerFlowOverLines(source);
      if (lexer < source.length) found++;
      expect(flowOverLines(source), JSON.stringify(source)).toBeLessThanOrEqual(lexer);
    }
    expect(found).toBeGreaterThan(1500);
  });

  // Flow collections opened on one line and going on over the next ones, at indentations in and
  // out of what the lexer lets them have, after plain scalars that may go on over lines.
  it('is never later than the lexer on 6,000 texts of flow collections over lines', () => {
    const random = seededRandom(11);
    const pick = <T>(items: readonly T[]): T => items[random(items.length)]!;
    const opening = [
      'k: [a,',
      'k: {a: 1,',
      '- [a,',
      '- k: [a,',
      '[a,',
      'k: [',
      'k: [[a,',
      'k: [a, [b,',
      'k: {a: [b,',
      '? [a,',
      ': [a,',
      '--- [a,',
      '! [a,',
      '&x [a,',
      'k: !t [a,',
      'k: "q" [a,',
      'k: [a, # c',
      'k: [a, "b",',
      "k: ['a]',",
      'k:',
      'k: |',
      'k: >-',
      'k: abc',
      'k: "x',
      '[',
      'k: *a [b,',
      '- abc',
      'abc',
      '? abc',
      '- - abc',
      'k: - abc',
      '- ! [a,',
      'k: |9',
      'k: |2-',
    ];
    const later = [
      'b]',
      'b,',
      'c]]',
      'c]',
      '}',
      'b: 1}',
      ']',
      'b, c]',
      '[x],',
      '[x,',
      'x]]',
      '"q"]',
      'b] # c',
      'b] x',
      'b]: 1',
      '# c',
      '',
      'b} ',
      'a: [b]',
      'k: 1',
      '---',
      '...',
      'x: [y,',
      'z]',
      'k: [a,',
      '- k: [a,',
      'abc',
      ' - x',
    ];
    let kept = 0;
    for (let n = 0; n < 6000; n++) {
      const text: string[] = [];
      let indent = pick([0, 0, 2, 4]);
      for (let count = 1 + random(8); count > 0; count--) {
        indent = Math.max(0, indent + pick([0, 0, 2, -2]));
        text.push(' '.repeat(indent) + pick(opening));
        for (let more = random(4); more > 0; more--) {
          const further = Math.max(0, indent + pick([0, 1, 2, 2, 3, 4, -1, -2]));
          text.push(
            random(12) === 0 ? `${' '.repeat(random(further + 1))}\t${pick(later)}` : ' '.repeat(further) + pick(later),
          );
        }
      }
      const source = text.join(random(8) === 0 ? '\r\n' : '\n') + (random(2) === 0 ? '\n' : '');
      const lexer = lexerFlows(source);
      const found = flowOverLines(source);
      expect(found, JSON.stringify(source)).toBeLessThanOrEqual(lexer.broken);
      // A flow collection over lines that counts for nothing was passed over.
      if (found > lexer.any) kept++;
    }
    expect(kept).toBeGreaterThan(100);
  });
});
