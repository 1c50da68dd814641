// The skeleton as the docx library writes it. `npm run build` runs this once per layout and stores
// the result (scripts/skeleton-data.mjs); a run only comes here for a layout that was not prepared,
// so a plain build never loads docx.
import { Packer } from 'docx';
import { unzipSync } from 'fflate';
import { toDocx } from './docx.js';
import { para, type Section, type Table } from './model.js';
import { blocksXml } from './ooxml.js';
import { deflatePart } from './package.js';
import { CORE_PART, DOCUMENT_PART, type Skeleton } from './skeleton.js';

// A table, because docx writes a section's properties into its last paragraph when it ends with
// one: the marker must end its section the way the real body does (with the signature table).
const marker = (index: number): Table => ({
  type: 'table',
  columns: [1000],
  borders: 'none',
  rows: [{ cells: [{ blocks: [para('Normal', `kehoach-body-${index}`)] }] }],
});

export async function buildSkeleton(orientations: readonly Section['orientation'][]): Promise<Skeleton> {
  const sections = orientations.map((orientation, i) => ({ orientation, blocks: [marker(i)] }));
  // Folder entries carry nothing a package needs.
  const files = unzipSync(await Packer.pack(toDocx(sections), 'uint8array'), {
    filter: (file) => !file.name.endsWith('/'),
  });
  const entries = Object.entries(files).map(([name, data]) => ({ name, data }));
  const document = files[DOCUMENT_PART];
  if (document === undefined) throw new Error('docx wrote no word/document.xml');
  let rest = new TextDecoder().decode(document);
  const pieces: string[] = [];
  orientations.forEach((_, i) => {
    const xml = blocksXml([marker(i)]);
    const cut = rest.indexOf(xml);
    if (cut < 0) throw new Error(`the docx skeleton lost marker ${i}`);
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut + xml.length);
  });
  pieces.push(rest);
  // [Content_Types].xml first: some readers look for it there.
  const ordered = entries.sort(
    (a, b) => Number(b.name === '[Content_Types].xml') - Number(a.name === '[Content_Types].xml'),
  );
  const parts = ordered.map((e) =>
    e.name === DOCUMENT_PART ? DOCUMENT_PART : e.name === CORE_PART ? CORE_PART : deflatePart(e.name, e.data),
  );
  if (!parts.includes(CORE_PART)) throw new Error('docx wrote no docProps/core.xml');
  return { pieces, parts };
}
