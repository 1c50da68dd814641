import type { FileResult, Problem, Severity } from '../plan/problem.js';
import { SEVERITY_LABEL, countText, fails } from './summary.js';

export interface JunitOptions {
  /** Warnings fail a test case only under `--fail-on warning`, as they fail the exit code. */
  failOn: Severity;
}

// XML 1.0 allows only TAB, LF, CR and U+0020 and above, minus lone surrogates, U+FFFE and U+FFFF.
// A parser rejects the whole report for one such character, so it becomes U+FFFD.
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXmlText(text: string): string {
  return text.replace(INVALID_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeXmlAttribute(text: string): string {
  // Line breaks and tabs are written as references: parsers turn literal ones in attributes into spaces.
  return escapeXmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

function problemLine(file: string, p: Problem): string {
  return `${file}:${p.line}:${p.column}: ${SEVERITY_LABEL[p.severity]}: ${p.message} (${p.rule})`;
}

/**
 * One <testsuite> per plan file holding one <testcase> named after the file, so that a CI server
 * counts plans: "40 tests, 2 failed" reads as two invalid plans. A failing case lists every problem
 * at file:line:column in its <failure>; problems that do not fail go to <system-out>.
 */
export function formatJunit(results: readonly FileResult[], options: JunitOptions): string {
  const suites: string[] = [];
  let failedFiles = 0;

  for (const result of results) {
    const failing = result.problems.filter((p) => fails(p.severity, options.failOn));
    const passing = result.problems.filter((p) => !fails(p.severity, options.failOn));
    const failed = failing.length > 0;
    if (failed) failedFiles++;
    const name = escapeXmlAttribute(result.file);

    let testcase = `    <testcase name="${name}" classname="kehoach.check"`;
    if (result.problems.length === 0) {
      testcase += '/>';
    } else {
      testcase += '>\n';
      if (failed) {
        const counts = countText({
          errors: failing.filter((p) => p.severity === 'error').length,
          warnings: failing.filter((p) => p.severity === 'warning').length,
        });
        const body = failing.map((p) => problemLine(result.file, p)).join('\n');
        testcase += `      <failure message="${escapeXmlAttribute(counts)}" type="kehoach.check">${escapeXmlText(body)}</failure>\n`;
      }
      if (passing.length > 0) {
        const body = passing.map((p) => problemLine(result.file, p)).join('\n');
        testcase += `      <system-out>${escapeXmlText(body)}</system-out>\n`;
      }
      testcase += '    </testcase>';
    }

    suites.push(
      `  <testsuite name="${name}" tests="1" failures="${failed ? 1 : 0}" errors="0" skipped="0">\n${testcase}\n  </testsuite>`,
    );
  }

  const header =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="kehoach check" tests="${results.length}" failures="${failedFiles}" errors="0">`;
  return `${[header, ...suites, '</testsuites>'].join('\n')}\n`;
}
