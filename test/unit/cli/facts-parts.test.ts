import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { FACTS_PER_MESSAGE, factsOfPart, factsParts } from '../../../src/cli/scan-worker';
import { hasProjectFacts, languageOfFileName } from '../../../src/engine/languages';
import { sharedGrammars } from '../../../src/engine/parser';
import type { FileFacts } from '../../../src/engine/project';
import { factsOfText } from '../../../src/engine/project/project-index';
import { SharedStrings } from '../../../src/engine/project/shared-strings';
import { filesUnder } from '../files-under';

const CORPUS = path.join(__dirname, '../../../../test/corpus');

function sourceFiles(dir: string): string[] {
  return filesUnder(dir, (file) => {
    const languageId = languageOfFileName(file);
    return !!languageId && hasProjectFacts(languageId);
  });
}

/** Files of the languages the test corpus lacks, each with facts of its own kind (apps, routes, classes, calls). */
const OTHER_LANGUAGES: Record<string, string> = {
  '/p/app.py': [
    'from flask import Flask, request',
    'from .db import run',
    'app = Flask(__name__)',
    '',
    "@app.after_request",
    'def headers(response):',
    "    response.headers['X-Frame-Options'] = 'DENY'",
    '    return response',
    '',
    "@app.route('/users/<id>', methods=['POST'])",
    'def user(id, limit=None, **options):',
    "    return run('SELECT * FROM users WHERE id = ' + id, key=request.args.get('k'))",
    '',
  ].join('\n'),
  '/p/app/models/user.rb': [
    'class User < ApplicationRecord',
    '  include Searchable',
    '  def self.by_name(name)',
    '    where("name = \'#{name}\'")',
    '  end',
    '  def table',
    "    'users'",
    '  end',
    'end',
    'User.by_name(params[:name])',
    '',
  ].join('\n'),
  '/p/app/Repo.php': [
    '<?php',
    'class UserRepo extends BaseRepo {',
    "  public function table() { return 'users'; }",
    "  public function columns() { return ['id', 'name']; }",
    "  public function find($id) { return DB::select('SELECT * FROM ' . $this->table() . ' WHERE id = ' . $id); }",
    '}',
    '',
  ].join('\n'),
};

/** Where `value` holds `undefined` in a list (JSON would turn it into `null`), as paths. */
function undefinedInLists(value: unknown, at = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => (item === undefined ? [`${at}[${i}]`] : undefinedInLists(item, `${at}[${i}]`)));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => undefinedInLists(item, `${at}.${key}`));
}

/** `value` with every key whose value is `undefined` left out, as JSON leaves them out. */
function withoutUndefinedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefinedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined).map(([key, item]) => [key, withoutUndefinedKeys(item)]));
}

describe('Facts between threads, in parts of JSON text', () => {
  it('arrive equal to what was sent, for every source file of the test corpus and files of every other language with facts', async () => {
    const sent: Array<[string, FileFacts]> = [];
    for (const file of sourceFiles(CORPUS)) sent.push([file, await factsOfText(file, fs.readFileSync(file, 'utf8'), languageOfFileName(file)!, sharedGrammars(), CORPUS)]);
    for (const [file, text] of Object.entries(OTHER_LANGUAGES)) sent.push([file, await factsOfText(file, text, languageOfFileName(file)!, sharedGrammars(), '/p')]);
    const read = new Set(sent.filter(([, facts]) => !facts.skipped).map(([, facts]) => facts.languageId));
    assert.deepStrictEqual(['javascript', 'typescript', 'python', 'ruby', 'php'].filter((language) => !read.has(language as FileFacts['languageId'])), [], 'facts read in every language');
    // JSON has no `undefined`: in a list it would arrive as `null`, so facts never hold one there
    assert.deepStrictEqual(sent.flatMap(([file, facts]) => undefinedInLists(facts, file)), []);
    const received = [...factsParts(sent)].flatMap((part) => factsOfPart(part, new SharedStrings()));
    // a key whose value is `undefined` arrives left out, which reads the same
    assert.deepStrictEqual(received, withoutUndefinedKeys(sent));
  });

  it('splits facts into consecutive parts of at most FACTS_PER_MESSAGE files, each file once, in order', () => {
    const facts = Array.from({ length: 2 * FACTS_PER_MESSAGE + 1 }, (_, i): [string, FileFacts] => [`f${i}`, { fileName: `f${i}` } as FileFacts]);
    const parts = [...factsParts(facts)];
    assert.deepStrictEqual(parts.map((part) => factsOfPart(part, new SharedStrings()).length), [FACTS_PER_MESSAGE, FACTS_PER_MESSAGE, 1]);
    assert.deepStrictEqual(parts.flatMap((part) => factsOfPart(part, new SharedStrings())), facts);
    assert.deepStrictEqual([...factsParts([])], []);
  });
});
