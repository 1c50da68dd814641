// What the chosen agency implies: its list entry (or one guessed from a typed name), the names of
// its units, and the values that fill the {placeholders} of the suggestions.
import { KIND_LABELS } from '../plan/labels.js';
import type { Sector, Signer } from '../plan/types.js';
import { cleanAnswer, fold, matches, matchesWhole } from './clean.js';
import type { AgencyEntry, WizardData } from './data.js';
import type { DraftPlan } from './draft.js';
import type { Session } from './session.js';

export function findAgency(data: WizardData, sector: Sector, name: string): AgencyEntry | undefined {
  const wanted = cleanAnswer(name).toLocaleLowerCase('vi');
  return data.agencies[sector].find((entry) => entry.name.toLocaleLowerCase('vi') === wanted);
}

const LOCAL = /^Ủy ban nhân dân (tỉnh|thành phố|Thành phố) (.+)$/u;

/** Initials of the syllables, as agencies build their symbols (Sở Văn hóa và Thể thao → SVHTT). */
export function initials(name: string): string {
  return name
    .split(/[\s,.-]+/u)
    .filter((word) => word !== '' && word.toLocaleLowerCase('vi') !== 'và')
    .map((word) => word.charAt(0).toLocaleUpperCase('vi'))
    .join('');
}

// "Ban Quản lý Khu kinh tế tỉnh Quảng Ninh": the province at the end of a typed agency's name.
const IN_PROVINCE = /^(.+?) (tỉnh|thành phố|Thành phố) (\p{Lu}.*)$/u;

/** Symbols clerks accept are short (UBND, SVHTTDL); longer initials are left for the clerk to type. */
const MAX_SYMBOL = 8;

/**
 * The symbol a clerk would write for a typed agency: the initials of its name without the
 * province (Ban Quản lý Khu kinh tế tỉnh Quảng Ninh → BQLKKT), or '' when even that is too long.
 */
export function guessSymbol(name: string): string {
  const own = IN_PROVINCE.exec(name)?.[1] ?? name;
  const symbol = initials(own);
  return [...symbol].length <= MAX_SYMBOL ? symbol : '';
}

/** An entry for an agency typed by the clerk, with the guesses a clerk would make. */
export function guessAgency(name: string, sector: Sector): AgencyEntry {
  const local = LOCAL.exec(name);
  if (sector === 'locality') {
    const inProvince = local ? undefined : IN_PROVINCE.exec(name);
    const level = local?.[1] ?? inProvince?.[2]?.toLocaleLowerCase('vi') ?? 'tỉnh';
    const place = local?.[2] ?? inProvince?.[3] ?? '';
    return {
      name,
      short: local ? 'UBND' : guessSymbol(name),
      place,
      // "trên địa bàn tỉnh Quảng Ninh", never "trên địa bàn Ban Quản lý …".
      area: place !== '' ? `${level} ${place}` : name,
      level,
      party: level === 'tỉnh' ? 'Tỉnh ủy' : 'Thành ủy',
      self: name,
      border: false,
      units: {},
      signer: {},
    };
  }
  return {
    name,
    short: guessSymbol(name),
    place: 'Hà Nội',
    area: name,
    level: 'tỉnh',
    party: 'Tỉnh ủy',
    self: name.startsWith('Bộ ') ? 'Bộ' : name,
    border: false,
    units: {},
    signer: {},
  };
}

export interface AgencyContext {
  sector: Sector;
  entry: AgencyEntry;
  /** Unit roles (foreign, culture...) to names, placeholders filled. */
  units: Record<string, string>;
  vars: Record<string, string>;
  signer: Signer;
  archive: string;
}

export function fill(template: string, vars: Readonly<Record<string, string>>): string {
  return template.replace(/\{([^{}]*)\}/g, (whole, key: string) => vars[key] ?? whole);
}

export function agencyContext(s: Session): AgencyContext {
  const sector: Sector = s.draft.agency?.sector ?? 'locality';
  const name = s.draft.agency?.name ?? '';
  const entry = findAgency(s.data, sector, name) ?? guessAgency(name, sector);
  const defaults = s.data.sectors[sector];
  const signer: Signer = { ...defaults.signer, ...entry.signer } as Signer;
  const year = s.draft.document?.year ?? s.today.getFullYear();
  const base: Record<string, string> = {
    agency: name,
    short: s.draft.agency?.short ?? entry.short,
    place: s.draft.agency?.place ?? entry.place,
    area: entry.area,
    level: entry.level,
    party: entry.party,
    self: entry.self,
    kind: KIND_LABELS[s.draft.kind ?? 'ke-hoach'].name,
    year: String(year),
    head: signer.head ?? signer.title,
    deputy: signer.title,
  };
  const units: Record<string, string> = {};
  for (const [role, template] of Object.entries({ ...defaults.units, ...entry.units }))
    units[role] = fill(template, base);
  if (s.progress.focal !== undefined) units['foreign'] = s.progress.focal;
  const issuer = issuerNames(s.draft.agency ?? {}, entry.self);
  const reportTo = (entry.reportTo ?? s.data.reporting[sector].to)
    .map((t) => fill(t, base))
    .filter((t) => !namesIssuer(t, issuer));
  base['report'] = reportTo.join(' và ') || 'Bộ Ngoại giao';
  return { sector, entry, units, vars: { ...base, ...units }, signer, archive: defaults.archive };
}

// "UBND" and "Ủy ban nhân dân" name the same body; a trailing "(để báo cáo)" is not part of a name.
function comparable(text: string): string {
  return fold(cleanAnswer(text))
    .replace(/\s*\([^()]*\)\s*$/u, '')
    .replace(/[.,;:]+$/u, '')
    .replace(/\bubnd\b/gu, 'uy ban nhan dan')
    .trim();
}

/**
 * Every way a plan can name its own issuing agency: its name, its symbol, and for a locality
 * "Ủy ban nhân dân tỉnh" (how the province's own documents call it), compared loosely.
 */
export function issuerNames(agency: NonNullable<DraftPlan['agency']>, self?: string): Set<string> {
  const names = new Set<string>();
  const add = (text: string | undefined): void => {
    if (text !== undefined && cleanAnswer(text) !== '') names.add(comparable(text));
  };
  add(agency.name);
  add(agency.short);
  const local = LOCAL.exec(cleanAnswer(agency.name ?? ''));
  if (local) {
    add(`Ủy ban nhân dân ${local[1]}`);
    add(`Ủy ban nhân dân ${local[1]} ${local[2]}`);
    add(`Ủy ban nhân dân ${local[2]}`);
  } else if (agency.name?.startsWith('Bộ ')) {
    add('Bộ');
  }
  if (self !== undefined && self !== agency.name) add(self);
  return names;
}

export function namesIssuer(text: string, issuer: ReadonlySet<string>): boolean {
  return issuer.has(comparable(text));
}

/** The former provinces (before the 2025 merger) whose names the term matches, if it matches no current name. */
export function formerMatches(entry: AgencyEntry, term: string | undefined): { names: string[]; whole: boolean } {
  // On both sides the place alone: "tỉnh" would otherwise find every former province ("ha tinh"
  // is Hà Tĩnh, not tỉnh Hải Dương).
  const bare = (text: string): string => cleanAnswer(text).replace(/^(tỉnh|tinh|thành phố|thanh pho)\s+/iu, '');
  const place = term === undefined ? '' : bare(term);
  if (place === '') return { names: [], whole: false };
  const names = (entry.former ?? []).filter((name) => matches(bare(name), place));
  return { names, whole: names.some((name) => matchesWhole(bare(name), place)) };
}

/** Every unit role whose name is `agency` (the same Sở may be both culture and tourism). */
export function rolesOf(ctx: AgencyContext, agency: string): string[] {
  return Object.entries(ctx.units)
    .filter(([, name]) => name === agency)
    .map(([role]) => role);
}
