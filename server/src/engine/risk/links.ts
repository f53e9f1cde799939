/**
 * Links from a risk file to its IaC (`iac:`): the templates are read through `ctx.analysisOf`, which records the
 * dependency so an edit to a template re-checks this file. Claims the IaC does not back become diagnostics. What the
 * host refused to read (outside the workspace, a device, too large, a network path) is said, never read around.
 */
import { Analysis, EngineContext, isRefusal, ReadRefusal, templateOf } from '../context';
import { phrase, Phrase } from '../i18n/text';
import { Template } from '../model/template';
import { Finding } from '../model/types';
import { RISK_FILE, RiskDocument, Str } from './model';

export interface LinkedFile {
  path: Str;
  /** Why the entry cannot name one file (a folder, a wildcard, empty); such entries are not read. */
  notAFile?: Phrase;
  uri?: string;
  analysis?: Analysis;
  template?: Template;
  /** Why the host did not read the file (not-found included). */
  refused?: ReadRefusal;
  /** The entry names a risk file, not IaC. It is never analysed, so risk files listing each other never recurse. */
  riskFile?: boolean;
}

export function resolveUri(base: string, relative: string): string | undefined {
  // An unsaved draft named after its future file (untitled:/dir/x.risk.yaml) links to files beside that path on disk.
  const from = /^untitled:\//.test(base) ? 'file://' + base.slice('untitled:'.length) : base;
  try {
    return new URL(relative.trim().replace(/\\/g, '/'), from).href;
  } catch {
    return undefined;
  }
}

/** Why an `iac:` entry cannot name one file (empty, a folder, a wildcard), or undefined when it can. */
function notAFile(path: string): Phrase | undefined {
  const p = path.trim();
  if (!p) return phrase('emptyPath');
  if (/[*?[\]{}]/.test(p)) return phrase('wildcardPath');
  if (/[/\\]$/.test(p) || p === '.' || p === '..') return phrase('folderPath');
  return undefined;
}

/** What a `readFile` answer says about a file that has no analysis: why it was not read, or nothing (it was). */
function refusalOf(r: string | ReadRefusal | undefined): ReadRefusal | undefined {
  if (r === undefined) return { refused: 'not-found' };
  return isRefusal(r) ? r : undefined;
}

/** Why a file was not read, as a phrase for a diagnostic or a message. */
export function refusalPhrase(r: ReadRefusal): Phrase {
  const kb = (n: number) => Math.max(1, Math.round(n / 1024));
  switch (r.refused) {
    case 'not-found':
      return phrase('refusedNotFound');
    case 'outside-workspace':
      return phrase('refusedOutsideWorkspace');
    case 'not-a-regular-file':
      return phrase('refusedNotRegular');
    case 'too-large':
      if (r.size !== undefined && r.limit !== undefined)
        return phrase('refusedTooLargeBy', { size: kb(r.size), limit: kb(r.limit) });
      return phrase('refusedTooLarge');
    case 'remote-path':
      return phrase('refusedRemote');
    case 'unreadable':
      return phrase('refusedUnreadable', { detail: r.detail ?? '?' });
  }
}

export function resolveLinks(doc: RiskDocument, uri: string, ctx: EngineContext): LinkedFile[] {
  return (doc.assessment?.iac ?? []).map((p): LinkedFile => {
    const why = notAFile(p.text);
    if (why) return { path: p, notAFile: why };
    const target = resolveUri(uri, p.text);
    if (!target) return { path: p };
    if (target === uri) return { path: p, uri: target, riskFile: true };
    // A risk file listed as IaC is only looked up (does it exist, may it be read), never analysed.
    if (RISK_FILE.test(new URL(target).pathname)) {
      const refused = refusalOf(ctx.readFile?.(target));
      return { path: p, uri: target, riskFile: !refused, refused };
    }
    const analysis = ctx.analysisOf?.(target);
    if (analysis) return { path: p, uri: target, analysis, template: templateOf(analysis) };
    // No analysis: ask the reader why (a refusal costs no read; a file that is readable has no reason to give).
    return { path: p, uri: target, refused: refusalOf(ctx.readFile?.(target)) };
  });
}

/** Findings that currently fire (not suppressed) in the linked files. */
export function openIacFindings(links: LinkedFile[]): Finding[] {
  return links.flatMap(l => (l.analysis?.findings ?? []).filter(f => !f.suppressed));
}
