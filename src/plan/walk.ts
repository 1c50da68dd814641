// Every node of a `yaml` document in document order (a collection before its items, a pair's key
// before its value), on an explicit stack: a file may nest deeper than the call stack allows, and
// the package's own visit allocates a frozen path for every collection and pair, which was a
// good share of the time for a 2 MB file.
import {
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
  isCollection,
  isDocument,
  isNode,
  isPair,
} from 'yaml';

/**
 * Calls `each` for every node and pair under `root`; `false` from it ends the walk. `leave`, when
 * given, is called for each collection once its items have been walked.
 */
export function walkNodes(
  root: Document | Node | null,
  each: (node: Node | Pair) => boolean | undefined,
  leave?: (collection: YAMLMap | YAMLSeq) => void,
): void {
  const stack: unknown[] = [isDocument(root) ? root.contents : root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node instanceof Leave) leave!(node.collection);
    else if (isPair(node)) {
      if (each(node) === false) return;
      stack.push(node.value, node.key);
    } else if (isNode(node)) {
      if (each(node) === false) return;
      if (isCollection(node)) {
        if (leave !== undefined) stack.push(new Leave(node));
        for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
      }
    }
  }
}

/** Marks, on the stack, the end of a collection's items. */
class Leave {
  constructor(readonly collection: YAMLMap | YAMLSeq) {}
}
