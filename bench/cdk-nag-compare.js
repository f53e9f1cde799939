#!/usr/bin/env node
/**
 * Compares iryo-guard with cdk-nag's HIPAA Security pack on samples/cdk. This script RUNS the sample's CDK code on
 * purpose (synth needs it); the language server never does. Needs the dev dependencies aws-cdk-lib and cdk-nag and a
 * prior `npm run build`. Writes bench/results/cdk-nag/{cdk.out,cdk-nag.json,iryo-source.json,iryo-synth.json}.
 */
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const ts = require('typescript');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'bench/results/cdk-nag');
const compiled = path.join(out, 'app');
const outdir = path.join(out, 'cdk.out');
fs.rmSync(out, { recursive: true, force: true });

// 1. Transpile the sample app (syntax only, like ts-node --transpile-only) next to the repository's node_modules.
for (const dir of ['bin', 'lib']) {
  for (const f of fs.readdirSync(path.join(root, 'samples/cdk', dir)).filter(x => x.endsWith('.ts'))) {
    const src = fs.readFileSync(path.join(root, 'samples/cdk', dir, f), 'utf8');
    const js = ts.transpileModule(src, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    fs.mkdirSync(path.join(compiled, dir), { recursive: true });
    fs.writeFileSync(path.join(compiled, dir, f.replace(/\.ts$/, '.js')), js);
  }
}

// 2. Synth with the HIPAA Security pack as a policy-validation plugin.
const cdk = require('aws-cdk-lib');
const { HIPAASecurityChecks } = require('cdk-nag');
const { AccountBaselineStack } = require(path.join(compiled, 'lib/account-baseline-stack.js'));
const { EhrStack } = require(path.join(compiled, 'lib/ehr-stack.js'));
const { EhrNoncompliantStack } = require(path.join(compiled, 'lib/ehr-noncompliant-stack.js'));
const context = JSON.parse(fs.readFileSync(path.join(root, 'samples/cdk/cdk.json'), 'utf8')).context;
const app = new cdk.App({
  outdir,
  context: { ...context, '@aws-cdk/core:validationReportJson': true, 'aws:cdk:enable-path-metadata': true },
});
const env = { account: '123456789012', region: 'ap-northeast-1' };
new AccountBaselineStack(app, 'AccountBaselineStack', { env });
new EhrStack(app, 'EhrStack', { env });
new EhrNoncompliantStack(app, 'EhrNoncompliantStack', { env });
cdk.Validations.of(app).addPlugins(new HIPAASecurityChecks(app));
let synthError = '';
try {
  app.synth();
} catch (e) {
  synthError = String(e.message || e).slice(0, 400);
}

const reportFile = fs.readdirSync(outdir).find(f => /validation-report.*\.json$/.test(f));
const nag = [];
if (reportFile) {
  const report = JSON.parse(fs.readFileSync(path.join(outdir, reportFile), 'utf8'));
  for (const plugin of report.pluginReports ?? []) {
    for (const v of plugin.violations ?? []) {
      for (const r of v.violatingResources ?? v.violatingConstructs ?? []) {
        nag.push({ rule: v.ruleName, severity: v.severity ?? '', path: r.constructPath ?? r.resourceLogicalId ?? '' });
      }
    }
  }
}
fs.writeFileSync(path.join(out, 'cdk-nag.json'), JSON.stringify({ synthError, findings: nag }, null, 2));

// 3. iryo-guard on the source and on the synthesized templates (the same CLI a CI job runs).
const cli = args => {
  try {
    return execFileSync(
      process.execPath,
      [path.join(root, 'dist/cli.js'), 'check', ...args, '--format', 'json', '--fail-on', 'never', '--lang', 'en'],
      { encoding: 'utf8' },
    );
  } catch (e) {
    return e.stdout;
  }
};
const source = JSON.parse(cli([path.join(root, 'samples/cdk/lib')]));
const synth = JSON.parse(cli([outdir]));
fs.writeFileSync(path.join(out, 'iryo-source.json'), JSON.stringify(source, null, 2));
fs.writeFileSync(path.join(out, 'iryo-synth.json'), JSON.stringify(synth, null, 2));

const count = (list, key) => list.reduce((m, x) => ((m[key(x)] = (m[key(x)] ?? 0) + 1), m), {});
console.log(
  `cdk-nag HIPAA.Security: ${nag.length} ` +
    `finding(s)${synthError ? ` (synth reported: ${synthError.split('\n')[0]})` : ''}`,
);
console.log(
  JSON.stringify(
    count(nag, x => `${x.rule} ${x.path}`),
    null,
    1,
  ),
);
console.log(`iryo-guard source: ${source.findings.length} finding(s)`);
console.log(
  JSON.stringify(
    count(source.findings, x => `${path.basename(x.file)} ${x.rule} ${x.resource}`),
    null,
    1,
  ),
);
console.log(`iryo-guard cdk.out: ${synth.findings.length} finding(s)`);
console.log(
  JSON.stringify(
    count(
      synth.findings,
      x => `${path.basename(x.file)} ${x.rule} ${x.message.replace(/.*\(construct /, '').replace(/\).*/, '')}`,
    ),
    null,
    1,
  ),
);
