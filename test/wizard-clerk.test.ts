// Issue 11, "the wizard speaks the clerk's language": each item as the clerk met it.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validatePlan } from '../src/plan/validate.js';
import { splitAgencies } from '../src/wizard/clean.js';
import { wizardVoice } from '../src/wizard/voice.js';
import { VALID } from './plan-helpers.js';
import { wrapWords } from '../src/text/wrap.js';
import { answeredMessage, descriptionStyle, fitLine } from '../src/wizard/inquirer-prompter.js';
import { commandName } from '../src/wizard/invocation.js';
import { filterKeys } from '../src/wizard/keys.js';
import { startWizard } from '../src/wizard/main.js';
import { defaultYear } from '../src/wizard/steps/header.js';
import { tempDir } from './helpers/cli.js';
import { context, readIn, runScripted } from './helpers/wizard.js';
import { CTRL_C, ESC, ScriptedPrompter } from './helpers/wizard-prompter.js';

describe('the default year (item 10)', () => {
  it('is next year from October on, this year before', () => {
    expect(defaultYear(new Date(2026, 8, 30))).toBe(2026);
    expect(defaultYear(new Date(2026, 9, 1))).toBe(2027);
    expect(defaultYear(new Date(2026, 11, 31))).toBe(2027);
    // Never past the Strategy's horizon.
    expect(defaultYear(new Date(2030, 10, 1))).toBe(2030);
  });
});

describe('the review screen (item 11)', () => {
  it('warns when the signer has no name, and not once there is one', async () => {
    const without = await runScripted([['agency.name', { term: 'lang son' }]]);
    const review = without.prompter.said.filter((t) => t.includes('──── Xem lại ────'));
    expect(review.at(-1)).toContain('chưa có họ và tên người ký');
    const named = await runScripted([
      ['agency.name', { term: 'lang son' }],
      ['signer.name', 'Hoàng Nam'],
    ]);
    expect(named.prompter.said.filter((t) => t.includes('──── Xem lại ────')).at(-1)).not.toContain(
      'chưa có họ và tên người ký',
    );
  });
});

describe('finishing (item 12)', () => {
  it('after refusing to overwrite, suggests a name that is free', async () => {
    const first = await runScripted([['agency.name', { term: 'lang son' }]]);
    const second = await runScripted(
      [
        ['agency.name', { term: 'lang son' }],
        ['finish.overwrite', false],
      ],
      {},
      first.dir,
    );
    expect(second.code).toBe(0);
    const names = second.prompter.asked.filter((a) => a.id === 'finish.name').map((a) => a.default);
    expect(names).toEqual(['ke-hoach-lang-son-2026.yaml', 'ke-hoach-lang-son-2026-2.yaml']);
    expect(second.stdout).toContain('Đã ghi tệp kế hoạch: ke-hoach-lang-son-2026-2.yaml');
  });

  it('leaves the answered line as the question, an arrow, the answer', () => {
    expect(answeredMessage('Địa danh ghi trước ngày tháng (… , ngày … tháng … năm …):')).toBe(
      'Địa danh ghi trước ngày tháng (… , ngày … tháng … năm …)',
    );
    expect(answeredMessage('Trích yếu (tên văn bản) [Enter: giữ • Tab: sửa • Backspace: xóa]:')).toBe(
      'Trích yếu (tên văn bản)',
    );
  });
});

describe('the printed commands (item 13)', () => {
  it('say npx kehoach where a bare kehoach would not be found', () => {
    expect(commandName({}, '/usr/local/bin/kehoach')).toBe('kehoach');
    expect(commandName({}, '/usr/lib/node_modules/kehoach/bin/kehoach.js')).toBe('kehoach');
    expect(commandName({ npm_command: 'exec' }, '/home/a/.npm/_npx/1a2b/node_modules/.bin/kehoach')).toBe(
      'npx kehoach',
    );
    expect(commandName({ npm_execpath: '/usr/lib/node_modules/npm/bin/npx-cli.js' }, undefined)).toBe('npx kehoach');
    expect(commandName({}, '/home/a/du-an/node_modules/.bin/kehoach')).toBe('npx kehoach');
    expect(commandName({}, '/home/a/kehoach/bin/kehoach.js')).toBe('npx kehoach');
    expect(commandName({}, undefined)).toBe('kehoach');
  });

  it('print the resume command as it must be typed, from the context', async () => {
    const dir = tempDir('kehoach-wizard-');
    const out = { stdout: [] as string[], stderr: [] as string[] };
    const ctx = { ...context(dir, out), bin: '/work/kehoach/bin/kehoach.js' };
    const code = await startWizard({}, ctx, new ScriptedPrompter([['agency.sector', CTRL_C]]));
    expect(code).toBe(1);
    expect(out.stderr.join('')).toMatch(/Để tiếp tục: npx kehoach wizard --resume ke-hoach\.draft\.yaml/);
  });
});

const NO_CODE = /`|YYYY|date:|year:|number:|due:|\bdòng (year|date)\b/u;

describe('dates in every form a clerk types (item 1)', () => {
  it.each([['20/3/27'], ['ngày 20 tháng 3 năm 2027'], ['20.3.2027'], ['2027-03-20']])(
    'takes %s and shows it as it will print',
    async (typed) => {
      const run = await runScripted([
        ['agency.name', { term: 'lang son' }],
        ['document.year', '2027'],
        ['document.date', typed],
      ]);
      expect(run.code).toBe(0);
      expect(run.prompter.rejections).toEqual([]);
      expect(run.prompter.said).toContain('  → Văn bản in: Lạng Sơn, ngày 20 tháng 3 năm 2027');
      expect(readIn(run.dir, 'ke-hoach-lang-son-2027.yaml')).toMatch(/date: 2027-03-20/u);
    },
  );

  it('refuses what is not a date, or not a real one, in the form the question asks for', async () => {
    const run = await runScripted([
      ['agency.name', { term: 'lang son' }],
      ['document.year', '2027'],
      ['document.date', 'mai'],
      ['document.date', '31/2/2027'],
      ['document.date', '20/3/2026'],
      ['document.date', '20/2/2027'],
    ]);
    expect(run.code).toBe(0);
    const messages = run.prompter.rejections.map((r) => r.message);
    expect(messages).toHaveLength(3);
    expect(messages[0]).toContain('ví dụ 20/3/2027');
    expect(messages[1]).toContain('ví dụ 28/2/2027');
    expect(messages[2]).toContain('Năm của kế hoạch là 2027');
    for (const message of messages) expect(message).not.toMatch(NO_CODE);
    // The question offers the stored date back as typed, not as ISO.
    expect(run.prompter.asked.find((a) => a.id === 'document.date')?.message).toContain('ví dụ 20/3/2027');
  });
});

describe('messages in the wizard name the question (item 2)', () => {
  it('calls the year by its question, with an example to type, not a key', async () => {
    const run = await runScripted([
      ['agency.name', { term: 'lang son' }],
      ['document.year', 'hai nghìn'],
      ['document.year', '2031'],
      ['document.year', '2027'],
      ['document.number', 'bốn lăm'],
      ['document.number', '45'],
    ]);
    expect(run.code).toBe(0);
    const [words, range, number] = run.prompter.rejections.map((r) => r.message);
    expect(words).toContain('Năm của kế hoạch');
    expect(range).toContain('Năm của kế hoạch phải từ 2022 đến 2030');
    expect(number).toContain('Số văn bản là một số');
    for (const message of [words, range, number]) {
      expect(message).not.toMatch(NO_CODE);
      expect(message).not.toContain('Năm ban hành');
    }
  });

  it('shows findings on the review screen without rule ids or a label said twice', async () => {
    const run = await runScripted([
      ['agency.name', { term: 'lang son' }],
      ['document.year', '2027'],
      ['document.date', '20/3/2027'],
    ]);
    const review = run.prompter.said.filter((t) => t.includes('──── Xem lại ────')).at(-1) ?? '';
    // Today is September 2026 in these runs: a date in 2027 is a warning.
    expect(review).toContain('Ngày ban hành 20/03/2027 nằm sau hôm nay');
    expect(review).not.toContain('Ngày ban hành: Ngày ban hành');
    expect(review).not.toMatch(/\((date|schema|year)-[a-z-]+\)/u);
    expect(review).not.toMatch(NO_CODE);
  });
});

describe('the archive line (item 9)', () => {
  it('keeps only the places when the clerk types the whole "- Lưu: …." line', async () => {
    const run = await runScripted([
      ['agency.name', { term: 'lang son' }],
      ['archive', '- Lưu: VT, XTĐT.'],
    ]);
    expect(run.code).toBe(0);
    expect(readIn(run.dir, 'ke-hoach-lang-son-2026.yaml')).toMatch(/^archive: VT, XTĐT$/mu);
    const review = run.prompter.said.filter((t) => t.includes('──── Xem lại ────')).at(-1) ?? '';
    expect(review).toContain('Lưu: VT, XTĐT •');
  });
});

describe('a hand-typed agency (item 6)', () => {
  const BQL = 'Ban Quản lý Khu kinh tế tỉnh Quảng Ninh';

  it('gets a short symbol, its province as place and area, and no claim from the reference data', async () => {
    const run = await runScripted([['agency.name', { term: BQL }]]);
    expect(run.code).toBe(0);
    const asked = (id: string) => run.prompter.asked.find((a) => a.id === id);
    expect(asked('agency.short')?.default).toBe('BQLKKT');
    expect(asked('agency.place')?.default).toBe('Quảng Ninh');
    expect(String(asked('document.title')?.default)).toContain('trên địa bàn tỉnh Quảng Ninh');
    expect(run.prompter.said.join('\n')).not.toContain('Theo dữ liệu tham khảo');
    const plan = readIn(run.dir, 'ke-hoach-quang-ninh-2026.yaml');
    expect(plan).not.toContain('trên địa bàn Ban Quản lý');
    expect(plan).toMatch(/tiềm năng và thế mạnh của tỉnh Quảng Ninh/u);
  });

  it('asks for the symbol when the initials would be too long for a clerk to accept', async () => {
    const run = await runScripted([
      [
        'agency.name',
        { term: 'Ban Quản lý các Khu công nghiệp, Khu chế xuất và Khu công nghệ cao Đông Bắc tỉnh Quảng Ninh' },
      ],
      ['agency.short', 'BQLKCN'],
    ]);
    expect(run.code).toBe(0);
    const short = run.prompter.asked.find((a) => a.id === 'agency.short');
    expect(short?.default).toBeUndefined();
    expect(short?.message).toContain('ví dụ BQLKKT');
  });
});

describe('partners typed with commas (item 7)', () => {
  const typed = 'Sở Công Thương, Sở Văn hóa, Thể thao và Du lịch, Sở Du lịch Quảng Trị';
  const script = (split?: boolean): Array<[string, unknown]> => [
    ['agency.name', { term: 'quang tri' }],
    ['tasks.alignment.menu', { action: 'add' }],
    ['task.content', 'Tổ chức Tuần văn hóa'],
    ['task.partners', typed],
    ...(split === undefined ? [] : ([['task.partners.split', split]] as Array<[string, unknown]>)),
  ];
  const partnersOf = (dir: string): unknown => {
    const plan = parse(readIn(dir, 'ke-hoach-quang-tri-2026.yaml')) as {
      tasks: { alignment: Array<{ content: string; partners?: string[] }> };
    };
    return plan.tasks.alignment.find((t) => t.content === 'Tổ chức Tuần văn hóa')?.partners;
  };

  it('are offered as several agencies, a known name with a comma kept whole', async () => {
    const run = await runScripted(script());
    expect(run.code).toBe(0);
    expect(run.prompter.asked.find((a) => a.id === 'task.partners.split')?.message).toContain(
      'Hiểu là 3 cơ quan phối hợp',
    );
    expect(partnersOf(run.dir)).toEqual(['Sở Công Thương', 'Sở Văn hóa, Thể thao và Du lịch', 'Sở Du lịch Quảng Trị']);
  });

  it('stay one agency when the clerk says so', async () => {
    const run = await runScripted(script(false));
    expect(run.code).toBe(0);
    expect(partnersOf(run.dir)).toEqual([typed]);
  });

  it('split only where no known name holds the comma', () => {
    expect(splitAgencies('Sở Văn hóa, Thể thao và Du lịch', ['Sở Văn hóa, Thể thao và Du lịch'])).toEqual([
      'Sở Văn hóa, Thể thao và Du lịch',
    ]);
    expect(splitAgencies('Sở Ngoại vụ, Sở Công Thương, Sở Du lịch', [])).toEqual([
      'Sở Ngoại vụ',
      'Sở Công Thương',
      'Sở Du lịch',
    ]);
  });
});

describe('suggested tasks readable in full (item 8)', () => {
  it('show the highlighted task whole under the list', async () => {
    const run = await runScripted([['agency.name', { term: 'quang tri' }]]);
    const pick = run.prompter.asked.find((a) => a.id === 'tasks.alignment.pick');
    const cut = pick?.choices?.find((c) => c.name.endsWith('…'));
    expect(cut).toBeDefined();
    const whole = cut!.description!.split('\n')[0]!;
    expect(whole.length).toBeGreaterThan(cut!.name.length);
    expect(whole.startsWith(cut!.name.slice(0, -1))).toBe(true);
  });

  it('wrap at word boundaries at any width', () => {
    const text =
      'Cụ thể hóa nội dung Chiến lược Ngoại giao văn hóa đến năm 2030 trong kế hoạch phát triển kinh tế - xã hội hằng năm của tỉnh';
    for (const width of [20, 41, 80]) {
      const lines = wrapWords(text, width).split('\n');
      for (const line of lines) expect([...line].length).toBeLessThanOrEqual(width);
      // No word is cut: joining the lines gives the text back.
      expect(lines.join(' ')).toBe(text);
    }
    // The list's own rows are cut to one screen line rather than wrapped mid-word.
    expect(fitLine(text, 40)).toBe('Cụ thể hóa nội dung Chiến lược Ngoại gi…');
    expect(fitLine('Ngắn', 40)).toBe('Ngắn');
    const style = descriptionStyle({ write: () => true, columns: 30 });
    expect(
      style(text)
        .replace(/\x1b\[[0-9;]*m/gu, '')
        .split('\n')
        .every((l) => [...l].length <= 29),
    ).toBe(true);
  });
});

describe('the keyboard (items 3, 4, 5)', () => {
  it('joins a pasted paragraph of several lines into one answer', () => {
    const state = { pasting: false };
    // Bracketed paste, as terminals send it once asked to.
    expect(filterKeys('\x1b[200~dòng một\r\ndòng hai\r\n\x1b[201~', state)).toEqual({
      text: 'dòng một dòng hai ',
      back: false,
    });
    // Split over two reads.
    expect(filterKeys('\x1b[200~dòng một\r', state).text).toBe('dòng một ');
    expect(state.pasting).toBe(true);
    expect(filterKeys('\ndòng hai\x1b[201~', state).text).toBe(' dòng hai');
    expect(state.pasting).toBe(false);
    // Without brackets: text, a line break, more text in one read is a paste too.
    expect(filterKeys('dòng một\r\ndòng hai\r\n', state).text).toBe('dòng một dòng hai');
  });

  it('submits a burst of Enters once and drops what was typed ahead after it', () => {
    const state = { pasting: false };
    expect(filterKeys('\r\r\r', state).text).toBe('\r');
    expect(filterKeys('\r2027\r', state).text).toBe('\r');
    expect(filterKeys('Quảng Ninh\r', state).text).toBe('Quảng Ninh\r');
    expect(filterKeys('\x1b[A', state)).toEqual({ text: '\x1b[A', back: false });
  });

  it('takes Esc alone as back', () => {
    expect(filterKeys('\x1b', { pasting: false })).toEqual({ text: '', back: true });
  });

  it('refuses a place that is a number', async () => {
    const run = await runScripted([
      ['agency.name', { term: 'lang son' }],
      ['agency.place', '2027'],
      ['agency.place', 'Lạng Sơn'],
    ]);
    expect(run.code).toBe(0);
    expect(run.prompter.rejections.map((r) => r.message)).toEqual([
      expect.stringContaining('Địa danh «2027» không phải tên một nơi'),
    ]);
  });

  it('goes back to the previous question on Esc, its answer kept as the default', async () => {
    const run = await runScripted([
      ['agency.name', { term: 'lang son' }],
      ['agency.short', 'UBND'],
      ['agency.place', ESC],
      ['agency.short', 'UBLS'],
      ['agency.place', 'Lạng Sơn'],
    ]);
    expect(run.code).toBe(0);
    expect(run.prompter.remaining).toEqual([]);
    const ids = run.prompter.asked.map((a) => a.id);
    expect(ids.slice(ids.indexOf('agency.short'), ids.indexOf('document.year'))).toEqual([
      'agency.short',
      'agency.place',
      'agency.short',
      'agency.place',
    ]);
    expect(run.prompter.asked.filter((a) => a.id === 'agency.short').map((a) => a.default)).toEqual(['UBND', 'UBND']);
    expect(readIn(run.dir, 'ke-hoach-lang-son-2026.yaml')).toMatch(/short: UBLS/u);
  });

  it("goes back from a task's question to the group's menu, not out of the group", async () => {
    const run = await runScripted([
      ['agency.name', { term: 'lang son' }],
      ['tasks.alignment.menu', { action: 'edit', index: 0 }],
      ['task.content', ESC],
    ]);
    expect(run.code).toBe(0);
    const ids = run.prompter.asked.map((a) => a.id);
    const esc = ids.indexOf('task.content');
    expect(ids[esc + 1]).toBe('tasks.alignment.menu');
  });
});

describe('every finding has a wizard voice without YAML (item 2)', () => {
  it('rewords the findings a clerk can meet in the wizard', () => {
    const base = parse(VALID) as Record<string, any>;
    const edits: Array<(p: Record<string, any>) => void> = [
      (p) => (p.bases = [p.bases[1]]),
      (p) => (p.tasks.mobilization = []),
      (p) => (p.tasks.alignment[0].partners = [p.tasks.alignment[0].lead]),
      (p) => (p.tasks.alignment[0].period = '2020-2035'),
      (p) => (p.signer = { capacity: 'KT', title: 'Phó Chủ tịch' }),
      (p) => (p.signer = { capacity: 'TM', title: 'Chủ tịch' }),
      (p) => (p.reporting.due = '31/11'),
      (p) => (p.purposes = []),
      (p) => (p.agency.short = ''),
      (p) => (p.document.number = 0),
      (p) => (p.document = { title: p.document.title }),
      (p) => (p.document.year = 2031),
      (p) => (p.tasks.pillars = p.tasks.pillars.slice(0, 1)),
      (p) => (p.archive = '- Lưu: VT.'),
    ];
    const rules = new Set<string>();
    for (const change of edits) {
      const plan = structuredClone(base);
      change(plan);
      for (const issue of validatePlan(plan, { today: new Date(2026, 5, 1) }).issues) {
        rules.add(issue.rule);
        const voice = wizardVoice(issue, plan);
        expect(voice, issue.rule).not.toMatch(
          /`|«»|\b(content|lead|partners|pillar|capacity|body|head|due|year|date|archive):/u,
        );
      }
    }
    expect(rules.size).toBeGreaterThanOrEqual(12);
  });
});
