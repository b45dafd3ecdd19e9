import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';
import { runRuleTests, type InvalidCase, type ValidCase } from '../../../src/testing/rule-tester';

// Ruby model scopes (`scope :recent, ->(length) { ... }`) and `def self.x` class methods called from other
// files: a parameter has what the project's calls pass, and when a call passes what a helper returns
// (`length = interval(params[:p])`), each key of that result keeps its own origin (`length[:days]`).

const HELPER = [
  'module IntervalHelper',
  '  UNITS = { "d" => "Day", "w" => "Week" }.freeze',
  '  def interval(param)',
  '    if (m = param.to_s.match(/\\A(\\d+)([dw])\\z/))',
  '      { days: m[1].to_i, label: "#{param} ago" }',
  '    else',
  '      { days: 7, label: "a week ago" }',
  '    end',
  '  end',
  'end',
  '',
].join('\n');
const APPLICATION = 'class ApplicationController < ActionController::Base\n  include IntervalHelper\nend\n';
const MODEL_FILE = '/p/app/models/story.rb';
const CONTROLLER_FILE = '/p/app/controllers/stories_controller.rb';

/** A model whose scope (or class method) splices `use` of its `length` parameter. */
const scopeModel = (use: string): string => `class Story < ApplicationRecord\n  scope :recent, ->(user, length) {\n    where("created_at >= datetime('now', '-${use} days')")\n  }\nend\n`;
const classMethodModel = (use: string): string => `class Story < ApplicationRecord\n  def self.recent(user, length)\n    where("created_at >= datetime('now', '-${use} days')")\n  end\nend\n`;
/** A controller that calls the scope with `passed`, after `setup`. */
const controller = (setup: string, passed: string): string => `class StoriesController < ApplicationController\n  def index\n    ${setup}\n    @stories = Story.recent(@user, ${passed})\n  end\nend\n`;

function files(controllerCode: string): Record<string, string> {
  return { '/p/app/helpers/interval_helper.rb': HELPER, '/p/app/controllers/application_controller.rb': APPLICATION, [CONTROLLER_FILE]: controllerCode };
}

function ok(name: string, model: string, controllerCode: string): ValidCase {
  return { name, languageId: 'ruby', fileName: MODEL_FILE, files: files(controllerCode), code: model };
}

function bad(name: string, model: string, controllerCode?: string): InvalidCase {
  return { name, languageId: 'ruby', fileName: MODEL_FILE, ...(controllerCode ? { files: files(controllerCode) } : {}), code: model, errors: [{ messageId: 'concatenated' }], output: null };
}

runRuleTests(sqlConcatenation, {
  valid: [
    ok('a scope given a helper result: its number key', scopeModel('#{length[:days]}'), controller('length = interval(params[:length])', 'length')),
    ok('a class method given a helper result: its number key', classMethodModel('#{length[:days]}'), controller('length = interval(params[:length])', 'length')),
    ok('a scope given the helper call itself', scopeModel('#{length[:days]}'), controller('', 'interval(params[:length])')),
    ok('a scope given a number', scopeModel('#{length}'), controller('', 'params[:n].to_i')),
  ],
  invalid: [
    bad('a scope given a helper result: the key that carries the input', scopeModel('#{length[:label]}'), controller('length = interval(params[:length])', 'length')),
    bad('a scope given a hash of request data', scopeModel('#{length[:days]}'), controller('length = { days: params[:days] }', 'length')),
    bad('a scope given request data', scopeModel('#{length}'), controller('', 'params[:length]')),
    bad('a scope one of whose callers passes request data', scopeModel('#{length[:days]}'), controller('length = interval(params[:length])', 'length') + 'class FeedController < ApplicationController\n  def index\n    Story.recent(@user, params[:l])\n  end\nend\n'),
    bad('a scope with no caller in the project', scopeModel('#{length[:days]}'), 'class Other\nend\n'),
    bad('without a project index, a scope parameter is unknown', scopeModel('#{length[:days]}')),
  ],
});
