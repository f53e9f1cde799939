import { Analysis, EngineContext } from './context';
import { CodeLens, CompletionItem, DocKind, Hover, Location } from './model/types';

/** One document format (CloudFormation, risk DSL, CDK). The engine dispatches to the first that claims a file. */
export interface LanguageSupport {
  kind: Exclude<DocKind, 'none'>;
  /** Cheap test on name and text; no parse. */
  claims(uri: string, text: string): boolean;
  analyze(uri: string, text: string, ctx: EngineContext): Analysis;
  hover?(a: Analysis, offset: number, ctx: EngineContext): Hover | undefined;
  complete?(a: Analysis, offset: number, ctx: EngineContext): CompletionItem[];
  codeLenses?(a: Analysis, ctx: EngineContext): CodeLens[];
  definition?(a: Analysis, offset: number, ctx: EngineContext): Location[];
  references?(a: Analysis, offset: number, ctx: EngineContext): Location[];
}
