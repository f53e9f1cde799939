/**
 * `iryo-guard check cdk.out/`: findings on synthesized templates are mapped back to the construct path
 * (`Metadata["aws:cdk:path"]`) and, where the project's TypeScript has `new X(this, '<id>'`, to that source line.
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { isRefusal, Lang, RenderedFinding as Finding, t } from '../engine';
import { FileAccess } from '../host/read';
import { walkFiles } from '../host/discovery';

/** A cloud assembly: a folder named cdk.out, or one holding manifest.json and *.template.json files. */
export function isCloudAssembly(dir: string): boolean {
  if (path.basename(path.resolve(dir)) === 'cdk.out') return true;
  try {
    const names = fs.readdirSync(dir);
    return names.includes('manifest.json') && names.some(n => n.endsWith('.template.json'));
  } catch {
    return false;
  }
}

/** The assembly a synthesized template belongs to, if any. */
export function assemblyOf(file: string): string | undefined {
  let dir = path.dirname(path.resolve(file));
  for (let i = 0; i < 4; i++) {
    if (isCloudAssembly(dir)) return dir;
    dir = path.dirname(dir);
  }
  return undefined;
}

export class CdkSourceIndex {
  private files?: { file: string; text: string }[];
  constructor(
    private readonly projectRoot: string,
    private readonly reader: FileAccess,
  ) {}

  private sources(): { file: string; text: string }[] {
    if (this.files) return this.files;
    const out: { file: string; text: string }[] = [];
    const isSource = (name: string) => name.endsWith('.ts') && !name.endsWith('.d.ts');
    for (const file of walkFiles(this.projectRoot, { include: isSource, maxDepth: 8 })) {
      const r = this.reader.read(file);
      if (!isRefusal(r)) out.push({ file, text: r.text }); // a file refused (too large, unreadable…) is skipped
    }
    return (this.files = out);
  }

  /** Where `new X(this, '<id>'` (or `x.addListener('<id>'`) is written; the first match. */
  find(id: string): { file: string; line: number; character: number } | undefined {
    const esc = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(
      `new\\s+[\\w.]+\\s*\\(\\s*this\\s*,\\s*['"\`]${esc}['"\`]|\\.add\\w+\\(\\s*['"\`]${esc}['"\`]`,
    );
    for (const s of this.sources()) {
      const m = re.exec(s.text);
      if (!m) continue;
      const before = s.text.slice(0, m.index);
      const line = before.split('\n').length - 1;
      return { file: s.file, line, character: m.index - (before.lastIndexOf('\n') + 1) };
    }
    return undefined;
  }
}

/** The construct id to look for: the path's last segment, skipping CDK's `Resource` / `Default` children. */
export function constructIdOf(cdkPath: string): string | undefined {
  const parts = cdkPath.split('/').filter(Boolean);
  while (parts.length > 1 && /^(Resource|Default)$/.test(parts[parts.length - 1])) parts.pop();
  return parts.length > 1 ? parts[parts.length - 1] : undefined;
}

/** Adds the construct path to each finding's message and the source line as related information. */
export function mapToConstructs(templateText: string, findings: Finding[], index: CdkSourceIndex, lang: Lang): void {
  let template: { Resources?: Record<string, { Metadata?: Record<string, unknown> }> };
  try {
    template = JSON.parse(templateText);
  } catch {
    return;
  }
  for (const f of findings) {
    const cdkPath = f.resource ? template.Resources?.[f.resource]?.Metadata?.['aws:cdk:path'] : undefined;
    if (typeof cdkPath !== 'string') continue;
    f.message += t('constructSuffix', lang, { path: cdkPath });
    const id = constructIdOf(cdkPath);
    const src = id ? index.find(id) : undefined;
    if (!src) continue;
    const pos = { line: src.line, character: src.character };
    f.related = [
      ...(f.related ?? []),
      {
        uri: pathToFileURL(src.file).href,
        range: { start: pos, end: pos },
        message: t('cdkSourceOf', lang, { id }),
      },
    ];
  }
}
