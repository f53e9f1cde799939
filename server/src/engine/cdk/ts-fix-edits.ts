/** Edits to a TypeScript file's props objects, in the file's own layout (one line, or one prop per line). */
import type * as TS from 'typescript';
import { eolOf } from '../model/text';
import { propOf } from './cdk-value';
import { CdkModel, ConstructCall } from './model';
import { TsValue } from './ts-values';

export type Edit = { start: number; end: number; text: string };

/** `a.b` with `x` → `{ b: x }` under `a`; the keys below the one that exists. */
export function nested(keys: string[], expr: string): string {
  return keys.reduceRight((inner, k) => `{ ${k}: ${inner} }`, expr);
}

export class SourceEdits {
  readonly edits: Edit[] = [];
  readonly file: TS.SourceFile;
  readonly ts: typeof TS;
  /** The file's own line ending, for every line break an edit writes. */
  readonly nl: string;
  private readonly text: string;

  constructor(readonly model: CdkModel) {
    this.file = model.parsed.file;
    this.ts = model.parsed.ts;
    this.text = model.template.text;
    this.nl = eolOf(this.text);
  }

  /** Sets a (dotted) prop in the construct's props object, creating the object when the call has none. */
  setProp(call: ConstructCall, dotted: string, expr: string): boolean {
    const keys = dotted.split('.');
    const props = call.props;
    if (!props) {
      const args = call.call.arguments ?? this.ts.factory.createNodeArray();
      if (args.length !== call.propsIndex) return false; // props given but not readable
      const last = args[args.length - 1];
      if (!last) return false;
      this.edits.push({ start: last.getEnd(), end: last.getEnd(), text: `, ${nested(keys, expr)}` });
      return true;
    }
    return this.setIn(props, keys, expr);
  }

  private setIn(obj: TsValue, keys: string[], expr: string): boolean {
    if (obj.kind !== 'object') return false;
    const p = propOf(obj, keys[0]);
    if (keys.length > 1) {
      if (p) return this.setIn(p.value, keys.slice(1), expr);
      return this.insertProp(obj.node, `${keys[0]}: ${nested(keys.slice(1), expr)}`);
    }
    if (!p) return this.insertProp(obj.node, `${keys[0]}: ${expr}`);
    const el = p.element;
    if (this.ts.isPropertyAssignment(el))
      this.edits.push({ start: el.initializer.getStart(this.file), end: el.initializer.getEnd(), text: expr });
    else this.edits.push({ start: el.getStart(this.file), end: el.getEnd(), text: `${keys[0]}: ${expr}` });
    return true;
  }

  /** Adds `entry` as the last property, in the object's own layout (one line or one property per line). */
  insertProp(obj: TS.ObjectLiteralExpression, entry: string): boolean {
    const props = obj.properties;
    const open = obj.getStart(this.file);
    // An object the parser had to close itself (the file is being typed): nothing safe to insert into.
    if (this.text[obj.getEnd() - 1] !== '}' || obj.getEnd() - 1 <= open) return false;
    if (!props.length) {
      const close = obj.getEnd() - 1;
      const inner = this.text.slice(open + 1, close);
      if (inner.includes('\n')) {
        const indent = this.indentAt(open);
        this.edits.push({ start: open + 1, end: close, text: `${this.nl}${indent}  ${entry},${this.nl}${indent}` });
      } else this.edits.push({ start: open + 1, end: close, text: ` ${entry} ` });
      return true;
    }
    const last = props[props.length - 1];
    const multiline = this.line(props[0].getStart(this.file)) !== this.line(open);
    if (props.hasTrailingComma) {
      const comma = this.text.indexOf(',', last.getEnd());
      if (comma < 0) return false;
      const text = multiline ? `${this.nl}${this.indentAt(last.getStart(this.file))}${entry},` : ` ${entry},`;
      this.edits.push({ start: comma + 1, end: comma + 1, text });
    } else {
      const text = multiline ? `,${this.nl}${this.indentAt(last.getStart(this.file))}${entry}` : `, ${entry}`;
      this.edits.push({ start: last.getEnd(), end: last.getEnd(), text });
    }
    return true;
  }

  /** Appends an item to a written array literal. */
  appendItem(arr: TS.ArrayLiteralExpression, text: string) {
    const last = arr.elements[arr.elements.length - 1];
    const at = last ? last.getEnd() : arr.getStart(this.file) + 1;
    this.edits.push({ start: at, end: at, text: last ? `, ${text}` : text });
  }

  line(offset: number): number {
    return this.file.getLineAndCharacterOfPosition(offset).line;
  }

  indentAt(offset: number): string {
    const lineStart = this.model.template.lines.lineStart(this.line(offset));
    const m = /^[ \t]*/.exec(this.text.slice(lineStart));
    return m ? m[0] : '';
  }
}
