import * as assert from 'assert';
import { parse } from 'yaml';
import { yamlScalar } from '../../../server/src/engine/fixes/render';

describe('YAML scalars written by fixes', () => {
  it('quotes date-like strings so YAML 1.1 readers keep them strings', () => {
    assert.strictEqual(yamlScalar('2012-10-17'), '"2012-10-17"');
    assert.strictEqual(parse(`Version: ${yamlScalar('2012-10-17')}`, { version: '1.1' }).Version, '2012-10-17');
  });

  it('leaves ordinary identifiers plain', () => {
    assert.strictEqual(yamlScalar('ELBSecurityPolicy-TLS13-1-2-2021-06'), 'ELBSecurityPolicy-TLS13-1-2-2021-06');
    assert.strictEqual(yamlScalar('alias/aws/sns'), 'alias/aws/sns');
  });
});
