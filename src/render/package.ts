// docProps/core.xml, written here rather than by docx, which stamps it with the current time and
// has no field for the language.
import { escapeXml as xml } from './ooxml.js';

export interface CoreProperties {
  title: string;
  subject: string;
  creator: string;
  keywords: string;
  description: string;
  lastModifiedBy: string;
  language: string;
}

/** docProps/core.xml with both dates set to `created` (whole seconds, UTC). */
export function coreXml(props: CoreProperties, created: Date): string {
  const when = created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xml(props.title)}</dc:title>` +
    `<dc:subject>${xml(props.subject)}</dc:subject>` +
    `<dc:creator>${xml(props.creator)}</dc:creator>` +
    `<cp:keywords>${xml(props.keywords)}</cp:keywords>` +
    `<dc:description>${xml(props.description)}</dc:description>` +
    `<cp:lastModifiedBy>${xml(props.lastModifiedBy)}</cp:lastModifiedBy>` +
    '<cp:revision>1</cp:revision>' +
    `<dc:language>${xml(props.language)}</dc:language>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}
