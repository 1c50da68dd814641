// Opens a .docx the way a test wants to read it: unzip (jszip), parse each part (fast-xml-parser)
// into a plain element tree, and resolve a paragraph's formatting through docDefaults, its style
// chain and its own properties, as Word does.
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';

export interface XNode {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
  /** Text content of a text node (name '#text'). */
  text?: string;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
});

type Raw = Record<string, unknown>;

function convert(raw: Raw): XNode | undefined {
  const attrs = (raw[':@'] as Record<string, string> | undefined) ?? {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === ':@') continue;
    if (key === '#text') return { name: '#text', attrs: {}, children: [], text: String(value) };
    const children = Array.isArray(value)
      ? (value as Raw[]).map(convert).filter((n): n is XNode => n !== undefined)
      : [];
    return { name: key, attrs, children };
  }
  return undefined;
}

export function parseXml(xml: string): XNode {
  const top = (parser.parse(xml) as Raw[]).map(convert).filter((n): n is XNode => n !== undefined && n.name !== '?xml');
  const root = top[0];
  if (root === undefined) throw new Error('empty XML');
  return root;
}

/** Every descendant (not the node itself) named `name`, in document order. */
export function findAll(node: XNode, name: string): XNode[] {
  const out: XNode[] = [];
  const visit = (n: XNode): void => {
    for (const c of n.children) {
      if (c.name === name) out.push(c);
      visit(c);
    }
  };
  visit(node);
  return out;
}

export function find(node: XNode, name: string): XNode | undefined {
  return findAll(node, name)[0];
}

export function child(node: XNode | undefined, name: string): XNode | undefined {
  return node?.children.find((c) => c.name === name);
}

export function children(node: XNode | undefined, name: string): XNode[] {
  return node?.children.filter((c) => c.name === name) ?? [];
}

/** The text of a paragraph (or any node): its w:t, with w:br as a line break. */
export function textOf(node: XNode): string {
  let out = '';
  const visit = (n: XNode): void => {
    if (n.name === 'w:br') out += '\n';
    if (n.name === 'w:t') out += n.children.map((c) => c.text ?? '').join('');
    else for (const c of n.children) visit(c);
  };
  visit(node);
  return out;
}

export interface RunFormat {
  /** Half-points. */
  size?: number;
  /** false unless some layer turns it on */
  bold?: boolean;
  italic?: boolean;
  fonts?: Record<string, string>;
  color?: string;
  lang?: string;
}

export interface ParaFormat {
  jc?: string;
  firstLine?: number;
  left?: number;
  right?: number;
  before?: number;
  after?: number;
  line?: number;
  lineRule?: string;
  keepNext?: boolean;
  borderTop?: Record<string, string>;
}

const on = (n: XNode | undefined): boolean | undefined =>
  n === undefined ? undefined : !['false', '0', 'off'].includes(n.attrs['w:val'] ?? 'true');
const num = (v: string | undefined): number | undefined => (v === undefined ? undefined : Number(v));

function runFormat(rPr: XNode | undefined): RunFormat {
  const f: RunFormat = {};
  if (rPr === undefined) return f;
  const sz = child(rPr, 'w:sz');
  if (sz) f.size = Number(sz.attrs['w:val']);
  const b = on(child(rPr, 'w:b'));
  if (b !== undefined) f.bold = b;
  const i = on(child(rPr, 'w:i'));
  if (i !== undefined) f.italic = i;
  const fonts = child(rPr, 'w:rFonts');
  if (fonts) f.fonts = fonts.attrs;
  const color = child(rPr, 'w:color');
  if (color) f.color = color.attrs['w:val'];
  const lang = child(rPr, 'w:lang');
  if (lang) f.lang = lang.attrs['w:val'];
  return f;
}

function paraFormat(pPr: XNode | undefined): ParaFormat {
  const f: ParaFormat = {};
  if (pPr === undefined) return f;
  const jc = child(pPr, 'w:jc');
  if (jc) f.jc = jc.attrs['w:val'];
  const ind = child(pPr, 'w:ind');
  if (ind) {
    for (const [key, attr] of [
      ['firstLine', 'w:firstLine'],
      ['left', 'w:left'],
      ['right', 'w:right'],
    ] as const) {
      const v = num(ind.attrs[attr]);
      if (v !== undefined) f[key] = v;
    }
  }
  const spacing = child(pPr, 'w:spacing');
  if (spacing) {
    for (const [key, attr] of [
      ['before', 'w:before'],
      ['after', 'w:after'],
      ['line', 'w:line'],
    ] as const) {
      const v = num(spacing.attrs[attr]);
      if (v !== undefined) f[key] = v;
    }
    if (spacing.attrs['w:lineRule'] !== undefined) f.lineRule = spacing.attrs['w:lineRule'];
  }
  const keep = on(child(pPr, 'w:keepNext'));
  if (keep !== undefined) f.keepNext = keep;
  const top = child(child(pPr, 'w:pBdr'), 'w:top');
  if (top) f.borderTop = top.attrs;
  return f;
}

export class Docx {
  constructor(
    readonly zip: JSZip,
    readonly parts: ReadonlyMap<string, XNode>,
  ) {}

  part(name: string): XNode {
    const node = this.parts.get(name);
    if (node === undefined) throw new Error(`no part ${name}`);
    return node;
  }

  get document(): XNode {
    return this.part('word/document.xml');
  }

  get styles(): XNode {
    return this.part('word/styles.xml');
  }

  get body(): XNode {
    const body = find(this.document, 'w:body');
    if (body === undefined) throw new Error('no w:body');
    return body;
  }

  /** Every paragraph of the body, tables included, in order. */
  paragraphs(): XNode[] {
    return findAll(this.body, 'w:p');
  }

  /** The first paragraph whose text equals (string) or matches (RegExp) `text`. */
  paragraph(text: string | RegExp): XNode {
    const found = this.paragraphs().find((p) => (typeof text === 'string' ? textOf(p) === text : text.test(textOf(p))));
    if (found === undefined) throw new Error(`no paragraph ${String(text)}`);
    return found;
  }

  texts(): string[] {
    return this.paragraphs().map(textOf);
  }

  /** Section properties in document order: the inner ones (in paragraphs), then the body's. */
  sections(): XNode[] {
    return findAll(this.body, 'w:sectPr');
  }

  style(id: string): XNode {
    const found = children(this.styles, 'w:style').find((s) => s.attrs['w:styleId'] === id);
    if (found === undefined) throw new Error(`no style ${id}`);
    return found;
  }

  styleIds(): string[] {
    return children(this.styles, 'w:style').map((s) => s.attrs['w:styleId'] ?? '');
  }

  private chain(styleId: string | undefined): XNode[] {
    const out: XNode[] = [];
    let id =
      styleId ??
      children(this.styles, 'w:style').find(
        (s) => s.attrs['w:type'] === 'paragraph' && s.attrs['w:default'] !== undefined,
      )?.attrs['w:styleId'];
    while (id !== undefined) {
      const style = this.style(id);
      out.unshift(style);
      id = child(style, 'w:basedOn')?.attrs['w:val'];
    }
    return out;
  }

  private defaults(kind: 'w:rPrDefault' | 'w:pPrDefault', inner: 'w:rPr' | 'w:pPr'): XNode | undefined {
    return child(child(child(this.styles, 'w:docDefaults'), kind), inner);
  }

  /** The run formatting the paragraph's first run shows: defaults, style chain, run. */
  runFormat(p: XNode): RunFormat {
    const styleId = child(child(p, 'w:pPr'), 'w:pStyle')?.attrs['w:val'];
    const layers = [this.defaults('w:rPrDefault', 'w:rPr'), ...this.chain(styleId).map((s) => child(s, 'w:rPr'))];
    const run = child(p, 'w:r');
    if (run) layers.push(child(run, 'w:rPr'));
    return Object.assign({ bold: false, italic: false }, ...layers.map(runFormat)) as RunFormat;
  }

  paraFormat(p: XNode): ParaFormat {
    const pPr = child(p, 'w:pPr');
    const styleId = child(pPr, 'w:pStyle')?.attrs['w:val'];
    const layers = [this.defaults('w:pPrDefault', 'w:pPr'), ...this.chain(styleId).map((s) => child(s, 'w:pPr')), pPr];
    return Object.assign({}, ...layers.map(paraFormat)) as ParaFormat;
  }

  /** docProps/core.xml as name → text (dc:title, cp:keywords, dcterms:created, …). */
  core(): Record<string, string> {
    const root = this.part('docProps/core.xml');
    return Object.fromEntries(root.children.map((c) => [c.name, c.children.map((t) => t.text ?? '').join('')]));
  }

  /** The header part a section's reference of `type` (default | first) points at. */
  header(section: XNode, type: 'default' | 'first'): XNode {
    const ref = children(section, 'w:headerReference').find((r) => r.attrs['w:type'] === type);
    if (ref === undefined) throw new Error(`no ${type} header`);
    const rels = this.part('word/_rels/document.xml.rels');
    const rel = children(rels, 'Relationship').find((r) => r.attrs['Id'] === ref.attrs['r:id']);
    if (rel === undefined) throw new Error(`no relationship ${ref.attrs['r:id']}`);
    return this.part(`word/${rel.attrs['Target']}`);
  }
}

export async function openDocx(bytes: Uint8Array): Promise<Docx> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, XNode>();
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir || !/\.(xml|rels)$/.test(name)) continue;
    parts.set(name, parseXml(await file.async('string')));
  }
  return new Docx(zip, parts);
}
