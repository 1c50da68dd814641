// Duplicate keys found in one pass. The yaml package's own `uniqueKeys` compares each key with
// every key before it, which is quadratic: a 2 MB file of distinct keys took minutes to parse.
import { type Document, type ParsedNode, YAMLParseError, isMap, isScalar } from 'yaml';
import { walkNodes } from './walk.js';

/** Adds a DUPLICATE_KEY error (as the yaml package words it) to the document for each repeat. */
export function addDuplicateKeyErrors(doc: Document.Parsed<ParsedNode>): void {
  walkNodes(doc, (map) => {
    if (isMap(map)) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        // The package's rule: scalars are equal by value, other keys only by identity.
        const key: unknown = isScalar(pair.key) ? pair.key.value : pair.key;
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

/**
 * A DUPLICATE_KEY error at `offset`, as the yaml package words it, without a stack: capturing one
 * for each of the 420,000 repeats of a 2 MB file of `k: 1` lines took six seconds, and the
 * collector as long again. Nothing reads those stacks.
 */
export function duplicateKeyError(offset: number): YAMLParseError {
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new YAMLParseError([offset, offset + 1], 'DUPLICATE_KEY', 'Map keys must be unique');
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}
