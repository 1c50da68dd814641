import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { FileResult, Problem } from '../src/plan/problem.js';
import { FORMATS, type ReportOptions, formatReport } from '../src/report/index.js';
import { ROOT } from './helpers/cli.js';

function problem(overrides: Partial<Problem>): Problem {
  return {
    rule: 'schema-required',
    severity: 'error',
    message: 'Thiếu trường "title". Thêm title: <trích yếu>.',
    line: 1,
    column: 1,
    path: '',
    ...overrides,
  };
}

// Two files with problems (one warnings only), one clean file.
const RESULTS: FileResult[] = [
  {
    file: 'ke-hoach/quang-tri.yaml',
    valid: false,
    problems: [
      problem({ rule: 'schema-required', line: 3, column: 5, path: '/document' }),
      problem({
        rule: 'period-beyond-2030',
        line: 40,
        column: 15,
        message: 'Năm 2031 vượt quá 2030.',
        path: '/tasks/pillars/0/period',
      }),
      problem({
        rule: 'letter-404-missing',
        severity: 'warning',
        line: 12,
        column: 3,
        message: 'Chưa nêu Công văn 404.',
        path: '/bases',
      }),
    ],
  },
  {
    file: 'ke-hoach/hue.yaml',
    valid: true,
    problems: [
      problem({
        rule: 'recipient-mofa',
        severity: 'warning',
        line: 120,
        column: 1,
        message: 'Nơi nhận chưa có Bộ Ngoại giao.',
        path: '/recipients',
      }),
    ],
  },
  { file: 'ke-hoach/ha-noi.yaml', valid: true, problems: [] },
];

const OPTIONS: ReportOptions = { color: false, failOn: 'error', version: '9.8.7', rules: [] };

const ESC = '\u001b';
const stripAnsi = (text: string): string => text.replace(/\u001b\[[0-9;]*m/g, '');

describe('json', () => {
  it('keeps the contract: keys, their order, and the summary', () => {
    const input = structuredClone(RESULTS);
    // A loader may attach more; the report must not leak it.
    (input[0]!.problems[0] as unknown as Record<string, unknown>)['internal'] = 42;
    const report = JSON.parse(formatReport('json', input, OPTIONS)) as Record<string, unknown>;

    expect(Object.keys(report)).toEqual(['files', 'summary']);
    expect(report['summary']).toEqual({ files: 3, errors: 2, warnings: 2 });
    expect(Object.keys(report['summary'] as object)).toEqual(['files', 'errors', 'warnings']);
    const files = report['files'] as Array<Record<string, unknown>>;
    expect(files.map((f) => f['file'])).toEqual(RESULTS.map((r) => r.file));
    expect(files.map((f) => f['valid'])).toEqual([false, true, true]);
    for (const [index, file] of files.entries()) {
      expect(Object.keys(file)).toEqual(['file', 'valid', 'problems']);
      const problems = file['problems'] as Array<Record<string, unknown>>;
      expect(problems).toEqual(RESULTS[index]!.problems);
      for (const p of problems)
        expect(Object.keys(p)).toEqual(['rule', 'severity', 'message', 'line', 'column', 'path']);
    }
  });
});

describe('junit', () => {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => name === 'testsuite',
  });

  function parse(xml: string) {
    expect(XMLValidator.validate(xml)).toBe(true);
    return parser.parse(xml) as {
      testsuites: {
        tests: string;
        failures: string;
        testsuite: Array<{
          name: string;
          tests: string;
          failures: string;
          testcase: {
            name: string;
            classname: string;
            failure?: { message: string; '#text': string };
            'system-out'?: string;
          };
        }>;
      };
    };
  }

  it('has one suite and one test case per file; errors fail, warnings are printed but pass', () => {
    const doc = parse(formatReport('junit', RESULTS, OPTIONS));
    expect(doc.testsuites.tests).toBe('3');
    expect(doc.testsuites.failures).toBe('1');
    expect(doc.testsuites.testsuite.map((s) => s.name)).toEqual(RESULTS.map((r) => r.file));
    const [first, second, third] = doc.testsuites.testsuite;

    expect(first!.failures).toBe('1');
    expect(first!.testcase.name).toBe('ke-hoach/quang-tri.yaml');
    expect(first!.testcase.failure!.message).toBe('2 lỗi');
    const failure = first!.testcase.failure!['#text'];
    expect(failure).toContain(
      'ke-hoach/quang-tri.yaml:3:5: lỗi: Thiếu trường "title". Thêm title: <trích yếu>. (schema-required)',
    );
    expect(failure).toContain('ke-hoach/quang-tri.yaml:40:15: lỗi: Năm 2031 vượt quá 2030. (period-beyond-2030)');
    expect(failure).not.toContain('letter-404-missing');
    expect(first!.testcase['system-out']).toContain('ke-hoach/quang-tri.yaml:12:3: cảnh báo: Chưa nêu Công văn 404.');

    expect(second!.failures).toBe('0');
    expect(second!.testcase.failure).toBeUndefined();
    expect(second!.testcase['system-out']).toContain('ke-hoach/hue.yaml:120:1: cảnh báo');
    expect(third!.failures).toBe('0');
    expect(third!.testcase.name).toBe('ke-hoach/ha-noi.yaml');
  });

  it('fails on warnings under --fail-on warning', () => {
    const doc = parse(formatReport('junit', RESULTS, { ...OPTIONS, failOn: 'warning' }));
    expect(doc.testsuites.failures).toBe('2');
    const second = doc.testsuites.testsuite[1]!;
    expect(second.failures).toBe('1');
    expect(second.testcase.failure!.message).toBe('1 cảnh báo');
    expect(second.testcase.failure!['#text']).toContain('ke-hoach/hue.yaml:120:1: cảnh báo');
  });

  it('escapes markup and replaces characters XML 1.0 cannot hold', () => {
    const nasty = 'a & b <c> "d" \'e\' ]]> \u0001 \uD800 \uFFFE ok';
    const results: FileResult[] = [
      { file: 'x&<"y">.yaml', valid: false, problems: [problem({ message: nasty, rule: 'r&d' })] },
    ];
    const xml = formatReport('junit', results, OPTIONS);
    expect(xml).not.toContain('\u0001');
    const doc = parse(xml);
    const suite = doc.testsuites.testsuite[0]!;
    expect(suite.name).toBe('x&<"y">.yaml');
    expect(suite.testcase.failure!['#text']).toContain('a & b <c> "d" \'e\' ]]> \uFFFD \uFFFD \uFFFD ok (r&d)');
  });
});

describe('sarif', () => {
  const schema = JSON.parse(
    readFileSync(join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
  ) as object;
  // The SARIF schema is draft-04 and one of its patterns is only valid without the `u` flag.
  const ajv = new ajvDraft04.default({ allErrors: true, unicodeRegExp: false });
  ajvFormats.default(ajv);
  const validate = ajv.compile(schema);

  const rules = [
    { id: 'schema-required', severity: 'error' as const, description: 'Thiếu một trường bắt buộc.' },
    { id: 'letter-404-missing', severity: 'warning' as const, description: 'Căn cứ chưa nêu Công văn 404.' },
  ];

  it('validates against the SARIF 2.1.0 schema', () => {
    const log = JSON.parse(formatReport('sarif', RESULTS, { ...OPTIONS, rules })) as unknown;
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('describes the tool, every rule and every result with its location', () => {
    const log = JSON.parse(formatReport('sarif', RESULTS, { ...OPTIONS, rules }));
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('kehoach');
    expect(run.tool.driver.version).toBe('9.8.7');
    expect(run.tool.driver.informationUri).toBeUndefined();

    const driverRules = run.tool.driver.rules as Array<{ id: string; shortDescription: { text: string } }>;
    const byId = new Map(driverRules.map((r) => [r.id, r.shortDescription.text]));
    expect(byId.get('schema-required')).toBe('Thiếu một trường bắt buộc.');
    expect(byId.get('letter-404-missing')).toBe('Căn cứ chưa nêu Công văn 404.');
    // Ids no registry describes still get an entry, so every ruleId resolves.
    expect(byId.get('period-beyond-2030')).toContain('period-beyond-2030');
    expect(new Set(byId.keys()).size).toBe(driverRules.length);

    const results = run.results as Array<Record<string, any>>;
    expect(results).toHaveLength(4);
    for (const result of results) expect(driverRules[result['ruleIndex']]!.id).toBe(result['ruleId']);
    expect(results.map((r) => [r['ruleId'], r['level']])).toEqual([
      ['schema-required', 'error'],
      ['period-beyond-2030', 'error'],
      ['letter-404-missing', 'warning'],
      ['recipient-mofa', 'warning'],
    ]);
    const location = results[1]!['locations'][0].physicalLocation;
    expect(location.artifactLocation.uri).toBe('ke-hoach/quang-tri.yaml');
    expect(location.region).toEqual({ startLine: 40, startColumn: 15 });
    expect(results[1]!['message'].text).toBe('Năm 2031 vượt quá 2030.');
  });

  it('percent-encodes relative paths and turns absolute ones into file: URIs', () => {
    const absolute = join(ROOT, 'ngoài cwd', 'kế hoạch.yaml');
    const results: FileResult[] = [
      { file: 'thư mục/kế hoạch #1.yaml', valid: false, problems: [problem({})] },
      { file: absolute, valid: false, problems: [problem({})] },
    ];
    const log = JSON.parse(formatReport('sarif', results, OPTIONS));
    expect(validate(log)).toBe(true);
    const uris = log.runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri);
    expect(uris[0]).toBe('th%C6%B0%20m%E1%BB%A5c/k%E1%BA%BF%20ho%E1%BA%A1ch%20%231.yaml');
    expect(decodeURIComponent(uris[0])).toBe('thư mục/kế hoạch #1.yaml');
    expect(uris[1]).toBe(pathToFileURL(absolute).href);
  });
});

describe('github', () => {
  it('writes one workflow command per problem', () => {
    const lines = formatReport('github', RESULTS, OPTIONS).trimEnd().split('\n');
    expect(lines).toEqual([
      '::error file=ke-hoach/quang-tri.yaml,line=3,col=5,title=schema-required::Thiếu trường "title". Thêm title: <trích yếu>.',
      '::error file=ke-hoach/quang-tri.yaml,line=40,col=15,title=period-beyond-2030::Năm 2031 vượt quá 2030.',
      '::warning file=ke-hoach/quang-tri.yaml,line=12,col=3,title=letter-404-missing::Chưa nêu Công văn 404.',
      '::warning file=ke-hoach/hue.yaml,line=120,col=1,title=recipient-mofa::Nơi nhận chưa có Bộ Ngoại giao.',
    ]);
  });

  it("escapes the message and the properties the way GitHub's toolkit does", () => {
    const results: FileResult[] = [
      {
        file: 'a,b:c%d.yaml',
        valid: false,
        problems: [problem({ rule: 'x:y,z', message: '100% sai\r\ndòng 2: a, b', line: 7, column: 2 })],
      },
    ];
    expect(formatReport('github', results, OPTIONS)).toBe(
      '::error file=a%2Cb%3Ac%25d.yaml,line=7,col=2,title=x%3Ay%2Cz::100%25 sai%0D%0Adòng 2: a, b\n',
    );
  });

  it('prints nothing for clean files', () => {
    expect(formatReport('github', [{ file: 'a.yaml', valid: true, problems: [] }], OPTIONS)).toBe('');
  });
});

describe('stylish', () => {
  it('groups problems under their file, aligned, then a Vietnamese verdict', () => {
    const out = formatReport('stylish', RESULTS, OPTIONS);
    expect(out).not.toContain(ESC);
    const lines = out.split('\n');

    const header = lines.indexOf('ke-hoach/quang-tri.yaml');
    expect(header).toBeGreaterThanOrEqual(0);
    const rows = lines.slice(header + 1, header + 4);
    expect(rows[0]).toMatch(/^ {2}3:5 {4}lỗi {7}Thiếu trường "title"\. Thêm title: <trích yếu>\. {2}schema-required$/);
    expect(rows[1]).toMatch(/^ {2}40:15 {2}lỗi {7}Năm 2031 vượt quá 2030\. {2}period-beyond-2030$/);
    expect(rows[2]).toMatch(/^ {2}12:3 {3}cảnh báo {2}Chưa nêu Công văn 404\. {2}letter-404-missing$/);
    // Position and severity are padded, so every message starts at the same column within a file.
    const messageStarts = rows.map((row, i) => [...row].indexOf([...['T', 'N', 'C'][i]!][0]!));
    expect(messageStarts[0]).toBeGreaterThan(0);
    expect(new Set(messageStarts).size).toBe(1);

    expect(lines).toContain('ke-hoach/hue.yaml');
    expect(out).not.toContain('ke-hoach/ha-noi.yaml');
    expect(lines.filter((l) => l.length > 0).at(-1)).toBe('✖ 2 lỗi, 2 cảnh báo trong 2 tệp (đã kiểm tra 3 tệp).');
  });

  it('says so when nothing is wrong, and marks warning-only runs differently', () => {
    const clean: FileResult[] = [1, 2, 3].map((n) => ({ file: `${n}.yaml`, valid: true, problems: [] }));
    expect(formatReport('stylish', clean, OPTIONS)).toBe('Không có vấn đề nào trong 3 tệp.\n');
    const warned = formatReport('stylish', [RESULTS[1]!], OPTIONS);
    expect(warned.trimEnd().split('\n').at(-1)).toBe('⚠ 1 cảnh báo trong 1 tệp.');
  });

  it('colours only when asked, and colour changes nothing but the escapes', () => {
    const plain = formatReport('stylish', RESULTS, OPTIONS);
    const coloured = formatReport('stylish', RESULTS, { ...OPTIONS, color: true });
    expect(coloured).toContain(`${ESC}[31mlỗi`);
    expect(coloured).toContain(`${ESC}[33mcảnh báo`);
    expect(stripAnsi(coloured)).toBe(plain);
  });

  it('keeps each problem on one line', () => {
    const results: FileResult[] = [
      { file: 'a.yaml', valid: false, problems: [problem({ message: 'dòng một\n  dòng hai' })] },
    ];
    expect(formatReport('stylish', results, OPTIONS)).toContain('dòng một dòng hai');
  });
});

it('every format ends its output with a newline when it prints anything', () => {
  for (const format of FORMATS) {
    const out = formatReport(format, RESULTS, OPTIONS);
    expect(out.endsWith('\n'), format).toBe(true);
  }
});
