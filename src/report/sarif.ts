import { pathToFileURL } from 'node:url';
import type { FileResult, Severity } from '../plan/problem.js';

/** What SARIF's rules[] says about a rule id; the plan core's registry supplies most of them. */
export interface RuleInfo {
  id: string;
  severity?: Severity;
  /** Vietnamese, one sentence. */
  description: string;
}

export interface SarifOptions {
  version: string;
  rules: readonly RuleInfo[];
}

/**
 * A relative path becomes a relative URI reference (forward slashes, each segment percent-encoded),
 * which code-scanning tools resolve against the checkout; an absolute one becomes a file: URI.
 */
export function artifactUri(file: string): string {
  if (file.startsWith('/') || /^[A-Za-z]:[\\/]/.test(file)) return pathToFileURL(file).href;
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}

/** SARIF 2.1.0, one run, for GitHub code scanning and other SARIF viewers. */
export function formatSarif(results: readonly FileResult[], options: SarifOptions): string {
  const known = new Map<string, RuleInfo>();
  for (const rule of options.rules) known.set(rule.id, rule);

  // Every registered rule is listed, then any id met in the results that no registry describes.
  const rules: RuleInfo[] = [...known.values()];
  for (const result of results) {
    for (const p of result.problems) {
      if (!known.has(p.rule)) {
        const info = { id: p.rule, severity: p.severity, description: `Quy tắc ${p.rule} của kehoach.` };
        known.set(p.rule, info);
        rules.push(info);
      }
    }
  }
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kehoach',
            version: options.version,
            semanticVersion: options.version,
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              ...(rule.severity ? { defaultConfiguration: { level: rule.severity } } : {}),
            })),
          },
        },
        // Columns count characters as the user sees them, not UTF-16 units.
        columnKind: 'utf16CodeUnits',
        artifacts: results.map((r) => ({ location: { uri: artifactUri(r.file) } })),
        results: results.flatMap((r, artifactIndex) =>
          r.problems.map((p) => ({
            ruleId: p.rule,
            ruleIndex: ruleIndex.get(p.rule),
            level: p.severity,
            message: { text: p.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: artifactUri(r.file), index: artifactIndex },
                  // SARIF rejects positions below 1; one odd location must not invalidate the whole log.
                  region: {
                    startLine: Math.max(1, p.line),
                    startColumn: Math.max(1, p.column),
                    ...(p.snippet !== undefined ? { snippet: { text: p.snippet } } : {}),
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
