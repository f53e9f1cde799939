/** The inline position markers of test/markers.ts. */
import * as assert from 'assert';
import { marked, positionOf, rangeOf } from '../markers';

describe('inline position markers', () => {
  it('a cursor gives its offset in the clean text', () => {
    const m = marked('Type: AWS::S3::Bu<|>cket\n');
    assert.strictEqual(m.text, 'Type: AWS::S3::Bucket\n');
    assert.strictEqual(m.cursor, 'Type: AWS::S3::Bu'.length);
  });

  it('ranges and cursors, in order, a cursor inside a range, offsets after earlier markers removed', () => {
    const m = marked('a: [[x<|>y]]\nb: <|>[[zz]]\n');
    assert.strictEqual(m.text, 'a: xy\nb: zz\n');
    assert.deepStrictEqual(m.cursors, [4, 9]);
    assert.deepStrictEqual(m.ranges, [
      { start: 3, end: 5 },
      { start: 9, end: 11 },
    ]);
    assert.deepStrictEqual(
      m.ranges.map(r => m.text.slice(r.start, r.end)),
      ['xy', 'zz'],
    );
  });

  it('`cursor` and `range` insist on exactly one', () => {
    assert.throws(() => marked('no markers').cursor, /exactly one <\|> marker, found 0/);
    assert.throws(() => marked('<|>a<|>').cursor, /found 2/);
    assert.throws(() => marked('[[a]] [[b]]').range, /exactly one \[\[…\]\] marker, found 2/);
  });

  it('unbalanced brackets throw instead of being read as text', () => {
    assert.throws(() => marked('a: [[1, 2]'), /never closed/);
    assert.throws(() => marked('a: [1, 2]]'), /closes no \[\[/);
    assert.throws(() => marked('[[a [[b]] c]]'), /nested/);
  });

  it('LSP positions count UTF-16 characters on their line', () => {
    const m = marked('リスク:\n  - 対策: [[暗<|>号化]]\n');
    assert.deepStrictEqual(positionOf(m.text, m.cursor), { line: 1, character: 9 });
    assert.deepStrictEqual(rangeOf(m.text, m.range), {
      start: { line: 1, character: 8 },
      end: { line: 1, character: 11 },
    });
  });
});
