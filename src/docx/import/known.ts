// Known names from the wizard's data (templates/data/agencies.yaml): the agencies, their units
// with the placeholders filled, and the signers' titles. They undo the letterhead's upper case
// and split lists of names that the document joined with commas. Recipients are left out: a
// recipient line often names several agencies at once ("Báo X, Đài Y").
import type { Sector } from '../../plan/types.js';
import type { WizardData } from '../../wizard/data.js';
import type { KnownNames } from './draft.js';

export function knownFromWizardData(data: WizardData): KnownNames {
  const names = new Set<string>();
  const sectors = new Map<string, Sector>();
  for (const sector of ['locality', 'ministry'] as const) {
    const defaults = data.sectors[sector];
    for (const value of [defaults.signer.body, defaults.signer.head, defaults.signer.title])
      if (value) names.add(value);
    for (const agency of data.agencies[sector]) {
      names.add(agency.name);
      sectors.set(agency.name.toLocaleUpperCase('vi'), sector);
      const fill = (text: string): string =>
        text
          .replaceAll('{level}', agency.level)
          .replaceAll('{self}', agency.self)
          .replaceAll('{area}', agency.area)
          .replaceAll('{party}', agency.party);
      for (const unit of Object.values({ ...defaults.units, ...agency.units })) {
        const filled = fill(unit);
        if (!/\{/u.test(filled)) names.add(filled);
      }
      for (const value of Object.values(agency.signer)) if (typeof value === 'string') names.add(value);
      for (const to of agency.reportTo ?? []) names.add(to);
    }
  }
  for (const sector of ['locality', 'ministry'] as const) {
    for (const to of data.reporting[sector].to) if (!/\{/u.test(to)) names.add(to);
  }
  return { names: [...names], sectors };
}
