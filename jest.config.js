// One jest run for the whole workspace: unit specs (*.spec.ts) and integration specs (*.int-spec.ts).
// TypeScript is transpiled by swc (type checking is `npm run typecheck`); @taonode/* aliases mirror tsconfig paths.
const fs = require('node:fs');
const path = require('node:path');

const swcConfig = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
delete swcConfig.$schema;

const aliases = {};
for (const root of ['libs', 'apps']) {
  for (const name of fs.readdirSync(path.join(__dirname, root))) {
    if (fs.existsSync(path.join(__dirname, root, name, 'src', 'index.ts'))) {
      aliases[`^@taonode/${name}$`] = `<rootDir>/${root}/${name}/src/index.ts`;
    }
  }
}

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/bench', '<rootDir>/scripts'],
  testMatch: ['**/*.spec.ts', '**/*.int-spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swcConfig] },
  moduleNameMapper: aliases,
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.js'],
  testTimeout: 60000,
  maxWorkers: process.env.CI ? 2 : '50%',
};
