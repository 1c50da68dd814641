// The paragraphs around the tasks: bases, purposes, requirements, funding, recipients, archive.
import { agencyContext, fill, issuerNames, namesIssuer } from '../agency.js';
import { bareArchive } from '../../plan/rules/archive-prefix.js';
import { askText, currentText } from '../ask.js';
import { editList } from '../list-editor.js';
import type { Session } from '../session.js';
import type { Step } from '../step.js';

type SectorTexts = 'purposes' | 'requirements' | 'funding' | 'recipients';

function filled(s: Session, key: SectorTexts): string[] {
  const ctx = agencyContext(s);
  return s.data[key][ctx.sector].map((text) => fill(text, ctx.vars));
}

// Bộ Ngoại giao's own plan does not send itself a copy "(để phối hợp)".
function recipients(s: Session): string[] {
  const ctx = agencyContext(s);
  const issuer = issuerNames(s.draft.agency ?? {}, ctx.entry.self);
  return filled(s, 'recipients').filter((text) => !namesIssuer(text, issuer));
}

function listStep(id: SectorTexts | 'bases', section: string, title: string, defaults: (s: Session) => string[]): Step {
  return {
    id,
    section,
    owns: [[id]],
    run: (s) => editList(s, { id, title, path: [id], defaults: () => defaults(s) }),
  };
}

export const basesStep: Step = listStep('bases', 'bases', 'Căn cứ (in ở đầu văn bản: Thực hiện …)', (s) => [
  ...s.data.bases,
]);

export const aimSteps: Step[] = [
  listStep('purposes', 'aims', 'Mục đích (I.1)', (s) => filled(s, 'purposes')),
  listStep('requirements', 'aims', 'Yêu cầu (I.2)', (s) => filled(s, 'requirements')),
];

export const fundingStep: Step = listStep('funding', 'funding', 'Kinh phí thực hiện (III)', (s) =>
  filled(s, 'funding'),
);

export const closingSteps: Step[] = [
  listStep('recipients', 'recipients', 'Nơi nhận', recipients),
  {
    id: 'archive',
    section: 'recipients',
    owns: [['archive']],
    async run(s) {
      await askText(s, {
        id: 'archive',
        message: 'Lưu (dòng cuối của Nơi nhận, văn bản tự in "- Lưu: …."; chỉ gõ nơi lưu, ví dụ VT, KGVX):',
        path: ['archive'],
        default: currentText(s, ['archive']) ?? agencyContext(s).archive,
        // A line copied from a finished document would print "- Lưu: - Lưu: VT, XTĐT.".
        parse: (text) => bareArchive(text),
      });
    },
  },
  {
    id: 'appendix',
    section: 'recipients',
    owns: [['appendix']],
    async run(s) {
      s.draft.appendix = await s.prompter.confirm({
        id: 'appendix',
        message: 'Kèm Phụ lục bảng nhiệm vụ (khổ ngang) sau văn bản?',
        default: s.draft.appendix ?? true,
      });
      await s.save();
    },
  },
];
