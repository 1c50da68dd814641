// The package as a whole: core properties, byte-for-byte reproducibility, user text that looks like
// markup, and the fast body writer against docx's own output.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Packer } from 'docx';
import { unzipSync } from 'fflate';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadPlan } from '../src/plan/load.js';
import type { Plan } from '../src/plan/types.js';
import { composeDocument } from '../src/render/compose.js';
import { toDocx } from '../src/render/docx.js';
import { renderPlan } from '../src/render/index.js';
import { STYLES, type StyleId } from '../src/render/layout.js';
import { para, type Block, type Cell, type Para, type Rule, type Section } from '../src/render/model.js';
import { blocksXml } from '../src/render/ooxml.js';
import { BARE_SAMPLE } from '../src/render/sample.js';
import { skeletonFor } from '../src/render/skeleton.js';
import { loadTemplates, type TemplateSet } from '../src/render/templates.js';
import { tempDir } from './helpers/cli.js';
import { child, findAll, openDocx, textOf } from './helpers/docx.js';
import { quangTriPlan } from './fixtures/render/quang-tri.js';
import { builtIn, CREATED, renderBytes, renderDocx } from './fixtures/render/render.js';

const HOSTILE = '# {{x}} <b>&amp; "q" | - * @section \\n {{{y}}} </w:t> \'a\'';

describe('core properties', () => {
  it('names the plan, its agency, keywords and language, dated by the caller', async () => {
    const core = (await renderDocx(quangTriPlan())).core();
    expect(core['dc:title']).toBe(
      'Kế hoạch Triển khai Chiến lược Ngoại giao văn hóa đến năm 2030 trên địa bàn tỉnh Quảng Trị',
    );
    expect(core['dc:creator']).toBe('Ủy ban nhân dân tỉnh Quảng Trị');
    expect(core['cp:lastModifiedBy']).toBe('Ủy ban nhân dân tỉnh Quảng Trị');
    expect(core['cp:keywords']).toContain('Ngoại giao văn hóa');
    expect(core['cp:keywords']).toContain('KH-UBND');
    expect(core['dc:subject']).toContain('Chiến lược Ngoại giao văn hóa');
    expect(core['dc:description']).toBe(
      'Kế hoạch số 45/KH-UBND ngày 15 tháng 3 năm 2022 của Ủy ban nhân dân tỉnh Quảng Trị',
    );
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
    it.each(['2022-03-15T08:30:00Z', '2022-03-15T20:30:00Z', '2022-07-01T23:59:59Z'])(
      'gives the same bytes and entry dates for %s',
      async (iso) => {
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
      },
    );
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
    plan.tasks.pillars[0] = {
      ...plan.tasks.pillars[0]!,
      content: HOSTILE,
      lead: `| ${HOSTILE}`,
      partners: [HOSTILE],
      output: HOSTILE,
    };
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
  const files = { filter: (file: { name: string }) => !file.name.endsWith('/') };
  const decode = (bytes: Uint8Array | undefined): string => new TextDecoder().decode(bytes);

  /** document.xml as renderPlan's fast path writes it and as docx's object tree does. */
  async function bothWays(sections: readonly Section[]): Promise<[string, string]> {
    const skeleton = await skeletonFor(sections.map((s) => s.orientation));
    let fast = skeleton.pieces[0] ?? '';
    sections.forEach((section, i) => {
      fast += blocksXml(section.blocks) + (skeleton.pieces[i + 1] ?? '');
    });
    const reference = unzipSync(await Packer.pack(toDocx(sections), 'uint8array'), files);
    return [fast, decode(reference['word/document.xml'])];
  }

  async function expectParity(plan: Plan, templates: TemplateSet): Promise<void> {
    const fast = unzipSync(await renderPlan(plan, { templates, created: CREATED }), files);
    const reference = unzipSync(
      await Packer.pack(toDocx(composeDocument(plan, templates).sections), 'uint8array'),
      files,
    );
    expect(decode(fast['word/document.xml'])).toContain('<w:body>');
    expect(decode(fast['word/document.xml'])).toBe(decode(reference['word/document.xml']));
    expect(decode(fast['word/styles.xml'])).toBe(decode(reference['word/styles.xml']));
    expect(Object.keys(fast).sort()).toEqual(Object.keys(reference).sort());
  }

  /** What of the body writer's repertoire a document model uses. */
  function features(sections: readonly Section[]): Set<string> {
    const seen = new Set<string>();
    const visit = (b: Block, inCell: boolean): void => {
      if (b.type === 'para') {
        seen.add(`style ${b.style}`);
        if (b.keepNext) seen.add('para kept with next');
        if (b.text === '') seen.add('empty para');
        if (b.text.includes('\n')) seen.add('para with line breaks');
        if (/[&<>"']/.test(b.text)) seen.add('para with XML specials');
      } else if (b.type === 'rule') {
        seen.add(inCell ? 'rule in a cell' : 'rule');
        if (b.width >= b.within) seen.add('rule as wide as its space');
      } else {
        seen.add(`table, borders ${b.borders}`);
        for (const row of b.rows) {
          seen.add(`row${row.header ? ', header' : ''}${row.cantSplit ? ', cantSplit' : ''}`);
          for (const cell of row.cells) {
            seen.add(`cell, valign ${cell.valign ?? 'unset'}`);
            if ((cell.span ?? 1) > 1) seen.add('cell spanning columns');
            for (const inner of cell.blocks) visit(inner, true);
          }
        }
      }
    };
    for (const section of sections) {
      seen.add(`${section.orientation} section`);
      for (const b of section.blocks) visit(b, false);
    }
    return seen;
  }

  const EVERYTHING = [
    'portrait section',
    'landscape section',
    'para kept with next',
    'empty para',
    'para with line breaks',
    'para with XML specials',
    'rule',
    'rule in a cell',
    'table, borders none',
    'table, borders single',
    'row, header, cantSplit',
    'row, cantSplit',
    'cell, valign top',
    'cell, valign center',
    'cell spanning columns',
  ];

  it.each([
    ['a locality plan', quangTriPlan],
    ['a bare programme without appendix', (): Plan => BARE_SAMPLE],
    [
      'a plan with a parent agency and no number',
      (): Plan => ({
        ...quangTriPlan(),
        agency: { ...quangTriPlan().agency, parent: 'Bộ Ngoại giao' },
        document: { year: 2026, title: 'Kế hoạch năm 2026' },
      }),
    ],
  ])('writes the same document.xml as docx does for %s', async (_, make) => {
    const plan = make();
    await expectParity(plan, await builtIn(plan.kind));
  });

  const EXAMPLES = resolve(import.meta.dirname, '..', 'examples');
  const examples = readdirSync(EXAMPLES)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();

  it('has examples to compare', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });

  it.each(examples)('writes the same document.xml as docx does for examples/%s', async (file) => {
    const { plan, problems } = loadPlan(readFileSync(join(EXAMPLES, file)), {
      today: new Date('2026-12-01T00:00:00Z'),
    });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    if (plan === undefined) throw new Error(`${file} did not load`);
    await expectParity(plan, await builtIn(plan.kind));
  });

  // Templates that use every markup style, rules before and after text, and text and a rule after
  // the task table; a plan with a parent agency, a deputy signer, partners and empty
  // task fields, and markup-looking text.
  async function everyKindPlan(): Promise<{ plan: Plan; templates: TemplateSet }> {
    const dir = tempDir('kehoach-parity-');
    const styles = ['section', 'clause', 'basis', 'doctype', 'title', 'appendix', 'appendix-title', 'appendix-note'];
    writeFileSync(
      join(dir, 'purposes.hbs'),
      [
        '@rule',
        ...styles.map((s) => `@${s} ${s}: {{document.title}}`),
        '@rule',
        'A & B <c> "d" \'e\'',
        '@rule',
        '{{#each purposes}}',
        '{{sentence this}}',
        '{{/each}}',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'appendix.hbs'),
      [
        '@appendix Phụ lục',
        '@appendix-title DANH MỤC NHIỆM VỤ TRIỂN KHAI CHIẾN LƯỢC NGOẠI GIAO VĂN HÓA ĐẾN NĂM 2030 TRÊN ĐỊA BÀN TỈNH, MỘT TÊN DÀI ĐỦ ĐỂ XUỐNG DÒNG',
        '@rule',
        '@columns STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện | Sản phẩm',
        'Ghi chú sau bảng.',
        '@rule',
        '@appendix-note (Kèm theo Kế hoạch số {{document.symbol}} {{document.dateText}} của {{agency.name}})',
      ].join('\n'),
    );
    const base = quangTriPlan();
    const plan: Plan = {
      ...base,
      agency: {
        ...base.agency,
        parent: 'Bộ Văn hóa, Thể thao và Du lịch',
        name: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Trị',
      },
      purposes: [...base.purposes, HOSTILE],
      signer: { capacity: 'KT', head: 'Giám đốc', title: 'Phó Giám đốc thường trực', name: 'Nguyễn Văn A' },
      tasks: {
        ...base.tasks,
        alignment: [
          ...base.tasks.alignment,
          { content: `Nhiệm vụ có chữ như mã: ${HOSTILE}`, lead: 'Sở Ngoại vụ' },
          {
            content: 'Nhiệm vụ có nhiều cơ quan phối hợp',
            lead: 'Sở Ngoại vụ',
            partners: ['Sở A', 'Sở B', 'Sở C', 'Sở D'],
            period: '2026',
            output: 'Báo cáo',
          },
        ],
      },
    };
    return { plan, templates: await loadTemplates(plan.kind, dir) };
  }

  it('writes the same document.xml as docx does for a generated plan that uses every block kind', async () => {
    const { plan, templates } = await everyKindPlan();
    const used = features(composeDocument(plan, templates).sections);
    expect(EVERYTHING.filter((f) => !used.has(f))).toEqual([]);
    await expectParity(plan, templates);
  });

  // What templates cannot reach: every style (Heading3–6, Title, PageNumber), rows without
  // cantSplit, a header row alone, cells with no valign, a rule as wide as its space.
  it('writes the same XML as docx does for a model with every style and every block option', async () => {
    const styleIds = Object.keys(STYLES) as StyleId[];
    const cell = (blocks: (Para | Rule)[], extra: Partial<Cell> = {}): Cell => ({ blocks, ...extra });
    const portrait: Block[] = [
      ...styleIds.map((style, i): Para => ({
        ...para(style, `${style} ${i % 3 === 0 ? 'A & B <c> "d" \'e\'' : `line\nbreak ${i}`}`),
        ...(i % 2 === 0 ? { keepNext: true } : {}),
      })),
      para('Normal', ''),
      { type: 'rule', width: 2000, within: 9000 },
      { type: 'rule', width: 9000, within: 9000 },
      {
        type: 'table',
        columns: [3000, 3000, 3071],
        borders: 'single',
        rows: [
          {
            header: true,
            cells: [
              cell([para('TableHead', 'a')]),
              cell([para('TableHead', 'b')], { valign: 'center' }),
              cell([para('TableHead', 'c')], { valign: 'top' }),
            ],
          },
          {
            cells: [
              cell([para('TableText', 'd'), { type: 'rule', width: 1000, within: 2784 }], { span: 2 }),
              cell([para('TableCentre', '')]),
            ],
          },
          { cantSplit: true, cells: [cell([para('TableJustify', 'e')], { span: 3, valign: 'center' })] },
        ],
      },
    ];
    const landscape: Block[] = [
      para('AppendixLabel', 'Phụ lục'),
      {
        type: 'table',
        columns: [7000, 7570],
        borders: 'none',
        rows: [{ header: true, cantSplit: true, cells: [cell([para('Normal', 'x')]), cell([para('Normal', 'y')])] }],
      },
      para('Normal', 'after the last table'),
    ];
    // The skeleton wants every section but the last to end with a table, as compose's do.
    const sections: Section[] = [
      { orientation: 'portrait', blocks: portrait },
      { orientation: 'landscape', blocks: landscape },
    ];
    const used = features(sections);
    expect(EVERYTHING.filter((f) => !used.has(f))).toEqual([]);
    for (const f of ['row', 'row, header', 'cell, valign unset', 'rule as wide as its space'])
      expect(used.has(f), f).toBe(true);
    const [fast, reference] = await bothWays(sections);
    expect(fast).toContain('<w:body>');
    expect(fast).toBe(reference);
  });

  // The one place the two differ on purpose: docx copies these into XML that no reader accepts.
  it('drops the characters XML 1.0 cannot hold, which docx would copy into the file', () => {
    expect(blocksXml([para('Normal', 'a\u0001\u0008\u000B\u000C\u001Fb\uFFFE\uFFFFc\td\ne')])).toBe(
      blocksXml([para('Normal', 'abc\td\ne')]),
    );
  });
});
