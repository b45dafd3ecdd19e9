import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';
import { runRuleTests } from '../../../src/testing/rule-tester';

// Ruby across files, when the project is indexed: a method called without a receiver is read where the
// project defines it (in the class, what it inherits or includes, or a Rails helper), so the value a helper
// validates stays safe in the controller that splices it; a parameter of `def self.x` has what every call in
// the project passes. Without an index, both stay unknown, as they were.

const INTERVAL_HELPER = [
  'module IntervalHelper',
  '  UNITS = { "d" => "Day", "w" => "Week" }.freeze',
  '  DEFAULT = { dur: 7, intv: "Day" }.freeze',
  '  def interval(param)',
  '    if (m = param.to_s.match(/\\A(\\d+)([dw])\\z/))',
  '      dur = m[1].to_i',
  '      return DEFAULT unless UNITS.include? m[2]',
  '      unit = UNITS[m[2]]',
  '      days, intv = unit == "Week" ? [dur * 7, "Day"] : [dur, unit]',
  '      { dur: days, intv: intv, label: "#{param} ago" }',
  '    else',
  '      DEFAULT',
  '    end',
  '  end',
  'end',
  '',
].join('\n');
const RAW_HELPER = 'module IntervalHelper\n  def interval(param)\n    { dur: param, intv: "Day" }\n  end\nend\n';
const APPLICATION = 'class ApplicationController < ActionController::Base\n  include IntervalHelper\nend\n';
const controller = (use: string): string => `class StatsController < ApplicationController\n  def index\n    length = interval(params[:period])\n    @rows = Story.where("created_at >= datetime('now', '-${use}')")\n  end\nend\n`;
const CONTROLLER = '/p/app/controllers/stats_controller.rb';

const SEARCH = [
  'module FullTextSearch',
  '  def self.[](*cols)',
  '    Module.new do',
  '      extend ActiveSupport::Concern',
  '      included do',
  '        after_create do |record|',
  '          column_list = cols.join(", ")',
  '          ActiveRecord::Base.connection.exec_insert("INSERT INTO search (rowid, #{column_list}) VALUES (?)", nil, [record.id])',
  '        end',
  '      end',
  '    end',
  '  end',
  'end',
  '',
].join('\n');
const SEARCH_FILE = '/p/app/models/full_text_search.rb';

runRuleTests(sqlConcatenation, {
  valid: [
    {
      name: 'a key of what an included helper returns after checking its argument: a number and a fixed unit',
      languageId: 'ruby', fileName: CONTROLLER,
      files: { '/p/app/helpers/interval_helper.rb': INTERVAL_HELPER, '/p/app/controllers/application_controller.rb': APPLICATION },
      code: controller('#{length[:dur]} #{length[:intv]}'),
    },
    {
      name: 'an instance variable holding a helper result, in a controller that includes it through its superclass',
      languageId: 'ruby', fileName: CONTROLLER,
      files: { '/p/app/helpers/interval_helper.rb': INTERVAL_HELPER, '/p/app/controllers/application_controller.rb': APPLICATION },
      code: 'class StatsController < ApplicationController\n  def index\n    @interval = interval("1w")\n    @rows = ActiveRecord::Base.connection.exec_query("SELECT * FROM t WHERE created_at >= datetime(\'now\', \'-#{@interval[:dur]} #{@interval[:intv]}\')")\n  end\nend\n',
    },
    {
      name: 'a Rails helper calling another helper module\'s method: helpers are shared without an include',
      languageId: 'ruby', fileName: '/p/app/helpers/report_helper.rb',
      files: { '/p/app/helpers/interval_helper.rb': INTERVAL_HELPER },
      code: 'module ReportHelper\n  def recent(param)\n    length = interval(param)\n    Story.where("created_at >= datetime(\'now\', \'-#{length[:dur]} #{length[:intv]}\')")\n  end\nend\n',
    },
    {
      name: 'a concern method given column symbols by every model that includes it',
      languageId: 'ruby', fileName: SEARCH_FILE,
      files: { '/p/app/models/comment.rb': 'class Comment < ApplicationRecord\n  include FullTextSearch[:comment]\nend\n', '/p/app/models/story_text.rb': 'class StoryText < ApplicationRecord\n  include FullTextSearch[:title, :body]\nend\n' },
      code: SEARCH,
    },
  ],
  invalid: [
    {
      name: 'a key of what the helper returns that carries its argument',
      languageId: 'ruby', fileName: CONTROLLER,
      files: { '/p/app/helpers/interval_helper.rb': INTERVAL_HELPER, '/p/app/controllers/application_controller.rb': APPLICATION },
      code: controller('#{length[:label]}'),
      errors: [{ messageId: 'concatenated' }], output: null,
    },
    {
      name: 'a helper that returns its raw argument',
      languageId: 'ruby', fileName: CONTROLLER,
      files: { '/p/app/helpers/interval_helper.rb': RAW_HELPER, '/p/app/controllers/application_controller.rb': APPLICATION },
      code: controller('#{length[:dur]} #{length[:intv]}'),
      errors: [{ messageId: 'concatenated' }], output: null,
    },
    {
      name: 'one definition of the name that returns its argument decides, whichever the call reaches',
      languageId: 'ruby', fileName: CONTROLLER,
      files: {
        '/p/app/helpers/interval_helper.rb': INTERVAL_HELPER,
        '/p/app/controllers/application_controller.rb': 'class ApplicationController < ActionController::Base\n  include IntervalHelper\n  def interval(param)\n    { dur: param, intv: "Day" }\n  end\nend\n',
      },
      code: controller('#{length[:dur]} #{length[:intv]}'),
      errors: [{ messageId: 'concatenated' }], output: null,
    },
    {
      name: 'a helper the controller does not include is not read',
      languageId: 'ruby', fileName: CONTROLLER,
      files: { '/p/app/helpers/interval_helper.rb': INTERVAL_HELPER, '/p/app/controllers/application_controller.rb': 'class ApplicationController < ActionController::Base\nend\n' },
      code: controller('#{length[:dur]} #{length[:intv]}'),
      errors: [{ messageId: 'concatenated' }], output: null,
    },
    {
      name: 'without a project index, a helper result is unknown, as before',
      languageId: 'ruby', fileName: CONTROLLER,
      code: controller('#{length[:dur]} #{length[:intv]}'),
      errors: [{ messageId: 'concatenated' }], output: null,
    },
    {
      name: 'a concern method one includer passes a value it reads at run time',
      languageId: 'ruby', fileName: SEARCH_FILE,
      files: { '/p/app/models/comment.rb': 'class Comment < ApplicationRecord\n  include FullTextSearch[:comment]\nend\n', '/p/app/models/story_text.rb': 'class StoryText < ApplicationRecord\n  include FullTextSearch[*Setting.columns]\nend\n' },
      code: SEARCH,
      errors: [{ messageId: 'concatenated' }], output: null,
    },
    {
      name: 'without a project index, a concern method parameter is unknown, as before',
      languageId: 'ruby', fileName: SEARCH_FILE,
      code: SEARCH,
      errors: [{ messageId: 'concatenated' }], output: null,
    },
  ],
});
