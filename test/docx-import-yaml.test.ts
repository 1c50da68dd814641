// The plan file `import` writes, and templates that word things differently (issue 11).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderPlan } from '../src/index.js';
import { readDocx } from '../src/docx/read.js';
import { locatePlan } from '../src/docx/part.js';
import { importPlan, type ImportResult, type KnownNames } from '../src/docx/import/index.js';
import { knownFromWizardData } from '../src/docx/import/known.js';
import { fieldName, importReport, importToYaml } from '../src/docx/import-yaml.js';
import { loadWizardData } from '../src/wizard/data.js';
import { loadPlan } from '../src/plan/load.js';
import type { Plan } from '../src/plan/types.js';
import { tempDir } from './helpers/cli.js';
import { EXAMPLES_DIR } from './helpers/build.js';
import { canonical, withoutUnrecoverable } from './helpers/import-plans.js';
import { gialaiAppendix, gialaiMain, wordDocx } from './helpers/word-plan.js';

let known: KnownNames;
let word: ImportResult;
beforeAll(async () => {
  known = knownFromWizardData(await loadWizardData());
  const doc = readDocx(await wordDocx(gialaiMain(), gialaiAppendix()));
  word = importPlan(doc, locatePlan(doc)!, { known });
});

describe('the plan file import writes', () => {
  it('holds the data, the $schema comment, and every leftover as a comment naming its paragraph', () => {
    const text = importToYaml(word, { schemaPath: '../schemas/plan.schema.json', source: 'gia-lai.docx' });
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/plan.schema.json');
    expect(parse(text)).toEqual(word.data);
    for (const l of word.leftovers) expect(text).toContain(`# đoạn ${l.paragraph}, chưa xếp được: ${l.text}\n`);
    expect(text).toContain('# Đoán: agency.sector (Khối cơ quan)');
  });

  it('keeps a leftover that spans lines on comment lines', () => {
    const result: ImportResult = { ...word, leftovers: [{ paragraph: 7, text: 'dòng một\nkey: value', why: 'thử' }] };
    const text = importToYaml(result, { source: 'x.docx' });
    expect(parse(text)).toEqual(word.data);
    expect(text).toContain('# đoạn 7, chưa xếp được: dòng một key: value');
  });

  it('names fields as the YAML and the schema do', () => {
    expect(fieldName('/tasks/pillars/0/lead')).toBe('tasks.pillars[0].lead (Cơ quan chủ trì)');
    expect(fieldName('/agency/sector')).toBe('agency.sector (Khối cơ quan)');
  });

  it('reports what was found, guessed and left over', () => {
    const report = importReport(word, { source: 'gia-lai.docx', target: 'gia-lai.yaml' });
    expect(report).toMatch(/^Đã đọc gia-lai\.docx và ghi gia-lai\.yaml\.$/m);
    expect(report).toMatch(/6 nhiệm vụ \(theo năm nhóm: 1, 1, 1, 1, 2\)/u);
    expect(report).toMatch(/reporting\.due \(Hạn gửi báo cáo\), theo đoạn \d+/u);
    expect(report).toMatch(/^5 đoạn chưa xếp được/m);
    expect(report).not.toMatch(/Còn thiếu/u);
  });
});

describe('templates worded differently still round-trip (issue 11: a comma before the agency, quotes, more than 23 points)', () => {
  it('reads the comma-joined opening, a quoted group label and points past y (1.24.)', async () => {
    const dir = tempDir('kehoach-import-templates-');
    mkdirSync(join(dir, 'ke-hoach'));
    writeFileSync(
      join(dir, 'ke-hoach', 'opening.hbs'),
      'Thực hiện {{#each bases}}{{#unless @first}}; {{/unless}}{{this}}{{/each}}, {{agency.name}} ban hành Kế hoạch {{lowerFirst document.title}} như sau:\n',
    );
    writeFileSync(
      join(dir, 'ke-hoach', 'groups.hbs'),
      'alignment: {{labels.alignment}}\nmobilization: {{labels.mobilization}}\ndevelopment: {{labels.development}}\ndissemination: {{labels.dissemination}}\npillars: Triển khai đồng bộ các nhiệm vụ “thúc đẩy - hội nhập - quảng bá - vận động - tiếp thu”\n',
    );
    const plan = loadPlan(readFileSync(join(EXAMPLES_DIR, 'quang-tri-2022.yaml')), {
      today: new Date('2026-06-01'),
    }).plan!;
    const many: Plan = {
      ...plan,
      appendix: false,
      tasks: {
        ...plan.tasks,
        alignment: Array.from({ length: 26 }, (_, i) => ({
          ...plan.tasks.alignment[i % 4]!,
          content: `Nhiệm vụ số ${i + 1}`,
        })),
      },
    };
    const doc = readDocx(await renderPlan(many, { templates: dir, created: new Date('2026-01-02T00:00:00Z') }));
    expect(doc.paragraphs.some((p) => p.text.startsWith('1.24. Nhiệm vụ số 24.'))).toBe(true);
    const result = importPlan(doc, locatePlan(doc)!, { known });
    expect(result.leftovers).toEqual([]);
    expect(withoutUnrecoverable(result.data)).toEqual(withoutUnrecoverable(canonical(many)));
  });
});
