// The package as a whole: core properties, byte-for-byte reproducibility, user text that looks like
// markup, and the fast body writer against docx's own output.
import { setTimeout as sleep } from 'node:timers/promises';
import { Packer } from 'docx';
import { unzipSync } from 'fflate';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Plan } from '../src/plan/types.js';
import { composeDocument } from '../src/render/compose.js';
import { toDocx } from '../src/render/docx.js';
import { renderPlan } from '../src/render/index.js';
import { BARE_SAMPLE } from '../src/render/sample.js';
import { child, findAll, openDocx, textOf } from './helpers/docx.js';
import { quangTriPlan } from './fixtures/render/quang-tri.js';
import { builtIn, CREATED, renderBytes, renderDocx } from './fixtures/render/render.js';

const HOSTILE = '# {{x}} <b>&amp; "q" | - * @section \\n {{{y}}} </w:t> \'a\'';

describe('core properties', () => {
  it('names the plan, its agency, keywords and language, dated by the caller', async () => {
    const core = (await renderDocx(quangTriPlan())).core();
    expect(core['dc:title']).toBe('Kế hoạch Triển khai Chiến lược Ngoại giao văn hóa đến năm 2030 trên địa bàn tỉnh Quảng Trị');
    expect(core['dc:creator']).toBe('Ủy ban nhân dân tỉnh Quảng Trị');
    expect(core['cp:lastModifiedBy']).toBe('Ủy ban nhân dân tỉnh Quảng Trị');
    expect(core['cp:keywords']).toContain('Ngoại giao văn hóa');
    expect(core['cp:keywords']).toContain('KH-UBND');
    expect(core['dc:subject']).toContain('Chiến lược Ngoại giao văn hóa');
    expect(core['dc:description']).toBe('Kế hoạch số 45/KH-UBND ngày 15 tháng 3 năm 2022 của Ủy ban nhân dân tỉnh Quảng Trị');
    expect(core['dc:language']).toBe('vi-VN');
    expect(core['dcterms:created']).toBe('2022-03-15T08:30:00Z');
    expect(core['dcterms:modified']).toBe('2022-03-15T08:30:00Z');
  });

  it('stamps every zip entry with the caller’s date', async () => {
    const zip = await JSZip.loadAsync(await renderBytes(quangTriPlan()));
    const dates = Object.values(zip.files).map((f) => f.date.toISOString());
    expect(dates.length).toBeGreaterThan(10);
    // DOS time keeps even seconds only
    expect(new Set(dates)).toEqual(new Set(['2022-03-15T08:30:00.000Z']));
    expect(Object.keys(zip.files)[0]).toBe('[Content_Types].xml');
  });
});

describe('reproducibility', () => {
  it('gives identical bytes for the same plan and date, even rendered seconds apart', async () => {
    const first = await renderBytes(quangTriPlan());
    await sleep(2100);
    const second = await renderBytes(quangTriPlan());
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it('does not depend on what was rendered before', async () => {
    const alone = await renderBytes(quangTriPlan());
    await renderBytes({ ...BARE_SAMPLE, kind: 'ke-hoach' });
    await renderBytes({ ...quangTriPlan(), appendix: false });
    expect(Buffer.from(await renderBytes(quangTriPlan())).equals(Buffer.from(alone))).toBe(true);
  });

  describe('in any time zone', () => {
    afterEach(() => {
      vi.unstubAllEnvs();
    });

    // 20:30 UTC is already the next day in Hồ Chí Minh City and Kiritimati; New York has DST.
    it.each(['2022-03-15T08:30:00Z', '2022-03-15T20:30:00Z', '2022-07-01T23:59:59Z'])('gives the same bytes and entry dates for %s', async (iso) => {
      const created = new Date(iso);
      const zones = ['UTC', 'Asia/Ho_Chi_Minh', 'America/New_York', 'Pacific/Kiritimati'];
      const outputs: Buffer[] = [];
      const offsets = new Set<number>();
      for (const zone of zones) {
        vi.stubEnv('TZ', zone);
        offsets.add(created.getTimezoneOffset());
        outputs.push(Buffer.from(await renderBytes(quangTriPlan(), created)));
      }
      expect(offsets.size).toBe(zones.length); // the zone really changed
      for (const output of outputs.slice(1)) expect(output.equals(outputs[0]!)).toBe(true);
      const zip = await JSZip.loadAsync(outputs[0]!);
      // DOS time keeps even seconds only
      const stamp = new Date(Math.floor(created.getTime() / 2000) * 2000).toISOString();
      expect(new Set(Object.values(zip.files).map((f) => f.date.toISOString()))).toEqual(new Set([stamp]));
    });
  });

  it.each([
    ['1970-01-01T00:00:00Z', '1980-01-01T00:00:00.000Z'],
    ['9999-12-31T23:59:59Z', '2099-12-31T23:59:58.000Z'],
  ])('dated %s, keeps that date in core.xml and the nearest a zip can hold on its entries', async (iso, entryDate) => {
    const bytes = await renderBytes(quangTriPlan(), new Date(iso));
    expect((await openDocx(bytes)).core()['dcterms:created']).toBe(iso);
    const zip = await JSZip.loadAsync(bytes);
    expect(new Set(Object.values(zip.files).map((f) => f.date.toISOString()))).toEqual(new Set([entryDate]));
  });

  it('changes when the date changes', async () => {
    const a = await renderBytes(quangTriPlan(), new Date('2022-03-15T08:30:00Z'));
    const b = await renderBytes(quangTriPlan(), new Date('2023-01-02T00:00:00Z'));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    expect((await openDocx(b)).core()['dcterms:created']).toBe('2023-01-02T00:00:00Z');
  });
});

describe('user text prints exactly as written', () => {
  const hostilePlan = (): Plan => {
    const plan = quangTriPlan();
    plan.purposes = [HOSTILE, `@section ${HOSTILE}`];
    plan.tasks.pillars[0] = { ...plan.tasks.pillars[0]!, content: HOSTILE, lead: `| ${HOSTILE}`, partners: [HOSTILE], output: HOSTILE };
    plan.funding = [`  ${HOSTILE}`];
    plan.recipients = [HOSTILE];
    plan.signer = { ...plan.signer, name: HOSTILE };
    plan.document.title = HOSTILE;
    return plan;
  };

  it('in body paragraphs, points, table cells, recipients and the signature', async () => {
    const doc = await renderDocx(hostilePlan());
    const texts = findAll(doc.body, 'w:t').map((t) => t.children.map((c) => c.text).join(''));
    expect(texts.filter((t) => t === `${HOSTILE}.`)).toHaveLength(1); // the purpose, with its full stop
    expect(texts).toContain(`@section ${HOSTILE}.`);
    expect(texts).toContain(`a) ${HOSTILE}.`);
    expect(texts).toContain(`| ${HOSTILE}`);
    expect(texts.filter((t) => t === HOSTILE).length).toBeGreaterThanOrEqual(4); // cell content, partner, output, name
    expect(texts).toContain(`  ${HOSTILE}.`);
    expect(texts).toContain(`- ${HOSTILE};`);
    // the purpose that starts with @section stays a body paragraph
    const p = doc.paragraph(`@section ${HOSTILE}.`);
    expect(child(child(p, 'w:pPr'), 'w:pStyle')?.attrs['w:val']).toBe('Normal');
  });

  it('in the title, even where it is broken over lines', async () => {
    const doc = await renderDocx(hostilePlan());
    const title = doc.paragraphs()[doc.paragraphs().indexOf(doc.paragraph('KẾ HOẠCH')) + 1]!;
    expect(textOf(title).replace(/\n/g, ' ')).toBe(HOSTILE);
    expect(doc.core()['dc:title']).toBe(`Kế hoạch ${HOSTILE}`);
  });
});

describe('the fast body writer', () => {
  const plans: [string, () => Plan][] = [
    ['a locality plan', quangTriPlan],
    ['a bare programme without appendix', () => BARE_SAMPLE],
    ['a plan with a parent agency and no number', () => ({ ...quangTriPlan(), agency: { ...quangTriPlan().agency, parent: 'Bộ Ngoại giao' }, document: { year: 2026, title: 'Kế hoạch năm 2026' } })],
  ];

  it.each(plans)('writes the same document.xml as docx does for %s', async (_, make) => {
    const plan = make();
    const templates = await builtIn(plan.kind);
    const files = { filter: (file: { name: string }) => !file.name.endsWith('/') };
    const fast = unzipSync(await renderPlan(plan, { templates, created: CREATED }), files);
    const reference = unzipSync(await Packer.pack(toDocx(composeDocument(plan, templates).sections), 'uint8array'), files);
    const xml = (entries: typeof fast, name: string): string => new TextDecoder().decode(entries[name]);
    expect(xml(fast, 'word/document.xml')).toContain('<w:body>');
    expect(xml(fast, 'word/document.xml')).toBe(xml(reference, 'word/document.xml'));
    expect(xml(fast, 'word/styles.xml')).toBe(xml(reference, 'word/styles.xml'));
    expect(Object.keys(fast).sort()).toEqual(Object.keys(reference).sort());
  });
});
