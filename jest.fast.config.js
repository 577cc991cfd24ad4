// `npm run test:fast`: the edit-test loop. Every suite but those that drive Chromium
// (*.browser.test.ts) or start child processes (*.process.test.ts); `npm test` runs them all.
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testPathIgnorePatterns: ['/node_modules/', '\\.browser\\.test\\.ts$', '\\.process\\.test\\.ts$'],
};
