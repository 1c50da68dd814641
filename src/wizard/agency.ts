// What the chosen agency implies: its list entry (or one guessed from a typed name), the names of
// its units, and the values that fill the {placeholders} of the suggestions.
import { KIND_LABELS } from '../plan/labels.js';
import type { Sector, Signer } from '../plan/types.js';
import { cleanAnswer } from './clean.js';
import type { AgencyEntry, WizardData } from './data.js';
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

/** An entry for an agency typed by the clerk, with the guesses a clerk would make. */
export function guessAgency(name: string, sector: Sector): AgencyEntry {
  const local = LOCAL.exec(name);
  if (sector === 'locality') {
    const level = local?.[1] ?? 'tỉnh';
    return {
      name,
      short: local ? 'UBND' : initials(name),
      place: local?.[2] ?? '',
      area: local ? `${level} ${local[2]}` : name,
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
    short: initials(name),
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
  for (const [role, template] of Object.entries({ ...defaults.units, ...entry.units })) units[role] = fill(template, base);
  if (s.progress.focal !== undefined) units['foreign'] = s.progress.focal;
  return { sector, entry, units, vars: { ...base, ...units }, signer, archive: defaults.archive };
}

/** Every unit role whose name is `agency` (the same Sở may be both culture and tourism). */
export function rolesOf(ctx: AgencyContext, agency: string): string[] {
  return Object.entries(ctx.units)
    .filter(([, name]) => name === agency)
    .map(([role]) => role);
}
