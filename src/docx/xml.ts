// A small, strict XML tree for OOXML parts, on saxes: namespace-aware, no DTD or entity
// expansion beyond XML's own five, so a part cannot expand itself into a bomb. Element names are
// given with the usual OOXML prefix for each namespace (w:, r:, a:, …) whatever prefix the
// producer chose, so readers can match `w:p` everywhere.
import { SaxesParser } from 'saxes';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Where the element stands in the parsed text (string indexes): after its start tag, at its end tag, after it. Equal for `<x/>`. */
  span?: { openEnd: number; closeStart: number; closeEnd: number };
}
export type XmlNode = XmlElement | string;

const PREFIXES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'pr',
  'http://schemas.openxmlformats.org/package/2006/content-types': 'ct',
  'http://schemas.microsoft.com/office/word/2010/wordml': 'w14',
};

function qualified(uri: string, local: string, prefix: string): string {
  const known = PREFIXES[uri];
  if (known !== undefined) return `${known}:${local}`;
  return prefix === '' ? local : `${prefix}:${local}`;
}

export class XmlError extends Error {}

/** Parse one XML part. Throws XmlError with the parser's line:column on malformed XML. */
export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const root: XmlElement = { name: '#root', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let failure: Error | undefined;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('doctype', () => {
    failure ??= new Error('DOCTYPE is not allowed in an OOXML part');
  });
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const attr of Object.values(tag.attributes)) {
      if (typeof attr === 'string') continue;
      if (attr.prefix === 'xmlns' || attr.name === 'xmlns') continue;
      attrs[attr.uri ? qualified(attr.uri, attr.local, attr.prefix) : attr.local] = attr.value;
    }
    const element: XmlElement = {
      name: qualified(tag.uri ?? '', tag.local ?? tag.name, tag.prefix ?? ''),
      attrs,
      children: [],
      span: { openEnd: parser.position, closeStart: parser.position, closeEnd: parser.position },
    };
    stack[stack.length - 1]!.children.push(element);
    stack.push(element);
  });
  parser.on('closetag', (tag) => {
    const element = stack.pop();
    if (element?.span && !tag.isSelfClosing) {
      element.span.closeEnd = parser.position;
      element.span.closeStart = text.lastIndexOf('</', parser.position - 1);
    }
  });
  const onText = (chunk: string): void => {
    const top = stack[stack.length - 1]!;
    if (top !== root) top.children.push(chunk);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  try {
    parser.write(text).close();
  } catch (error) {
    failure ??= error as Error;
  }
  if (failure) throw new XmlError(failure.message);
  const top = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!top) throw new XmlError('no root element');
  return top;
}

export function isElement(node: XmlNode | undefined): node is XmlElement {
  return node !== undefined && typeof node !== 'string';
}

export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!element) return undefined;
  for (const node of element.children) if (typeof node !== 'string' && node.name === name) return node;
  return undefined;
}

export function children(element: XmlElement | undefined, name: string): XmlElement[] {
  if (!element) return [];
  return element.children.filter((node): node is XmlElement => typeof node !== 'string' && node.name === name);
}

export function elements(element: XmlElement | undefined): XmlElement[] {
  if (!element) return [];
  return element.children.filter((node): node is XmlElement => typeof node !== 'string');
}

/** The text directly inside an element (w:t, w:instrText). */
export function textOf(element: XmlElement): string {
  return element.children.filter((node): node is string => typeof node === 'string').join('');
}

/** An attribute as a number, when it is one. */
export function numberAttr(element: XmlElement | undefined, name: string): number | undefined {
  const raw = element?.attrs[name];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}
