// Word's formatting resolution, in one place: document defaults, then the paragraph style chain
// (w:basedOn), then the run style chain, then direct formatting; theme fonts through the theme.
import type { Alignment } from './model.js';
import { child, children, type XmlElement } from './xml.js';

export interface RunProps {
  ascii?: string;
  hAnsi?: string;
  asciiTheme?: string;
  hAnsiTheme?: string;
  size?: number;
  bold?: boolean;
  italic?: boolean;
  caps?: boolean;
  vanish?: boolean;
}

export interface ParagraphProps {
  align?: Alignment;
  left?: number;
  right?: number;
  firstLine?: number;
  hanging?: number;
  before?: number;
  after?: number;
  line?: number;
  lineRule?: 'auto' | 'exact' | 'atLeast';
  numId?: string;
  ilvl?: number;
  pageBreakBefore?: boolean;
}

interface Style {
  id: string;
  name?: string;
  type: string;
  basedOn?: string;
  paragraph: ParagraphProps;
  run: RunProps;
}

/** w:b, w:i…: present means on, unless w:val says 0/false/off. */
export function toggle(element: XmlElement | undefined): boolean | undefined {
  if (!element) return undefined;
  const value = element.attrs['w:val'];
  return !(value === '0' || value === 'false' || value === 'off');
}

function num(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

const ALIGN: Record<string, Alignment> = {
  left: 'left',
  start: 'left',
  center: 'center',
  right: 'right',
  end: 'right',
  both: 'both',
  justify: 'both',
  distribute: 'distribute',
};

export function readRunProps(rPr: XmlElement | undefined): RunProps {
  const out: RunProps = {};
  if (!rPr) return out;
  const fonts = child(rPr, 'w:rFonts');
  if (fonts) {
    const a = fonts.attrs;
    if (a['w:ascii'] !== undefined) out.ascii = a['w:ascii'];
    if (a['w:hAnsi'] !== undefined) out.hAnsi = a['w:hAnsi'];
    if (a['w:asciiTheme'] !== undefined) out.asciiTheme = a['w:asciiTheme'];
    if (a['w:hAnsiTheme'] !== undefined) out.hAnsiTheme = a['w:hAnsiTheme'];
  }
  const size = num(child(rPr, 'w:sz')?.attrs['w:val']);
  if (size !== undefined) out.size = size;
  const set = (key: 'bold' | 'italic' | 'caps' | 'vanish', name: string): void => {
    const value = toggle(child(rPr, name));
    if (value !== undefined) out[key] = value;
  };
  set('bold', 'w:b');
  set('italic', 'w:i');
  set('caps', 'w:caps');
  set('vanish', 'w:vanish');
  return out;
}

export function readParagraphProps(pPr: XmlElement | undefined): ParagraphProps {
  const out: ParagraphProps = {};
  if (!pPr) return out;
  const jc = child(pPr, 'w:jc')?.attrs['w:val'];
  if (jc !== undefined && ALIGN[jc]) out.align = ALIGN[jc];
  const ind = child(pPr, 'w:ind');
  if (ind) {
    const left = num(ind.attrs['w:left'] ?? ind.attrs['w:start']);
    const right = num(ind.attrs['w:right'] ?? ind.attrs['w:end']);
    const firstLine = num(ind.attrs['w:firstLine']);
    const hanging = num(ind.attrs['w:hanging']);
    if (left !== undefined) out.left = left;
    if (right !== undefined) out.right = right;
    // firstLine and hanging exclude each other: the one given wins, the other is reset.
    if (firstLine !== undefined) {
      out.firstLine = firstLine;
      out.hanging = 0;
    }
    if (hanging !== undefined) {
      out.hanging = hanging;
      out.firstLine = 0;
    }
  }
  const spacing = child(pPr, 'w:spacing');
  if (spacing) {
    const before = num(spacing.attrs['w:before']);
    const after = num(spacing.attrs['w:after']);
    const line = num(spacing.attrs['w:line']);
    const rule = spacing.attrs['w:lineRule'];
    if (before !== undefined) out.before = before;
    if (after !== undefined) out.after = after;
    if (line !== undefined) out.line = line;
    if (rule === 'auto' || rule === 'exact' || rule === 'atLeast') out.lineRule = rule;
    else if (line !== undefined) out.lineRule = 'auto';
  }
  const numPr = child(pPr, 'w:numPr');
  if (numPr) {
    const numId = child(numPr, 'w:numId')?.attrs['w:val'];
    const ilvl = num(child(numPr, 'w:ilvl')?.attrs['w:val']);
    if (numId !== undefined) out.numId = numId;
    if (ilvl !== undefined) out.ilvl = ilvl;
  }
  const pageBreak = toggle(child(pPr, 'w:pageBreakBefore'));
  if (pageBreak !== undefined) out.pageBreakBefore = pageBreak;
  return out;
}

/** Theme fonts: majorHAnsi, minorAscii… → the typeface the theme names. */
export interface ThemeFonts {
  major?: string;
  minor?: string;
}

export function readTheme(theme: XmlElement | undefined): ThemeFonts {
  const scheme = child(child(theme, 'a:themeElements'), 'a:fontScheme');
  const major = child(child(scheme, 'a:majorFont'), 'a:latin')?.attrs['typeface'];
  const minor = child(child(scheme, 'a:minorFont'), 'a:latin')?.attrs['typeface'];
  return { ...(major ? { major } : {}), ...(minor ? { minor } : {}) };
}

export class StyleSheet {
  private readonly styles = new Map<string, Style>();
  readonly defaultRun: RunProps;
  readonly defaultParagraph: ParagraphProps;
  readonly defaultParagraphStyle: string | undefined;
  readonly defaultCharacterStyle: string | undefined;

  constructor(
    root: XmlElement | undefined,
    readonly theme: ThemeFonts,
  ) {
    const defaults = child(root, 'w:docDefaults');
    this.defaultRun = readRunProps(child(child(defaults, 'w:rPrDefault'), 'w:rPr'));
    this.defaultParagraph = readParagraphProps(child(child(defaults, 'w:pPrDefault'), 'w:pPr'));
    let defaultParagraphStyle: string | undefined;
    let defaultCharacterStyle: string | undefined;
    for (const element of children(root, 'w:style')) {
      const id = element.attrs['w:styleId'];
      if (id === undefined) continue;
      const type = element.attrs['w:type'] ?? 'paragraph';
      const name = child(element, 'w:name')?.attrs['w:val'];
      const basedOn = child(element, 'w:basedOn')?.attrs['w:val'];
      this.styles.set(id, {
        id,
        type,
        ...(name !== undefined ? { name } : {}),
        ...(basedOn !== undefined ? { basedOn } : {}),
        paragraph: readParagraphProps(child(element, 'w:pPr')),
        run: readRunProps(child(element, 'w:rPr')),
      });
      const isDefault = ['1', 'true', 'on'].includes(element.attrs['w:default'] ?? '');
      if (isDefault && type === 'paragraph') defaultParagraphStyle = id;
      if (isDefault && type === 'character') defaultCharacterStyle = id;
    }
    this.defaultParagraphStyle = defaultParagraphStyle;
    this.defaultCharacterStyle = defaultCharacterStyle;
  }

  name(id: string | undefined): string | undefined {
    return id === undefined ? undefined : this.styles.get(id)?.name;
  }

  /** A style and its ancestors, base first; a cycle in basedOn is cut. */
  private chain(id: string | undefined): Style[] {
    const out: Style[] = [];
    const seen = new Set<string>();
    for (let style = id === undefined ? undefined : this.styles.get(id); style && !seen.has(style.id);) {
      seen.add(style.id);
      out.unshift(style);
      style = style.basedOn === undefined ? undefined : this.styles.get(style.basedOn);
    }
    return out;
  }

  paragraphStyle(id: string | undefined): string | undefined {
    return id !== undefined && this.styles.has(id) ? id : this.defaultParagraphStyle;
  }

  /** Paragraph properties: defaults, the style chain, numbering's level, then direct ones. */
  paragraph(styleId: string | undefined, numbering: ParagraphProps, direct: ParagraphProps): ParagraphProps {
    let out: ParagraphProps = { ...this.defaultParagraph };
    for (const style of this.chain(this.paragraphStyle(styleId))) out = { ...out, ...style.paragraph };
    return { ...out, ...numbering, ...direct };
  }

  /** The numbering a paragraph style carries (list styles put w:numPr in the style). */
  styleNumbering(styleId: string | undefined): { numId?: string; ilvl?: number } {
    let out: { numId?: string; ilvl?: number } = {};
    for (const style of this.chain(this.paragraphStyle(styleId))) {
      if (style.paragraph.numId !== undefined)
        out = {
          numId: style.paragraph.numId,
          ...(style.paragraph.ilvl !== undefined ? { ilvl: style.paragraph.ilvl } : {}),
        };
    }
    return out;
  }

  /** Run properties: defaults, the paragraph style chain, the run style chain, then direct ones. */
  run(paragraphStyle: string | undefined, runStyle: string | undefined, direct: RunProps): RunProps {
    let out: RunProps = { ...this.defaultRun };
    for (const style of this.chain(this.paragraphStyle(paragraphStyle))) out = merge(out, style.run);
    for (const style of this.chain(runStyle ?? this.defaultCharacterStyle)) out = merge(out, style.run);
    return merge(out, direct);
  }

  /** The typeface a theme reference names (minorHAnsi → the theme's minor Latin font). */
  themeFont(reference: string | undefined): string | undefined {
    if (reference === undefined) return undefined;
    return reference.startsWith('major')
      ? this.theme.major
      : reference.startsWith('minor')
        ? this.theme.minor
        : undefined;
  }
}

// An explicit font replaces a theme reference at the same level, and the other way round.
function merge(base: RunProps, over: RunProps): RunProps {
  const out = { ...base, ...over };
  if (over.ascii !== undefined && over.asciiTheme === undefined) delete out.asciiTheme;
  if (over.hAnsi !== undefined && over.hAnsiTheme === undefined) delete out.hAnsiTheme;
  return out;
}
