// Rough text widths in Times New Roman, for the lengths Decree 30 ties to the text above a rule
// (the motto's rule, the agency's) and for breaking the agency name into lines. Widths are the
// Adobe Times core-font metrics (1/1000 em) of the base letter; a Vietnamese diacritic does not
// widen its letter.

const UPPER_REGULAR = [722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611];
const LOWER_REGULAR = [444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444];
const UPPER_BOLD = [722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667];
const LOWER_BOLD = [500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444];

const PUNCTUATION: Record<string, number> = {
  ' ': 250, ',': 250, '.': 250, ';': 278, ':': 278, '-': 333, '/': 278, '(': 333, ')': 333, '"': 408, "'": 180,
};

function charWidth(char: string, bold: boolean): number {
  const base = char === 'đ' ? 'd' : char === 'Đ' ? 'D' : char.normalize('NFD').charAt(0);
  const code = base.charCodeAt(0);
  if (code >= 65 && code <= 90) return (bold ? UPPER_BOLD : UPPER_REGULAR)[code - 65] ?? 722;
  if (code >= 97 && code <= 122) return (bold ? LOWER_BOLD : LOWER_REGULAR)[code - 97] ?? 500;
  if (code >= 48 && code <= 57) return 500;
  return PUNCTUATION[base] ?? 500;
}

/** Estimated width in twips of one line of text at `size` points. */
export function textWidth(text: string, size: number, bold = false): number {
  let units = 0;
  for (const char of text) units += charWidth(char, bold);
  return Math.round((units * size * 20) / 1000);
}

// Collective bodies whose name reads as "body / of where": "ỦY BAN NHÂN DÂN / TỈNH QUẢNG TRỊ".
const NATURAL_HEADS = ['ỦY BAN NHÂN DÂN', 'UỶ BAN NHÂN DÂN', 'HỘI ĐỒNG NHÂN DÂN'];

// Breaks only at a lone space: a run of spaces is a blank left for the office to fill in
// ("số      /KH-UBND") and must reach the page whole.
function splitWords(text: string): string[] {
  return text.split(/(?<! ) (?! )/).filter((w) => w !== '');
}

function wrap(words: readonly string[], max: number, width: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line === '' ? word : `${line} ${word}`;
    if (line !== '' && width(next) > max) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

// A number reads as part of the word that counts it: "năm / 2030", "Quý / II/2023" or "giai đoạn /
// 2026-2030" at a line end looks like a typing mistake. Lower case, split into syllables.
const COUNTING = ['năm', 'tháng', 'ngày', 'số', 'quý', 'giai đoạn', 'nhiệm kỳ', 'khóa', 'khoá', 'đợt', 'lần', 'phụ lục', 'điều', 'khoản', 'điểm'];
const COUNTING_SYLLABLES = COUNTING.map((phrase) => phrase.split(' '));
const DATE_CHAIN: Readonly<Record<string, readonly string[]>> = { ngày: ['tháng', 'năm'], tháng: ['năm'] };
// "đến năm 2030" is the Strategy's name and reads as one phrase; "từ năm 2022" likewise.
const LEADS_IN = new Set(['đến', 'từ']);

// A digit, or a Roman numeral standing alone or before "/", as in "Quý II/2023" or "Phụ lục I".
const NUMBER = /^(?:\d|[IVXLC]+(?:$|[/.,;:)-]))/;

interface Unit {
  text: string;
  /** The lower-case counting word when the unit is "<counting word> <number>". */
  counting?: string;
}

const lower = (s: string): string => s.toLocaleLowerCase('vi');
const lastWord = (s: string): string => lower(s.slice(s.lastIndexOf(' ') + 1));

/**
 * Joins the words that must share a line into units: a counting word with its number, a date's
 * parts, "đến" with the counted phrase after it. Each join is made only while the unit still fits
 * in `fits`, so a line narrower than a unit breaks inside it rather than overflowing.
 */
export function keepTogether(words: readonly string[], fits: (s: string) => boolean): string[] {
  const counted: Unit[] = [];
  for (const word of words) {
    const phrase = NUMBER.test(word) ? COUNTING_SYLLABLES.find((p) => endsWithPhrase(counted, p)) : undefined;
    if (phrase !== undefined) {
      const from = counted.length - phrase.length;
      const text = [...counted.slice(from).map((u) => u.text), word].join(' ');
      if (fits(text)) {
        counted.splice(from, phrase.length, { text, counting: phrase.join(' ') });
        continue;
      }
    }
    counted.push({ text: word });
  }
  const dated = joinPairs(counted, (a, b) => a.counting !== undefined && b.counting !== undefined && (DATE_CHAIN[a.counting] ?? []).includes(b.counting), fits);
  const led = joinPairs(dated, (a, b) => a.counting === undefined && LEADS_IN.has(lower(a.text)) && b.counting !== undefined, fits);
  return led.map((u) => u.text);
}

// The last token may be a run with blanks for the office ("ngày     tháng     năm"): its last word counts.
function endsWithPhrase(units: readonly Unit[], syllables: readonly string[]): boolean {
  const from = units.length - syllables.length;
  if (from < 0) return false;
  return syllables.every((syllable, i) => {
    const unit = units[from + i];
    if (unit === undefined || unit.counting !== undefined) return false;
    return (i === syllables.length - 1 ? lastWord(unit.text) : lower(unit.text)) === syllable;
  });
}

function joinPairs(units: readonly Unit[], join: (a: Unit, b: Unit) => boolean, fits: (s: string) => boolean): Unit[] {
  const out: Unit[] = [];
  for (const unit of units) {
    const previous = out[out.length - 1];
    if (previous !== undefined && join(previous, unit)) {
      const text = `${previous.text} ${unit.text}`;
      if (fits(text)) {
        out[out.length - 1] = { text, counting: previous.counting ?? unit.counting };
        continue;
      }
    }
    out.push(unit);
  }
  return out;
}

/**
 * Wraps text into as few lines as fit in `max` twips, as even as possible: the narrowest width
 * that still needs no more lines than a plain wrap. A centred title then reads as two balanced
 * lines rather than a full line and one orphaned word. Never separates a number from the word
 * that counts it (keepTogether).
 */
export function balanceLines(text: string, max: number, size: number, bold: boolean): string[] {
  const width = (s: string): number => textWidth(s, size, bold);
  const words = keepTogether(splitWords(text), (s) => width(s) <= max);
  const plain = wrap(words, max, width);
  if (plain.length <= 1) return plain;
  let low = Math.ceil(width(text) / plain.length);
  let high = max;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (wrap(words, mid, width).length <= plain.length) high = mid;
    else low = mid + 1;
  }
  return wrap(words, high, width);
}

/**
 * Breaks an upper-case agency name into centred lines no wider than `max` twips: after a
 * collective body's name when it has one, else after a comma when two lines are enough, else as
 * evenly as possible. Never breaks inside a word.
 */
export function breakName(text: string, max: number, size: number, bold: boolean): string[] {
  const width = (s: string): number => textWidth(s, size, bold);
  const words = splitWords(text);
  const head = NATURAL_HEADS.find((h) => text.startsWith(`${h} `));
  if (head !== undefined) {
    const rest = text.slice(head.length + 1);
    if (width(head) <= max && width(rest) <= max) return [head, rest];
  }
  if (width(text) <= max) return [text];
  for (let i = words.length - 1; i > 0; i--) {
    const first = words.slice(0, i).join(' ');
    const second = words.slice(i).join(' ');
    if (first.endsWith(',') && width(first) <= max && width(second) <= max) return [first, second];
  }
  return balanceLines(text, max, size, bold);
}
