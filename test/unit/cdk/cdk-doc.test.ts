import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { renderCdkDoc } from '../../../server/src/tools/cdk-doc';
import { ROOT } from '../../helpers';

describe('CDK reference', () => {
  it('docs/cdk.md tables are generated from the current construct specs (run `npm run docs`)', () => {
    const text = fs.readFileSync(path.join(ROOT, 'docs/cdk.md'), 'utf8');
    assert.strictEqual(text, renderCdkDoc(text));
  });

  it('a block whose markers are missing is an error, not a silent skip', () => {
    assert.throws(() => renderCdkDoc('# no generated blocks\n'), /no generated block "constructs"/);
  });
});
