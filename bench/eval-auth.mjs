#!/usr/bin/env node
// Precision and recall of `missing-auth` on the labelled multi-file apps in test/corpus/auth.
// Run `npm run compile-tests` first; each app is indexed with ProjectIndex and analysed as the CLI does.
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { scoreCorpus, formatScore, CORPUS_ROOT } = require('../out/test/corpus/evaluate-project-corpus.js');
const { missingAuth } = require('../out/src/engine/rules/missing-auth.js');

const score = await scoreCorpus(`${CORPUS_ROOT}/auth`, missingAuth);
console.log(formatScore('missing-auth', score));
