// Rough text widths in Times New Roman, for the lengths Decree 30 ties to the text above a rule
// (the motto's rule, the agency's) and for breaking the agency name into lines. Widths are the
// Adobe Times core-font metrics (1/1000 em) of the base letter; a Vietnamese diacritic does not
// widen its letter.
import { foldTone } from '../text/fold.js';
import { memoize } from '../text/memo.js';

const UPPER_REGULAR = [
  722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944,
  722, 722, 611,
];
const LOWER_REGULAR = [
  444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722,
  500, 500, 444,
];
const UPPER_BOLD = [
  722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000,
  722, 722, 667,
];
const LOWER_BOLD = [
  500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722,
  500, 500, 444,
];

const PUNCTUATION: Record<string, number> = {
  ' ': 250,
  ',': 250,
  '.': 250,
  ';': 278,
  ':': 278,
  '-': 333,
  '/': 278,
  '(': 333,
  ')': 333,
  '"': 408,
  "'": 180,
};

// Each character's base letter, found once: decomposing it was most of the cost of measuring.
const baseOf = memoize<string>(
  (char) => (char === 'đ' ? 'd' : char === 'Đ' ? 'D' : char.normalize('NFD').charAt(0)),
  4096,
);

function charWidth(char: string, bold: boolean): number {
  const base = baseOf(char);
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
const COUNTING = [
  'năm',
  'tháng',
  'ngày',
  'số',
  'quý',
  'giai đoạn',
  'nhiệm kỳ',
  'khóa',
  'khoá',
  'đợt',
  'lần',
  'phụ lục',
  'điều',
  'khoản',
  'điểm',
];
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
  const dated = joinPairs(
    counted,
    (a, b) =>
      a.counting !== undefined && b.counting !== undefined && (DATE_CHAIN[a.counting] ?? []).includes(b.counting),
    fits,
  );
  const led = joinPairs(
    dated,
    (a, b) => a.counting === undefined && LEADS_IN.has(lower(a.text)) && b.counting !== undefined,
    fits,
  );
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

// Where a title may break. Vietnamese words are often two or three syllables written apart, and
// names run over several words, so a break between any two syllables can split a word ("Du /
// lịch") or a name ("Chiến lược / Ngoại giao văn hóa"). A break is best before a word that opens
// a phrase or after a comma, bad inside a name or a known word, and never inside a fixed phrase.
const FIXED_PHRASES = [
  'chiến lược ngoại giao văn hóa',
  'ngoại giao văn hóa',
  'thể thao và du lịch',
  'ủy ban nhân dân',
  'hội đồng nhân dân',
  'kinh tế - xã hội',
  'mặt trận tổ quốc',
  'thành phố hồ chí minh',
  'bà rịa - vũng tàu',
].map((phrase) => phrase.split(' ').map(foldTone));

// Words of two syllables common in these titles; a break inside one is as bad as inside a name.
const WORDS = new Set(
  [
    'triển khai',
    'thực hiện',
    'chiến lược',
    'ngoại giao',
    'văn hóa',
    'địa bàn',
    'hành động',
    'giai đoạn',
    'phát triển',
    'du lịch',
    'thể thao',
    'kế hoạch',
    'chương trình',
    'nhiệm vụ',
    'danh mục',
    'nhân dân',
    'ủy ban',
    'hội đồng',
    'thành phố',
    'trung ương',
    'quốc tế',
    'hợp tác',
    'đối ngoại',
    'kinh tế',
    'xã hội',
    'thông tin',
    'truyền thông',
    'tuyên truyền',
    'quảng bá',
    'hội nhập',
    'vận động',
    'tiếp thu',
    'thúc đẩy',
    'di sản',
    'giáo dục',
    'đào tạo',
    'công thương',
    'ngoại vụ',
    'tài chính',
    'đầu tư',
    'văn phòng',
    'dân tộc',
    'tôn giáo',
    'nông nghiệp',
    'nông thôn',
    'khoa học',
    'công nghệ',
    'an ninh',
    'quốc phòng',
    'cơ quan',
    'đơn vị',
    'địa phương',
    'việt nam',
    'hằng năm',
    'kèm theo',
    'sơ kết',
    'tổng kết',
    'nâng cao',
    'vị thế',
    'hình ảnh',
    'đất nước',
    'con người',
    'cộng đồng',
    'người dân',
    'doanh nghiệp',
    'biên giới',
    'hữu nghị',
    'chủ trương',
    'chính sách',
    'nghị quyết',
    'quyết định',
    'công văn',
    'thủ tướng',
    'chính phủ',
    'bộ trưởng',
  ].map((w) => w.split(' ').map(foldTone).join(' ')),
);

// Words that open a phrase: a break just before one reads naturally.
const OPENERS = new Set(
  [
    'trên',
    'của',
    'đến',
    'từ',
    'về',
    'tại',
    'theo',
    'nhằm',
    'để',
    'cho',
    'thuộc',
    'với',
    'trong',
    'gắn',
    'giai',
    'năm',
    'triển',
    'thực',
    'và',
    '(kèm',
  ].map(foldTone),
);

const PREFERRED = 0;
const NORMAL = 150;
const AVOID = 5000;
// One syllable alone on the last line ("… kế / hoạch") reads as a mistake.
const WIDOW = 20_000;
// A place's level goes with its name: "tỉnh / Quảng Trị" splits the name.
const LEVELS = new Set(['tỉnh', 'phố', 'huyện', 'quận', 'xã', 'phường', 'thị', 'trấn', 'khu', 'bộ', 'sở', 'ngành']);

const syllablesOf = (unit: string): string[] => unit.split(' ').filter((w) => w !== '');
const firstSyllable = (unit: string): string => foldTone(syllablesOf(unit)[0] ?? '');
const lastSyllable = (unit: string): string => foldTone(syllablesOf(unit).at(-1) ?? '');
// "Quảng", "(Kèm", "A"; not an upper-case word such as "UNESCO", which reads on its own.
const isCapital = (syllable: string): boolean => /^\(?\p{Lu}(?:\p{Ll}|$)/u.test(syllable);

/** Joins the syllables of each fixed phrase into one unit, while it fits. */
function keepPhrases(units: readonly string[], fits: (s: string) => boolean): string[] {
  const out: string[] = [];
  // Folded once: a document has hundreds of lines to balance, each unit compared with every phrase.
  const folded = units.map((unit) => foldTone(unit.replace(/[,;:]$/u, '')));
  for (let i = 0; i < units.length; i++) {
    const phrase = FIXED_PHRASES.find(
      (p) => p.length > 1 && i + p.length <= units.length && p.every((syllable, k) => folded[i + k] === syllable),
    );
    if (phrase !== undefined) {
      const text = units.slice(i, i + phrase.length).join(' ');
      if (fits(text)) {
        out.push(text);
        i += phrase.length - 1;
        continue;
      }
    }
    out.push(units[i]!);
  }
  return out;
}

/** The cost of breaking the line between two units. */
function breakCost(before: string, after: string, allCaps: boolean): number {
  if (/[,;:]$/u.test(before)) return PREFERRED;
  if (after === '-' || before.endsWith(' -')) return AVOID;
  const last = lastSyllable(before);
  const first = firstSyllable(after);
  if (WORDS.has(`${last} ${first}`)) return AVOID;
  if (/^\d/u.test(syllablesOf(after).at(-1) ?? '') && syllablesOf(after).length > 1) return PREFERRED; // "năm 2030", "giai đoạn 2026-2030"
  if (!allCaps && LEVELS.has(last) && isCapital(syllablesOf(after)[0] ?? '')) return AVOID;
  if (OPENERS.has(first)) return PREFERRED;
  // A capitalised syllable goes on with the next one: "Du lịch", "Quảng Trị", "Ngoại giao".
  if (!allCaps && isCapital(syllablesOf(before).at(-1) ?? '') && !/^\d/u.test(first)) return AVOID;
  return NORMAL;
}

/**
 * Wraps text into as few lines as fit in `max` twips, as even as possible, breaking between
 * phrases rather than inside a word or a name (breakCost). A centred title then reads as balanced
 * lines rather than a full line and one orphaned word. Never separates a number from the word
 * that counts it (keepTogether), nor the syllables of a fixed phrase while it fits on a line.
 * Takes one line more than the fewest when the fewest would split a word or a name.
 */
export function balanceLines(text: string, max: number, size: number, bold: boolean): string[] {
  const width = (s: string): number => textWidth(s, size, bold);
  const fits = (s: string): boolean => width(s) <= max;
  const units = keepPhrases(keepTogether(splitWords(text), fits), fits);
  const plain = wrap(units, max, width);
  if (plain.length <= 1) return plain;
  const allCaps = text === text.toLocaleUpperCase('vi');
  const space = width(' ');
  const em = size * 20 * 0.5;
  const widths = units.map(width);
  const lineWidth = (from: number, to: number): number => {
    let w = 0;
    for (let k = from; k < to; k++) w += widths[k]! + (k > from ? space : 0);
    return w;
  };
  const breaks = units.map((unit, k) => (k === 0 ? 0 : breakCost(units[k - 1]!, unit, allCaps)));
  // best[m][j]: the cheapest way to set units[0, j) on m lines; the sum of squared line widths (in
  // half-ems) keeps the lines even, the break costs keep phrases whole.
  const solve = (n: number): { lines: string[]; penalty: number } | undefined => {
    const best = Array.from({ length: n + 1 }, () => Array<number>(units.length + 1).fill(Infinity));
    const penalty = Array.from({ length: n + 1 }, () => Array<number>(units.length + 1).fill(0));
    const from = Array.from({ length: n + 1 }, () => Array<number>(units.length + 1).fill(-1));
    best[0]![0] = 0;
    for (let m = 1; m <= n; m++) {
      for (let j = 1; j <= units.length; j++) {
        for (let i = j - 1; i >= 0; i--) {
          const w = lineWidth(i, j);
          if (w > max && j - i > 1) break;
          const previous = best[m - 1]![i]!;
          if (previous === Infinity) continue;
          const widow = j === units.length && j - i === 1 && !units[i]!.includes(' ') ? WIDOW : 0;
          const paid = (i > 0 ? breaks[i]! : 0) + widow;
          const cost = previous + (w / em) ** 2 + paid;
          if (cost < best[m]![j]!) {
            best[m]![j] = cost;
            penalty[m]![j] = penalty[m - 1]![i]! + paid;
            from[m]![j] = i;
          }
        }
      }
    }
    if (best[n]![units.length] === Infinity) return undefined;
    const lines: string[] = [];
    for (let m = n, j = units.length; m > 0; m--) {
      const i = from[m]![j]!;
      lines.unshift(units.slice(i, j).join(' '));
      j = i;
    }
    return { lines, penalty: penalty[n]![units.length]! };
  };
  const fewest = solve(plain.length);
  if (fewest === undefined) return plain;
  // One more line is better than a word or a name split across two.
  if (fewest.penalty < AVOID) return fewest.lines;
  const more = solve(plain.length + 1);
  return more !== undefined && more.penalty < fewest.penalty ? more.lines : fewest.lines;
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
