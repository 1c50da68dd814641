// The fast path (js-yaml) may only say "clean" where the exact path (`yaml`) reads the same file
// without a single error or warning, into the same data.
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { mutate, seededRandom } from './helpers/random.js';
import { parseAllDocuments, visit } from 'yaml';
import { aliasesAlone, collectionsOverLines, jsonData, quickParse } from '../src/plan/quick-parse.js';
import { PLAN_SOURCES, exactDocuments } from './plan-helpers.js';

// Scalars in flow collections that both parsers read alike, and ones they do not (null, `~`,
// `a:b`, a comment, nothing, properties, indicators): the generators below add their own.
const FLOW_SCALARS: readonly string[] = [
  'a',
  'b c',
  '1',
  '.5',
  '+1',
  '0x1F',
  '1e3',
  'True',
  'x.y',
  'a-b',
  'mục',
  '"q"',
  "'it''s'",
  '"x: y"',
];
const ODD_FLOW_SCALARS: readonly string[] = [
  'null',
  '~',
  '-1',
  'a:b',
  'a #b',
  '#',
  '',
  '- a',
  '&x a',
  '*x',
  '!t a',
  '|',
  '?a',
  '@a',
];

/** What the exact path reads: the data when it finds nothing to say, else undefined. */
function exact(text: string): unknown {
  const docs = exactDocuments(text);
  if (docs.length !== 1 || docs.some((d) => d.errors.length > 0 || d.warnings.length > 0)) return undefined;
  try {
    return docs[0]!.toJS({ maxAliasCount: 100 }) as unknown;
  } catch {
    return undefined;
  }
}

/** The characters YAML's syntax turns on, which the mutation tests insert. */
const MUTATION_CHARS: readonly string[] = [
  ' ',
  ':',
  '-',
  '#',
  '"',
  "'",
  '\t',
  '\n',
  '[',
  ']',
  '{',
  '|',
  '>',
  '?',
  '  ',
  '\\',
];

/** What the property tests insert around the properties they place: where a node, key or item may start or end. */
const NODE_PIECES: readonly string[] = [
  '- ',
  ': ',
  '\n',
  ' ',
  '"',
  "'",
  '#',
  '|',
  '>',
  '|\n  ',
  '[',
  '{',
  ',',
  '?',
  '\t',
];

/** Whether the fast path read `text`; when it did, fails unless it reads what the exact path reads. */
function fastPathAgrees(text: string): boolean {
  const quick = quickParse(text);
  if (quick === undefined) return false;
  if (!isDeepStrictEqual(quick, exact(text))) expect.fail(`the fast path reads differently:\n${text}`);
  return true;
}

describe('quickParse', () => {
  it('reads the fixture and every example (also as NFD and CRLF) exactly as `yaml` does', () => {
    expect(PLAN_SOURCES.length).toBeGreaterThanOrEqual(2);
    for (const source of PLAN_SOURCES) {
      for (const text of [source, source.normalize('NFD'), source.replace(/\n/gu, '\r\n')]) {
        const quick = quickParse(text);
        expect(quick).toBeDefined();
        expect(quick).toStrictEqual(exact(text));
      }
    }
  });

  it('resolves scalars as YAML 1.2 core does', () => {
    const text =
      'a: 0123\nb: 0o17\nc: 0x1F\nd: 1_000\ne: 1e3\nf: .5\ng: yes\nh: ~\ni: True\nj: 2022-03-15\nk: 15/11\nl: +12\nm: -.inf\n';
    expect(quickParse(text)).toStrictEqual(exact(text));
    expect(quickParse(text)).toMatchObject({ a: 123, d: '1_000', g: 'yes', h: null, i: true, j: '2022-03-15', l: 12 });
  });

  it('keeps a __proto__ key as data, as `yaml` does', () => {
    const text = '__proto__:\n  polluted: yes\nb: 1\n';
    const quick = quickParse(text);
    expect(Object.keys(quick ?? {})).toEqual(['__proto__', 'b']);
    expect(Object.getPrototypeOf(quick)).toBe(Object.prototype);
    expect(quick).toStrictEqual(exact(text));
  });

  it.each([
    ['an anchor and an alias', 'a: &x [1]\nb: *x\n'],
    ['a tag other than !!str', 'a: !!int 12\n'],
    ['an anchor in a file with an alias', 'a: &x 1\nb: *x\n'],
    ['an anchor in a file with an alias elsewhere', 'a: &x [1]\nb: [*y]\n'],
    // js-yaml gives a property first on its line to the node of the line above.
    ['a tag first on its line, after an anchor', 'm:\n  p: &x\n  !!str q: 2\n'],
    ['an anchor first on its line', '&x a: 1\n'],
    ['an anchor with a name js-yaml might read otherwise', 'a: &x:y 1\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['an explicit key that is a map', '? a: 1\n: 2\n'],
    ['an explicit key that is a list', '? [a]\n: 2\n'],
    ['an empty explicit key', '?\n: 2\n'],
    ['a quoted explicit key', '? "a"\n: 2\n'],
    ['an explicit key going on to a deeper line', '? a\n  b\n: 2\n'],
    // Found by a review: a null key (`yaml` names it "") and a `\U` escape past U+10FFFF in a
    // collection over lines, where the checks that catch them on one line did not look.
    ['a null key in a collection over lines', 'k: {\n  null: 1\n}\n'],
    ['a `\\U` escape too large in a collection over lines', 'k: [\n  "\\U80000041"\n]\n'],
    ['a flow key holding `~`', '[~]: 1\n'],
    ['a flow key holding one key as `null` and `Null`', '{null: 1, Null: 2}: x\n'],
    ['a flow key holding one key as `true` and `True`', '{true: 1, True: 2}: x\n'],
    ['a flow key after a blank line', 'a: 1\n\n[b]: 2\n'],
    ['a flow key after a comment line', 'a: 1\n# c\n{b: 1}: 2\n'],
    ['a marker with a comment glued to it', '---#\na: 1\n'],
    ['a marker after a Tab', '\t---\na: 1\n'],
    ['an end line with text glued to it', 'a: 1\n...x\n'],
    ['a flow key holding a quoted word', '["a"]: 1\n'],
    ['a flow key holding a repeated key', '{a: 1, a: 2}: x\n'],
    ['an indented flow key', 'm:\n  [a]: 1\n'],
    ['a flow key in a list item', '- [a]: 1\n'],
    ['a flow key too long for one line', `[${'w'.repeat(70)}]: 1\n`],
    ['two flow keys of one name', '[a]: 1\n[ a ]: 2\n'],
    ['a lone CR', 'a: 1\rb: 2\n'],
    ['a BOM inside', 'a: 1\n\ufeffb: 2\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['a top-level list', '- a\n- b\n'],
    ['a syntax error', 'a: "b\nc: d\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a control character', 'a: x\u0007y\n'],
    // js-yaml reads these; `yaml` says a continuation line must be indented past its key.
    ['a quoted value continued at the margin', 'a: "x\ny"\nb: 1\n'],
    ['a single-quoted value continued at its key', "m:\n  a: 'x\n  y'\nb: 1\n"],
    ['a quoted list item continued at the margin', 'm:\n- "x\n- y"\n'],
    ['a quoted value ending in an escaped line break', 'a: "x\\\ny"\n'],
    ['a list continued at the margin', 'a: [1,\n2]\nb: 1\n'],
    ['a nested list continued at its key', 'm:\n  a: [1, [2],\n  3]\n'],
    ['a map continued at the margin', 'a: {c: 1,\nd: 2}\nb: 1\n'],
    // Found by a review comparing the two parsers.
    ['a list with a comment inside', 'm:\n  p: [a, # xem [1]\n  b]\n'],
    ['a list whose next line opens with a comma', 'm:\n  a: [{c: 1}\n  , {c: 2}]\n'],
    ['a blank line holding a tab', 'a:\n\t\nb: 1\n'],
    ['a blank line holding a tab inside a plain value over lines', 'a: x\n\t\n  y\nb: 1\n'],
    ['a blank line holding a tab inside an item over lines', 'a:\n  - x\n \t\n    y\n'],
    ['a blank line holding a tab before a line indented by one', 'a: 1\n\t\n\tb: 1\n'],
    ['a comment line holding a tab after a block scalar', 'a: |\n  x\n\t# c\nb: 1\n'],
    ['a bare dash before a list item further left', 'k:\n  -\n- y\n'],
    ['an empty item before an item further right', 'k:\n  -\n   - y\n'],
    ['a flow map with text after it', 'k: {a: 1} b\n'],
    ['a flow map with a key of two words', 'k: {a b: 1}\n'],
    ['a flow map with no space after a colon', 'k: {a:1}\n'],
    ['a flow map with a key and no value', 'k: {a, b: 1}\n'],
    ['a flow map inside a plain value', 'k: x {a: 1}\n'],
    ['a flow map under a list item', 'k:\n  - {a: 1}\n'],
    ['an empty item before a deeper line', 'k:\n  -\n    a: 1\n'],
    ['an empty item before a line indented with a tab', 'k:\n  -\n\t- y\n'],
    ['an empty item inside an item, then an item beside the inner one', 'k:\n- -\n  - a\n'],
    // Found by a third review comparing the two parsers.
    ['a \\U escape past U+10FFFF in a flow map', 'k: {a: "\\U00110000"}\n'],
    ['a \\U escape past U+10FFFF in a value', 'a: "\\UFFFFFFFF"\n'],
    ['a \\U escape past U+10FFFF in a flow list', 'k: ["\\U7FFFFFFF"]\n'],
    ['a block scalar opening on a deeper blank line, then a comment', 'a: |\n   \n # c\n'],
    ['the same under an empty item', 'a:\n  -\n  - |\n     \n    # c\n'],
    ['a stray closing bracket before a flow left open', 'x}: [\n1]\n'],
    ['a stray closing bracket in a nested key', 'a:\n  x]: [\nc]\n'],
    ['an anchor with no name', 'k: & : +1} x\nb: 1\n'],
    ['a null key', 'null: 1\nb: 2\n'],
    ['a ~ key in a list item', 'a:\n  - ~: 1\n'],
    ['a null key in a flow map', 'a: {null: 1}\n'],
    ['a key longer than 1024 characters', `${'x'.repeat(1100)}: 1\n`],
    ['a key longer than 1024 characters in a list item', `a:\n  - ${'x'.repeat(1100)}: 1\n`],
    ['a long key after a short one on a long line', `a: ${'x'.repeat(1100)}: 1\n`],
    // Found by a review comparing the two parsers: js-yaml reads these clean, `yaml` does not,
    // or reads other data.
    ['a comment glued to a closing quote', 'a: "x"#c\n'],
    ['a comment glued to a closing bracket', 'a: []#\n'],
    ['a flow list that a quoted bracket keeps open', 'a: ["]",\nb]\n'],
    ['a quote opened right after a colon in a flow map', 'a: {"a":"x}\nb y"}\n'],
    ['a colon inside a flow list', 'x: [: ]\n'],
    ['an item holding only a comment', 'a:\n - #\n- a\n'],
    ['an empty item inside an item', 'k:\n- -\n- a\n'],
    ['a comment indented with a tab', 'a: >\n\t#\nb: 1\n'],
    ['a block scalar with an indentation indicator', 'k:\n- >1\n  \n'],
    // Found by a review comparing the two parsers on anchors, !!str and explicit keys.
    ['!!str with its value on the next line', 'a: !!str\n  1\n'],
    ['!!str and a comment, the value below', 'a:\n  b: !!str # c\n    null\n'],
    ['an anchor before a quote that spans lines', 'a: &x "x\ny"\nb: 1\n'],
    ['!!str before a quoted item that spans lines', "- !!str 'x\n- y'\n"],
    ['an anchor after a tab', 'a:\n  - \t&x b\n'],
    ['!!str after a dash and a tab', 'a:\n  -\t!!str b\n'],
    ['a key after an anchor on its line', 'a: &x b: 1\n'],
    ['a key after !!str on its line', 'a: !!str b: 1\n'],
    ['an empty key after an anchor', 'a:\n- &x : 1\n'],
    ['a null key after an anchor', 'a:\n- &x null: 1\n'],
    ['a null explicit key', '? null\n: 1\n'],
    ['a ~ explicit key with a comment', 'm:\n  ? ~ # c\n  : 1\n'],
    ['an explicit value that is a map with a null key', '? a\n: null: 1\n'],
    ['an explicit value that is an explicit key', '? a\n: ? b: 1\n'],
    ['an explicit value that is a flow list', '? a\n: ? [b]\n'],
    ['an empty key in a list item, beside an explicit key', '? a\n: 1\nb:\n- : 1\n'],
    // Found by a second review: the non-specific tag `!`, and flow maps without `:`.
    ['a bare ! with nothing after it', 'a: !\n'],
    ['a bare ! with its value on the next line', 'a: !\n  1\n'],
    ['a bare ! on an empty key', 'a:\n  ! : 1\n'],
    ['a bare ! in a flow list', 'a: [! , 1]\n'],
    ['a bare ! before an anchor', 'k: ! &a\n  1\n'],
    ['a flow map holding a null key', 'a: {~}\n'],
    ['a flow map holding a key and null', 'a: {a, null}\n'],
    ['a flow map holding an anchor', 'a: {&x }\n'],
    ['a flow map holding a list', 'a: {[1]}\n'],
    ['a flow map holding a map', 'a: {{}}\n'],
    ['an explicit key in a flow list', 'a: [? ~]\n'],
    ['an explicit list key in a flow list', 'a: [? []]\n'],
  ])('leaves %s to the exact path', (_, text) => {
    expect(quickParse(text)).toBeUndefined();
  });

  it.each([
    ['an item whose value follows its comment, deeper', 'a:\n  - # ghi chú\n    1\n'],
    ['quoted brackets in a flow list', 'a: ["[x]", \'{y}\']\n'],
    ['an apostrophe doubled in single quotes', "a: ['it''s']\n"],
    ['anchors no alias reads', 'a: &x 1\nb:\n  - &y\n    c: 2\n  - &z [1]\n'],
    ['a !!str tag', 'a: !!str 12\nb: [!!str 1]\n'],
    ['an anchor and a !!str tag together', 'a: &x !!str 12\nb: !!str &y 13\n'],
    ['explicit keys with plain scalar keys', '? a\n: 1\nm:\n  ? b # ghi chú\n  : 2\n  ? c\n'],
    ['\\U escapes up to U+10FFFF', 'a: "\\U0001F600 \\U0010FFFF"\nb: ["\\U00000041"]\n'],
    ['a block scalar with an empty first line', 'a: |\n\n  x\n'],
    ['flow maps of plain keys', 'k: {a: 1, b: [2, {c: x}], d: {}}\nl: {mục: ở đây, e: "x, y", f: \'z\'} # c\n'],
    ['empty items in a column', 'a:\n  -\n  -\n  - x\n  -\nb: 1\n'],
    ['empty items at the margin under a key, then comments', 'a:\n-\n# c\n\n-\n'],
    // A long line whose only `:` ends a short key: no key there is too long.
    ['a line of 700,000 characters with a short key', `big: [${'1, '.repeat(233_333)}1]\nb: "${'x'.repeat(5000)}"\n`],
    ['flow keys at the margin', '[a]: 1\n{a: 1, b: [c, 2]} : x\n[]:\n  k: [1]\n'],
    // As JSON writes a map on one line (a 2 MB file of them went to `yaml` chunk by chunk: 4.6 s).
    ['flow maps with quoted keys', 'k: {"a": 1, "b c": [2]}\nl: {\'d\'\'e\': "f", "g\\"h": {"": 3}}\n'],
  ])('still reads %s quickly', (_, text) => {
    expect(quickParse(text)).toBeDefined();
    expect(quickParse(text)).toEqual(exact(text));
  });

  it('reads lists with empty items as `yaml` does (1,500 deterministic files)', () => {
    // Block maps and lists, some items empty (`-`) or only a comment, some lines shifted left or
    // right: js-yaml takes items at odd columns into a list that `yaml` refuses.
    const random = seededRandom(20261210);
    let key = 0;
    const block = (depth: number, indent: number): string => {
      const pad = ' '.repeat(indent);
      const kind = depth > 3 ? 2 : random(4);
      if (kind === 0) {
        return Array.from({ length: 1 + random(3) }, () => {
          const value = block(depth + 1, indent + 2);
          return value.startsWith('\n') ? `${pad}k${key++}:${value}` : `${pad}k${key++}: ${value}`;
        }).join('\n');
      }
      if (kind === 1) {
        const at = random(2) === 0 ? pad : ' '.repeat(Math.max(0, indent - 2));
        const items = Array.from({ length: 1 + random(4) }, () => {
          const r = random(5);
          if (r === 0) return `${at}-`;
          if (r === 1) return `${at}- # c`;
          const value = block(depth + 1, at.length + 2);
          return value.startsWith('\n') ? `${at}-${value}` : `${at}- ${value}`;
        });
        return `\n${items.join('\n')}`;
      }
      return ['x', '1', '~', 'mục'][random(4)]!;
    };
    let read = 0;
    for (let i = 0; i < 3000; i++) {
      const value = block(0, 2);
      let text = `root:${value.startsWith('\n') ? value : ` ${value}`}\n${random(2) === 0 ? 'z: 1\n' : ''}`;
      if (random(2) === 0) {
        const lines = text.split('\n');
        const at = 1 + random(lines.length - 1);
        const shift = random(5) - 2;
        lines[at] =
          shift > 0 ? ' '.repeat(shift) + lines[at]! : lines[at]!.replace(new RegExp(`^ {0,${-shift}}`, 'u'), '');
        text = lines.join('\n');
      }
      const quick = quickParse(text);
      if (quick === undefined) continue;
      if (/-[ \t]*$/mu.test(text)) read++;
      expect(quick, text).toStrictEqual(exact(text));
    }
    expect(read).toBeGreaterThan(50);
  });

  it('reads lines of flow maps and lists as `yaml` does (2 × 3,000 deterministic files)', () => {
    // Keys and scalars both parsers read alike, and ones they do not (null, `~`, quoted keys,
    // `a:b`, a key with no value, properties, indicators), nested up to four levels.
    const random = seededRandom(20261211);
    // `#` inside quotes (no comment), and glued to a closing quote (`"x"#c`, a comment to js-yaml).
    const plain = [...FLOW_SCALARS, '"#"', "'a #b'", '"]#"'];
    const odd = [...ODD_FLOW_SCALARS, '"x"#c', "'x'#"];
    const plainKeys = ['k', 'a', 'b', 'k_1', 'mục', '_x', 'a-b', 'true'];
    // Quoted keys, once left to `yaml` and now read (as JSON writes a map), among them.
    const oddKeys = [
      'null',
      '~',
      '1',
      'a b',
      '"q"',
      '',
      '?',
      'k:',
      '"a b"',
      "'q'",
      '"x: y"',
      '"#"',
      '"null"',
      '""',
      '"\\u00e9"',
      "'it''s'",
    ];
    let maps = 0;
    let inItems = 0;
    let hashes = 0;
    for (const mixed of [false, true]) {
      const pick = <T>(good: readonly T[], bad: readonly T[]): T =>
        mixed && random(3) === 0 ? bad[random(bad.length)]! : good[random(good.length)]!;
      const flow = (depth: number): string => {
        if (depth > 3 || random(3) === 0) return pick(plain, odd);
        const items = Array.from({ length: random(4) }, (_, i) =>
          random(2) === 0 ? flow(depth + 1) : `${pick(plainKeys, oddKeys)}${i}: ${flow(depth + 1)}`,
        );
        const list = random(2) === 0;
        const body = list ? items.map((item) => item.replace(/^\S+: /u, '')) : items;
        return list ? `[${body.join(', ')}]` : `{${body.join(', ')}}`;
      };
      for (let i = 0; i < 3000; i++) {
        const text = Array.from({ length: 1 + random(3) }, (_, j) => {
          const after = pick(['', ' # c'], ['#c', ' x']);
          // Now and then as items of a list, or their keys' values.
          if (random(4) !== 0) return `k${j}: ${flow(0)}${after}\n`;
          const items = Array.from(
            { length: 1 + random(2) },
            () => `  - ${random(2) === 0 ? 'a: ' : ''}${flow(0)}${after}\n`,
          );
          return `k${j}:\n${items.join('')}`;
        }).join('');
        const quick = quickParse(text);
        if (quick === undefined) continue;
        if (/\{ *[^} ]/u.test(text)) maps++;
        if (/^ *- (?:a: )?\{ *[^} ]/mu.test(text)) inItems++;
        if (/["']#/u.test(text)) hashes++;
        expect(quick, text).toStrictEqual(exact(text));
      }
    }
    expect(maps).toBeGreaterThan(150);
    expect(inItems).toBeGreaterThan(20);
    expect(hashes).toBeGreaterThan(20);
  });

  it('reads JSON values over several lines as `yaml` does (2 × 3,000 deterministic files)', () => {
    // Values a program writes (`k: {` then `  "a": 1,` … `}`), with scalars and strings both
    // parsers may read otherwise, laid out well and, in the second round, badly: lines not
    // indented past the key, a closing bracket at the key's column inside another, a key and its
    // `:` on two lines, a CR, a comment, text after the closing bracket, a `- ` before the key.
    // Tabs after the indentation and on blank lines both read alike. A comma before a closer,
    // which JSON.parse refuses, is no mistake to either parser after an entry.
    const random = seededRandom(20261208);
    const scalars = [
      '0',
      '-0',
      '7',
      '-1.5',
      '1e5',
      '1E-3',
      '12345678901234567890',
      '1e400',
      '0.10',
      'true',
      'false',
      'null',
    ];
    const strings = [
      '"a"',
      '""',
      '"a: b"',
      '"x #y"',
      '"*a"',
      '"&b c"',
      '"!t"',
      '"\\u00e9"',
      '"\\ud800"',
      '"\\/"',
      '"\\n"',
      '"it\'s"',
      '"- x"',
      '"[1]"',
      '"{"',
      '"null"',
      '"~"',
      '"mục"',
      '"\\\\"',
      '"\\""',
      '"---"',
      '"..."',
      '"%x"',
      '"? a"',
      '"a\\tb"',
      '"1"',
    ];
    let read = 0;
    let withComma = 0;
    for (const mixed of [false, true]) {
      const odd = (n: number): boolean => mixed && random(n) === 0;
      const value = (depth: number): string => {
        if (depth > 2 || random(3) === 0)
          return random(2) === 0 ? scalars[random(scalars.length)]! : strings[random(strings.length)]!;
        const list = random(2) === 0;
        const items = Array.from({ length: random(4) }, () =>
          list
            ? value(depth + 1)
            : `${strings[random(strings.length)]}${odd(12) ? '\n   ' : ''}:${random(2) === 0 ? ' ' : '\t'}${odd(20) ? ' # c\n    ' : ''}${value(depth + 1)}`,
        );
        return list ? `[${items.join(',')}]` : `{${items.join(',')}}`;
      };
      // Line breaks after openers and commas, and before closers, each line indented past `column`
      // (or not, in the second round); the outermost closer at the key's column or further.
      const layout = (json: string, column: number): string => {
        let out = '';
        let depth = 0;
        const pad = (closer: boolean): string => {
          if (odd(15)) return ' '.repeat(Math.max(0, column - 1 + random(2)));
          if (closer && depth === 0 && random(2) === 0) return ' '.repeat(column);
          return ' '.repeat(column + 1 + random(4)) + (random(20) === 0 ? '\t' : '');
        };
        for (let i = 0; i < json.length; i++) {
          const char = json[i]!;
          if (char === '"') {
            let end = i + 1;
            while (json[end] !== '"') end += json[end] === '\\' ? 2 : 1;
            out += json.slice(i, end + 1);
            i = end;
            continue;
          }
          if (char === ']' || char === '}') {
            // A comma left after the last entry (or after none, or two, which `yaml` refuses).
            if (random(4) === 0) out += odd(10) ? ',,' : ',';
            depth--;
            if (random(2) === 0) out += `\n${pad(true)}`;
          }
          out += char;
          if (char === '[' || char === '{') depth++;
          if ((char === '[' || char === '{' || char === ',') && random(2) === 0)
            out += `${random(8) === 0 ? [' # c "[', '\t# c', ' #'][random(3)] : odd(30) ? '#c' : ''}${odd(15) ? ['\r\n', '\r'][random(2)] : '\n'}${['', '', '', '\n', ' \t\n'][random(5)]}${pad(false)}`;
        }
        return out;
      };
      for (let i = 0; i < 3000; i++) {
        const nested = random(3) === 0;
        const column = nested ? 2 : 0;
        const entries = Array.from({ length: 1 + random(3) }, (_, j) => {
          const body = random(2) === 0 ? `[${value(1)},${value(1)}]` : `{"a":${value(1)},"b":${value(1)}}`;
          const lead = odd(20) ? '- ' : '';
          const after = mixed && random(10) === 0 ? ['x', '#c', ' # c', ' '][random(4)] : '';
          return `${' '.repeat(column)}${lead}k${j}: ${layout(body, column + lead.length)}${after}\n`;
        });
        const text = `${nested ? 'm:\n' : ''}${entries.join('')}z: 1\n`;
        const quick = quickParse(text);
        if (quick === undefined) continue;
        if (/[[{][^\n]*\n/u.test(text)) read++;
        if (/,[ \t\n]*[\]}]/u.test(text)) withComma++;
        expect(quick, text).toStrictEqual(exact(text));
      }
    }
    expect(read).toBeGreaterThan(1000);
    expect(withComma).toBeGreaterThan(500);
  });

  it('reads flow collections of plain words over several lines as `yaml` does (2 × 3,000 deterministic files)', () => {
    const random = seededRandom(20261209);
    let read = 0;
    for (const mixed of [false, true]) {
      for (let i = 0; i < 3000; i++) {
        const text = flowOverLines(random, mixed);
        const quick = quickParse(text);
        if (quick === undefined) continue;
        if (/[[{][^\n\]}]*\n/u.test(text)) read++;
        expect(quick, text).toStrictEqual(exact(text));
      }
    }
    expect(read).toBeGreaterThan(1000);
  });

  it('reads a root flow map over several lines as `yaml` does (2 × 3,000 deterministic files)', () => {
    // A JSON file with comments, say: its lines at any column, in the second round with a marker,
    // a directive, `- ` or a Tab first on a line, and text after the closing bracket.
    const random = seededRandom(20261215);
    let read = 0;
    let atMargin = 0;
    for (const mixed of [false, true]) {
      for (let i = 0; i < 3000; i++) {
        const text = flowOverLines(random, mixed, undefined, true);
        const quick = quickParse(text);
        if (quick === undefined) continue;
        read++;
        if (/\n[^ \n}\]]/u.test(text.slice(0, text.lastIndexOf('}')))) atMargin++;
        expect(quick, text).toStrictEqual(exact(text));
      }
    }
    expect(read).toBeGreaterThan(1500);
    expect(atMargin).toBeGreaterThan(500);
  });

  it('reads block scalars with an indentation indicator as `yaml` does (2 × 3,000 deterministic files)', () => {
    // Headers after a key, an item, an item's key, a list at its key's column, with properties,
    // chomping and a comment; content lines at every depth around the indicator's, blank lines
    // empty, of spaces, with a Tab. The second round has more of the forms left to `yaml`.
    const random = seededRandom(20261216);
    const pick = <T>(list: readonly T[]): T => list[random(list.length)]!;
    let read = 0;
    for (const mixed of [false, true]) {
      for (let i = 0; i < 3000; i++) {
        const lines: string[] = [];
        for (let e = 0; e < 1 + random(3); e++) {
          const column = pick([0, 0, 2, 4]);
          const indicator = 1 + random(4);
          const chomp = pick(['', '', '-', '+']);
          const header =
            pick(['|', '>']) +
            (random(2) === 0 ? `${indicator}${chomp}` : `${chomp}${indicator}`) +
            (mixed ? pick(['', '', ' # c', '  ']) : pick(['', ' ']));
          const props = mixed ? pick(['', '', `&a${e} `, '!!str ']) : '';
          const lead = mixed ? pick(['', '', '- ', '- k: ', 'list']) : '';
          if (column > 0) lines.push(`${' '.repeat(column - 2)}m${e}:`);
          const pad = ' '.repeat(column);
          if (lead === 'list') lines.push(`${pad}k${e}:`, `${pad}- ${props}${header}`);
          else lines.push(`${pad}${lead}${lead === '' ? `k${e}: ` : ''}${props}${header}`);
          for (let j = 0; j < 1 + random(3); j++) {
            const kind = random(mixed ? 10 : 14);
            if (kind === 0) lines.push('');
            else if (kind === 1) lines.push(' '.repeat(random(8)));
            else if (kind === 2) lines.push(`${' '.repeat(random(6))}\t${pick(['x', ''])}`);
            else
              lines.push(
                `${' '.repeat(column + (mixed ? random(8) : indicator + random(3)))}${pick(['x', 'y z', '# h', '- a', 'a: b'])}`,
              );
          }
        }
        const text = `${lines.join('\n')}\n${pick(['', 'z: 1\n', '  z: 1\n'])}`;
        const quick = quickParse(text);
        if (quick === undefined) continue;
        if (/[|>][-+]?[1-9]/u.test(text)) read++;
        expect(quick, text).toStrictEqual(exact(text));
      }
    }
    expect(read).toBeGreaterThan(1000);
  });

  it('reads quoted values over several lines as `yaml` does (2 × 3,000 deterministic files)', () => {
    // Words, escapes and marks inside, line breaks indented past the key or not, blank lines with
    // spaces or a Tab, spaces before a break, and, in the second round, what `yaml` reads
    // otherwise or refuses: a line at the key's column, a marker, a bad escape, text after the quote.
    const random = seededRandom(20261214);
    const words = ['a', 'Kế hoạch', 'năm 2030', '#', 'a: b', '- x', '[1]', '{a}', '&x', '*y', '!t', '%', '|', '>', '@'];
    const doubleOnly = ['\\"', '\\\\', '\\n', '\\t', '\\x41', '\\u00e9', '\\U0001F600', '\\N', '\\_', '\\ ', "'"];
    const singleOnly = ["''", '"', '\\'];
    const odd = ['\\U80000041', '\\q', '\r', '\t'];
    let read = 0;
    for (const mixed of [false, true]) {
      for (let i = 0; i < 3000; i++) {
        const nested = random(3) === 0;
        const column = nested ? 2 : 0;
        const value = (quote: string, least: number): string => {
          const pieces = Array.from({ length: 1 + random(6) }, () => {
            const pool = quote === '"' ? doubleOnly : singleOnly;
            if (mixed && random(12) === 0) return odd[random(odd.length)]!;
            return random(3) === 0 ? pool[random(pool.length)]! : words[random(words.length)]!;
          });
          const text = pieces
            .map((piece, n) => {
              if (n === 0 || random(2) === 0) return ` ${piece}`;
              const blank = random(6) === 0 ? ['\n', '\n   ', '\n\t'][random(3)]! : '';
              const before = random(5) === 0 ? '  ' : '';
              const escaped = quote === '"' && random(8) === 0 ? '\\' : '';
              const indent = mixed && random(8) === 0 ? random(least + 1) : least + random(3);
              const lead = mixed && random(20) === 0 ? '\t' : '';
              return `${before}${escaped}${blank}\n${' '.repeat(indent)}${lead}${piece}`;
            })
            .join('');
          return `${quote}${text}${quote}`;
        };
        const entries = Array.from({ length: 1 + random(3) }, (_, j) => {
          const quote = random(2) === 0 ? '"' : "'";
          const after =
            mixed && random(8) === 0 ? [' x', '#c', ' # c', ',', '\n---'][random(5)]! : random(4) === 0 ? ' # c' : '';
          if (random(3) === 0) {
            // An item of a list, its quote at column + 2.
            return `${' '.repeat(column)}l${j}:\n${' '.repeat(column)}- ${value(quote, column + 2)}${after}\n`;
          }
          return `${' '.repeat(column)}k${j}: ${value(quote, column + 1)}${after}\n`;
        });
        const text = `${nested ? 'm:\n' : ''}${entries.join('')}z: 1\n`;
        const quick = quickParse(text);
        if (quick === undefined) continue;
        if (/["'][^"'\n]*\n/u.test(text)) read++;
        expect(quick, JSON.stringify(text)).toStrictEqual(exact(text));
      }
    }
    expect(read).toBeGreaterThan(1500);
  });

  it('reads blank and comment lines indented with a Tab as `yaml` does (3,000 deterministic files)', () => {
    // Such lines put between any two lines of a plan, now and then mutated, or with CRLF.
    const random = seededRandom(20261215);
    const lines = ['\t', ' \t', '\t\t', '\t# c', '  \t  ', '\t #c'];
    let read = 0;
    for (let i = 0; i < 3000; i++) {
      const source = PLAN_SOURCES[random(PLAN_SOURCES.length)]!.split('\n');
      for (let n = 1 + random(6); n > 0; n--) source.splice(random(source.length + 1), 0, lines[random(lines.length)]!);
      let text = source.join('\n');
      if (random(4) === 0) text = mutate(text, random, [...NODE_PIECES, '\n\t\n'], 1 + random(2));
      if (random(8) === 0) text = text.replace(/\n/gu, '\r\n');
      const quick = quickParse(text);
      if (quick === undefined) continue;
      if (/^[ \t]*\t[ \t]*(?:#.*)?\r?$/mu.test(text)) read++;
      if (!isDeepStrictEqual(quick, exact(text)))
        expect.fail(`the fast path reads differently:\n${JSON.stringify(text)}`);
    }
    expect(read).toBeGreaterThan(600);
  });

  it('names keys that are flow collections at the margin as `yaml` does (2 × 2,000 deterministic files)', () => {
    // Keys like `[a, b]: 1` and `{a: 1}: x` of words and numbers (which js-yaml is given written
    // as `yaml` names them), and of what is left to `yaml`: null and booleans, other numbers,
    // quotes, a repeated key, names too long for one line, odd spacing; at the margin and
    // elsewhere (indented, in a list item, inside a block scalar or a quoted value).
    const random = seededRandom(20261207);
    const good = ['a', 'b_1', 'mục', 'x-y', '_', '0', '12', '1234567890', 'w'.repeat(12)];
    const odd = ['null', 'True', '~', '-1', '01', '1.5', '0x1', 'a b', '"q"', "'q'", 'a:b', '', '12345678901', 'a.b'];
    let named = 0;
    for (const mixed of [false, true]) {
      const pick = (): string => (mixed && random(4) === 0 ? odd[random(odd.length)]! : good[random(good.length)]!);
      const space = (): string => [' ', '', '', '  '][random(4)]!;
      const flow = (depth: number): string => {
        if (depth > 4 || random(3) === 0) return pick();
        const list = random(2) === 0;
        const items = Array.from({ length: random(4) }, () => {
          const value = flow(depth + 1);
          if (list) return value;
          const key = random(6) === 0 ? pick() : good[random(3)]!;
          return `${key}${mixed && random(8) === 0 ? ':' : ': '}${value}`;
        });
        const comma = mixed && random(10) === 0 ? ',' : '';
        return `${list ? '[' : '{'}${space()}${items.join(`${space()},${space()}`)}${comma}${space()}${list ? ']' : '}'}`;
      };
      const flowKey = (): string => flow(random(2) === 0 ? 0 : -1).replace(/^([^[{].*)$/u, '[$1]');
      const afterKey = (): string =>
        [': 1', ': x', ':', ': [1, 2]', ': |\n  text', ':\n  k: 1', ': "q"', ' : 1', ':1', ':\t1', ': 1 # c'][
          random(11)
        ]!;
      const before = [
        '',
        'a: |\n  text\n',
        'a: "multi\n',
        "a: 'multi\n",
        'm:\n  k: 1\n',
        '  k: 1\n',
        'a: [1,\n',
        '# c\n',
        'a:\n',
        'a: >-\n',
      ];
      const lead = ['', '', '', '', ' ', '  ', '- ', '? '];
      for (let i = 0; i < 2000; i++) {
        const lines = Array.from({ length: 1 + random(4) }, () => {
          const margin = mixed ? lead[random(lead.length)]! : '';
          const prefix = mixed && random(4) === 0 ? before[random(before.length)]! : random(3) === 0 ? 'k: 1\n' : '';
          // A blank or comment line before a key that is not the first: `yaml` refuses it.
          const gap = ['', '', '', '\n', '# c\n', '  \n'][random(6)]!;
          return `${prefix}${gap}${margin}${flowKey()}${afterKey()}\n`;
        });
        if (random(5) === 0) lines.push(lines[random(lines.length)]!);
        if (mixed && random(8) === 0) lines.push('"[ a ]": 1\n');
        const text = lines.join('');
        const quick = quickParse(text);
        if (quick === undefined) continue;
        if (/^[[{]/mu.test(text)) named++;
        expect(quick, text).toStrictEqual(exact(text));
      }
    }
    expect(named).toBeGreaterThan(150);
  });

  it('reads JSON maps as `yaml` does, and leaves a repeated key or a lone CR to it (3,000 deterministic files)', () => {
    const random = seededRandom(20261208);
    const strings = [
      'a"b',
      ': x',
      'a\\',
      'a',
      'mục',
      '',
      'x: y',
      'a #b',
      '"q"',
      'tab\there',
      'line\nbreak',
      '\u0000',
      '\ud800',
      '😀',
      'a/b',
      '\u2028',
      '\u0085',
      '\u007f',
      'k'.repeat(1100),
    ];
    const numbers = [0, -0, 1, -1, 1.5, 1e21, 1e-7, 2 ** 64, Number.MAX_VALUE];
    const value = (depth: number): unknown => {
      const r = depth > 3 ? random(3) : random(5);
      if (r === 0) return strings[random(strings.length)];
      if (r === 1) return numbers[random(numbers.length)];
      if (r === 2) return [true, false, null][random(3)];
      if (r === 3) return Array.from({ length: random(4) }, () => value(depth + 1));
      return map(depth + 1);
    };
    const map = (depth: number): Record<string, unknown> => {
      const out: Record<string, unknown> = {};
      for (let i = random(5); i > 0; i--)
        out[random(3) === 0 ? strings[random(strings.length)]! : `k${random(8)}`] = value(depth);
      return out;
    };
    let read = 0;
    let refused = 0;
    for (let i = 0; i < 3000; i++) {
      let text = JSON.stringify(map(0), null, [0, 2, 4, '\t', ' '][random(5)]);
      // Numbers as JSON writes them, and in forms JSON.stringify never uses.
      if (random(4) === 0) text = text.replace(/:1(?=[,}\n])|: 1(?=[,}\n])/u, ': 1.0E+2');
      if (random(6) === 0) text = text.replace(/\n/gu, '\r\n');
      if (random(6) === 0) text = `${['\n', '  ', '\n  ', '\t'][random(4)]}${text}\n`;
      // What is left to `yaml`: a lone CR, a key written twice (the same, or in an escape).
      const clean = text;
      if (random(12) === 0) text = text.replace(/\n/u, '\r');
      if (random(6) === 0) text = text.replace(/"(k\d)":/u, '"$1": 0, "$1":');
      if (random(12) === 0) text = text.replace(/"k(\d)":/u, '"k$1": 0, "\\u006b$1":');
      const quick = jsonData(text);
      // Every other text is read.
      expect(quick === undefined, text).toBe(text !== clean);
      if (quick === undefined) {
        refused++;
        continue;
      }
      read++;
      expect(quick, text).toStrictEqual(exact(text));
      expect(quickParse(text), text).toStrictEqual(quick);
    }
    expect(read).toBeGreaterThan(2000);
    expect(refused).toBeGreaterThan(300);
  });

  it('reads keys up to the length `yaml` takes, and leaves longer ones to it', () => {
    let read = 0;
    for (let length = 1015; length <= 1035; length++) {
      for (const lead of ['', '- ', 'm:\n  ', 'l:\n  - - ']) {
        const text = `${lead}${'k'.repeat(length)}: 1\n`;
        const quick = quickParse(text);
        if (quick !== undefined) read++;
        if (quick !== undefined) expect(quick, `${lead}${length}`).toEqual(exact(text));
      }
    }
    expect(read).toBeGreaterThan(15);
  });

  it('never reads a mutated plan differently from `yaml` (1,000 deterministic mutations)', () => {
    const pieces = [...MUTATION_CHARS, '}', ',', '&', '*', '!', 'a', '0', '@', '`', '%', '\r', 'ư'];
    const random = seededRandom(20220210);
    let quickOnes = 0;
    for (let i = 0; i < 1000; i++) {
      const source = PLAN_SOURCES[random(PLAN_SOURCES.length)]!;
      const text = mutate(source, random, pieces, 1 + random(2));
      if (fastPathAgrees(text)) quickOnes++;
    }
    // Most mutations still leave a readable file, so the comparison above is not empty.
    expect(quickOnes).toBeGreaterThan(500);
  });
  // A large file ending in `...` is cut before it, and js-yaml reads the last chunk, which holds
  // it (chunks.ts, trailingEnd).
  it('reads a plan ending in a document end line as `yaml` does (1,500 deterministic files)', () => {
    const pieces = [...MUTATION_CHARS, '\n...\n', '...'];
    const ends = [
      '...\n',
      '...',
      '... # hết\n',
      '...\n# c\n',
      '...\n\n',
      '...\n  # c\n',
      '...\t\n',
      '...\n ',
      '... \n',
    ];
    const random = seededRandom(20261216);
    let quickOnes = 0;
    for (let i = 0; i < 1500; i++) {
      const source = PLAN_SOURCES[random(PLAN_SOURCES.length)]!;
      const text = mutate(source, random, pieces, random(3)) + ends[random(ends.length)]!;
      if (fastPathAgrees(text)) quickOnes++;
    }
    expect(quickOnes).toBeGreaterThan(750);
  });

  // quick-parse.ts lets anchors (in a file without aliases), `!!str` and explicit plain keys
  // through: put where a node, a key or an item may start, alone or two on a node, on top of
  // the mutations above, they must never make js-yaml read what `yaml` does not.
  it('reads anchors, !!str tags and explicit keys as `yaml` does (2 × 2,000 deterministic files)', () => {
    const random = seededRandom(20261206);
    const properties = [
      ...['&a', '&a1', '&mục', '&a-b', '&_', '!!str', '&a !!str', '!!str &a', '&a &b', '!!str !!str'],
      ...['&a\t', '!!str\t', '&a #c', '!!str #c'],
    ];
    const pieces = [
      'null: ',
      '~: ',
      '-\n',
      '- #c\n',
      '- ',
      ': ',
      '\n',
      ' ',
      '"',
      "'",
      '#',
      '|',
      '>',
      '[',
      '{',
      ']',
      '}',
      ',',
      '?',
      '? ',
      '\t',
      '? null',
      '? ~',
      ': &a ',
      ' !!str ',
      '\n? ',
      '\n: ',
    ];
    const read = [0, 0];
    for (let i = 0; i < 4000; i++) {
      const source = PLAN_SOURCES[random(PLAN_SOURCES.length)]!;
      const lines =
        i % 2 === 0
          ? withProperties(mutate(source, random, pieces, random(2)), random, properties)
          : withExplicitKeys(source, random);
      const text = i % 2 === 0 ? lines : mutate(lines, random, [...pieces, '&a ', '!!str '], random(2));
      const quick = quickParse(text);
      if (quick === undefined) continue;
      read[i % 2]!++;
      if (!isDeepStrictEqual(quick, exact(text))) expect.fail(`the fast path reads differently:\n${text}`);
    }
    // Most such files are refused (a mutation breaks them, or a property lands where js-yaml is unsure), but not most of them.
    expect(read[0]).toBeGreaterThan(200);
    expect(read[1]).toBeGreaterThan(300);
  });
});

describe('quickParse with local tags let through', () => {
  /** The data and the places of `yaml`'s tag warnings, when `yaml` finds nothing else to say; else undefined. */
  function exactTagged(text: string): { data: unknown; tags: Array<[number, number]> } | undefined {
    const docs = exactDocuments(text);
    const doc = docs[0];
    if (docs.length !== 1 || doc === undefined || doc.errors.length > 0) return undefined;
    if (doc.warnings.some((w) => w.code !== 'TAG_RESOLVE_FAILED')) return undefined;
    try {
      const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
      return { data, tags: doc.warnings.map((w) => [w.pos[0], w.pos[1]]) };
    } catch {
      return undefined;
    }
  }

  it('reads them as `yaml` does, each where `yaml` warns of it (3,000 deterministic files)', () => {
    const random = seededRandom(20261207);
    const properties = [
      ...['!foo', '!a-b', '!x_1', '!Foo9', '!lưu', '!foo!bar', '!e!x', '!', '!!foo', '!<!x>'],
      ...['!foo &a', '&a !foo', '!foo !foo', '!foo\t', '!foo #c', '!!str !foo', '!foo !!str'],
    ];
    const pieces = [...NODE_PIECES, '- !foo ', ': !foo '];
    let read = 0;
    let tagged = 0;
    for (let i = 0; i < 3000; i++) {
      const source = PLAN_SOURCES[random(PLAN_SOURCES.length)]!;
      // Tags before values, those values then mutated, or tags anywhere a property may start.
      const text =
        i % 3 === 0
          ? withLocalTags(source, random)
          : i % 3 === 1
            ? mutate(withLocalTags(source, random), random, pieces, 1 + random(2))
            : withProperties(mutate(source, random, pieces, random(3)), random, properties);
      const tags: Array<[number, number]> = [];
      const quick = quickParse(text, undefined, true, tags);
      if (quick === undefined) continue;
      read++;
      if (tags.length > 0) tagged++;
      const expected = exactTagged(text);
      if (expected === undefined || !isDeepStrictEqual(quick, expected.data))
        expect.fail(`the fast path reads differently:\n${text}`);
      expect(tags, text).toEqual(expected.tags);
    }
    expect(read).toBeGreaterThan(1200);
    expect(tagged).toBeGreaterThan(1200);
  });

  it('reads tags inside flow collections over lines as `yaml` does, each where `yaml` warns of it (2 × 3,000 deterministic files)', () => {
    const random = seededRandom(20261208);
    const tags = {
      good: ['!foo', '!a-b', '!x_1', '!Foo9'],
      odd: [
        '!lưu',
        '!foo!bar',
        '!e!x',
        '!',
        '!!foo',
        '!<!x>',
        '!foo &a',
        '!foo !foo',
        '!!str',
        '!foo#c',
        '!f,g',
        '!f[g',
      ],
    };
    let read = 0;
    let inside = 0;
    let inItems = 0;
    for (const mixed of [false, true]) {
      for (let i = 0; i < 3000; i++) {
        const text = flowOverLines(random, mixed, tags);
        const found: Array<[number, number]> = [];
        const quick = quickParse(text, undefined, true, found);
        if (quick === undefined) continue;
        read++;
        const expected = exactTagged(text);
        if (expected === undefined || !isDeepStrictEqual(quick, expected.data))
          expect.fail(`the fast path reads differently:\n${text}`);
        expect(found, text).toEqual(expected.tags);
        // A tag inside a collection that opens on one line and closes on another.
        if (found.some(([start]) => /[[{][^\]}]*\n/u.test(text.slice(text.lastIndexOf(':', start), start)))) inside++;
        // A tag inside an item's collection.
        if (found.some(([start]) => /^ *- [^\n]*[[{]/u.test(text.slice(text.lastIndexOf('\n', start) + 1, start)))) {
          inItems++;
        }
      }
    }
    // Most are refused (an odd tag or scalar, a tag before a line break after a key), not most.
    expect(read).toBeGreaterThan(750);
    expect(inside).toBeGreaterThan(200);
    expect(inItems).toBeGreaterThan(150);
  });

  it.each<[string, string]>([
    ['inside a block scalar', 'a: |\n  - !foo x\n  k: !foo y\n'],
    ['inside a plain value over lines', 'a: b\n  c: !foo x\n'],
    // js-yaml reads the first tag twice, as a key's on its line, then as the value's over two lines.
    ['inside a block scalar, after a tagged value over lines', 'a: !foo x\n  y\nb: |\n  - !foo z\n'],
    ['before a key on its line', 'a:\n  - !foo b: 1\n'],
    ['first on its line', 'a:\n  !foo b\n'],
    ['after a Tab', 'a:\t!foo b\n'],
    ['after an anchor', 'a: &x !foo b\n'],
    ['on an empty value', 'a: !foo\n'],
    ['on a flow collection', 'a: !foo [b]\n'],
    ['on a flow collection over lines', 'a: !foo {\n  b: 1,\n  c: [2,\n    3]\n}\nd: !x [\n  "e"\n]\n'],
    ['on a flow collection over lines, and inside it', 'a: !foo {\n  b: !foo 1\n}\n'],
    ['on a flow collection that is a key', 'a:\n  - !foo {b: 1}: 2\n'],
    ['on a flow collection with a key after it', 'a: !foo [b] c: 1\n'],
    ['in a flow collection', 'a: [!foo b]\n'],
    ['with a letter past ASCII', 'a: !lưu b\n'],
    ['on a block scalar', 'a: !foo |\n  b\n'],
    ['in a quoted value', 'a: "b !foo c"\n'],
  ])('leaves a tag %s to `yaml`, or reads it as `yaml` does', (_name, text) => {
    const tags: Array<[number, number]> = [];
    const quick = quickParse(text, undefined, true, tags);
    if (quick === undefined) return expect(tags).toEqual([]);
    const expected = exactTagged(text);
    expect(quick).toEqual(expected?.data);
    expect(tags).toEqual(expected?.tags);
  });

  it('reads a tag before a plain or quoted scalar, and gives its place', () => {
    const text = "a: !foo 1\nb:\n  - !x-y \"q\\tr\"\n  - !z_9 's''t' # c\nc: !foo null\n";
    const tags: Array<[number, number]> = [];
    expect(quickParse(text, undefined, true, tags)).toEqual({ a: '1', b: ['q\tr', "s't"], c: 'null' });
    expect(tags).toEqual(exactTagged(text)?.tags);
    expect(tags.map(([s, e]) => text.slice(s, e))).toEqual(['!foo', '!x-y', '!z_9', '!foo']);
    // Without a place to give them, the text is left to `yaml`.
    expect(quickParse(text)).toBeUndefined();
  });

  it('reads a tag before a flow collection, on its line or over lines, and gives its place', () => {
    const text = 'a: !foo [1, b]\nc:\n  d: !x {g: 2}\ne: !foo {\n  "f": [1,\n    2],\n}\n';
    const tags: Array<[number, number]> = [];
    expect(quickParse(text, undefined, true, tags)).toEqual({ a: [1, 'b'], c: { d: { g: 2 } }, e: { f: [1, 2] } });
    expect(tags).toEqual(exactTagged(text)?.tags);
    expect(tags).toHaveLength(3);
  });
});

// js-yaml refuses a marker or a directive first on a line inside a collection too, but the scan
// that hides the root's collection from the checks must not take one in on its own.
// Found by the review of the root collections and indentation indicators: each read otherwise.
describe('quickParse, where a review found the two parsers apart', () => {
  it.each([
    ['a CR inside a comment in a root collection', '{"q": #\r c\n"\\\\", }\n'],
    ['a CR inside a comment in a collection over lines', 'k: {\n  "a": 1 # \r, "c": 2\n  }\n'],
    ['blank lines of spaces no deeper than the key in an indicated block', 'a:\n  k: |1\n  \n    \n'],
    ['a line of one space in an indicated block', 'a:\n  k: |2\n \n     \nb: 1\n'],
    ['spaces at the end of the text after an indicated block', 'a:\n  k: |+2\n    x\n  '],
  ])('leaves %s to `yaml`', (_name, text) => {
    expect(quickParse(text, undefined, false)).toBeUndefined();
  });
});

describe('collectionsOverLines at the root', () => {
  it('takes a root collection over lines, its lines at any column', () => {
    const text = '# c\n{\na: 1, # c\n  b: [2, 3],\n"c": {"d": 4}\n}\n';
    expect(collectionsOverLines(text)).toEqual([[text.indexOf('{'), text.lastIndexOf('}') + 1]]);
  });

  it.each([
    ['a `---` line', '{\na: 1,\n---\n}\n'],
    ['a `...` line', '{\na: 1,\n... # c\n}\n'],
    ['a directive', '{\na: 1,\n%x: 2\n}\n'],
  ])('leaves one with %s at the margin to `yaml`', (_name, text) => {
    expect(collectionsOverLines(text)).toBeUndefined();
  });
});

describe('aliasesAlone', () => {
  /** Where `yaml` finds each alias in `text`, when it finds no error and no warning but for local tags; else undefined. */
  function exactAliases(text: string): number[] | undefined {
    const docs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true, version: '1.2', schema: 'core' });
    const doc = docs[0];
    if (docs.length !== 1 || doc === undefined || doc.errors.length > 0) return undefined;
    if (doc.warnings.some((w) => w.code !== 'TAG_RESOLVE_FAILED')) return undefined;
    const found: number[] = [];
    visit(doc, { Alias: (_key, node) => void found.push(node.range![0]) });
    return found;
  }

  it('finds every alias where `yaml` does, or leaves the text to it (1,500 deterministic files)', () => {
    const random = seededRandom(20261208);
    const aliases = ['*a', '*x', '*nope', '*a1', '*mục', '*a-b'];
    const pieces = [...NODE_PIECES, ' #c', '*a', ' *a', '&a '];
    let read = 0;
    let many = 0;
    for (let i = 0; i < 1500; i++) {
      const source = PLAN_SOURCES[random(PLAN_SOURCES.length)]!;
      const aliased = withAliases(source, random, aliases);
      const text = i % 2 === 0 ? aliased : mutate(aliased, random, pieces, 1 + random(2));
      const found = aliasesAlone(text, []);
      if (found === undefined) continue;
      read++;
      if (found.aliases.length > 3) many++;
      expect(found.aliases, text).toEqual(exactAliases(text));
    }
    expect(read).toBeGreaterThan(900);
    expect(many).toBeGreaterThan(900);
  });

  it.each<[string, string]>([
    ['inside a block scalar', 'a: &a 1\nb: |\n  - *a\n'],
    ['inside a plain value over lines', 'a: &a 1\nb: c\n  - *a\n'],
    ['in a flow collection', 'a: &a 1\nb: [*a]\n'],
    ['as a key', 'a: &a 1\n*a : 2\n'],
    ['with a key after it', 'a: &a 1\nb:\n  - *a: 2\n'],
    ['with text after it', 'a: &a 1\nb: *a c\n'],
    ['first on its line', 'a: &a 1\nb:\n  *a\n'],
    ['in a quoted value', 'a: &a 1\nb: "- *a"\n'],
    ['with a comment glued to it', 'a: &a 1\nb: *a#c\n'],
    ['with a name `yaml` reads further', 'a: &a 1\nb: *a.b\n'],
    // `yaml` refuses an alias with an anchor or a tag, which js-yaml would give the scalar.
    ['after an anchor', 'a: &a 1\nb: &x *a\n'],
    ['after an anchor on the line before', 'a: &a 1\nb: &x\n  *a\n'],
    ['after a tag', 'a: &a 1\nb: !foo *a\n'],
    ['after an anchor on an item', 'a: &a 1\nb:\n  - &x *a\n'],
  ])('leaves an alias %s to `yaml`, or finds it where `yaml` does', (_name, text) => {
    const found = aliasesAlone(text, []);
    if (found !== undefined) expect(found.aliases).toEqual(exactAliases(text));
  });

  it('finds aliases after `key: ` and `- `, with or without their anchor or a comment', () => {
    const text = 'a: &a 1\nb: *a\nc:\n  - *a # c\n  - - *nope\nd: !foo *a\n';
    expect(aliasesAlone(text)).toBeUndefined();
    const clean = text.replace('d: !foo *a\n', 'd: *a\n');
    expect(aliasesAlone(clean)?.aliases).toEqual(exactAliases(clean));
    expect(aliasesAlone(clean)?.aliases).toHaveLength(4);
  });
});

/** `text` with an alias in place of a fifth of the scalars after `key: ` or `- ` on their line, after an anchor `&a`. */
function withAliases(text: string, random: (n: number) => number, aliases: readonly string[]): string {
  const aliased = text.replace(
    /^( *(?:- +)*(?:[\p{L}_][\p{L}\p{N}_-]*: +|- +))[^\s[{|>&*!#"'][^\n#]*$/gmu,
    (line: string, lead: string) => (random(5) === 0 ? `${lead}${aliases[random(aliases.length)]!}` : line),
  );
  return aliased.replace(/^version: 1$/mu, 'version: &a 1');
}

/**
 * A file of one to three keys whose values are flow collections over several lines, then `z: 1`.
 * The one-line test's keys and scalars, good and odd, with line breaks after openers, commas and
 * `:`, before closers, inside plain scalars, and, when `mixed`, between a key and its `:`, in a
 * quoted scalar, lines not indented past the key, a comment, text after the closing bracket.
 * `tags`: placed before a value now and then (and, when `mixed`, an odd one).
 */
function flowOverLines(
  random: (n: number) => number,
  mixed: boolean,
  tags?: { good: readonly string[]; odd: readonly string[] },
  root = false,
): string {
  const plain = FLOW_SCALARS;
  const odd = [...ODD_FLOW_SCALARS, "it's", '"\\U80000041"'];
  const plainKeys = ['k', 'a', 'b', 'k_1', 'mục', '_x', 'a-b', 'true'];
  const oddKeys = ['null', '~', '1', 'a b', '"q"', '', '?', 'k:'];
  const pick = <T>(good: readonly T[], bad: readonly T[]): T =>
    mixed && random(4) === 0 ? bad[random(bad.length)]! : good[random(good.length)]!;
  const column = root ? -1 : random(3) === 0 ? 2 : 0;
  // The root's lines may start at any column, but a marker or a directive at the first ends the
  // document to `yaml`; a `- ` or a Tab there is no flow content.
  const rootLead = (): string =>
    mixed && random(12) === 0 ? ['---', '--- ', '...', '%x ', '- ', '\t', '#c'][random(7)]! : '';
  const pad = (closer: boolean): string => {
    if (root) return random(3) === 0 ? rootLead() : ' '.repeat(random(3));
    if (mixed && random(15) === 0) return ' '.repeat(Math.max(0, column - 1 + random(2)));
    if (closer && random(3) === 0) return ' '.repeat(column);
    return ' '.repeat(column + 1 + random(4));
  };
  const br = (closer = false): string => (random(2) === 0 ? `\n${random(10) === 0 ? '\n' : ''}${pad(closer)}` : '');
  const tag = (): string => {
    if (tags === undefined || random(3) !== 0) return '';
    const name = pick(tags.good, tags.odd);
    return random(6) === 0 ? `${name}\n${pad(false)}` : `${name} `;
  };
  const scalar = (): string => {
    const word = pick(plain, odd);
    const w = random(3) === 0 ? ['a - b', 'x .5', 'a +b', 'mục 1', 'b c d', 'a  b', '1 2'][random(7)]! : word;
    if (mixed && random(30) === 0) return `"x:\n${' '.repeat(random(3))}y"`;
    return random(3) === 0 ? w.replace(' ', `\n${pad(false)}`) : w;
  };
  const flow = (depth: number): string => {
    if (depth > 3 || random(3) === 0) return `${tag()}${scalar()}`;
    const list = random(2) === 0;
    const items = Array.from({ length: random(4) }, (_, i) => {
      if (list) return `${br()}${flow(depth + 1)}`;
      // Numbered mostly, so that keys seldom repeat; bare, so that `null` and `~` are keys.
      const key = `${pick(plainKeys, oddKeys)}${random(4) === 0 ? '' : i}`;
      const colon = mixed && random(20) === 0 ? `\n${pad(false)}: ` : random(5) === 0 ? `:${br() || ' '}` : ': ';
      return `${br()}${key}${colon}${flow(depth + 1)}`;
    });
    const comment = random(10) === 0 ? [' # c', ' # c {', '#c'][random(3)]! : '';
    const body = list ? `[${items.join(`,${comment}`)}${br(true)}]` : `{${items.join(',')}${br(true)}}`;
    return `${tag()}${body}`;
  };
  if (root) {
    const entries = Array.from({ length: 1 + random(4) }, (_, j) => `${br()}k${j}: ${tag()}${flow(1)}`);
    const head = ['', '# c\n', '\n', ' ', '# c\n  '][random(5)]!;
    const comma = random(3) === 0 ? ',' : '';
    const after = mixed && random(5) === 0 ? ['x', '#c', ' # c', '\nz: 1', '\n---\nz: 1', '\n]'][random(6)] : '';
    return `${head}{${entries.join(`,${random(4) === 0 ? ' # c' : ''}`)}${comma}\n${rootLead()}}${after}\n`;
  }
  const entries = Array.from({ length: 1 + random(3) }, (_, j) => {
    const value =
      random(2) === 0 ? `[${flow(1)},${br()}${flow(1)}]` : `{${br()}a: ${flow(1)},${br()}b: ${flow(1)}${br(true)}}`;
    const after = mixed && random(10) === 0 ? ['x', '#c', ' # c', ' '][random(4)] : '';
    // With tags, now and then a list of such values, as items or items' keys, mostly on one line
    // (an item's is taken only so).
    if (tags !== undefined && random(5) === 0) {
      const items = Array.from({ length: 1 + random(3) }, () => {
        const lead = random(3) === 0 ? `- k: ` : random(4) === 0 ? '- - ' : '- ';
        const item = random(4) === 0 ? value : value.replace(/\n */gu, ' ');
        return `${' '.repeat(column + 2)}${lead}${tag()}${item}${after}\n`;
      });
      return `${' '.repeat(column)}k${j}:\n${items.join('')}`;
    }
    return `${' '.repeat(column)}k${j}: ${tag()}${value}${after}\n`;
  });
  return `${column > 0 ? 'm:\n' : ''}${entries.join('')}z: 1\n`;
}

/** `text` with a local tag (of those js-yaml may read) before a fifth of the values after `key: ` or `- ` on their line. */
function withLocalTags(text: string, random: (n: number) => number): string {
  const tags = ['!foo', '!a-b', '!x_1', '!Foo9'];
  return text.replace(/^ *(?:- +)*(?:[\p{L}_][\p{L}\p{N}_-]*: +|- +)(?=[^\s|>])/gmu, (lead: string) =>
    random(5) === 0 ? `${lead}${tags[random(tags.length)]!} ` : lead,
  );
}

/** `text` with one to four properties inserted after a space, `-`, `:`, `[`, `{` or `,`, or at a line's start or end. */
function withProperties(text: string, random: (n: number) => number, properties: readonly string[]): string {
  const lines = text.split('\n');
  for (let edits = 1 + random(4); edits > 0; edits--) {
    const at = random(lines.length);
    const line = lines[at]!;
    const spots = [...Array(line.length + 1).keys()].filter(
      (c) => c === 0 || c === line.length || ' -:[{,?\t'.includes(line[c - 1]!),
    );
    const c = spots[random(spots.length)]!;
    const property = properties[random(properties.length)]!;
    const spaced = [`${property} `, ` ${property} `, property, ` ${property}`, `${property}\t`][random(5)]!;
    lines[at] = line.slice(0, c) + spaced + line.slice(c);
  }
  return lines.join('\n');
}

/** `text` with a third of its `key: value` lines written as explicit keys, in three forms. */
function withExplicitKeys(text: string, random: (n: number) => number): string {
  return text
    .split('\n')
    .map((line) => {
      const m = /^([ \t]*(?:- )?)([^:#]+):( .*)?$/u.exec(line);
      if (m === null || random(3) !== 0) return line;
      const [, lead = '', key = '', value = ''] = m;
      const indent = lead.replace('- ', '  ');
      return [
        `${lead}? ${key}\n${indent}:${value}`,
        // A key whose value is a block below it: that block would go on with the key.
        value === '' ? line : `${lead}? ${key}`,
        `${lead}? ${key} # c\n${indent}: ${value}`,
      ][random(3)]!;
    })
    .join('\n');
}
