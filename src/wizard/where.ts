// Where a finding is, as a clerk would say it ("Ngày ban hành", "Nhiệm vụ 3 của nhóm «…»"):
// the review screen shows this instead of a JSON pointer such as /document/date.
import { GROUP_LABELS } from '../plan/labels.js';
import { GROUP_KEYS, type GroupKey } from '../plan/types.js';
import { ellipsis } from './clean.js';
import type { DraftPlan } from './draft.js';
import type { Path } from './session.js';

const FIELDS: Record<string, string> = {
  version: 'Phiên bản định dạng (version)',
  kind: 'Loại văn bản',
  agency: 'Cơ quan ban hành',
  'agency.parent': 'Cơ quan chủ quản',
  'agency.name': 'Tên cơ quan ban hành',
  'agency.short': 'Ký hiệu cơ quan',
  'agency.sector': 'Khối cơ quan',
  'agency.place': 'Địa danh',
  document: 'Năm, số, ngày, trích yếu',
  'document.number': 'Số văn bản',
  'document.date': 'Ngày ban hành',
  'document.year': 'Năm của kế hoạch',
  'document.title': 'Trích yếu',
  bases: 'Căn cứ',
  purposes: 'Mục đích',
  requirements: 'Yêu cầu',
  tasks: 'Nhiệm vụ, giải pháp',
  funding: 'Kinh phí thực hiện',
  implementation: 'Tổ chức thực hiện',
  reporting: 'Chế độ báo cáo',
  'reporting.frequency': 'Kỳ báo cáo',
  'reporting.due': 'Hạn gửi báo cáo',
  'reporting.to': 'Nơi nhận báo cáo',
  signer: 'Người ký',
  'signer.capacity': 'Thẩm quyền ký',
  'signer.body': 'Tập thể lãnh đạo (TM.)',
  'signer.head': 'Chức danh người đứng đầu',
  'signer.title': 'Chức vụ người ký',
  'signer.name': 'Họ và tên người ký',
  recipients: 'Nơi nhận',
  archive: 'Lưu',
  appendix: 'Kèm Phụ lục',
};

const TASK_FIELDS: Record<string, string> = {
  content: 'nội dung',
  lead: 'cơ quan chủ trì',
  partners: 'cơ quan phối hợp',
  pillar: 'trụ cột',
  period: 'thời gian thực hiện',
  output: 'sản phẩm',
};

// The fifth group's own name holds «…»; its five words are shorter and unambiguous.
const GROUP_NAMES: Record<GroupKey, string> = {
  ...GROUP_LABELS,
  pillars: 'thúc đẩy - hội nhập - quảng bá - vận động - tiếp thu',
};

export function groupName(group: GroupKey): string {
  return `nhóm «${GROUP_NAMES[group]}»`;
}

const isIndex = (key: string | number | undefined): key is number => typeof key === 'number';

function taskLabel(path: Path): string {
  const group = path[1] as GroupKey;
  if (!GROUP_KEYS.includes(group)) return `Nhiệm vụ, khóa «${String(group)}»`;
  const index = path[2];
  if (!isIndex(index)) return `Nhóm nhiệm vụ «${GROUP_NAMES[group]}»`;
  const field = path[3];
  const head = `Nhiệm vụ ${index + 1} của ${groupName(group)}`;
  if (field === undefined) return head;
  const name = TASK_FIELDS[String(field)] ?? `khóa «${String(field)}»`;
  return isIndex(path[4]) ? `${head}, ${name} ${path[4] + 1}` : `${head}, ${name}`;
}

function dutyLabel(path: Path, draft: DraftPlan): string {
  const index = path[1];
  if (!isIndex(index)) return FIELDS['implementation']!;
  const agency = draft.implementation?.[index]?.agency;
  const who = agency ? `«${ellipsis(agency, 60)}»` : `cơ quan ${index + 1}`;
  if (path[2] === 'duties' && isIndex(path[3])) return `Tổ chức thực hiện, việc ${path[3] + 1} của ${who}`;
  if (path[2] === 'duties') return `Tổ chức thực hiện, các việc của ${who}`;
  if (path[2] === 'agency') return `Tổ chức thực hiện, tên cơ quan ${index + 1}`;
  return `Tổ chức thực hiện, ${who}`;
}

/** The label of a key wherever it sits (`date` → Ngày ban hành), for rewording messages. */
export function keyLabel(key: string): string | undefined {
  const found = Object.entries(FIELDS).find(([path]) => path.split('.').at(-1) === key && path.includes('.'));
  return found?.[1] ?? FIELDS[key] ?? TASK_FIELDS[key];
}

/** The field's Vietnamese name and place; the whole plan for the root. */
export function fieldLabel(path: Path, draft: DraftPlan): string {
  if (path.length === 0) return 'Cả văn bản';
  if (path[0] === 'tasks' && path.length > 1) return taskLabel(path);
  if (path[0] === 'implementation' && path.length > 1) return dutyLabel(path, draft);
  const last = path[path.length - 1];
  const keys = path.filter((k) => !isIndex(k)).map(String);
  const name = FIELDS[keys.join('.')] ?? `Khóa «${keys.join('.')}»`;
  return isIndex(last) ? `${ITEMS[keys.join('.')] ?? name} ${last + 1}` : name;
}

/** How one item of a list is called. */
const ITEMS: Record<string, string> = {
  purposes: 'Mục đích, đoạn',
  requirements: 'Yêu cầu, đoạn',
  funding: 'Kinh phí thực hiện, đoạn',
  recipients: 'Nơi nhận, dòng',
};
