// Every step, in the order of the document.
import { GROUP_LABELS } from '../../plan/labels.js';
import { GROUP_KEYS } from '../../plan/types.js';
import type { Path } from '../session.js';
import type { Section, Step } from '../step.js';
import { headerSteps } from './header.js';
import { implementationStep } from './implementation.js';
import { reportingSteps, signerSteps } from './signer.js';
import { taskSteps } from './tasks.js';
import { aimSteps, basesStep, closingSteps, fundingStep } from './texts.js';

export const STEPS: readonly Step[] = [
  ...headerSteps,
  basesStep,
  ...aimSteps,
  ...taskSteps,
  fundingStep,
  implementationStep,
  ...reportingSteps,
  ...signerSteps,
  ...closingSteps,
];

export const SECTIONS: readonly Section[] = [
  { id: 'kind', title: 'Loại văn bản' },
  { id: 'agency', title: 'Cơ quan ban hành, ký hiệu, địa danh' },
  { id: 'document', title: 'Năm, số, ngày, trích yếu' },
  { id: 'bases', title: 'Căn cứ' },
  { id: 'aims', title: 'I. Mục đích, yêu cầu' },
  ...GROUP_KEYS.map((key, i) => ({ id: `tasks.${key}`, title: `II.${i + 1}. ${GROUP_LABELS[key]}` })),
  { id: 'funding', title: 'III. Kinh phí thực hiện' },
  { id: 'implementation', title: 'IV. Tổ chức thực hiện' },
  { id: 'reporting', title: 'Chế độ báo cáo' },
  { id: 'signer', title: 'Người ký' },
  { id: 'recipients', title: 'Nơi nhận, lưu, phụ lục' },
];

function startsWith(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((key, i) => path[i] === key);
}

/** The step that owns a path: the one with the longest matching prefix. */
export function stepFor(path: Path, steps: readonly Step[] = STEPS): Step | undefined {
  let best: Step | undefined;
  let length = -1;
  for (const step of steps) {
    for (const owned of step.owns) {
      if (owned.length > length && startsWith(path, owned)) {
        best = step;
        length = owned.length;
      }
    }
  }
  return best;
}
