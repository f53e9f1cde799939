import { LanguageSupport } from '../language';
import { RISK_FILE } from '../risk/language';
import { looksLikeTemplate } from '../parse/cloudformation';
import { analyzeTemplateText, parseTemplateText } from './analyze';
import { templateCodeLenses } from '../template/code-lens';
import { templateCompletion } from '../template/completion';
import { templateHover } from '../template/hover';

export const cloudFormationLanguage: LanguageSupport = {
  kind: 'cloudformation',
  claims: (uri, text) => /\.(ya?ml|json|template)$/i.test(uri) && !RISK_FILE.test(uri) && looksLikeTemplate(text),
  analyze: (uri, text, ctx) => analyzeTemplateText(uri, text, /\.json$/i.test(uri) ? 'json' : 'yaml', ctx),
  parse: (uri, text) => parseTemplateText(uri, text, /\.json$/i.test(uri) ? 'json' : 'yaml'),
  hover: templateHover,
  complete: templateCompletion,
  codeLenses: templateCodeLenses,
};
