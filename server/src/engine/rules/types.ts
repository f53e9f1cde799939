import { Catalog } from '../catalog/catalog';
import { FixSpec } from '../fixes/spec';
import { Args, Phrase } from '../i18n/text';
import { ProjectView } from '../project/view';
import { Cause } from '../model/evaluate';
import { Node } from '../model/node';
import { Resource, Template } from '../model/template';
import { Settings } from '../model/types';

export interface RuleReport {
  /** Defaults to the rule being run. */
  rule?: string;
  resource?: Resource;
  /** Where the finding points; defaults to the resource's logical ID. */
  at?: Node | { start: number; end: number };
  /** Values for `{placeholders}` in the catalog message. `resource` is filled in automatically. */
  args?: Args;
  via?: Cause[];
  fix?: FixSpec | FixSpec[];
  /** Why no fix is offered, when that is not obvious (a fix would break a delivery into the resource). */
  noFix?: Phrase;
}

export interface RuleContext {
  template: Template;
  catalog: Catalog;
  settings: Settings;
  /** Whether account-level rules (CloudTrail, GuardDuty, Config…) apply to this template. */
  accountLevel: boolean;
  /** The other templates of the project: singletons defined elsewhere, references across stacks. */
  project: ProjectView;
  report(r: RuleReport): void;
  /** A value computed once per analysis and shared by the rules (an index of the template they all need). */
  once<T>(key: string, compute: () => T): T;
}

export interface Rule {
  /** Must match an entry in catalog/rules/*.yaml. */
  id: string;
  /** Other catalog rule IDs this check reports (a variant of the same check, e.g. a weaker-encryption warning). */
  alsoReports?: string[];
  /** `checkResource` runs for resources of these types (a subset of the catalog's `appliesTo`). */
  runsOn?: string[];
  /** Fires only where `RuleContext.accountLevel` is true. */
  accountLevel?: boolean;
  checkResource?(r: Resource, ctx: RuleContext): void;
  checkTemplate?(t: Template, ctx: RuleContext): void;
}
