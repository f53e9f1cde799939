import { Analysis, EngineContext } from './context';
import { Template } from './model/template';
import { CodeLens, CompletionItem, DocKind, Fix, Hover, Location } from './model/types';

/**
 * A template read but not yet checked: the project index takes its facts from `template`, then `check` runs the
 * rules with the project in the context. `analyze` is the two in one.
 */
export interface TemplateParse {
  /** Absent when the text could not be read as a template at all. */
  template?: Template;
  check(ctx: EngineContext): Analysis;
}

/** One document format (CloudFormation, risk DSL, CDK). The engine dispatches to the first that claims a file. */
export interface LanguageSupport {
  kind: Exclude<DocKind, 'none'>;
  /** Cheap test on name and text, linear in the text; no parse. */
  claims(uri: string, text: string): boolean;
  /**
   * For a file too large to read: may a file whose first bytes are `head` be of this format? Defaults to `claims`;
   * a format recognised by keys that may come later answers true while the head does not rule it out.
   */
  claimsHead?(uri: string, head: string): boolean;
  analyze(uri: string, text: string, ctx: EngineContext): Analysis;
  /** Template formats (CloudFormation, CDK): reading without checking, for the project index. */
  parse?(uri: string, text: string, ctx: EngineContext): TemplateParse;
  hover?(a: Analysis, offset: number, ctx: EngineContext): Hover | undefined;
  complete?(a: Analysis, offset: number, ctx: EngineContext): CompletionItem[];
  codeLenses?(a: Analysis, ctx: EngineContext): CodeLens[];
  definition?(a: Analysis, offset: number, ctx: EngineContext): Location[];
  references?(a: Analysis, offset: number, ctx: EngineContext): Location[];
  /** Edits offered at the cursor that no finding asks for (a quick fix the author may want, such as a migration). */
  actions?(a: Analysis, offset: number, ctx: EngineContext): Fix[];
}
