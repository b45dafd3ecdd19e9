// `node bench/eslint-run.cjs FOLDER`: ESLint 9 with four security plugins over FOLDER, for `npm run bench`'s
// comparison; prints the number of messages. The plugins are not dependencies
// of this project; install them beside the bench once (see bench/README or the README's benchmark section):
//   npm install --prefix .bench/eslint eslint@9 typescript-eslint eslint-plugin-security \
//     eslint-plugin-no-unsanitized @microsoft/eslint-plugin-sdl eslint-plugin-sonarjs
const path = require('path');
const { createRequire } = require('module');

const from = createRequire(path.join(__dirname, '..', '.bench', 'eslint', 'package.json'));
const tseslint = from('typescript-eslint');
const security = from('eslint-plugin-security');
const noUnsanitized = from('eslint-plugin-no-unsanitized');
const sdl = from('@microsoft/eslint-plugin-sdl');
const sonarjs = from('eslint-plugin-sonarjs');

const sdlRules = Object.fromEntries(Object.keys(sdl.rules).map((name) => [`@microsoft/sdl/${name}`, 'warn']));

const config = [
  { files: ['**/*.{js,cjs,mjs,jsx,ts,cts,mts,tsx}'] },
  { languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } }, sourceType: 'module' } },
  security.configs.recommended,
  noUnsanitized.configs.recommended,
  { plugins: { '@microsoft/sdl': sdl }, rules: sdlRules },
  sonarjs.configs.recommended,
];

async function main() {
  const folder = path.resolve(process.argv[2]);
  const { ESLint } = from('eslint');
  // no config file: this array is the whole configuration, and the folder is its base path
  const eslint = new ESLint({ cwd: folder, overrideConfigFile: true, overrideConfig: config, errorOnUnmatchedPattern: false });
  const results = await eslint.lintFiles(['.']);
  const messages = results.reduce((sum, r) => sum + r.messages.length, 0);
  process.stdout.write(`${results.length} files, ${messages} messages\n`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 2;
});
