import type { Kind } from '../plan/types.js';
import { loadTemplates, type TemplateSet } from '../render/templates.js';

/** Templates are loaded once per kind and per thread, then reused for every plan. */
export class TemplateCache {
  private readonly sets = new Map<Kind, Promise<TemplateSet>>();
  constructor(private readonly overrideDir: string | undefined) {}

  get(kind: Kind): Promise<TemplateSet> {
    let set = this.sets.get(kind);
    if (!set) {
      set = loadTemplates(kind, this.overrideDir);
      this.sets.set(kind, set);
    }
    return set;
  }
}
