// Two small plans that every template is rendered against when it is loaded, so that a typo in a
// user's override (a missing field, a broken branch) is reported before any plan is built. One
// fills every optional field, the other leaves every one out.
import type { Plan, Task } from '../plan/types.js';

const task = (content: string, extra: Partial<Task> = {}): Task => ({ content, lead: 'Sở Ngoại vụ', ...extra });
const full: Partial<Task> = { partners: ['Sở Tài chính', 'Sở Nội vụ'], period: '2022-2030', output: 'Báo cáo' };

export const FULL_SAMPLE: Plan = {
  version: 1,
  kind: 'ke-hoach',
  agency: { parent: 'Bộ Ngoại giao', name: 'Sở Ngoại vụ', short: 'SNgV', sector: 'locality', place: 'Huế' },
  document: {
    number: 5,
    date: '2022-03-05',
    year: 2022,
    title: 'Triển khai Chiến lược Ngoại giao văn hóa đến năm 2030',
  },
  bases: ['Quyết định số 2013/QĐ-TTg', 'Công văn số 404/BNG-NGVH-UNESCO'],
  purposes: ['Mục đích'],
  requirements: ['Yêu cầu'],
  tasks: {
    alignment: [task('Nhiệm vụ 1', full), task('Nhiệm vụ 2', full)],
    mobilization: [task('Nhiệm vụ', full)],
    development: [task('Nhiệm vụ', full)],
    dissemination: [task('Nhiệm vụ', full)],
    pillars: [task('Nhiệm vụ', { ...full, pillar: 'promote' })],
  },
  funding: ['Kinh phí'],
  // Reports go to another agency than the issuing one (reporting.relayed).
  implementation: [
    { agency: 'Sở Ngoại vụ', duties: ['Chủ trì'] },
    { agency: 'Sở Tài chính', duties: ['Bố trí; tổng hợp kết quả'] },
  ],
  reporting: { frequency: 'semiannual', due: '15/11', to: ['Bộ Ngoại giao', 'Ủy ban nhân dân tỉnh'] },
  signer: { capacity: 'KT', body: 'Ủy ban nhân dân', head: 'Giám đốc', title: 'Phó Giám đốc', name: 'Nguyễn Văn A' },
  recipients: ['Bộ Ngoại giao'],
  archive: 'VT',
  appendix: true,
};

export const BARE_SAMPLE: Plan = {
  version: 1,
  kind: 'chuong-trinh',
  agency: { name: 'Bộ Văn hóa, Thể thao và Du lịch', short: 'BVHTTDL', sector: 'ministry', place: 'Hà Nội' },
  document: { year: 2026, title: 'Chương trình hành động' },
  bases: ['Quyết định số 2013/QĐ-TTg'],
  purposes: ['Mục đích'],
  requirements: ['Yêu cầu'],
  tasks: {
    alignment: [task('Nhiệm vụ')],
    mobilization: [task('Nhiệm vụ')],
    development: [task('Nhiệm vụ')],
    dissemination: [task('Nhiệm vụ')],
    pillars: [task('Nhiệm vụ')],
  },
  funding: ['Kinh phí'],
  implementation: [{ agency: 'Vụ Hợp tác quốc tế', duties: ['Chủ trì'] }],
  // Reports only to the agency itself, so that templates are also tried with no onward recipient.
  reporting: { frequency: 'quarterly', due: '01/12', to: ['Bộ Văn hóa, Thể thao và Du lịch'] },
  signer: { capacity: 'none', title: 'Bộ trưởng' },
  recipients: ['Bộ Ngoại giao'],
  archive: 'VT',
  appendix: false,
};
