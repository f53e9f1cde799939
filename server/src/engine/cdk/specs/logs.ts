/** aws-logs: `LogGroup`. */
import { ABSENT } from '../cfn-value';
import { always, enumOf, opaque, str } from './props';
import { ConstructSpec } from './types';

/** `logs.RetentionDays` members → days (`INFINITE` writes nothing). */
export const RETENTION: Record<string, number | typeof ABSENT> = {
  ONE_DAY: 1,
  THREE_DAYS: 3,
  FIVE_DAYS: 5,
  ONE_WEEK: 7,
  TWO_WEEKS: 14,
  ONE_MONTH: 30,
  TWO_MONTHS: 60,
  THREE_MONTHS: 90,
  FOUR_MONTHS: 120,
  FIVE_MONTHS: 150,
  SIX_MONTHS: 180,
  ONE_YEAR: 365,
  THIRTEEN_MONTHS: 400,
  EIGHTEEN_MONTHS: 545,
  TWO_YEARS: 731,
  THREE_YEARS: 1096,
  FIVE_YEARS: 1827,
  SIX_YEARS: 2192,
  SEVEN_YEARS: 2557,
  EIGHT_YEARS: 2922,
  NINE_YEARS: 3288,
  TEN_YEARS: 3653,
  INFINITE: ABSENT,
};

export const logGroup: ConstructSpec = {
  module: 'aws-logs',
  classes: ['LogGroup'],
  type: 'AWS::Logs::LogGroup',
  props: [
    enumOf(
      'retention',
      ['RetentionInDays'],
      ['aws-logs', 'RetentionDays'],
      RETENTION,
      always(731),
      'TWO_YEARS; INFINITE writes nothing',
    ),
    opaque('encryptionKey', ['KmsKeyId']),
    str('logGroupName', ['LogGroupName']),
  ],
  removalDefault: 'RETAIN',
};
