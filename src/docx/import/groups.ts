// Which of Letter 404's five task groups a heading or a task belongs to, by the letter's wording
// (shared/domain/strategy-and-letter-404.md), and which of the five pillar words a task carries.
import { GROUP_LABELS, PILLAR_LABELS } from '../../plan/labels.js';
import { GROUP_KEYS, PILLARS, type GroupKey, type Pillar } from '../../plan/types.js';
import { foldTone } from '../../text/fold.js';

const GROUP_WORDS: Readonly<Record<GroupKey, readonly string[]>> = {
  alignment: [
    'bám sát',
    'cụ thể hóa',
    'chủ trương',
    'nghị quyết',
    'đại hội',
    'hội nghị văn hóa toàn quốc',
    'hội nghị đối ngoại toàn quốc',
    'chiến lược phát triển',
    'kế hoạch phát triển kinh tế',
    'lồng ghép',
    'gắn kết với các chiến lược',
    'quy hoạch',
  ],
  mobilization: [
    'huy động',
    'chủ thể',
    'nguồn lực',
    'xã hội hóa',
    'doanh nghiệp',
    'người dân',
    'thụ hưởng',
    'tổ chức hữu nghị',
    'phi chính phủ',
    'tài trợ',
  ],
  development: [
    'phục vụ phát triển',
    'kinh tế',
    'đầu tư',
    'xúc tiến',
    'du lịch',
    'xuất khẩu',
    'thương hiệu',
    'thị trường',
    'công nghiệp văn hóa',
    'phục hồi',
    'thương mại',
    'an ninh, phát triển',
  ],
  dissemination: [
    'phổ biến',
    'tuyên truyền',
    'nghiên cứu',
    'tham mưu',
    'thông tin đối ngoại',
    'quán triệt',
    'bồi dưỡng',
    'đào tạo cán bộ',
    'hội thảo',
    'tọa đàm',
  ],
  pillars: [
    'thúc đẩy',
    'hội nhập',
    'quảng bá',
    'vận động',
    'tiếp thu',
    'unesco',
    'di sản',
    'người việt nam ở nước ngoài',
    'kiều bào',
    'giao lưu nhân dân',
    'hình ảnh',
  ],
};

// Old and new tone-mark placement are both in use (hóa/hoá, thủy/thuỷ): compare on one form.
function fold(text: string): string {
  return foldTone(text)
    .replace(/[«»“”"]/gu, '')
    .replace(/\s+/gu, ' ');
}

function score(text: string, key: GroupKey): number {
  const t = fold(text);
  if (t.includes(fold(GROUP_LABELS[key]))) return 100;
  return GROUP_WORDS[key].filter((w) => t.includes(w)).length;
}

/** The group `text` speaks of, when one group clearly wins. */
export function matchGroup(text: string): GroupKey | undefined {
  const scores = GROUP_KEYS.map((key) => ({ key, score: score(text, key) })).sort((a, b) => b.score - a.score);
  const [best, second] = scores;
  if (best === undefined || best.score === 0 || best.score === second?.score) return undefined;
  return best.key;
}

/** A heading of section II names its group: the label or the number word ("Nhóm nhiệm vụ thứ nhất"). */
export function matchHeading(text: string): GroupKey | undefined {
  // The pillars heading quotes the five words, which would otherwise also score other groups.
  const t = fold(text);
  const words = PILLARS.filter((p) => t.includes(PILLAR_LABELS[p])).length;
  if (words >= 3) return 'pillars';
  return matchGroup(text);
}

/** The pillar a task's content names, when it names exactly one of the five words. */
export function guessPillar(content: string): Pillar | undefined {
  const t = fold(content);
  const found = PILLARS.filter((p) => t.includes(PILLAR_LABELS[p]));
  if (found.length === 1) return found[0];
  if (found.length === 0 && (t.includes('unesco') || t.includes('di sản'))) return 'advocate';
  return undefined;
}
