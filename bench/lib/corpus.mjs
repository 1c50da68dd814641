// Corpora of N plans copied from examples/, each with its own file name, number and title so that
// no layer (ours or the OS's) can serve one plan's work for another.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { planToMarkdown } from './markdown.mjs';

/** Every examples/*.yaml that parses cleanly, sorted by name. */
export async function loadExamples(dir) {
  const names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  const examples = [];
  for (const name of names) {
    const text = await readFile(path.join(dir, name), 'utf8');
    const doc = parseDocument(text);
    if (doc.errors.length > 0) throw new Error(`${name}: ${doc.errors[0].message}`);
    const data = doc.toJS();
    if (!data || typeof data !== 'object' || !data.document) continue;
    examples.push({ name, base: name.replace(/\.ya?ml$/, ''), doc });
  }
  return examples;
}

// A fixed-seed generator keeps corpora identical between runs, so runs stay comparable.
function makeRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state;
  };
}

/** The i-th variant of an example: another number and title, nothing else changed. */
export function variant(example, i) {
  const doc = example.doc.clone();
  if (doc.hasIn(['document', 'number'])) doc.setIn(['document', 'number'], ((i * 7919) % 99998) + 1);
  const title = doc.getIn(['document', 'title']);
  doc.setIn(['document', 'title'], `${title} (bản ${i + 1})`);
  return doc;
}

/**
 * Writes `count` plans to `<root>/plans-<count>/` and, when asked, the same plans as Markdown to
 * `<root>/md-<count>/`. Returns both folders and the plan file paths.
 */
export async function writeCorpus(root, examples, count, { markdown = false } = {}) {
  if (examples.length === 0) throw new Error('no examples to copy');
  const yamlDir = path.join(root, `plans-${count}`);
  const mdDir = path.join(root, `md-${count}`);
  await mkdir(yamlDir, { recursive: true });
  if (markdown) await mkdir(mdDir, { recursive: true });
  const random = makeRandom(count);
  const files = [];
  for (let i = 0; i < count; i++) {
    const example = examples[i % examples.length];
    const doc = variant(example, i);
    const tag = random().toString(36).slice(0, 5);
    const stem = `${String(i + 1).padStart(4, '0')}-${example.base}-${tag}`;
    const file = path.join(yamlDir, `${stem}.yaml`);
    await writeFile(file, doc.toString({ lineWidth: 0, flowCollectionPadding: false }));
    if (markdown) await writeFile(path.join(mdDir, `${stem}.md`), planToMarkdown(doc.toJS()));
    files.push(file);
  }
  return { yamlDir, mdDir: markdown ? mdDir : undefined, files };
}

/** The size limit of a plan file (src/plan/decode.ts MAX_PLAN_BYTES). */
export const PLAN_SIZE_LIMIT = 2 * 1024 * 1024;

/**
 * The worst case issue 9 found for `check`: an example followed by unknown top-level keys up to
 * just under the size limit (about 190,000 of them), each one a problem to locate and word.
 * With `yamlError`, the last line opens a quote it never closes: then the report holds only that
 * YAML error, which `yaml` must place. Returns the file and the number of keys added.
 */
export async function writeWorstCase(root, example, { yamlError = false } = {}) {
  const head = example.doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  const parts = [head];
  const tail = yamlError ? 'ghi_chu: "chưa đóng ngoặc\n' : '';
  let bytes = Buffer.byteLength(head) + Buffer.byteLength(tail);
  let keys = 0;
  for (;;) {
    const line = `k${keys}: 1\n`;
    if (bytes + line.length >= PLAN_SIZE_LIMIT) break;
    parts.push(line);
    bytes += line.length;
    keys++;
  }
  parts.push(tail);
  const file = path.join(root, yamlError ? 'worst-case-yaml-error.yaml' : 'worst-case.yaml');
  await writeFile(file, parts.join(''));
  return { file, keys, bytes };
}

/**
 * Other shapes of a file just under the size limit, each built to defeat one shortcut of the
 * loader (yaml-chunks.ts, locateFirst): aliases across the file, problems behind an alias, a
 * construct js-yaml leaves to `yaml` on every line, one key holding the whole file, a quote left
 * open at the top (closed on no line, or at the end), unknown keys and no key of a plan, a list
 * whose every item is a problem behind an alias; a line js-yaml gives way on, on every line (a
 * key repeated, a Tab, a flow map, an empty item), one line as long as the file, a document
 * marker at the end (after a quote closed nowhere, too), a marker on every other line, one key
 * repeated in every chunk, a marker with a value on its line, CRLF line ends, a root indented,
 * `...` at the end, `%YAML 1.2` first, a document of keys indented by Tabs or of a repeated key,
 * then `---` (and the latter opened by its own `---`, after a short one, ended by `...`, or holding
 * the only double quotes), a quote left open on the first line then `---`, a `%TAG` line first, a
 * last document holding a quote, a document after `...` with no `---`, a JSON map with a comma left
 * out, a `%TAG` the text uses, a tag on a later `---`, an indented root with a flow list over two
 * lines, a bracket inside quotes then a block scalar header with text after it. Returns their files.
 */
export async function writeHostileShapes(root, example) {
  const head = example.doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  // Lines from `line(i)` after `top`, up to just under the limit, then `tail`.
  const fill = (line, top = '', tail = '', start = head) => {
    const parts = [start, top];
    let bytes = Buffer.byteLength(start) + Buffer.byteLength(top) + Buffer.byteLength(tail);
    for (let i = 0; ; i++) {
      const next = line(i);
      const size = Buffer.byteLength(next);
      if (bytes + size >= PLAN_SIZE_LIMIT) break;
      parts.push(next);
      bytes += size;
    }
    parts.push(tail);
    return parts.join('');
  };
  const renamed = head.replace(/^purposes:\n/m, 'purposes_cu:\n').replace(/^requirements:\n/m, 'requirements_cu:\n');
  const behind = ['purposes: &p\n'];
  let bytes = Buffer.byteLength(renamed) + 40;
  for (let i = 0; bytes < PLAN_SIZE_LIMIT - 40; i++) {
    const item = `  - ${i}\n`;
    behind.push(item);
    bytes += item.length;
  }
  behind.push('requirements: *p\n');
  // The same under the alias limit (an alias may add 100,000 values): about 90,000 numbers where
  // text belongs, each a problem in the list and again behind the alias.
  const many = ['purposes: &p\n'];
  bytes = Buffer.byteLength(renamed) + 40;
  for (let i = 0; bytes < PLAN_SIZE_LIMIT - 40; i++) {
    const item = `  - ${10 ** 14 + i}.25\n`;
    many.push(item);
    bytes += item.length;
  }
  many.push('requirements: *p\n');
  // A JSON plan whose list of bases fills it to just under the limit, then 410 unknown keys.
  const lateJson = () => {
    const write = (bases) =>
      JSON.stringify(
        {
          ...example.doc.toJS(),
          bases,
          ...Object.fromEntries(Array.from({ length: 410 }, (_, i) => [`khoa_la_${i}`, i])),
        },
        null,
        2,
      );
    const bases = Array.from({ length: 50_000 }, (_, i) => `Căn cứ bổ sung số ${i}`);
    bases.push('x'.repeat(PLAN_SIZE_LIMIT - Buffer.byteLength(write(bases)) - 200));
    return write(bases);
  };
  const shapes = [
    ['alias-far', 'một neo ở đầu, bí danh ở cuối', fill((i) => `k${i}: 1\n`, 'neo: &s chung\n', 'cuoi: *s\n')],
    [
      'alias-spread',
      'gần 100 bí danh rải khắp tệp',
      fill((i) => (i % 2100 === 2099 ? `k${i}: *s\n` : `k${i}: 1\n`), 'neo: &s chung\n'),
    ],
    ['behind-alias', 'mọi lỗi nằm sau bí danh (`requirements: *p`)', renamed + behind.join('')],
    ['behind-alias-many', 'gần 180.000 lỗi trong danh sách có neo và sau bí danh của nó', renamed + many.join('')],
    ['anchor-every-line', 'neo trên mọi dòng', fill((i) => `k${i}: &a${i} 1\n`)],
    ['tag-every-line', 'thẻ `!!str` trên mọi dòng', fill((i) => `k${i}: !!str ${i}\n`)],
    ['explicit-keys', 'khóa tường minh `? k` trên mọi mục', fill((i) => `? k${i}\n: 1\n`)],
    ['one-key', 'một khóa chứa cả tệp', fill((i) => `  k${i}: 1\n`, 'sau:\n')],
    ['flow-lists', 'danh sách `[1, 2]` trên mọi dòng', fill((i) => `k${i}: [1, 2]\n`)],
    ['open-quote', 'dấu ngoặc mở ở đầu không đóng, trên mọi dòng', fill((i) => `k${i}: "x\n`)],
    ['quote-closed-far', 'dấu ngoặc mở ở đầu, đóng ở cuối tệp', fill((i) => `k${i}: 1\n`, 'mo: "x\n', 'cuoi: "y"\n')],
    ['no-known-key', 'chỉ có khóa lạ, thiếu mọi khóa của kế hoạch', fill((i) => `k${i}: 1\n`, '', '', '')],
    ['one-long-line', 'một dòng dài cả tệp (`big: [1, 1, …]`)', fill(() => '1, ', 'big: [', '1]\n')],
    ['duplicate-every-line', 'một khóa lặp lại trên mọi dòng', fill(() => 'k: 1\n')],
    ['tab-every-line', 'thụt lề bằng Tab trên mọi dòng', fill((i) => `\tk${i}: 1\n`)],
    ['flow-maps', 'nhóm khóa `{a: {b: …}}` trên mọi dòng', fill((i) => `k${i}: {a: {b: [1, {c: 2}]}}\n`)],
    ['empty-items', 'mục rỗng `-` trên mọi dòng', fill(() => '  -\n', 'muc_rong:\n')],
    ['document-marker', 'dòng `---` ở cuối tệp', fill((i) => `k${i}: 1\n`, '', '---\nx: 1\n')],
    [
      'document-open-quote',
      'dấu ngoặc mở không đóng ngay trước `---`',
      fill((i) => `k${i}: 1\n`, '', 'x: "mở\n---\ny: 1\n'),
    ],
    ['many-documents', '`---` trên mọi dòng thứ hai', fill((i) => `k${i}: 1\n---\n`, '', '', '')],
    // These five were read whole by `yaml` until they were cut like the rest.
    [
      'indented-root-error',
      'nhóm khóa gốc thụt vào hai cột, dấu ngoặc mở ở cuối',
      fill((i) => `  k${i}: 1\n`, '', '  x: "mở\n', ''),
    ],
    ['document-end-error', 'dấu ngoặc mở rồi dòng `...` ở cuối', fill((i) => `k${i}: 1\n`, '', 'x: "mở\n...\n')],
    ['marker-value', 'dòng `--- a` ở cuối tệp', fill((i) => `k${i}: 1\n`, '', '--- a\n')],
    [
      'yaml-directive',
      'dòng `%YAML 1.2` rồi `---` ở đầu tệp',
      fill((i) => `k${i}: 1\n`, '', '', `%YAML 1.2\n---\n${head}`),
    ],
    ['documents-tab', 'Tab trên mọi dòng rồi `---` ở cuối tệp', fill((i) => `\tk${i}: 1\n`, '', '---\nx: 1\n')],
    ['documents-repeat', 'một khóa lặp lại trên mọi dòng rồi `---`', fill(() => 'k: 1\n', '', '---\nx: "1"\n')],
    [
      'documents-opened',
      '`---` ở đầu, một khóa lặp lại trên mọi dòng rồi `---`',
      fill(() => 'k: 1\n', '', '---\nx: "1"\n', `---\n${head}`),
    ],
    [
      'documents-later',
      'một tài liệu ngắn, `---`, rồi một khóa lặp lại trên mọi dòng',
      fill(() => 'k: 1\n', '', '---\nx: 1\n', `a: 1\n---\n${head}`),
    ],
    [
      'documents-ended',
      'một khóa lặp lại trên mọi dòng, `...` rồi `---` và một tài liệu cũng kết thúc bằng `...`',
      fill(() => 'k: 1\n', '', '...\n---\nx: "1"\n...\n'),
    ],
    [
      'documents-open-early',
      'dấu ngoặc mở không đóng ở dòng đầu, rồi `---` và một chuỗi trong ngoặc kép',
      fill((i) => `k${i}: 1\n`, '', '---\ny: "z"\n', `x: "mở\n${head}`),
    ],
    [
      'documents-quoted',
      'một chuỗi trong ngoặc kép ở đầu, một khóa lặp lại trên mọi dòng, rồi `---` và tài liệu không có ngoặc kép',
      fill(() => 'k: 1\n', 'ghi_chu: "trích dẫn"\n', '---\nx: 1\n'),
    ],
    [
      'tag-directive',
      'dòng `%TAG` rồi `---` ở đầu, một khóa lặp lại trên mọi dòng',
      fill(() => 'k: 1\n', '', '', `%TAG !e! tag:example.com,2000:\n---\n${head}`),
    ],
    [
      'documents-last-quoted',
      'một tài liệu ngắn, `---`, rồi tài liệu cuối có một chuỗi trong ngoặc kép và một khóa lặp lại trên mọi dòng',
      fill(() => 'k: 1\n', 'ghi_chu: "trích dẫn"\n', '', `a: 1\n---\n${head}`),
    ],
    [
      'documents-unmarked',
      'một khóa lặp lại trên mọi dòng, `...` rồi một tài liệu không có dòng `---`, rồi `---`',
      fill(() => 'k: 1\n', '', '...\nfoo: 1\n---\nx: 1\n'),
    ],
    [
      'json-comma',
      'một nhóm khóa JSON `{…}` cả tệp, thiếu dấu phẩy ở hai dòng cuối',
      fill((i) => `  "k${i}": "giá trị ${i}",\n`, '', '  "x": 1\n  "y": 2\n}\n', '{\n  "version": 1,\n'),
    ],
    // These three were read whole by `yaml` until a prefix was read instead (yaml-prefix.ts).
    [
      'tag-used',
      'dòng `%TAG` có thẻ dùng nó, rồi một khóa lặp lại trên mọi dòng',
      fill(() => 'k: 1\n', 'x: !e!a 1\n', '', `%TAG !e! tag:example.com,2000:\n---\n${head}`),
    ],
    [
      'marker-tag-later',
      'một tài liệu ngắn, `--- !!map`, rồi một khóa lặp lại trên mọi dòng',
      fill(() => 'k: 1\n', '', '', `a: 1\n--- !!map\n${head}`),
    ],
    [
      'indented-flow-repeat',
      'nhóm khóa gốc thụt vào hai cột, một danh sách trên hai dòng, rồi một khóa lặp lại trên mọi dòng',
      fill(() => '  k: 1\n', '  l: [a,\n    b]\n', '', ''),
    ],
    // Left to the whole-file path until quotes were read as the lexer reads them (flow-lines.ts).
    [
      'quoted-bracket-header',
      'tên có ngoặc vuông trong ngoặc kép ở đầu, khóa lạ trên mọi dòng, rồi `>` có chữ theo sau ở cuối',
      fill((i) => `k${i}: 1\n`, 'ten: "Kế hoạch [2026]"\n', 'muc_tieu: > Nâng cao\n'),
    ],
    [
      'repeat-per-chunk',
      'một khóa lặp lại mỗi 3.000 dòng',
      fill((i) => (i % 3000 === 2999 ? 'lap: 1\n' : `k${i}: 1\n`)),
    ],
    [
      'crlf',
      'xuống dòng CRLF, khóa lạ trên mọi dòng',
      fill((i) => `k${i}: 1\r\n`, '', '', head.replace(/\n/gu, '\r\n')),
    ],
    // Each was read whole by `yaml` (2.6-4.5 s) until it went the ways above.
    ['null-key', 'một khóa rỗng `~:` ở đầu, khóa lạ trên mọi dòng', fill((i) => `k${i}: 1\n`, '~: 1\n')],
    [
      'list-key',
      'một khóa là danh sách `? [a]` ở đầu, khóa lạ trên mọi dòng',
      fill((i) => `k${i}: 1\n`, '? [a]\n: 1\n'),
    ],
    ['unknown-tag', 'một thẻ lạ `!luu` ở đầu, khóa lạ trên mọi dòng', fill((i) => `k${i}: 1\n`, 'x: !luu 1\n')],
    [
      'yaml-1-1-quote',
      'dòng `%YAML 1.1` rồi `---` ở đầu, khóa lạ trên mọi dòng, dấu ngoặc mở ở cuối',
      fill((i) => `k${i}: 1\n`, '', 'y: "mở\n', `%YAML 1.1\n---\n${head}`),
    ],
    // Found by a review: the search for tags `%YAML 1.1` leaves unresolved was quadratic in a run of `!`.
    [
      'yaml-1-1-bangs',
      'dòng `%YAML 1.1` rồi `---` ở đầu, một chú thích 500.000 dấu `!`, rồi khóa lạ trên mọi dòng',
      fill((i) => `k${i}: 1\n`, `# ${'!'.repeat(500_000)}\n`, '', `%YAML 1.1\n---\n${head}`),
    ],
    [
      'tag-used-keys',
      'dòng `%TAG` có thẻ dùng nó, rồi khóa lạ trên mọi dòng',
      fill((i) => `k${i}: 1\n`, 'x: !e!a 1\n', '', `%TAG !e! tag:example.com,2000:\n---\n${head}`),
    ],
    [
      'last-document-open-quote',
      'một tài liệu ngắn, `---`, rồi khóa lạ trên mọi dòng và dấu ngoặc mở ở cuối',
      fill((i) => `k${i}: 1\n`, '', 'y: "mở\n', `a: 1\n---\n${head}`),
    ],
    [
      'documents-open-quote-each',
      'kế hoạch mẫu, rồi mỗi dòng một tài liệu (`---`) có dấu ngoặc mở',
      fill((i) => `---\nk${i}: "x\n`),
    ],
    [
      'open-quote-every-line-then-marker',
      'dấu ngoặc mở trên mọi dòng, dấu cuối cùng không đóng ở đâu, rồi `---` và một tài liệu',
      fill((i) => `k${i}: "x\n`, '', '---\nx: 1\n'),
    ],
    [
      'first-key-explicit',
      'khóa đầu tiên là khóa tường minh `? [a]`, rồi khóa lạ trên mọi dòng',
      fill((i) => `k${i}: 1\n`, '', '', `? [a]\n: 1\n${head}`),
    ],
    // Read by `yaml` chunk by chunk until js-yaml was given such keys named as `yaml` names them.
    ['flow-list-keys', 'khóa là danh sách `[a]` trên mọi dòng', fill((i) => `[a${i}]: 1\n`)],
    ['flow-map-keys', 'khóa là nhóm khóa `{a: 1}` trên mọi dòng', fill((i) => `{a${i}: 1}: 1\n`)],
    // Read by `yaml` whole until JSON.parse read a JSON map (one with a key written twice is still
    // `yaml`'s: its layout scan read a long line once per quote).
    [
      'json-keys',
      'một nhóm khóa JSON `{…}` cả tệp, khóa lạ trên mọi dòng',
      fill((i) => `  "k${i}": "giá trị ${i}",\n`, '', '  "z": 1\n}\n', '{\n  "version": 1,\n'),
    ],
    [
      'json-one-line-repeat',
      'một nhóm khóa JSON cả tệp trên một dòng, một khóa viết hai lần',
      fill((i) => `"k${i}": "giá trị ${i}", `, '', '"z": 1}\n', '{"version": 1, "version": 1, '),
    ],
    // A prefix of nearly the whole file was read, then the whole file after it (a review: 3.6 s
    // before JSON.parse read such files, 6.8 s with it); now the whole file at once.
    ['json-late-problems', 'kế hoạch JSON gần 2 MB, danh sách căn cứ quá dài, rồi 410 khóa lạ ở cuối', lateJson()],
    [
      'json-then-document',
      'một nhóm khóa JSON `{…}` 2 MB, rồi `---` và một tài liệu nhỏ',
      fill((i) => `"k${i}": 1,\n`, '{\n', '"z": 1}\n---\n{"a": 1}\n', ''),
    ],
    // Read by `yaml` in every chunk, then a prefix cut inside a value, then the whole file (9 s),
    // until js-yaml read collections over lines (quick-parse.ts, collectionsOverLines).
    [
      'json-values',
      'khóa lạ trên mọi dòng, mỗi khóa một giá trị JSON `{…}` viết trên bốn dòng',
      fill((i) => `k${i}: {\n  "a": ${i},\n  "b": [1, 2]\n}\n`),
    ],
    [
      'json-values-nested',
      'như trên, mọi khóa nằm trong một khóa `m:`',
      fill((i) => `  k${i}: {\n    "a": ${i},\n    "b": [1, 2]\n  }\n`, 'm:\n'),
    ],
    [
      'flow-values-over-lines',
      'khóa lạ trên mọi dòng, mỗi khóa một danh sách `[…]` tên cơ quan viết trên nhiều dòng',
      fill((i) => `k${i}: [\n  Sở Tài chính,\n  Sở Nội vụ ${i}\n]\n`),
    ],
    [
      'json-values-commented',
      'như `json-values`, có chú thích `# …` ở cuối một dòng trong mỗi giá trị',
      fill((i) => `k${i}: {\n  "a": ${i}, # mục ${i}\n  "b": [1, 2]\n}\n`),
    ],
    // Found by a review: the line breaks of such a value were looked for from every blank of a
    // run (30 s for 150,000 blanks).
    [
      'blanks-in-flow-over-lines',
      'một danh sách viết trên nhiều dòng, một mục của nó chứa gần 2 MB dấu cách',
      fill(() => '          ', 'k: [\n  a', 'b,\n  c\n]\n'),
    ],
    // Read by `yaml` in every chunk until flow keys holding null were named as `yaml` names them.
    ['flow-keys-null', 'khóa là danh sách `[null, a]` trên mọi dòng', fill((i) => `[null, a${i}]: 1\n`)],
    // Read by `yaml` in every chunk until js-yaml read local tags (quick-parse.ts, localTag; 4.6 s,
    // and 5.4 s before a flow collection over lines), counted aliases past the limit (aliasesAlone;
    // 3.5 s) and took a comma before a closer in a JSON value (4.7 s); every read doubled to the
    // file's end past a bracket closed at the margin until such a read counted as ended (7.2 s).
    ['unknown-tag-every-line', 'thẻ lạ `!foo` trên mọi dòng', fill((i) => `k${i}: !foo x\n`)],
    ['alias-every-line', 'bí danh `*a` trên mọi dòng', fill((i) => `k${i}: *a\n`, 'z: &a 1\n')],
    [
      'json-values-last-comma',
      'như `json-values`, có dấu phẩy sau mục cuối của mỗi giá trị',
      fill((i) => `k${i}: {\n  "a": ${i},\n  "b": [1, 2],\n}\n`),
    ],
    [
      'tag-on-flow-over-lines',
      'khóa lạ trên mọi dòng, mỗi khóa một nhóm `!foo {…}` viết trên ba dòng',
      fill((i) => `k${i}: !foo {\n  a: ${i}\n}\n`),
    ],
    [
      'nested-closer-at-margin',
      'khóa lạ trên mọi dòng, mỗi khóa một nhóm `{…}` có dấu `]` của danh sách bên trong ở cột đầu',
      fill((i) => `k${i}: {\n  a: [1,\n  2\n]}\n`),
    ],
    // Read by `yaml` chunk by chunk until a blank line holding a Tab was let through between
    // entries (3.7 s).
    ['tab-blank-lines', 'khóa lạ trên mọi dòng, sau mỗi khóa một dòng trống chứa Tab', fill((i) => `k${i}: x\n\t\n`)],
    // Read by `yaml` chunk by chunk until js-yaml read flow maps with quoted keys (4.6 s).
    [
      'json-inline-values',
      'khóa lạ trên mọi dòng, mỗi khóa một nhóm `{"a": 1}` viết như JSON',
      fill((i) => `k${i}: {"a": ${i}}\n`),
    ],
    // Read by `yaml` chunk by chunk until js-yaml read quoted values over lines (2.8 s).
    [
      'quoted-over-lines',
      'khóa lạ trên mọi dòng, mỗi khóa một chuỗi trong ngoặc kép viết trên hai dòng',
      fill((i) => `k${i}: "Nội dung ${i}\n  tiếp theo"\n`),
    ],
    // A key at every cut line of maps whose first key is `[a]`: the whole-file path until such
    // keys were placed at their cut lines (6 s; found by a review).
    [
      'flow-keys-repeat',
      'một khóa lặp lại mỗi ba dòng, mỗi lần một nhóm có khóa đầu `[a]:`',
      fill(() => 'm:\n  [a]: 1\n  b: 1\n'),
    ],
    // One line as long as the file: each problem's line was looked for back from it (50 s), and
    // the rest of the line copied for each `!!str` (found by a review).
    ['one-line-tags', 'một dòng dài cả tệp `k: [!foo a0, !foo a1, …]`', fill((i) => `!foo a${i}, `, 'k: [', 'z]\n')],
    ['one-line-str', 'một dòng dài cả tệp `k: [!!str a0, !!str a1, …]`', fill((i) => `!!str a${i}, `, 'k: [', 'z]\n')],
    // Read by `yaml` in every chunk holding an alias until the chunks js-yaml read with aliases as
    // scalars stood as read, and `yaml` read only the others (load.ts, aliasLimitLoad; 2.9 s).
    [
      'alias-every-line-one-in-flow',
      'bí danh `*a` trên mọi dòng, một bí danh trong `[…]`',
      fill((i) => `k${i}: *a\n`, 'z: &a 1\nx: [*a]\n'),
    ],
    [
      'alias-every-line-repeat',
      'bí danh `*a` trên mọi dòng, một khóa viết hai lần ở cuối',
      fill((i) => `k${i}: *a\n`, 'z: &a 1\n', 'k5: 2\n'),
    ],
    // Read by `yaml` in every chunk until js-yaml read local tags inside flow collections (5.5 s
    // over lines, 4.5 s on one).
    [
      'tag-in-flow-over-lines',
      'khóa lạ trên mọi dòng, mỗi khóa một nhóm `{…}` viết trên bốn dòng có thẻ lạ `!foo`',
      fill((i) => `k${i}: {\n  a: !foo x,\n  b: 1\n}\n`),
    ],
    [
      'tag-in-flow-one-line',
      'khóa lạ trên mọi dòng, mỗi khóa một nhóm `{a: !foo x, b: [!bar 1]}` trên một dòng',
      fill((i) => `k${i}: {a: !foo x, b: [!bar 1]}\n`),
    ],
    // Read by `yaml` whole (3.4 s), or by the whole-file path (5.7 s), until such keys in indented
    // maps were named for js-yaml and `yaml`'s error for them made without it (flow-keys.ts).
    [
      'flow-keys-indented',
      'khóa là danh sách `[a]` trên mọi dòng, trong một khóa `m:`',
      fill((i) => `  [a${i}]: 1\n`, 'm:\n'),
    ],
    [
      'flow-keys-first',
      'khóa lạ trên mọi ba dòng, mỗi khóa một nhóm có khóa đầu `[a]:`',
      fill((i) => `m${i}:\n  [a]: 1\n  b: 2\n`),
    ],
    // A key repeated in a flow map on one line, which js-yaml refuses (112 s until the line was no
    // longer looked for back from each problem; 4 s until repeated-keys.ts).
    ['one-line-repeat', 'một dòng dài cả tệp `k: {a: 1, a: 1, …}`', fill(() => 'a: 1, ', 'k: {', 'b: 2}\n')],
    // Read by `yaml` whole or chunk by chunk until the buổi after run AC (2.7-4.5 s each).
    [
      'tag-flow-in-list',
      'danh sách `- [!foo aN, b]`: thẻ lạ trong nhóm một dòng của mục',
      fill((i) => `  - [!foo a${i}, b]\n`, 'l:\n'),
    ],
    ['tag-flow-map-in-list', 'danh sách `- {a: !foo xN}`', fill((i) => `  - {a: !foo x${i}}\n`, 'l:\n')],
    [
      'flow-keys-block',
      'khóa `[aN]:` mang khối văn bản `|` trên mọi hai dòng, trong `m:`',
      fill((i) => `  [a${i}]: |\n    x\n`, 'm:\n'),
    ],
    [
      'flow-keys-end-comment',
      'khóa `[aN]: 1 # c` trên mọi dòng, trong `m:`',
      fill((i) => `  [a${i}]: 1 # c\n`, 'm:\n'),
    ],
    [
      'repeat-in-list-flow',
      'danh sách `- a: {a: 1, a: 2}`: khóa lặp trong nhóm một dòng của mục',
      fill(() => '  - a: {a: 1, a: 2}\n', 'k:\n'),
    ],
    [
      'repeat-flow-comment',
      'nhóm `kN: {` qua nhiều dòng, có khóa lặp và chú thích',
      fill((i) => `k${i}: {\n  a: 1,\n  a: 2, # c\n  b: 3\n}\n`),
    ],
    ['repeat-nested', '`m:` rồi `  a: 1` trên mọi dòng', fill(() => '  a: 1\n', 'm:\n')],
    // One long line of brackets: looked back to the line's start from each (39-118 s, a review).
    ['line-map-lists', 'một dòng dài `k: {a0: [1], a1: [1], …}`', fill((i) => `a${i}: [1], `, 'k: {', 'z: 1}\n')],
    ['line-list-lists', 'một dòng dài `k: [[1], [1], …]`', fill(() => '[1], ', 'k: [', '1]\n')],
    // A NaN key repeats nothing to `yaml` (40 s while the repeats across chunks said otherwise).
    ['nan-keys', '`.nan: 1` trên mọi dòng', fill(() => '.nan: 1\n')],
    // Anchors on values in a flow-key chunk, no alias in the file (2.2 s until then).
    ['flow-keys-anchor', 'khóa `[aN]: &xN 1` trên mọi dòng, trong `m:`', fill((i) => `  [a${i}]: &x${i} 1\n`, 'm:\n')],
    // Read by `yaml` whole until the session after run AD: a prefix where `yaml` nests each line
    // in the one before (2.8 s), a root flow map over lines cut after a comma (2.0 s), an
    // indentation indicator js-yaml reads alike (2.0 s).
    ['key-in-value', '`kN: a: b` trên mọi dòng (mỗi dòng lồng vào dòng trước)', fill((i) => `k${i}: a: b\n`)],
    [
      'json-comment',
      'nhóm JSON `{…}` 2 MB có chú thích `#` trên mọi dòng',
      fill((i) => `"k${i}": 1, # c\n`, '', '"z": 1}\n', '{\n'),
    ],
    ['block-indicator', '`kN: |2` rồi một dòng văn bản, trên mọi hai dòng', fill((i) => `k${i}: |2\n  dòng ${i}\n`)],
    ['repeat-quoted-hash', 'một dòng dài `k: {a: 1, a: 1, …, b: "#"}`', fill(() => 'a: 1, ', 'k: {', 'b: "#"}\n')],
    // A fault of indentation on every other line: each counted its block's lines from the
    // block's first (12 s at 261 KB, 364 s at 2 MB mixed with `k: a: b`, found by a review).
    [
      'indent-every-other-line',
      '`kN: 1` rồi `  x: 1` thụt sâu hơn, trên mọi hai dòng',
      fill((i) => `k${i}: 1\n  x: 1\n`),
    ],
    // Still read by `yaml` chunk by chunk, all of it: js-yaml refuses every chunk, `yaml` finds
    // only warnings, and the data of every chunk is needed (the README's «Còn chậm»).
    ['str-on-block', '`kN: !!str` trên một danh sách khối, mọi hai dòng', fill((i) => `k${i}: !!str\n  - a\n`)],
    ['tag-tilde', '`kN: [!foo ~]` trên mọi dòng', fill((i) => `k${i}: [!foo ~]\n`)],
    [
      'flow-keys-comment-lines',
      'khóa `[aN]: 1` rồi một dòng chú thích, trong `m:`',
      fill((i) => `  [a${i}]: 1\n  # c\n`, 'm:\n'),
    ],
    [
      'flow-keys-value-over-lines',
      'khóa `[aN]: [1,` rồi `2]` ở dòng sau, trong `m:`',
      fill((i) => `  [a${i}]: [1,\n    2]\n`, 'm:\n'),
    ],
    [
      'tag-item-flow-over-lines',
      'danh sách `- [!foo aN,` rồi `b]` ở dòng sau',
      fill((i) => `  - [!foo a${i},\n    b]\n`, 'l:\n'),
    ],
  ];
  const dir = path.join(root, 'shapes');
  await mkdir(dir, { recursive: true });
  const files = [];
  for (const [name, label, text] of shapes) {
    const file = path.join(dir, `${name}.yaml`);
    await writeFile(file, text);
    files.push({ name, label, file, bytes: Buffer.byteLength(text) });
  }
  return files;
}
