// Mocha's spec reporter, writing to the file named by the reporter option `output` instead of the console: in
// code-server the extension host's console reaches the browser mixed with the workbench's own log, while this file is
// on the same machine as the test driver, which prints it as it grows.
'use strict';
const fs = require('fs');
const util = require('util');
const Mocha = require('mocha');

class FileSpecReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    const output = options && options.reporterOptions && options.reporterOptions.output;
    if (!output) throw new Error('file-reporter needs reporterOptions.output');
    fs.writeFileSync(output, '');
    Mocha.reporters.Base.consoleLog = (...args) => fs.appendFileSync(output, util.format(...args) + '\n');
    super(runner, options);
  }
}

module.exports = FileSpecReporter;
