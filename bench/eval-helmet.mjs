#!/usr/bin/env node
// Precision and recall of `missing-helmet` on the labelled multi-file apps in test/corpus/helmet.
// Run `npm run compile-tests` first; each app is indexed with ProjectIndex and analysed as the CLI does.
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { scoreCorpus, formatScore, CORPUS_ROOT } = require('../out/test/corpus/evaluate-project-corpus.js');
const { missingHelmet } = require('../out/src/engine/rules/missing-helmet.js');

const score = await scoreCorpus(`${CORPUS_ROOT}/helmet`, missingHelmet);
console.log(formatScore('missing-helmet', score));
