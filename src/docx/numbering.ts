// Auto-numbering as Word shows it: each paragraph with w:numPr gets the label its list level
// draws ("1.", "a)", "-"), counting per list and resetting deeper levels.
import { roman } from '../render/numbering.js';
import { readParagraphProps, type ParagraphProps } from './styles.js';
import { child, children, numberAttr, type XmlElement } from './xml.js';

interface Level {
  start: number;
  format: string;
  text: string;
  paragraph: ParagraphProps;
}

function letters(n: number): string {
  // Word's lowerLetter: a…z, then aa, bb…
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function format(n: number, kind: string): string {
  switch (kind) {
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'none':
      return '';
    default:
      return String(n);
  }
}

export class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly nums = new Map<string, { abstract: string; starts: Map<number, number> }>();
  private readonly counters = new Map<string, number[]>();

  constructor(root: XmlElement | undefined) {
    for (const abstract of children(root, 'w:abstractNum')) {
      const id = abstract.attrs['w:abstractNumId'];
      if (id === undefined) continue;
      const levels = new Map<number, Level>();
      for (const lvl of children(abstract, 'w:lvl')) {
        const ilvl = numberAttr(lvl, 'w:ilvl') ?? 0;
        levels.set(ilvl, {
          start: numberAttr(child(lvl, 'w:start'), 'w:val') ?? 1,
          format: child(lvl, 'w:numFmt')?.attrs['w:val'] ?? 'decimal',
          text: child(lvl, 'w:lvlText')?.attrs['w:val'] ?? '',
          paragraph: readParagraphProps(child(lvl, 'w:pPr')),
        });
      }
      this.abstracts.set(id, levels);
    }
    for (const num of children(root, 'w:num')) {
      const id = num.attrs['w:numId'];
      const abstract = child(num, 'w:abstractNumId')?.attrs['w:val'];
      if (id === undefined || abstract === undefined) continue;
      const starts = new Map<number, number>();
      for (const override of children(num, 'w:lvlOverride')) {
        const start = numberAttr(child(override, 'w:startOverride'), 'w:val');
        if (start !== undefined) starts.set(numberAttr(override, 'w:ilvl') ?? 0, start);
      }
      this.nums.set(id, { abstract, starts });
    }
  }

  private level(
    numId: string,
    ilvl: number,
  ): { level: Level; abstract: string; starts: Map<number, number> } | undefined {
    const num = this.nums.get(numId);
    const level = num ? this.abstracts.get(num.abstract)?.get(ilvl) : undefined;
    return num && level ? { level, abstract: num.abstract, starts: num.starts } : undefined;
  }

  /** The level's own paragraph properties (its indents), applied under direct formatting. */
  paragraph(numId: string | undefined, ilvl: number | undefined): ParagraphProps {
    if (numId === undefined || numId === '0') return {};
    return this.level(numId, ilvl ?? 0)?.level.paragraph ?? {};
  }

  /** Count this paragraph in its list and return the label Word draws, or undefined. */
  next(numId: string | undefined, ilvl: number | undefined): string | undefined {
    if (numId === undefined || numId === '0') return undefined;
    const depth = ilvl ?? 0;
    const found = this.level(numId, depth);
    if (!found) return undefined;
    // Word counts per abstract list: two w:num over one abstractNum continue each other's
    // numbering, unless a num restarts it with w:startOverride.
    const key = found.starts.size > 0 ? `num:${numId}` : `abstract:${found.abstract}`;
    const counters = this.counters.get(key) ?? [];
    this.counters.set(key, counters);
    for (let d = 0; d <= depth; d++) {
      if (counters[d] === undefined)
        counters[d] = (found.starts.get(d) ?? this.level(numId, d)?.level.start ?? 1) - (d === depth ? 1 : 0);
    }
    counters[depth] = (counters[depth] ?? 0) + 1;
    counters.length = depth + 1;
    const { level } = found;
    if (level.format === 'bullet') return level.text;
    return level.text.replace(/%(\d)/g, (_, n: string) => {
      const d = Number(n) - 1;
      const kind = this.level(numId, d)?.level.format ?? 'decimal';
      return format(counters[d] ?? 1, kind);
    });
  }
}
