// Every Decree 30 form rule, in the order the document is read (page, header, title, body, signature).
import { docxAgency } from './agency.js';
import { docxBodyParagraph } from './body-paragraph.js';
import { docxBodySize } from './body-size.js';
import { docxDate } from './date.js';
import { docxFont } from './font.js';
import { docxMargins } from './margins.js';
import { docxNumber } from './number.js';
import { docxPageNumber } from './page-number.js';
import { docxPageSize } from './page-size.js';
import { docxQuocHieu } from './quoc-hieu.js';
import { docxRecipients } from './recipients.js';
import type { DocxRule } from './rule.js';
import { docxSigner } from './signer.js';
import { docxTieuNgu } from './tieu-ngu.js';
import { docxTypeTitle } from './type-title.js';

export type { DocxFinding, DocxRule } from './rule.js';

export const FORM_RULES: readonly DocxRule[] = [
  docxPageSize,
  docxMargins,
  docxFont,
  docxBodySize,
  docxQuocHieu,
  docxTieuNgu,
  docxAgency,
  docxNumber,
  docxDate,
  docxTypeTitle,
  docxBodyParagraph,
  docxPageNumber,
  docxRecipients,
  docxSigner,
];

/** The two file-level ids, raised by the check code itself (not by a DocxRule): id, severity, description. */
export const DOCX_FILE_RULES: readonly { id: string; severity: 'error'; description: string }[] = [
  {
    id: 'docx-not-a-plan',
    severity: 'error',
    description: 'Văn bản không phải là Kế hoạch hay Chương trình và không kèm theo Kế hoạch, Chương trình nào.',
  },
  {
    id: 'docx-unreadable',
    severity: 'error',
    description:
      'Không đọc được tệp .docx: không phải tệp zip, tệp bị cắt cụt, thiếu word/document.xml, XML hỏng hoặc giải nén vượt giới hạn dung lượng.',
  },
];
