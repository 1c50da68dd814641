// Where an indentation mistake really is. The yaml parser notices one only where the structure
// breaks: on the comment above the line, on the previous key's value, or on the siblings after
// it, and often twice. Following the columns of the block, the line that is out of step is found,
// with the block it breaks, so that the parser's complaints inside that block can be dropped.
import { type Entry, type StructLine, structLines } from './indent-lines.js';

export interface IndentFault {
  rule: 'yaml-indent' | 'yaml-syntax';
  /** 1-based, at the key or `-` that is out of step, or at the quote or bracket left open. */
  line: number;
  column: number;
  message: string;
  /** 1-based lines [from, to) of the block the mistake breaks. */
  from: number;
  to: number;
  /** Which of the parser's errors in [from, to) follow from it: those about layout, or all. */
  drops: 'layout' | 'all';
}

type Found = Omit<IndentFault, 'rule' | 'drops'>;

interface Placed {
  entry: Entry;
  line: number;
  /** First entry of its line, so its column is its indentation. */
  leading: boolean;
}

interface Level {
  col: number;
  kind: 'seq' | 'map';
  /** The line whose key or `-` opened the block. */
  opener: number;
  first: Placed;
  last: Placed;
}

const SAME_COLUMN =
  'các khóa (và các mục `-`) cùng cấp phải bắt đầu ở cùng một cột, khóa con thụt vào sâu hơn khóa cha';

/** `tabMessage` is said where a tab indents a line. */
export function findIndentFaults(text: string, tabMessage: string): IndentFault[] {
  const lines = structLines(text);
  const counts = new ColumnCounts(lines);
  const found: Found[] = [];
  const unclosed: IndentFault[] = [];
  const stack: Level[] = [];
  let pending: Placed | undefined;
  let afterEmpty: Placed | undefined;
  // The first line at or after `from` that leaves a block of column `col` (strictly, or not).
  const endOf = (from: number, col: number, strict: boolean): number => {
    let j = from;
    while (j < lines.length && !(strict ? colOf(lines[j]!) < col : colOf(lines[j]!) <= col)) j++;
    return j;
  };
  const lineAt = (j: number): number => lines[j]?.line ?? Number.MAX_SAFE_INTEGER;
  // Records the fault of line `i`, deeper than the innermost block; returns where to go on.
  const tooDeepAt = (i: number, head: Placed): number => {
    const top = stack[stack.length - 1]!;
    const end = endOf(i + 1, top.col, stack.length > 1);
    const parentCol = stack.length > 1 ? stack[stack.length - 2]!.col : undefined;
    const fault = deeper(counts, i, end, head, top, parentCol, top.last === afterEmpty);
    found.push({ ...fault, from: Math.min(top.last.line, fault.line), to: lineAt(end) });
    return end;
  };

  let i = 0;
  while (i < lines.length) {
    const current = lines[i]!;
    const head: Placed = { entry: current.entries[0]!, line: current.line, leading: true };
    const c = head.entry.col;
    const opened = pending;
    pending = undefined;
    const top = stack[stack.length - 1];
    if (current.unclosed !== undefined) {
      // Past an unclosed quote or bracket the parser reads everything differently.
      const { col, char } = current.unclosed;
      unclosed.push({
        rule: 'yaml-syntax',
        line: current.line,
        column: col + 1,
        message: unclosedMessage(char),
        from: current.line,
        to: Number.MAX_SAFE_INTEGER,
        drops: 'all',
      });
    }
    const childless =
      opened !== undefined &&
      !(c > opened.entry.col || (c === opened.entry.col && head.entry.kind === 'seq' && opened.entry.kind === 'key'));

    if (current.tabAt !== undefined) {
      const end = top === undefined ? lines.length : endOf(i + 1, top.col, stack.length > 1);
      found.push({
        line: current.line,
        column: current.tabAt + 1,
        message: tabMessage,
        from: top?.last.line ?? current.line,
        to: lineAt(end),
      });
      i = end;
      continue;
    }

    if (opened !== undefined && !childless) {
      stack.push(levelOf(head, opened.line));
    } else if (top === undefined) {
      stack.push(levelOf(head, current.line));
    } else if (c > top.col) {
      // Deeper than its block with nothing opened above: a wrapped value, or a key out of step.
      if (!current.entries.some((e) => e.kind === 'key')) {
        i++;
        continue;
      }
      i = tooDeepAt(i, head);
      continue;
    } else {
      let popped: Level | undefined;
      while (stack.length > 0 && stack[stack.length - 1]!.col > c) popped = stack.pop();
      const parent = stack[stack.length - 1];
      // Out of a list, a key deeper than the keys around it: as if nothing had been opened.
      if (parent !== undefined && parent.col < c && !sameKind(head.entry, popped!) && sameKind(head.entry, parent)) {
        i = tooDeepAt(i, head);
        continue;
      }
      if (parent === undefined || parent.col < c) {
        // Between two levels: `popped` began at one column, this line at another.
        const block = popped!;
        const end = parent === undefined ? lines.length : endOf(i + 1, parent.col, false);
        found.push({ ...between(counts, i, end, head, block, parent), from: block.opener, to: lineAt(end) });
        i = end;
        continue;
      }
      const below = stack[stack.length - 2];
      // `key:` then `- item` at the key's own column: the list ends at the next key.
      if (parent.kind === 'seq' && head.entry.kind !== 'seq' && below?.col === c) stack.pop();
      stack[stack.length - 1]!.last = head;
      // `agency:` with nothing under it, then a key at its column: perhaps a child not indented.
      if (childless && c === opened.entry.col) afterEmpty = head;
    }

    for (const entry of current.entries.slice(1)) {
      if (entry.kind !== 'scalar') stack.push(levelOf({ entry, line: current.line, leading: false }, current.line));
    }
    const lastEntry = current.entries[current.entries.length - 1]!;
    if (current.opens) pending = { entry: lastEntry, line: current.line, leading: current.entries.length === 1 };
    i++;
  }
  const layout = found.map((f): IndentFault => ({ ...f, rule: 'yaml-indent', drops: 'layout' }));
  return outermost([...unclosed, ...layout]);
}

function unclosedMessage(char: string): string {
  if (char === '[')
    return 'Danh sách mở bằng `[` ở đây chưa có dấu `]` đóng: hãy thêm `]` ở cuối danh sách, ví dụ `partners: [Sở Ngoại vụ, Sở Tư pháp]`.';
  if (char === '{')
    return 'Nhóm mở bằng `{` ở đây chưa có dấu `}` đóng: hãy thêm `}` ở cuối, hoặc viết mỗi khóa một dòng.';
  return `Giá trị mở bằng dấu ngoặc \`${char}\` ở đây chưa có dấu ngoặc đóng: hãy thêm \`${char}\` ở cuối giá trị.`;
}

// A list item out of step moves the keys after its `-` too, and its children then look out of
// step with them: a fault inside the block of a fault on an earlier line (or further left on the
// same line) is its consequence, so only the first is kept, over both blocks.
function outermost(faults: IndentFault[]): IndentFault[] {
  const sorted = [...faults].sort((a, b) => a.line - b.line || a.column - b.column);
  const kept: IndentFault[] = [];
  // The kept faults whose blocks reach this line or further, in order: one that ends before a
  // line ends before every later one too (faults come by line, and a block grows only when it
  // holds the line). Looking through all kept faults for each was quadratic.
  let open: number[] = [];
  for (const fault of sorted) {
    open = open.filter((k) => fault.line < kept[k]!.to);
    const cause = open.find((k) => kept[k]!.from <= fault.line) ?? -1;
    if (cause === -1) {
      open.push(kept.length);
      kept.push(fault);
    } else if (kept[cause]!.drops === 'all') continue;
    else {
      const k = kept[cause]!;
      kept[cause] = { ...k, from: Math.min(k.from, fault.from), to: Math.max(k.to, fault.to) };
    }
  }
  return kept;
}

function levelOf(placed: Placed, opener: number): Level {
  return {
    col: placed.entry.col,
    kind: placed.entry.kind === 'seq' ? 'seq' : 'map',
    opener,
    first: placed,
    last: placed,
  };
}

function colOf(line: StructLine): number {
  return line.entries[0]!.col;
}

function at(placed: Placed): { line: number; column: number } {
  return { line: placed.line, column: placed.entry.col + 1 };
}

function sameKind(entry: Entry, level: Level): boolean {
  return (entry.kind === 'seq') === (level.kind === 'seq');
}

// A key deeper than its block with nothing opened above it. Usually that line is too deep; but
// when the lines after it share its column, the block itself started too shallow.
function deeper(
  counts: ColumnCounts,
  index: number,
  end: number,
  head: Placed,
  block: Level,
  parentCol: number | undefined,
  afterEmptyOpener: boolean,
): { line: number; column: number; message: string } {
  const c = head.entry.col;
  const b = block.col;
  const start = counts.indexOf(block.first.line);
  const atBlock = counts.count(start, end, b, block.first.entry.kind);
  const atLine = counts.count(index, end, c, head.entry.kind);
  const usual = parentCol === undefined ? 0 : parentCol + 2;
  if (afterEmptyOpener && atLine > 1) return { ...at(block.last), message: notAligned(block.last, head, 'shallower') };
  if (atLine > atBlock || (atLine === atBlock && c === usual && b !== usual)) {
    return { ...at(block.first), message: notAligned(block.first, head, 'shallower') };
  }
  return { ...at(head), message: tooDeep(head, block.last) };
}

// A line that starts between the column of the block it leaves and that of the block around it.
function between(
  counts: ColumnCounts,
  index: number,
  end: number,
  head: Placed,
  block: Level,
  parent: Level | undefined,
): { line: number; column: number; message: string } {
  const c = head.entry.col;
  const b = block.col;
  // Whichever column more of the siblings use is the right one; on a tie, the usual two spaces.
  const kind = block.kind === 'seq' ? 'seq' : 'not-seq';
  const start = counts.indexOf(block.first.line);
  const before = counts.count(start, index, b, kind);
  const after = counts.count(index, end, c, kind);
  const usual = parent === undefined ? 0 : parent.col + 2;
  const firstIsOff = after > before || (after === before && c === usual && b !== usual);
  if (firstIsOff) return { ...at(block.first), message: notAligned(block.first, head, 'deeper') };
  return { ...at(head), message: notAligned(head, block.last, 'shallower', parent?.last) };
}

// How many entries of a kind stand at a column in a run of lines, from running totals made once
// per column and kind. Each fault counted its block's lines from the block's first: a file of
// `kN: 1` then `  x: 1` (a fault on every other line) took 12 s at 261 KB (found by a review).
class ColumnCounts {
  private readonly totals = new Map<string, Int32Array>();

  constructor(private readonly lines: readonly StructLine[]) {}

  /** Entries at `col` of `kind` ('not-seq': any but an item) in lines [from, to) of the list. */
  count(from: number, to: number, col: number, kind: Entry['kind'] | 'not-seq'): number {
    if (from < 0 || to <= from) return 0;
    const key = `${col} ${kind}`;
    let totals = this.totals.get(key);
    if (totals === undefined) {
      totals = new Int32Array(this.lines.length + 1);
      for (let j = 0; j < this.lines.length; j++) {
        let n = 0;
        for (const e of this.lines[j]!.entries)
          if (e.col === col && (kind === 'not-seq' ? e.kind !== 'seq' : e.kind === kind)) n++;
        totals[j + 1] = totals[j]! + n;
      }
      this.totals.set(key, totals);
    }
    const end = Math.min(to, this.lines.length);
    return totals[end]! - totals[from]!;
  }

  /** Where the line numbered `line` is in the list (they are in order), or -1. */
  indexOf(line: number): number {
    let low = 0;
    let high = this.lines.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.lines[mid]!.line < line) low = mid + 1;
      else high = mid;
    }
    return this.lines[low]?.line === line ? low : -1;
  }
}

function tooDeep(placed: Placed, sibling: Placed): string {
  const value = sibling.entry.kind === 'key' ? ` của khóa \`${sibling.entry.label}\`` : '';
  return (
    `${capital(what(placed.entry))} ${where(placed)}, sâu hơn ${what(sibling.entry)} cùng cấp ở dòng ${sibling.line} (${where(sibling)}), ` +
    `nên YAML hiểu dòng này là phần tiếp theo giá trị${value}: ${SAME_COLUMN}. ` +
    `Hãy xóa bớt dấu cách cho dòng này thẳng cột với ${what(sibling.entry)} (cột ${sibling.entry.col + 1}); ` +
    `nếu đây đúng là phần tiếp theo của giá trị, hãy đặt cả giá trị trong dấu ngoặc kép.`
  );
}

function notAligned(placed: Placed, sibling: Placed, side: 'deeper' | 'shallower', parent?: Placed): string {
  const fix = side === 'deeper' ? 'xóa bớt' : 'thêm';
  const notParent =
    parent === undefined ? '' : `, cũng không thẳng cột với ${what(parent.entry)} ở cấp trên (dòng ${parent.line})`;
  return (
    `${capital(what(placed.entry))} ${where(placed)}, lệch với ${what(sibling.entry)} cùng cấp ở dòng ${sibling.line} (${where(sibling)})${notParent}: ` +
    `${SAME_COLUMN}. Hãy ${fix} dấu cách cho dòng này thẳng cột với ${what(sibling.entry)} (cột ${sibling.entry.col + 1}).`
  );
}

function what(entry: Entry): string {
  if (entry.kind === 'key') return `khóa \`${entry.label}\``;
  if (entry.kind === 'seq') return `mục \`${short(entry.label)}\``;
  return 'dòng';
}

function where(placed: Placed): string {
  return placed.leading ? `thụt lề ${placed.entry.col} dấu cách` : `bắt đầu ở cột ${placed.entry.col + 1}`;
}

function short(label: string): string {
  const chars = [...label];
  return chars.length > 24 ? `${chars.slice(0, 23).join('').trimEnd()}…` : label;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
