import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { Catalog, findingTag, Lang, refLabel, refsText, RenderedFinding as Finding, ruleRefs, t } from '../engine';
import type { GuidelineRef } from '../engine/catalog/types';
import { packageVersion } from '../host/resources';
import {
  sarifMessage,
  terminalLineStart,
  terminalPath,
  terminalText,
  uriReference,
  wellFormed,
  workflowMessage,
  workflowProperty,
  xmlAttr,
} from '../report/escape';

export interface FileResult {
  file: string;
  findings: Finding[];
}
export type Format = 'text' | 'json' | 'sarif' | 'github' | 'junit';

function rel(file: string): string {
  return path.relative(process.cwd(), file).split(path.sep).join('/') || file;
}

export function render(
  format: Format,
  results: FileResult[],
  catalog: Catalog,
  lang: Lang,
  showSuppressed: boolean,
  /** The MHLW edition whose items come first (`leadEdition(settings.guideline)`). */
  lead = 'mhlw-6.0',
): string {
  const all = results.flatMap(r =>
    r.findings.filter(f => showSuppressed || !f.suppressed).map(f => ({ file: r.file, f })),
  );
  switch (format) {
    case 'json':
      return (
        JSON.stringify(
          {
            version: 1,
            files: results.length,
            findings: all.map(({ file, f }) => ({
              rule: f.rule,
              severity: f.severity,
              message: f.message,
              file: rel(file),
              range: f.range,
              scenarios: f.scenarios,
              guidelines: refsJson(f.guidelines, lang),
              resource: f.resource ?? null,
              ...(f.related?.length ? { related: f.related } : {}),
              ...(f.suppressed ? { suppressed: f.suppressed } : {}),
            })),
          },
          null,
          2,
        ) + '\n'
      );
    case 'github':
      return (
        all
          .filter(x => !x.f.suppressed)
          .map(({ file, f }) => {
            const kind = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
            const { start, end } = f.range;
            const props = [
              `file=${workflowProperty(rel(file))}`,
              `line=${start.line + 1}`,
              `col=${start.character + 1}`,
              `endLine=${end.line + 1}`,
              `endColumn=${end.character + 1}`,
              `title=${workflowProperty(`iryo-guard ${f.rule}`)}`,
            ];
            return `::${kind} ${props.join(',')}::${workflowMessage(f.message + findingTag(f, lang))}`;
          })
          .join('\n') + (all.length ? '\n' : '')
      );
    case 'sarif':
      return JSON.stringify(sarif(all, catalog, lang, lead), null, 2) + '\n';
    case 'junit':
      return junit(results, showSuppressed);
    default:
      return text(all, results.length, lang);
  }
}

/** References as JSON: each with its edition and the label a reader sees (「医療GL 6.0 シス14②」 / "MHLW 6.0 Sys 14②"). */
function refsJson(refs: readonly GuidelineRef[], lang: Lang): { edition: string; id: string; label: string }[] {
  return refs.map(r => ({ edition: r.edition, id: r.id, label: refLabel(r, lang) }));
}

function relUri(uri: string): string {
  try {
    return rel(fileURLToPath(uri));
  } catch {
    return uri;
  }
}

/** One line per finding (and one per related place): file-derived text cannot move the cursor or start a line. */
function text(all: { file: string; f: Finding }[], files: number, lang: Lang): string {
  const say = terminalText;
  const lines = all.map(
    ({ file, f }) =>
      `${terminalPath(rel(file))}:${f.range.start.line + 1}:${f.range.start.character + 1}: ` +
      `${f.severity} ${f.rule}: ${say(f.message)}${findingTag(f, lang)}` +
      (f.suppressed ? ` (suppressed: ${say(f.suppressed.reason)})` : '') +
      (f.related ?? [])
        .map(
          r =>
            `\n  ${terminalLineStart(r.message)}: ${say(relUri(r.uri))}` +
            `:${r.range.start.line + 1}:${r.range.start.character + 1}`,
        )
        .join(''),
  );
  const count = (s: string) => all.filter(x => x.f.severity === s && !x.f.suppressed).length;
  const summary = { files, errors: count('error'), warnings: count('warning'), info: count('info') + count('hint') };
  lines.push(t('checkSummary', lang, summary));
  return lines.join('\n') + '\n';
}

function sarif(all: { file: string; f: Finding }[], catalog: Catalog, lang: Lang, lead: string) {
  const ruleIds = [...new Set(all.map(x => x.f.rule))].sort();
  const level = (s: string) => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'iryo-guard',
            version: packageVersion(),
            informationUri: 'https://github.com/iryo-guard/iryo-guard',
            rules: ruleIds.map(id => {
              const m = catalog.rules.get(id);
              const refs = m ? ruleRefs(m, lead) : [];
              const help = m
                ? `${m.explanation[lang]}\n\n${t('labelScenariosShort', lang)}: ${m.scenarios.join(', ') || '-'}; ` +
                  `${t('labelGuidelines', lang)}: ${refsText(refs, lang) || '-'}\n\n${t('supportNotCertify', lang)}`
                : id;
              return {
                id,
                name: id,
                shortDescription: { text: m ? m.title[lang] : id },
                fullDescription: { text: m ? m.explanation[lang] : id },
                help: { text: help, markdown: help },
                defaultConfiguration: { level: level(m?.severity ?? 'warning') },
                properties: {
                  tags: ['security', 'compliance', ...(m?.scenarios ?? []).map(s => `scenario:${s}`)],
                  scenarios: m?.scenarios ?? [],
                  guidelines: refsJson(refs, lang),
                },
              };
            }),
          },
        },
        results: all.map(({ file, f }) => ({
          ruleId: f.rule,
          ruleIndex: ruleIds.indexOf(f.rule),
          level: level(f.severity),
          message: { text: sarifMessage(f.message + findingTag(f, lang)) },
          locations: [
            {
              physicalLocation: {
                artifactLocation: {
                  uri: rel(file).startsWith('..') ? pathToFileURL(path.resolve(file)).href : uriReference(rel(file)),
                },
                region: {
                  startLine: f.range.start.line + 1,
                  startColumn: f.range.start.character + 1,
                  endLine: f.range.end.line + 1,
                  endColumn: f.range.end.character + 1,
                },
              },
            },
          ],
          ...(f.related?.length
            ? {
                relatedLocations: f.related.map((r, i) => ({
                  id: i,
                  message: { text: sarifMessage(r.message) },
                  physicalLocation: {
                    artifactLocation: { uri: sarifUri(r.uri) },
                    region: { startLine: r.range.start.line + 1, startColumn: r.range.start.character + 1 },
                  },
                })),
              }
            : {}),
          ...(f.suppressed
            ? { suppressions: [{ kind: 'inSource', justification: wellFormed(f.suppressed.reason) }] }
            : {}),
          properties: {
            scenarios: f.scenarios,
            guidelines: refsJson(f.guidelines, lang),
            resource: f.resource === undefined ? undefined : wellFormed(f.resource),
          },
        })),
      },
    ],
  };
}

/** A related place as a SARIF URI: relative to the working directory when it is a local file below it. */
function sarifUri(uri: string): string {
  const relative = relUri(uri);
  return relative === uri || relative.startsWith('..') ? wellFormed(uri) : uriReference(relative);
}

function junit(results: FileResult[], showSuppressed: boolean): string {
  const suites = results.map(r => {
    const fs = r.findings.filter(f => showSuppressed || !f.suppressed);
    const failures = fs.filter(f => f.severity === 'error' || f.severity === 'warning');
    const cases = fs.length
      ? fs
          .map(
            f =>
              `    <testcase classname="${xmlAttr(rel(r.file))}" ` +
              `name="${xmlAttr(`${f.rule} ${f.resource ?? ''} line ${f.range.start.line + 1}`.trim())}">` +
              (f.severity === 'error' || f.severity === 'warning'
                ? `<failure type="${f.severity}" message="${xmlAttr(f.message)}"/>`
                : '') +
              '</testcase>',
          )
          .join('\n')
      : `    <testcase classname="${xmlAttr(rel(r.file))}" name="iryo-guard"/>`;
    const counts = `tests="${Math.max(1, fs.length)}" failures="${failures.length}"`;
    return `  <testsuite name="${xmlAttr(rel(r.file))}" ${counts}>\n${cases}\n  </testsuite>`;
  });
  const head = '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="iryo-guard">';
  return `${head}\n${suites.join('\n')}\n</testsuites>\n`;
}
