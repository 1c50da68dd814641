// Duplicate keys found in one pass. The yaml package's own `uniqueKeys` compares each key with
// every key before it, which is quadratic: a 2 MB file of distinct keys took minutes to parse.
import { type Document, type ParsedNode, isMap, isScalar } from 'yaml';
import { duplicateKeyError } from './yaml-errors.js';
import { walkNodes } from './walk.js';

/** Adds a DUPLICATE_KEY error (as the yaml package words it) to the document for each repeat. */
export function addDuplicateKeyErrors(doc: Document.Parsed<ParsedNode>): void {
  walkNodes(doc, (map) => {
    if (isMap(map)) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        // The package's rule: scalars are equal by value (`===`: a NaN equals nothing), other
        // keys only by identity.
        const key: unknown = isScalar(pair.key) ? pair.key.value : pair.key;
        if (typeof key === 'number' && Number.isNaN(key)) continue;
        if (!seen.has(key)) {
          seen.add(key);
          continue;
        }
        const start = isScalar(pair.key) ? (pair.key.range?.[0] ?? 0) : 0;
        doc.errors.push(duplicateKeyError(start));
      }
    }
    return undefined;
  });
}
