import { cdkLanguage } from './cdk/language';
import { cloudFormationLanguage } from './cloudformation/language';
import { LanguageSupport } from './language';
import { riskLanguage } from './risk/language';

/** Registered formats, most specific first. */
export const LANGUAGES: LanguageSupport[] = [riskLanguage, cloudFormationLanguage, cdkLanguage];
