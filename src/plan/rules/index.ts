import { archivePrefix } from './archive-prefix.js';
import { basesMissing2013 } from './bases-missing-2013.js';
import { basesMissing404 } from './bases-missing-404.js';
import { controlCharacters } from './control-characters.js';
import { dateInFuture } from './date-in-future.js';
import { dateInvalid } from './date-invalid.js';
import { dateOutOfRange } from './date-out-of-range.js';
import { dateYearMismatch } from './date-year-mismatch.js';
import { dueInvalidDay } from './due-invalid-day.js';
import { legacyEncoding } from './legacy-encoding.js';
import { localityOtherProvince } from './locality-other-province.js';
import { ministrySpeaksProvince } from './ministry-speaks-province.js';
import { periodBefore2022 } from './period-before-2022.js';
import { periodBeyond2030 } from './period-beyond-2030.js';
import { pillarsIncomplete } from './pillars-incomplete.js';
import { recipientsMissingMofa } from './recipients-missing-mofa.js';
import { reportingDestinationMixed } from './reporting-destination-mixed.js';
import type { Rule } from './rule.js';
import { signerNeedsHead } from './signer-needs-head.js';
import { signerTmNeedsBody } from './signer-tm-needs-body.js';
import { taskLeadInPartners } from './task-lead-in-partners.js';
import { tasksGroupEmpty } from './tasks-group-empty.js';
import { titleAllCaps } from './title-all-caps.js';
import { titleRepeatsKind } from './title-repeats-kind.js';
import { titleSymbols } from './title-symbols.js';
import { toneMarkMixed } from './tone-mark-mixed.js';
import { unicodeInvalid } from './unicode-invalid.js';
import { yearMissing } from './year-missing.js';

export type { Draft, Finding, Rule } from './rule.js';

/** Every rule beyond the schema, in the order of the spec's list. */
export const RULES: readonly Rule[] = [
  controlCharacters,
  unicodeInvalid,
  dateInvalid,
  dateOutOfRange,
  dateYearMismatch,
  yearMissing,
  basesMissing2013,
  tasksGroupEmpty,
  taskLeadInPartners,
  periodBefore2022,
  periodBeyond2030,
  signerTmNeedsBody,
  signerNeedsHead,
  dueInvalidDay,
  legacyEncoding,
  basesMissing404,
  pillarsIncomplete,
  recipientsMissingMofa,
  toneMarkMixed,
  dateInFuture,
  archivePrefix,
  titleRepeatsKind,
  titleSymbols,
  titleAllCaps,
  ministrySpeaksProvince,
  localityOtherProvince,
  reportingDestinationMixed,
];
