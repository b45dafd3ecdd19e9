/**
 * What loads a JavaScript or TypeScript module from outside the project's code, as data: the configuration files
 * that may name the files a process starts with, and the places where a framework or a person loads files by
 * convention, whatever imports them. Read by `module-reach.ts`; adding a framework or a tool is a change here, with a test.
 */

/**
 * Configuration files read near each package.json and at the project root (and one folder below them), whose
 * text may name a module to run: a Dockerfile `CMD`, a Procfile, `serverless.yml` handlers, pm2 / nodemon /
 * Vercel / Netlify / Firebase settings (JSON, YAML, TOML), shell scripts that start the server, CI workflows.
 * JavaScript configuration files (`ecosystem.config.js`) are source files: their strings are read as code's.
 */
export const LAUNCH_CONFIG_FILE = /^(?:Dockerfile[\w.-]*|[\w.-]+\.Dockerfile|Procfile[\w.-]*|Makefile|[\w.-]+\.(?:json|jsonc|json5|ya?ml|toml|sh|bash|service|conf)|\.[\w.-]+rc)$/i;

/** Files left out even though their name fits: lock files, and compiler and linter settings (which files are checked, not run). */
export const NOT_LAUNCH_CONFIG = /^(?:package\.json|package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|composer\.lock|[tj]sconfig[\w.-]*\.json|\.(?:eslint|prettier|stylelint|babel|npm|yarn|nvm)rc[\w.-]*|\.?(?:eslint|prettier|stylelint)[\w.-]*\.json)$/i;

/** Folders below a package or the root where launch configuration commonly sits (`docker/Dockerfile`, CI workflows). */
export const LAUNCH_CONFIG_FOLDERS: readonly string[] = ['docker', 'deploy', 'deployment', 'ops', 'infra', 'bin', 'scripts', '.github/workflows', '.circleci', 'k8s', 'helm', 'config'];

/** Larger configuration files are not read (generated reports and data, not settings); counted per file. */
export const MAX_LAUNCH_CONFIG_BYTES = 64 * 1024;

/** At most this many configuration files are read per scan. */
export const MAX_LAUNCH_CONFIG_FILES = 400;

/**
 * Paths (relative to a package's folder, `/` separators) that a framework or a tool loads by their place or
 * name: Next.js pages, App Router files and root middleware, serverless `api/` and `netlify/functions` folders,
 * SvelteKit / Nuxt / Remix / Astro routes, tool configuration modules (`*.config.js`, `.eslintrc.js`, `gulpfile`,
 * `knexfile`), migrations and seeds given to their runners as folders, Nest's default `src/main.ts`.
 */
export const CONVENTIONAL_ENTRY: readonly RegExp[] = [
  /(?:^|\/)pages\//,
  /(?:^|\/)app\/(?:.*\/)?(?:route|page|layout|template|loading|error|global-error|not-found|default|head|sitemap|robots|manifest|opengraph-image|twitter-image|icon|apple-icon)\.[cm]?[jt]sx?$/,
  /^(?:src\/)?(?:middleware|instrumentation|instrumentation-client|proxy)\.[cm]?[jt]s$/,
  /(?:^|\/)api\//,
  /(?:^|\/)netlify\/(?:edge-)?functions\//,
  /(?:^|\/)functions\//,
  /(?:^|\/)src\/routes\//,
  /(?:^|\/)\+[\w.-]+\.[cm]?[jt]sx?$/,
  /(?:^|\/)app\/routes\//,
  /(?:^|\/)server\/(?:api|routes|middleware|plugins|tasks)\//,
  /(?:^|\/)src\/pages\//,
  /(?:^|\/)[\w.-]+\.config\.[cm]?[jt]s$/,
  /(?:^|\/)\.[\w.-]+\.[cm]?[jt]s$/,
  /(?:^|\/)(?:gulpfile|gruntfile|jakefile|knexfile|webpack\.[\w.-]+|rollup\.[\w.-]+)\.[cm]?[jt]s$/i,
  /(?:^|\/)(?:migrations?|seeds?|seeders)\//,
  /^src\/main\.[cm]?[jt]s$/,
];

/**
 * Folders of files a person runs by hand (`node scripts/reindex.js`) or puts on the path: what nothing names
 * may still be run. Files directly in a package's folder are run the same way (`node server.js`).
 */
export const RUN_BY_HAND_FOLDER = /(?:^|\/)(?:\.?scripts?|bin|tools?|cli|commands|tasks|jobs|cron|workers?|examples?|bench(?:mark)?s?)\//i;

/** Package.json fields besides the dependency lists whose strings name no module to run (package names, people, links). */
export const NON_LAUNCH_FIELDS: readonly string[] = ['name', 'version', 'description', 'keywords', 'license', 'author', 'contributors', 'maintainers', 'repository', 'homepage', 'bugs', 'funding', 'engines', 'bundleDependencies', 'bundledDependencies', 'overrides', 'resolutions', 'packageManager'];

/** Folders compilers write built output to: a launcher naming `dist/server.js` runs what `src/server.ts` is built into. */
export const BUILD_OUTPUT_FOLDERS: ReadonlySet<string> = new Set(['dist', 'build', 'out', 'lib', 'output', '.output', 'target', 'compiled']);

/**
 * Configuration modules of tools that check or style files rather than run them (linters, formatters, test runners,
 * CSS tools): the paths and globs they name (`files: ['server/**\/*.js']`) are files read, not modules loaded.
 */
export const CHECKING_TOOL_CONFIG = /(?:^|\/)\.?(?:eslint|prettier|stylelint|commitlint|lint-staged|jest|vitest|karma|mocha|ava|c8|nyc|playwright|cypress|tailwind|postcss|tsup|knip|depcheck|renovate|husky)(?:\.[\w-]+)*(?:rc)?\.[cm]?[jt]s$/i;
