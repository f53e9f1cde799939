import { LanguageSupport } from '../language';
import { RISK_FILE } from '../risk/language';
import { templateEvidence } from '../parse/cloudformation';
import { analyzeTemplateText, parseTemplateText } from './analyze';
import { templateCodeLenses } from '../template/code-lens';
import { templateCompletion } from '../template/completion';
import { templateHover } from '../template/hover';

const isCandidate = (uri: string) => /\.(ya?ml|json|template)$/i.test(uri) && !RISK_FILE.test(uri);

export const cloudFormationLanguage: LanguageSupport = {
  kind: 'cloudformation',
  // From the keys at the top level of the text, wherever they are (a template after any amount of comments).
  claims: (uri, text) => isCandidate(uri) && templateEvidence(text) === 'template',
  claimsHead: (uri, head) => isCandidate(uri) && templateEvidence(head) !== 'other',
  analyze: (uri, text, ctx) => analyzeTemplateText(uri, text, /\.json$/i.test(uri) ? 'json' : 'yaml', ctx),
  parse: (uri, text) => parseTemplateText(uri, text, /\.json$/i.test(uri) ? 'json' : 'yaml'),
  hover: templateHover,
  complete: templateCompletion,
  codeLenses: templateCodeLenses,
};
