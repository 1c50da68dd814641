// Vietnamese names of the plan's codes, shared by messages, the renderer and the wizard.
import type { Capacity, Frequency, GroupKey, Kind, Pillar, Sector } from './types.js';

/** The five priorities of Letter 404, as the document names them. */
export const GROUP_LABELS: Readonly<Record<GroupKey, string>> = {
  alignment: 'Bám sát, cụ thể hóa chủ trương và gắn kết với các chiến lược, kế hoạch',
  mobilization: 'Huy động mọi chủ thể và nguồn lực',
  development: 'Ngoại giao văn hóa phục vụ phát triển',
  dissemination: 'Phổ biến, tuyên truyền, nghiên cứu, tham mưu',
  pillars: 'Triển khai đồng bộ các nhiệm vụ “thúc đẩy - hội nhập - quảng bá - vận động - tiếp thu”',
};

export const PILLAR_LABELS: Readonly<Record<Pillar, string>> = {
  promote: 'thúc đẩy',
  integrate: 'hội nhập',
  publicize: 'quảng bá',
  advocate: 'vận động',
  absorb: 'tiếp thu',
};

export interface KindLabel {
  /** As in running text: Kế hoạch. */
  name: string;
  /** As the document type line: KẾ HOẠCH. */
  heading: string;
  /** Decree 30 abbreviation in the symbol: KH-UBND. */
  abbreviation: string;
}

export const KIND_LABELS: Readonly<Record<Kind, KindLabel>> = {
  'ke-hoach': { name: 'Kế hoạch', heading: 'KẾ HOẠCH', abbreviation: 'KH' },
  'chuong-trinh': { name: 'Chương trình', heading: 'CHƯƠNG TRÌNH', abbreviation: 'CTr' },
};

export const SECTOR_LABELS: Readonly<Record<Sector, string>> = {
  locality: 'địa phương',
  ministry: 'bộ, ngành, cơ quan trung ương',
};

export const FREQUENCY_LABELS: Readonly<Record<Frequency, string>> = {
  annual: 'hằng năm',
  semiannual: '6 tháng một lần',
  quarterly: 'hằng quý',
};

export const CAPACITY_LABELS: Readonly<Record<Capacity, string>> = {
  TM: 'thay mặt tập thể (TM.)',
  KT: 'ký thay người đứng đầu (KT.)',
  Q: 'quyền người đứng đầu (Q.)',
  TL: 'thừa lệnh (TL.)',
  TUQ: 'thừa ủy quyền (TUQ.)',
  none: 'người đứng đầu ký trực tiếp',
};

/** Labels of every enumerated field, by its key in the plan file. */
export const ENUM_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  kind: Object.fromEntries(Object.entries(KIND_LABELS).map(([k, v]) => [k, v.name])),
  sector: SECTOR_LABELS,
  pillar: PILLAR_LABELS,
  frequency: FREQUENCY_LABELS,
  capacity: CAPACITY_LABELS,
};
