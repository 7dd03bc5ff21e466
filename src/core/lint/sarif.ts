import type { LineIndex } from '../yaml/line-index.ts';
import type { Range } from '../yaml/types.ts';
import type { Finding, Rule, Severity } from './types.ts';

const levels: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export interface SarifTool {
  readonly name: string;
  readonly version: string;
}

/** A SARIF region: 1-based lines and columns (UTF-16 code units, SARIF's default column kind). */
function region(lines: LineIndex, range: Range): Record<string, number> {
  const start = lines.position(range.start);
  const end = lines.position(range.end);
  return { startLine: start.line + 1, startColumn: start.column + 1, endLine: end.line + 1, endColumn: end.column + 1 };
}

/**
 * A relative reference as RFC 3986 wants it: each path segment percent-encoded (spaces, #, %, ?
 * and a colon, which would otherwise read as a URI scheme), the slashes between them kept.
 */
function uriReference(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function location(uri: string, lines: LineIndex, range: Range, message?: string): object {
  return {
    physicalLocation: { artifactLocation: { uri: uriReference(uri) }, region: region(lines, range) },
    ...(message === undefined ? {} : { message: { text: message } }),
  };
}

/**
 * A SARIF 2.1.0 log (https://docs.oasis-open.org/sarif/sarif/v2.1.0/) of the findings, with every
 * rule's metadata in tool.driver.rules. `linesOf` gives the line index of a finding's file;
 * `uriOf` the artifact's path with forward slashes (percent-encoded here).
 */
export function toSarif(findings: readonly Finding[], rules: readonly Rule[], tool: SarifTool, linesOf: (path: string) => LineIndex, uriOf: (path: string) => string): object {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              fullDescription: { text: rule.why },
              defaultConfiguration: { level: levels[rule.severity] },
              properties: { category: rule.category },
            })),
          },
        },
        results: findings.map((finding) => ({
          ruleId: finding.ruleId,
          ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
          level: levels[finding.severity],
          message: { text: finding.message },
          locations: [location(uriOf(finding.path), linesOf(finding.path), finding.range)],
          ...(finding.related.length === 0
            ? {}
            : { relatedLocations: finding.related.map((related) => location(uriOf(related.path), linesOf(related.path), related.range, related.message)) }),
        })),
      },
    ],
  };
}
