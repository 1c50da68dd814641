// A copy of a .docx with a Word comment on each paragraph a problem points at, so that a clerk
// opening it in Word or LibreOffice sees every problem in the margin. The original bytes are
// only read; every part but the few we extend is copied as it was.
import { Unzip, UnzipInflate, zipSync, type Zippable } from 'fflate';
import type { DocxDocument } from './model.js';
import { DocxUnreadable } from './zip.js';

export interface Note {
  /** 1-based paragraph of the body; anything else anchors on the first paragraph. */
  paragraph: number;
  text: string;
}

/** All parts of a copy we may hold at once (pictures included). */
const MAX_COPY_BYTES = 120 * 1024 * 1024;

const COMMENTS_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const COMMENTS_CONTENT = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function allParts(bytes: Uint8Array): { name: string; data: Uint8Array }[] {
  const out: { name: string; data: Uint8Array }[] = [];
  let total = 0;
  let failure: string | undefined;
  const unzip = new Unzip((file) => {
    const chunks: Uint8Array[] = [];
    file.ondata = (error, chunk, final) => {
      if (error) {
        failure ??= error.message;
        return;
      }
      total += chunk.length;
      if (total > MAX_COPY_BYTES) {
        failure ??= 'too large';
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) {
        const data = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
        let at = 0;
        for (const c of chunks) {
          data.set(c, at);
          at += c.length;
        }
        out.push({ name: file.name, data });
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.push(bytes, true);
  if (failure !== undefined)
    throw new DocxUnreadable(
      failure === 'too large' ? { reason: 'bomb', limit: MAX_COPY_BYTES } : { reason: 'corrupt', detail: failure },
    );
  return out;
}

function commentXml(id: number, text: string, author: string, date: string): string {
  const paragraphs = text
    .split('\n')
    .map((line) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r></w:p>`)
    .join('');
  return `<w:comment w:id="${id}" w:author="${escapeXml(author)}" w:date="${date}" w:initials="KH">${paragraphs}</w:comment>`;
}

/**
 * The bytes of a copy of `bytes` (the .docx `doc` was read from) with one comment per note.
 * `date` is written into each comment (ISO, whole seconds).
 */
export function annotateDocx(
  bytes: Uint8Array,
  doc: DocxDocument,
  notes: readonly Note[],
  options: { author: string; date: Date },
): Uint8Array {
  const parts = allParts(bytes);
  const byName = new Map(parts.map((p) => [p.name, p]));
  const documentPart = byName.get('word/document.xml');
  if (!documentPart) throw new DocxUnreadable({ reason: 'no-document' });
  let xml = decoder.decode(documentPart.data);
  const date = options.date.toISOString().replace(/\.\d{3}Z$/, 'Z');

  // Ids after any comments the document already has.
  const existing = byName.get('word/comments.xml');
  let commentsXml = existing ? decoder.decode(existing.data) : undefined;
  const used = [...(commentsXml ?? '').matchAll(/w:id="(-?\d+)"/g)].map((m) => Number(m[1]));
  let nextId = used.length > 0 ? Math.max(...used) + 1 : 0;

  // Insertions by position, applied from the end so earlier positions stay valid.
  const edits: { at: number; remove: number; text: string }[] = [];
  const comments: string[] = [];
  const byParagraph = new Map<number, string[]>();
  for (const note of notes) {
    const index = doc.paragraphs[note.paragraph - 1]?.xml
      ? note.paragraph
      : (doc.paragraphs.find((p) => p.xml)?.index ?? 0);
    if (index === 0) continue;
    const list = byParagraph.get(index) ?? [];
    list.push(note.text);
    byParagraph.set(index, list);
  }
  for (const [index, texts] of byParagraph) {
    const where = doc.paragraphs[index - 1]!.xml!;
    const ids = texts.map(() => nextId++);
    texts.forEach((text, i) => comments.push(commentXml(ids[i]!, text, options.author, date)));
    const starts = ids.map((id) => `<w:commentRangeStart w:id="${id}"/>`).join('');
    const ends = ids
      .map((id) => `<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`)
      .join('');
    if (where.selfClosing) {
      // `<w:p …/>` becomes `<w:p …>…</w:p>`.
      edits.push({ at: where.openEnd - 2, remove: 2, text: `>${starts}${ends}</w:p>` });
    } else {
      edits.push({ at: where.propsEnd, remove: 0, text: starts });
      edits.push({ at: where.closeStart, remove: 0, text: ends });
    }
  }
  edits.sort((a, b) => b.at - a.at);
  for (const edit of edits) xml = xml.slice(0, edit.at) + edit.text + xml.slice(edit.at + edit.remove);

  commentsXml =
    commentsXml === undefined
      ? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${W}">${comments.join('')}</w:comments>`
      : commentsXml.replace(/<\/w:comments>\s*$/, `${comments.join('')}</w:comments>`);

  const files: Zippable = {};
  for (const part of parts) files[part.name] = part.data;
  files['word/document.xml'] = encoder.encode(xml);
  files['word/comments.xml'] = encoder.encode(commentsXml);

  const relsName = 'word/_rels/document.xml.rels';
  const rels = byName.get(relsName) ? decoder.decode(byName.get(relsName)!.data) : undefined;
  if (rels === undefined) {
    files[relsName] = encoder.encode(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdKehoachComments" Type="${COMMENTS_TYPE}" Target="comments.xml"/></Relationships>`,
    );
  } else if (!rels.includes(COMMENTS_TYPE)) {
    files[relsName] = encoder.encode(
      rels.replace(
        /<\/Relationships>\s*$/,
        `<Relationship Id="rIdKehoachComments" Type="${COMMENTS_TYPE}" Target="comments.xml"/></Relationships>`,
      ),
    );
  }
  const types = byName.get('[Content_Types].xml');
  if (types) {
    const text = decoder.decode(types.data);
    if (!text.includes('/word/comments.xml')) {
      files['[Content_Types].xml'] = encoder.encode(
        text.replace(
          /<\/Types>\s*$/,
          `<Override PartName="/word/comments.xml" ContentType="${COMMENTS_CONTENT}"/></Types>`,
        ),
      );
    }
  }
  return zipSync(files, { level: 6 });
}
