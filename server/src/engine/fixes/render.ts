import { FixValue } from './spec';

const SHORT: Record<string, string> = {
  Ref: '!Ref',
  'Fn::GetAtt': '!GetAtt',
  'Fn::Sub': '!Sub',
  'Fn::If': '!If',
  'Fn::Join': '!Join',
  'Fn::Select': '!Select',
  'Fn::ImportValue': '!ImportValue',
  'Fn::Equals': '!Equals',
  'Fn::Not': '!Not',
};

function isIntrinsic(v: FixValue): v is { [k: string]: FixValue } {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
}

/** A YAML scalar, plain where that reads back as the same string, double-quoted otherwise. */
export function yamlScalar(v: string | number | boolean | null): string {
  if (typeof v !== 'string') return String(v);
  const ambiguous =
    /^(true|false|yes|no|on|off|null|~|y|n)$/i.test(v) ||
    /^[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(v) ||
    /^0[xo]/i.test(v) ||
    /^\d{4}-\d\d?-\d\d?([Tt\s]|$)/.test(v); // YAML 1.1 readers take unquoted dates as timestamps
  const plain = /^[A-Za-z0-9_/.(][A-Za-z0-9_ ./:@()-]*$/.test(v) && !/: |\s#|\s$/.test(v) && !ambiguous;
  return plain ? v : JSON.stringify(v);
}

/** Inline (flow) YAML for a value: used after `key: ` and inside flow collections. */
export function yamlFlow(v: FixValue, shortTags: boolean): string {
  if (v === null || typeof v !== 'object') return yamlScalar(v);
  if (Array.isArray(v)) return `[${v.map(x => yamlFlow(x, shortTags)).join(', ')}]`;
  if (shortTags && isIntrinsic(v)) {
    const [k] = Object.keys(v);
    const arg = v[k];
    if (SHORT[k] && (arg === null || typeof arg !== 'object' || Array.isArray(arg))) {
      const a = k === 'Fn::GetAtt' && Array.isArray(arg) ? arg.join('.') : arg;
      return `${SHORT[k]} ${yamlFlow(a as FixValue, shortTags)}`;
    }
  }
  return `{${Object.entries(v)
    .map(([k, x]) => `${yamlScalar(k)}: ${yamlFlow(x, shortTags)}`)
    .join(', ')}}`;
}

function isInline(v: FixValue, shortTags: boolean): boolean {
  if (v === null || typeof v !== 'object') return true;
  if (Array.isArray(v)) return v.length === 0 || v.every(x => x === null || typeof x !== 'object');
  return Object.keys(v).length === 0 || (shortTags && isIntrinsic(v) && yamlFlow(v, true).startsWith('!'));
}

/** Block YAML lines for `key: value` at `indent` columns, `unit` spaces per level. */
export function yamlEntryLines(key: string, v: FixValue, indent: number, unit: number, shortTags: boolean): string[] {
  const pad = ' '.repeat(indent);
  if (isInline(v, shortTags)) return [`${pad}${yamlScalar(key)}: ${yamlFlow(v, shortTags)}`];
  return [`${pad}${yamlScalar(key)}:`, ...yamlBlockLines(v, indent + unit, unit, shortTags)];
}

/** Block YAML lines for a value placed on its own lines at `indent`. */
export function yamlBlockLines(v: FixValue, indent: number, unit: number, shortTags: boolean): string[] {
  const pad = ' '.repeat(indent);
  if (isInline(v, shortTags)) return [pad + yamlFlow(v, shortTags)];
  if (Array.isArray(v)) {
    const out: string[] = [];
    for (const item of v) {
      if (isInline(item, shortTags)) {
        out.push(`${pad}- ${yamlFlow(item, shortTags)}`);
        continue;
      }
      if (Array.isArray(item)) {
        out.push(`${pad}-`, ...yamlBlockLines(item, indent + unit, unit, shortTags));
        continue;
      }
      const lines = yamlBlockLines(item, indent + 2, unit, shortTags);
      out.push(`${pad}- ${lines[0].slice(indent + 2)}`, ...lines.slice(1));
    }
    return out;
  }
  return Object.entries(v as Record<string, FixValue>).flatMap(([k, x]) =>
    yamlEntryLines(k, x, indent, unit, shortTags),
  );
}

/** Pretty JSON for a value whose first line continues an existing line at `indent` columns. */
export function jsonValue(v: FixValue, indent: number, unit: number): string {
  const s = JSON.stringify(v, null, unit);
  return s
    .split('\n')
    .map((l, i) => (i === 0 ? l : ' '.repeat(indent) + l))
    .join('\n');
}
