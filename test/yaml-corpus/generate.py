#!/usr/bin/env python3
"""
Builds the PyYAML differential corpus for the YAML reader: test/fixtures/yaml-pyyaml/corpus.json.

CloudFormation and cfn-lint read templates the way PyYAML's SafeLoader does (YAML 1.1, short-form tags such as `!Ref`
accepted). Each case below is run through PyYAML here; its verdict (accepted, or the error and where) and, when
accepted, the composed node tree with exact offsets are written to the corpus. The committed test
(test/unit/engine/yaml-pyyaml.test.ts) reads that file and needs no Python.

Run from the repository root: python3 test/yaml-corpus/generate.py
Each case: (name, text) or (name, text, note). A note marks a deliberate difference from PyYAML:
- lenient: PyYAML rejects it, we read it. Tabs used as separators (YAML 1.2 allows them, and so does the CloudFormation
  service, unlike PyYAML-based tools) and NEL, which YAML 1.1 counts as a line break and YAML 1.2 does not.
- reported: PyYAML rejects it, we report it and still analyse the rest (CloudFormation rejects it too).
- duplicate: PyYAML keeps the last value, as CloudFormation does; so do we, and we report the ignored entry.
- multi-doc: PyYAML's single-document loader rejects it; we report it and analyse the first document.
- verdict: anchors and aliases, compared by verdict only (PyYAML composes an alias to the anchored node).
"""
import json
import os
import sys

import yaml

HEAD = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n'
BUCKET = '  Bucket:\n    Type: AWS::S3::Bucket\n'


def meta(body):
    """A template whose bucket's Metadata holds `body` (indented under Metadata)."""
    return HEAD + BUCKET + '    Metadata:\n' + body + '  Queue:\n    Type: AWS::SQS::Queue\n'


def props(body):
    return HEAD + BUCKET + '    Properties:\n' + body + '  Queue:\n    Type: AWS::SQS::Queue\n'


CASES = [
    # --- Multi-line quoted scalars: continuation lines indented at the key column or less (PyYAML ignores indentation
    # inside quoted scalars; YAML 1.2 requires more than the parent's indentation).
    ('sq continuation at key column', meta("      Description: 'first line\n      continued at the key column'\n")),
    ('dq continuation at key column', meta('      Description: "first line\n      continued at the key column"\n')),
    ('sq continuation less indented', meta("      Description: 'first line\n    continued'\n")),
    ('sq continuation at column 0', meta("      Description: 'first line\ncontinued'\n")),
    ('dq continuation at column 0', meta('      Description: "first line\ncontinued"\n')),
    ('sq continuation more indented', meta("      Description: 'first line\n        continued'\n")),
    ('sq several lines with blank lines', meta("      Description: 'one\n\n      two\n\n\n      three'\n      Other: x\n")),
    ('dq escaped line break', meta('      Description: "one \\\n      two"\n')),
    ('dq escapes across lines', meta('      Description: "tab\\there\n      \\u00e9 \\x41 \\/ \\N \\_"\n')),
    ('sq doubled quotes across lines', meta("      Description: 'it''s\n      ''quoted'''\n")),
    ('sq continuation with tab indent', meta("      Description: 'first\n\tsecond'\n")),
    ('sq continuation with trailing spaces', meta("      Description: 'first   \n      second  '\n")),
    ('sq continuation looks like a key', meta("      Description: 'first\n      Other: value'\n")),
    ('sq continuation looks like a comment', meta("      Description: 'first\n      # not a comment'\n")),
    ('sq continuation looks like a list item', meta("      Description: 'first\n      - not an item'\n")),
    ('sq continuation starts with a bracket', meta("      Description: 'first\n      [not a list]'\n")),
    ('sq in block sequence at dash column', meta("      Items:\n        - 'first\n        second'\n        - x\n")),
    ('sq in block sequence at column 0', meta("      Items:\n      - 'first\nsecond'\n      - x\n")),
    ('sq in flow sequence under-indented', meta("      Items: ['first\n      second', x]\n")),
    ('dq in flow map under-indented', meta('      Items: {a: "first\n    second", b: x}\n')),
    ('sq after short-form tag', props("      BucketName: !Sub '${AWS::StackName}\n      -logs'\n")),
    ('dq after short-form tag at column 0', props('      BucketName: !Sub "${AWS::StackName}\n-logs"\n')),
    ('sq as a top-level value', HEAD + BUCKET + "Description: 'stack\nfor the EHR'\n"),
    ('sq top-level value continuation at column 0', "Description: 'a\nb'\n" + HEAD + BUCKET),
    ('sq CRLF continuation', meta("      Description: 'first\r\n      second'\r\n").replace('\n', '\r\n').replace('\r\r', '\r')),
    ('sq continuation with Japanese text', meta("      Description: '患者情報を\n      保管するバケット'\n")),
    ('sq continuation with emoji', meta("      Description: 'a 😀\n      b 😀'\n      Other: 😀\n")),
    ('sq two under-indented scalars', meta("      A: 'one\n      two'\n      B: \"three\n      four\"\n")),
    ('sq under-indented then a deeper map', meta("      A: 'one\n    two'\n      B:\n        C: 1\n")),
    ('sq multi-line as a key', meta("      'first\n      second': 1\n")),
    ('dq multi-line as a key', meta('      "first\n      second": 1\n')),
    ('sq continuation holds a document marker', meta("      Description: 'first\n---\n      second'\n")),
    ('sq continuation holds a document end', meta("      Description: 'first\n...\n      second'\n")),
    ('sq never closed', meta("      Description: 'first\n      Other: value\n")),
    ('dq never closed', meta('      Description: "first\n      Other: value\n')),
    ('sq closed by a later quote', meta("      Description: 'first\n      Other: 'value'\n")),
    ('dq closed by a later quote', meta('      Description: "first\n      Other: "value"\n')),
    ('sq with junk after the closing quote', meta("      Description: 'first\n      second' junk\n")),
    ('sq apostrophe inside single quotes', meta("      Description: 'it's'\n")),
    # --- Flow collections and plain scalars inside them: PyYAML ignores indentation in flow context.
    ('flow seq items at key column', props("      Tags: [\n      {Key: a, Value: b}\n      ]\n")),
    ('flow seq items at column 0', props("      Tags: [{Key: a,\nValue: b}]\n")),
    ('flow map closing brace at column 0', props("      Tags: {Key: a,\n        Value: b\n}\n")),
    ('flow plain scalar continues under-indented', props("      Tags: [one\n    two, three]\n")),
    ('flow closing bracket at key column', props("      Tags: [a,\n        b\n      ]\n")),
    ('flow nested under-indented', props("      Tags: [[a,\n   b], {c: [d,\n e]}]\n")),
    ('short-form If under-indented', props("      BucketName: !If [IsProd,\n      !Ref Name,\n      !Ref AWS::NoValue]\n")),
    ('short-form Join under-indented', props("      BucketName: !Join ['-', [\n      !Ref AWS::StackName,\n      logs]]\n")),
    ('flow seq never closed', props("      Tags: [a, b\n      Other: 1\n")),
    ('flow map never closed', props("      Tags: {a: b\n      Other: 1\n")),
    ('flow holds a document marker', props("      Tags: [a,\n---\n      b]\n")),
    ('flow JSON-style map in YAML', props('      Tags: {"Key":"a","Value":"b"}\n')),
    ('flow plain key with colon', props('      Tags: {a:1}\n')),
    ('flow empty entries', props('      Tags: [a, , b]\n')),
    ('flow trailing comma', props('      Tags: [a, b, ]\n')),
    # --- Plain multi-line scalars in block context: both require more indentation than the parent.
    ('plain continuation more indented', meta("      Description: first line\n        continued\n")),
    ('plain continuation at key column', meta("      Description: first line\n      continued\n")),
    ('plain continuation in sequence', meta("      Items:\n        - first\n          second\n")),
    ('plain continuation at dash column', meta("      Items:\n        - first\n        second\n")),
    ('plain top-level continuation', "Description: a\n b\n" + HEAD + BUCKET),
    # --- Block scalars.
    ('literal block', meta("      Script: |\n        line 1\n          line 2\n\n        line 3\n      Other: x\n")),
    ('folded block strip', meta("      Script: >-\n        a\n        b\n      Other: x\n")),
    ('literal keep at end', HEAD + BUCKET + "    Metadata:\n      Script: |+\n        a\n\n"),
    ('literal with indentation indicator', meta("      Script: |2\n          indented\n        base\n")),
    ('literal less indented line', meta("      Script: |\n          a\n        b\n")),
    ('literal under-indented text', meta("      Script: |\n        a\n     b\n")),
    ('literal with tab after indentation', meta("      Script: |\n        a\n        \tb\n")),
    ('literal under short-form tag', props("      BucketName: !Sub |\n        ${AWS::StackName}-x\n")),
    ('literal first line more indented', meta("      Script: |\n          a\n        b\n")),
    # --- Tabs.
    ('tab after colon', meta("      Description:\tvalue\n"), 'lenient'),
    ('tab before comment', meta("      Description: value\t# comment\n"), 'lenient'),
    ('trailing tab', meta("      Description: value\t\n"), 'lenient'),
    ('tab inside plain scalar', meta("      Description: a\tb\n"), 'lenient'),
    ('tab indentation', HEAD + '  Bucket:\n\tType: AWS::S3::Bucket\n'),
    ('tab-only blank line', meta("      A: 1\n\t\n      B: 2\n"), 'lenient'),
    ('tab after dash', meta("      Items:\n        -\tx\n"), 'lenient'),
    ('tab inside flow', props("      Tags: [a,\tb]\n"), 'lenient'),
    ('tab before flow item on a new line', props("      Tags: [a,\n\tb]\n"), 'lenient'),
    ('tab after quoted value', meta("      Description: 'x'\t\n"), 'lenient'),
    # --- Byte order mark, directives, document markers.
    ('BOM', '\ufeff' + HEAD + BUCKET),
    ('BOM then document start', '\ufeff---\n' + HEAD + BUCKET),
    ('YAML 1.1 directive', '%YAML 1.1\n---\n' + HEAD + BUCKET),
    ('YAML 1.2 directive', '%YAML 1.2\n---\n' + HEAD + BUCKET),
    ('YAML 2.0 directive', '%YAML 2.0\n---\n' + HEAD + BUCKET, 'reported'),
    ('TAG directive', '%TAG !e! tag:example.com,2000:\n---\n' + HEAD + BUCKET),
    ('unknown directive', '%FOO bar\n---\n' + HEAD + BUCKET),
    ('directive without document start', '%YAML 1.1\n' + HEAD + BUCKET),
    ('document start', '---\n' + HEAD + BUCKET),
    ('document start and end', '---\n' + HEAD + BUCKET + '...\n'),
    ('document start with comment', '--- # template\n' + HEAD + BUCKET),
    ('two documents', HEAD + BUCKET + '---\nOther: 1\n', 'multi-doc'),
    ('empty file', ''),
    ('comment only', '# nothing here\n'),
    # --- Duplicate keys: PyYAML and CloudFormation take the last one; we report it and read the last one.
    ('duplicate property', props("      BucketName: a\n      BucketName: b\n"), 'duplicate'),
    ('duplicate resource', HEAD + BUCKET + BUCKET, 'duplicate'),
    ('duplicate top-level section', HEAD + BUCKET + 'Resources:\n' + BUCKET, 'duplicate'),
    ('duplicate key in flow map', props("      Tags: {Key: a, Key: b}\n"), 'duplicate'),
    ('duplicate quoted and plain key', props("      BucketName: a\n      'BucketName': b\n"), 'duplicate'),
    # --- Anchors, aliases, merge keys (verdict only: PyYAML composes aliases to the anchored node).
    ('anchor and alias', HEAD + '  Bucket:\n    Type: AWS::S3::Bucket\n    Metadata: &m {a: 1}\n  Queue:\n    Type: AWS::SQS::Queue\n    Metadata: *m\n', 'verdict'),
    ('merge key', HEAD + '  Bucket:\n    Type: AWS::S3::Bucket\n    Metadata: &m {a: 1}\n  Queue:\n    Type: AWS::SQS::Queue\n    Metadata:\n      <<: *m\n      b: 2\n', 'verdict'),
    ('undefined alias', meta('      A: *nothing\n')),
    # --- Escapes in double quotes.
    ('dq invalid escape', props('      BucketName: "\\d+"\n')),
    ('dq escaped single quote', props('      BucketName: "\\\'"\n')),
    ('dq all valid escapes', props('      BucketName: "\\0\\a\\b\\t\\n\\v\\f\\r\\e\\ \\"\\\\\\/\\N\\_\\L\\P\\x41\\u00e9\\U0001F600"\n')),
    ('sq backslash is literal', props("      BucketName: 'a\\d'\n")),
    # --- Comments and odd characters.
    ('comment without space after quote', meta("      Description: 'x'# comment\n")),
    ('hash inside plain scalar', meta("      Description: a#b\n")),
    ('comment after flow', props("      Tags: [a]# c\n")),
    ('comment line at column 0 inside map', meta("      A: 1\n# comment\n      B: 2\n")),
    ('control character in quoted', meta('      Description: "a\x01b"\n'), 'reported'),
    ('NEL character in plain', meta('      Description: a\x85b\n'), 'lenient'),
    ('non-breaking space', meta('      Description: a\u00a0b\n')),
    ('reserved start character', meta('      Description: @x\n')),
    ('backtick start character', meta('      Description: `x\n')),
    ('percent start character', meta('      Description: %x\n')),
    ('colon start plain', meta('      Description: :x\n')),
    ('dash start plain', meta('      Description: -x\n')),
    ('question start plain', meta('      Description: ?x\n')),
    ('key without space after colon', meta('      Description:value\n')),
    ('space before colon', meta('      Description  : value\n')),
    ('explicit key', meta('      ? Description\n      : value\n')),
    ('long key', meta('      ' + 'k' * 1100 + ': v\n')),
    ('long quoted value', meta("      A: '" + 'v' * 2000 + "'\n")),
    # --- Structure.
    ('sequence at key column', props("      Tags:\n      - Key: a\n        Value: b\n")),
    ('misaligned sequence items', props("      Tags:\n        - a\n       - b\n")),
    ('misaligned map keys', props("      A: 1\n       B: 2\n")),
    ('less indented map key', props("      A: 1\n     B: 2\n")),
    ('mapping value on dash line', props("      Tags:\n        - Key: a\n          Value: b\n")),
    ('empty value', props("      BucketName:\n      Other: x\n")),
    ('null forms', props("      A: ~\n      B: null\n      C:\n")),
    ('YAML 1.1 booleans and numbers', props("      A: yes\n      B: off\n      C: 0755\n      D: 1_000\n      E: 0x1F\n      F: 1:20\n      G: 2010-09-09\n")),
    ('short-form tags', props("      A: !Ref Name\n      B: !GetAtt Db.Endpoint.Address\n      C: !Equals [!Ref Env, prod]\n      D: !Ref\n")),
    ('short-form tag on block seq', props("      A: !If\n        - IsProd\n        - x\n        - y\n")),
    ('standard tags', props("      A: !!str 123\n      B: !!int '7'\n")),
    ('verbatim tag', props("      A: !<tag:yaml.org,2002:str> x\n")),
    ('unknown local tag', props("      A: !Foo x\n")),
    ('tag without value at end of map', props("      A: !Ref\n      B: 1\n")),
    ('CR-only line breaks', (HEAD + BUCKET).replace('\n', '\r')),
    ('CRLF line breaks', (HEAD + BUCKET + '    Metadata:\n      A: "x\n      y"\n').replace('\n', '\r\n')),
    ('missing value indicator', props("      BucketName a\n")),
    ('stray closing bracket', props("      BucketName: a]\n")),
    ('stray closing bracket after flow', props("      Tags: [a]]\n")),
    ('unclosed flow at end of file', HEAD + BUCKET + '    Properties: {BucketName: x\n'),
    ('unclosed quote at end of file', HEAD + BUCKET + "    Properties:\n      BucketName: 'x\n"),
    # --- Short-form tags with their value on the next lines.
    ('tag then value on the next line', props("      BucketName: !Ref\n        Name\n")),
    ('tag then indentless sequence', props("      BucketName: !If\n      - IsProd\n      - a\n      - b\n")),
    ('tag then block sequence of a Sub', props("      BucketName: !Sub\n        - '${A}-x'\n        - {A: !Ref Name}\n")),
    ('tag on a sequence item', props("      Tags:\n        - !If [C, {Key: a, Value: b}, !Ref AWS::NoValue]\n")),
    ('tag glued to a flow sequence', props("      BucketName: !Join['', [a, b]]\n")),
    ('two tags on one node', props("      BucketName: !Ref !Sub x\n")),
    ('tag on an alias', HEAD + '  Bucket:\n    Type: AWS::S3::Bucket\n    Metadata: &m {a: 1}\n    Properties: !Ref *m\n'),
    # --- JSON written in a .yaml file.
    ('JSON in YAML', '{\n  "Resources": {\n    "Bucket": {"Type": "AWS::S3::Bucket"}\n  }\n}\n'),
    ('JSON in YAML indented with tabs', '{\n\t"Resources": {\n\t\t"Bucket": {"Type": "AWS::S3::Bucket"}\n\t}\n}\n', 'lenient'),
    ('JSON in YAML with a trailing comma', '{\n  "Resources": {\n    "Bucket": {"Type": "AWS::S3::Bucket"},\n  }\n}\n'),
    ('JSON in YAML with a missing comma', '{\n  "A": 1\n  "B": 2\n}\n'),
    # --- Odd but valid layouts.
    ('sequence less indented than its key', props("      Tags:\n    - a\n")),
    ('compact nested sequence', props("      Tags:\n        - - a\n          - b\n")),
    ('comment between key and value', props("      BucketName: # the name\n        x\n")),
    ('multi-line plain in a list item of a flow map', props("      Tags: [{Key: a b\n c, Value: d}]\n")),
    ('double-quoted with a literal tab', props('      BucketName: "a\tb"\n')),
    ('Sub with escaped newlines in double quotes', props('      BucketName: !Sub "line1\\nline2 ${AWS::Region}"\n')),
]



def continuation_family():
    """
    Every combination of: quote style, where the scalar sits (block mapping value, list item, flow list, flow map,
    after a short-form tag, top level), the continuation's indentation (column 0 up to past the key) and what the
    continuation line looks like. Each is read inside a template with a resource before and after it.
    """
    places = {
        # name: (text before the scalar, column of the key or dash the scalar belongs to, text after)
        'map value': ('      Description: ', 6, '\n'),
        'list item': ('      Items:\n        - ', 8, '\n        - next\n'),
        'flow list': ('      Items: [first, ', 6, ', last]\n'),
        'flow map': ('      Items: {a: 1, b: ', 6, ', c: 3}\n'),
        'after !Sub': ('      Name: !Sub ', 6, '\n'),
        'nested map value': ('      Outer:\n        Inner: ', 8, '\n      After: 1\n'),
    }
    lines = {
        'text': 'continued',
        'key-like': 'Key: value',
        'dash-like': '- item',
        'comment-like': '# not a comment',
        'bracket-like': '] } [ {',
    }
    out = []
    for quote in ("'", '"'):
        for place, (before, column, after) in places.items():
            for indent in sorted({0, 1, column - 2, column, column + 1}):
                for kind, line in lines.items():
                    if kind != 'text' and indent not in (0, column):
                        continue
                    body = before + quote + 'first line\n' + ' ' * indent + line + quote + after
                    name = f'family {quote} {place}, continuation at column {indent}, {kind}'
                    out.append((name, meta(body)))
            # Blank lines and a second under-indented line.
            body = before + quote + 'a\n\n' + ' ' * column + 'b\n' + 'c' + quote + after
            out.append((f'family {quote} {place}, blank line and two lines', meta(body)))
    return out


CASES += continuation_family()

class CfnLoader(yaml.SafeLoader):
    pass


def _short_form(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return {suffix: value}


CfnLoader.add_multi_constructor('!', _short_form)


def utf16(text):
    """Maps a code-point index to the UTF-16 offset JavaScript uses."""
    out = [0]
    for ch in text:
        out.append(out[-1] + (2 if ord(ch) > 0xFFFF else 1))
    return out


def tree(node, pos):
    d = {'start': pos[node.start_mark.index], 'end': pos[node.end_mark.index]}
    if node.tag and node.tag.startswith('!') and not node.tag.startswith('!!'):
        d['tag'] = node.tag
    if isinstance(node, yaml.ScalarNode):
        d.update(kind='scalar', value=node.value, style=node.style or '')
    elif isinstance(node, yaml.SequenceNode):
        d.update(kind='seq', items=[tree(n, pos) for n in node.value])
    else:
        d.update(kind='map', entries=[[tree(k, pos), tree(v, pos)] for k, v in node.value])
    return d


def verdict(text):
    pos = utf16(text)
    try:
        loader = CfnLoader(text)
        try:
            node = loader.get_single_node()
            if node is not None:
                loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        return {
            'ok': False,
            'error': ' '.join(x for x in [e.context, e.problem] if x),
            'line': mark.line if mark else None,
            'offset': pos[mark.index] if mark else None,
        }
    except yaml.YAMLError as e:
        return {'ok': False, 'error': str(e).split('\n')[0]}
    return {'ok': True, 'tree': tree(node, pos) if node is not None else None}


def main():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    out = []
    names = set()
    for case in CASES:
        name, text = case[0], case[1]
        if name in names:
            sys.exit(f'duplicate case name: {name}')
        names.add(name)
        entry = {'name': name, 'text': text, 'pyyaml': verdict(text)}
        if len(case) > 2:
            entry['note'] = case[2]
        out.append(entry)
    dest = os.path.join(root, 'test/fixtures/yaml-pyyaml/corpus.json')
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    head = json.dumps({'generator': 'test/yaml-corpus/generate.py', 'pyyaml': yaml.__version__})[:-1]
    with open(dest, 'w', encoding='utf-8') as f:
        # One case a line, so that a change to the corpus reads as a change to its cases.
        f.write(head + ', "cases": [\n' + ',\n'.join(json.dumps(c, ensure_ascii=False) for c in out) + '\n]}\n')
    print(f'{len(out)} cases, {sum(1 for c in out if c["pyyaml"]["ok"])} accepted by PyYAML {yaml.__version__}')


if __name__ == '__main__':
    main()
